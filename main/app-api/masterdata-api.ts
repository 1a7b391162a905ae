// The app's master-data channels (shared/contract/masterdata.contract.ts) over services.masterdata:
// each list's age, and one refresh at a time whose progress is pushed to the renderer and which the
// clerk can stop (what was fetched is kept; the next refresh continues there); the names of a read
// sheet's codes; and the review screen's preview of a cancel/pending list, one at a time, stoppable,
// kept with its read so the orders the clerk drops after it are recorded with what it found.
import type { EventSink, MasterdataNamesView, ServerApi } from '../../shared/contract';
import { t } from '../../shared/i18n';
import { appError, err, ok } from '../../shared/result';
import { listView, previewView } from '../masterdata/md-views';
import { shownTime } from '../masterdata/md-store';
import type { Services } from '../services';
import type { ImportState } from './import-api';
import { briefsOf } from '../../shared/row-list';

type MasterdataApi = Pick<ServerApi, 'masterdataStatus' | 'masterdataRefresh' | 'masterdataStop' | 'masterdataNames' | 'masterdataPreview' | 'masterdataPreviewStop'>;

const noNames = (): MasterdataNamesView => ({ warehouse_no: {}, provider_no: {}, spec_no: {} });

export function createMasterdataApi(services: Services, emit: EventSink, state: ImportState): MasterdataApi {
  let running: { profile: string | undefined; stop: AbortController; done: ReturnType<ServerApi['masterdataRefresh']> } | null = null;
  let previewing: { importId: string; stop: AbortController; done: ReturnType<ServerApi['masterdataPreview']> } | null = null;
  const unknownImport = () => err(appError('INVALID_ARGUMENT', t(services.settings.lang(), 'ui.error.importUnknown')));
  return {
    async masterdataStatus({ profile }) {
      const got = await services.masterdata.status(profile);
      if (!got.ok) return got;
      const now = services.clock.now();
      return ok({ profile: got.value.profile, lists: got.value.lists.map((l) => listView(l, now)), refreshing: running !== null });
    },
    masterdataRefresh({ profile }) {
      // A second click while one runs waits for the same refresh rather than starting another.
      if (running) return running.done;
      const stop = new AbortController();
      const done = (async () => {
        try {
          const got = await services.masterdata.refresh(profile, {
            signal: stop.signal,
            onProgress: (p) =>
              emit('onDidMasterdataProgress', { profile: profile ?? '', list: p.list, calls: p.calls, records: p.records, until: p.untilMs === null ? null : new Date(p.untilMs).toISOString().slice(0, 10) }),
          });
          if (!got.ok) return got;
          const { profile: name, complete, lists, notice } = got.value;
          return ok({ profile: name, complete, lists: lists.map((l) => ({ ...l, notice: l.notice ?? null })), ...(notice ? { notice } : {}) });
        } finally {
          running = null;
        }
      })();
      running = { profile, stop, done };
      return done;
    },
    async masterdataStop() {
      running?.stop.abort();
      return ok(undefined);
    },
    async masterdataNames({ importId, profile }) {
      const sheet = state.get(importId);
      if (!sheet) return unknownImport();
      const checked = await services.masterdata.checkSheet(profile, sheet, { query: false });
      // A copy that cannot be read shows no names: the codes are still there, and the warnings say why.
      return ok(checked.ok && checked.value?.kind === 'create' ? checked.value.check.names : noNames());
    },
    masterdataPreview({ importId, profile }) {
      // The same read asked again while it runs waits for that preview; another read's waits its turn by refusal.
      if (previewing?.importId === importId) return previewing.done;
      if (previewing) return Promise.resolve(err(appError('JOB_STATE', t(services.settings.lang(), 'masterdata.review.previewBusy'))));
      const sheet = state.get(importId);
      if (!sheet) return Promise.resolve(unknownImport());
      const stop = new AbortController();
      const done = (async () => {
        try {
          const settings = await services.masterdata.settings();
          if (!settings.ok) return settings;
          const orders = briefsOf(sheet.orders);
          const keys = orders.map((o) => o.key);
          const got = await services.masterdata.preview(profile, sheet.operation, keys, {
            signal: stop.signal,
            onProgress: (p) => emit('onDidMasterdataPreviewProgress', { importId, ...p }),
          });
          if (!got.ok) return got;
          const at = shownTime(services.clock.now());
          state.previews.set(importId, { report: got.value, at });
          const rowsOf = new Map(orders.map((o) => [o.key, o.rows]));
          return ok(previewView(got.value, (key) => rowsOf.get(key) ?? [], { importId, cap: settings.value.previewCap, at }));
        } finally {
          previewing = null;
        }
      })();
      previewing = { importId, stop, done };
      return done;
    },
    async masterdataPreviewStop() {
      previewing?.stop.abort();
      return ok(undefined);
    },
  };
}
