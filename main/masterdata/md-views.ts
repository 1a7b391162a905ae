// The plain-data views of the master-data results that the CLI prints (`--json`, docs/masterdata.md)
// and a front end shows: words rendered in the reader's language, times as ISO and as the clerk reads them.
import type { MasterdataListView, MasterdataPreviewView } from '../../shared/contract';
import { render, t, type Lang } from '../../shared/i18n';
import type { MasterdataCheck } from '../../shared/masterdata/check-create';
import { shownTime, type ListStatus } from './md-store';
import type { ErpCheck } from './md-service';
import type { PreviewReport } from './preview';
import type { RefreshReport } from './refresh';

/** A list's state and age, its notice still in words to render (the app's contract carries it so). */
export function listView(s: ListStatus, now: number): MasterdataListView {
  return {
    list: s.list,
    state: s.state,
    count: s.count,
    refreshedAt: s.refreshedAt === null ? null : new Date(s.refreshedAt).toISOString(),
    asOf: s.refreshedAt === null ? null : shownTime(s.refreshedAt),
    ageSeconds: s.refreshedAt === null ? null : Math.max(0, Math.round((now - s.refreshedAt) / 1000)),
    resumable: s.resumable,
    notice: s.notice,
  };
}

/** The same for print (`masterdata status --json`): the notice rendered. */
export const statusJson = (lists: readonly ListStatus[], now: number, lang: Lang) =>
  lists.map((s) => {
    const view = listView(s, now);
    return { ...view, notice: view.notice ? render(lang, view.notice) : null };
  });

export const refreshJson = (r: RefreshReport & { profile: string }, lang: Lang) => ({
  profile: r.profile,
  complete: r.complete,
  lists: r.lists.map((l) => ({ list: l.list, outcome: l.outcome, calls: l.calls, records: l.records, notice: l.notice ? render(lang, l.notice) : null })),
  notice: r.notice ? render(lang, r.notice) : null,
});

const checkJson = (c: MasterdataCheck, lang: Lang) => ({
  warnings: c.problems.map((p) => ({ row: p.row, column: p.column, field: p.field, message: render(lang, p.text) })),
  names: c.names,
});

/** A preview row for print: `rows` maps a document number to the sheet rows naming it. */
const verdictCounts = (p: PreviewReport) => {
  const counts = { ok: 0, blocked: 0, unknown: 0 };
  for (const r of p.rows) counts[r.verdict] += 1;
  return counts;
};

/** A preview as the review screen shows it: words still to render in the reader's language. */
export const previewView = (p: PreviewReport, rowsOf: (key: string) => readonly number[], o: { importId: string; cap: number; at: string }): MasterdataPreviewView => ({
  importId: o.importId,
  profile: p.profile ?? '',
  mode: p.mode,
  cap: o.cap,
  complete: p.complete,
  calls: p.calls,
  counts: verdictCounts(p),
  notice: p.notice ?? null,
  at: o.at,
  rows: p.rows.map((r) => ({ key: r.key, rows: [...rowsOf(r.key)], verdict: r.verdict, labels: r.labels, reason: r.reason ?? null, found: r.found ?? null })),
});

export const previewJson = (p: PreviewReport, rowsOf: (key: string) => readonly number[], lang: Lang) => {
  const counts = verdictCounts(p);
  return {
    operation: p.operation,
    mode: p.mode,
    complete: p.complete,
    calls: p.calls,
    counts,
    notice: p.notice ? render(lang, p.notice) : null,
    rows: p.rows.map((r) => ({
      key: r.key,
      rows: [...rowsOf(r.key)],
      verdict: r.verdict,
      state: r.labels.map((l) => render(lang, l)).join(' / '),
      reason: r.reason ? render(lang, r.reason) : null,
      found: r.found ?? null,
    })),
  };
};

export const verdictWord = (v: 'ok' | 'blocked' | 'unknown', lang: Lang): string => t(lang, `masterdata.verdict.${v}`);

/** checkSheet's finding as printed (`masterdata check`, `validate --check-erp`). */
export const erpCheckJson = (c: ErpCheck, lang: Lang) =>
  c.kind === 'create'
    ? { ...checkJson(c.check, lang), missingLists: c.missingLists }
    : { preview: previewJson(c.preview, (key) => c.rowsOf.get(key) ?? [], lang) };
