// The refresh of a profile's local copy (docs/masterdata.md). Windowed lists (warehouses, suppliers,
// SKUs) are read by modified time from the list's high-water mark (the first time from a configurable
// start) in windows of at most 30 days and pages; supplier↔SKU, whose page takes no time, is read whole
// and what a complete read did not see is dropped. Every page is saved with the cursor in one
// transaction, so an interrupted refresh continues where it was. `权限不足` skips a list with a notice.
import { render, type Lang, type LocalizedText } from '../../shared/i18n';
import { formatChinaTime } from '../../shared/operations/erp-time';
import { appError, err, ok, type Result } from '../../shared/result';
import { listDefs, listIds, type ListId } from '../../shared/masterdata/lists';
import type { Clock } from '../effects';
import type { MasterdataStore, RefreshCursor } from './md-store';
import { queryPage, type QueryDeps } from './query-call';

/** The vendor's widest window (goods.Goods.queryWithSpec: 最大跨度为30天; the same is asked of every list). */
export const windowMs = 30 * 24 * 3600_000;
/** A new refresh starts this long before the last high-water mark: the ERP's clock and ours agree only so well. */
export const defaultOverlapMs = 10 * 60_000;
/** A runaway answer (a page that never ends) stops here rather than looping. */
const maxPages = 100_000;

export interface RefreshProgress {
  list: ListId;
  /** Calls made for this list in this refresh, and records they brought. */
  calls: number;
  records: number;
  /** The windowed list has everything modified up to here (ms); null for whole-list reads. */
  untilMs: number | null;
}

export interface ListReport {
  list: ListId;
  outcome: 'fresh' | 'denied' | 'failed' | 'stopped' | 'not-run';
  calls: number;
  records: number;
  notice?: LocalizedText;
}

export interface RefreshReport {
  lists: ListReport[];
  /** Every asked list is fresh or denied. */
  complete: boolean;
  /** Why nothing ran (another refresh of the profile holds its lease). */
  notice?: LocalizedText;
}

export interface RefreshDeps {
  store: MasterdataStore;
  query: QueryDeps;
  clock: Clock;
  lang: Lang;
}

export interface RefreshOptions {
  profile: string;
  /** The account the copy belongs to (sid@address); a copy of another account is dropped first. */
  account: string;
  lists?: readonly ListId[];
  /** Where a list's first refresh starts (ms). */
  startMs: number;
  pageSize: number;
  overlapMs?: number;
  onProgress?(progress: RefreshProgress): void;
  signal?: AbortSignal;
}

type ListEnd = { kind: 'report'; report: ListReport; stopRest?: boolean } | { kind: 'halt'; list: ListId; text: LocalizedText; code: Parameters<typeof appError>[0] };

export async function refreshMasterdata(deps: RefreshDeps, o: RefreshOptions): Promise<Result<RefreshReport>> {
  deps.store.openProfile(o.profile, o.account);
  const wanted = o.lists ?? listIds;
  const reports: ListReport[] = [];
  let stopRest = false;
  for (const list of wanted) {
    const previous = reports.at(-1);
    // The network failing, or the clerk stopping, ends the refresh: the rest would fail or be unwanted alike.
    if (previous && (previous.outcome === 'stopped' || stopRest)) {
      reports.push({ list, outcome: 'not-run', calls: 0, records: 0 });
      continue;
    }
    const end = await refreshList(deps, o, list);
    if (end.kind === 'halt') {
      deps.store.note(o.profile, list, end.text);
      return err(appError(end.code, render(deps.lang, end.text), { list }));
    }
    reports.push(end.report);
    stopRest = end.stopRest === true;
  }
  return ok({ lists: reports, complete: reports.every((r) => r.outcome === 'fresh' || r.outcome === 'denied') });
}

