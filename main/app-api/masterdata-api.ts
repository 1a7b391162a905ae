// The app's master-data channels (shared/contract/masterdata.contract.ts) over services.masterdata:
// each list's age, and one refresh at a time whose progress is pushed to the renderer and which the
// clerk can stop (what was fetched is kept; the next refresh continues there).
import type { EventSink, ServerApi } from '../../shared/contract';
import { ok } from '../../shared/result';
import { listView } from '../masterdata/md-views';
import type { Services } from '../services';

type MasterdataApi = Pick<ServerApi, 'masterdataStatus' | 'masterdataRefresh' | 'masterdataStop'>;

export function createMasterdataApi(services: Services, emit: EventSink): MasterdataApi {
  let running: { profile: string | undefined; stop: AbortController; done: ReturnType<ServerApi['masterdataRefresh']> } | null = null;
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
  };
}