async function refreshList(deps: RefreshDeps, o: RefreshOptions, list: ListId): Promise<ListEnd> {
  const def = listDefs[list];
  const { store } = deps;
  const erpNow = () => deps.clock.now() + deps.query.client.clockOffsetMs;
  const row = store.list(o.profile, list);
  let cursor: RefreshCursor | null = row?.cursor ?? null;
  if (!cursor) {
    if (def.windowed) {
      const from = row?.high_water_ms != null ? row.high_water_ms - (o.overlapMs ?? defaultOverlapMs) : o.startMs;
      const windowStart = Math.floor(from / 1000) * 1000;
      // The ERP's times have one-second resolution: the window's end is a whole second, and so the high-water mark.
      const until = Math.floor(erpNow() / 1000) * 1000;
      cursor = { windowStart, windowEnd: Math.min(windowStart + windowMs, until), until, pageNo: 0 };
    } else cursor = { pageNo: 0, generation: deps.clock.now() };
    store.begin(o.profile, list, o.account, cursor);
  }
  let calls = 0;
  let records = 0;
  const report = (outcome: ListReport['outcome'], notice?: LocalizedText): ListEnd => ({
    kind: 'report',
    report: { list, outcome, calls, records, ...(notice ? { notice } : {}) },
  });
  const listName = render(deps.lang, { key: `masterdata.list.${list}` });
  // Nothing can have changed after now (a start set in the future, or a refresh right after the last one).
  if (def.windowed && cursor.windowStart! >= cursor.until!) {
    store.finish(o.profile, list, deps.clock.now(), row?.high_water_ms ?? cursor.until!, undefined);
    return report('fresh');
  }
  for (;;) {
    const window = def.windowed ? { start: formatChinaTime(cursor.windowStart!), end: formatChinaTime(cursor.windowEnd!) } : null;
    const out = await queryPage(deps.query, def.method, def.args(window), { pageSize: o.pageSize, pageNo: cursor.pageNo }, o.signal);
    if (out.kind !== 'stopped') calls += 1;
    switch (out.kind) {
      case 'stopped':
        store.note(o.profile, list, { key: 'masterdata.refresh.stopped' });
        return report('stopped', { key: 'masterdata.refresh.stopped' });
      case 'denied': {
        const notice: LocalizedText = { key: 'masterdata.refresh.denied', params: { list: listName, method: def.method } };
        store.deny(o.profile, list, o.account, notice);
        return report('denied', notice);
      }
      case 'halt':
        return { kind: 'halt', list, text: out.text, code: out.code };
      case 'failed':
      case 'refused': {
        const reason = out.kind === 'failed' ? render(deps.lang, out.text) : out.message;
        const notice: LocalizedText = { key: 'masterdata.refresh.failed', params: { list: listName, page: cursor.pageNo + 1, reason } };
        store.note(o.profile, list, notice);
        return { kind: 'report', report: { list, outcome: 'failed', calls, records, notice }, stopRest: out.kind === 'failed' };
      }
      case 'answer':
        break;
    }
    const page = def.parse(out.data);
    if (!page) {
      const notice: LocalizedText = { key: 'masterdata.refresh.unreadable', params: { list: listName, method: def.method } };
      store.note(o.profile, list, notice);
      return report('failed', notice);
    }
    records += page.records.length;
    const seen = (cursor.pageNo + 1) * o.pageSize;
    const morePages = page.records.length > 0 && (page.total === null ? page.records.length >= o.pageSize : seen < page.total) && cursor.pageNo < maxPages;
    const lastWindow = !def.windowed || cursor.windowEnd! >= cursor.until!;
    const next: RefreshCursor = morePages
      ? { ...cursor, pageNo: cursor.pageNo + 1 }
      : lastWindow
        ? { ...cursor, pageNo: cursor.pageNo + 1 }
        : { ...cursor, windowStart: cursor.windowEnd!, windowEnd: Math.min(cursor.windowEnd! + windowMs, cursor.until!), pageNo: 0 };
    store.savePage(o.profile, list, page.records, next);
    o.onProgress?.({ list, calls, records, untilMs: def.windowed ? (morePages ? cursor.windowStart! : next.windowStart!) : null });
    if (!morePages && lastWindow) {
      store.finish(o.profile, list, deps.clock.now(), def.windowed ? cursor.until! : null, cursor.generation);
      return report('fresh');
    }
    cursor = next;
  }
}
