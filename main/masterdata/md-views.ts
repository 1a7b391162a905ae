// The plain-data views of the master-data results that the CLI prints (`--json`, docs/masterdata.md)
// and a front end shows: words rendered in the reader's language, times as ISO and as the clerk reads them.
import { render, t, type Lang } from '../../shared/i18n';
import type { MasterdataCheck } from '../../shared/masterdata/check-create';
import { shownTime, type ListStatus } from './md-store';
import type { ErpCheck } from './md-service';
import type { PreviewReport } from './preview';
import type { RefreshReport } from './refresh';

export interface ListStatusJson {
  list: ListStatus['list'];
  state: ListStatus['state'];
  count: number;
  /** When the last complete refresh ended (ISO), and the same as the clerk reads it (China time). */
  refreshedAt: string | null;
  asOf: string | null;
  ageSeconds: number | null;
  resumable: boolean;
  notice: string | null;
}

export const statusJson = (lists: readonly ListStatus[], now: number, lang: Lang): ListStatusJson[] =>
  lists.map((s) => ({
    list: s.list,
    state: s.state,
    count: s.count,
    refreshedAt: s.refreshedAt === null ? null : new Date(s.refreshedAt).toISOString(),
    asOf: s.refreshedAt === null ? null : shownTime(s.refreshedAt),
    ageSeconds: s.refreshedAt === null ? null : Math.max(0, Math.round((now - s.refreshedAt) / 1000)),
    resumable: s.resumable,
    notice: s.notice ? render(lang, s.notice) : null,
  }));

export const refreshJson = (r: RefreshReport & { profile: string }, lang: Lang) => ({
  profile: r.profile,
  complete: r.complete,
  lists: r.lists.map((l) => ({ list: l.list, outcome: l.outcome, calls: l.calls, records: l.records, notice: l.notice ? render(lang, l.notice) : null })),
});

const checkJson = (c: MasterdataCheck, lang: Lang) => ({
  warnings: c.problems.map((p) => ({ row: p.row, column: p.column, field: p.field, message: render(lang, p.text) })),
  names: c.names,
});

/** A preview row for print: `rows` maps a document number to the sheet rows naming it. */
export const previewJson = (p: PreviewReport, rowsOf: (key: string) => readonly number[], lang: Lang) => {
  const counts = { ok: 0, blocked: 0, unknown: 0 };
  for (const r of p.rows) counts[r.verdict] += 1;
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

/** "3 天" / "2 小时" / "5 分钟": a list's age as the clerk reads it. */
export function ageText(seconds: number, lang: Lang): string {
  if (seconds >= 86_400) return t(lang, 'masterdata.age.days', { n: Math.floor(seconds / 86_400) });
  if (seconds >= 3600) return t(lang, 'masterdata.age.hours', { n: Math.floor(seconds / 3600) });
  return t(lang, 'masterdata.age.minutes', { n: Math.max(0, Math.floor(seconds / 60)) });
}

export const verdictWord = (v: 'ok' | 'blocked' | 'unknown', lang: Lang): string => t(lang, `masterdata.verdict.${v}`);

/** checkSheet's finding as printed (`masterdata check`, `validate --check-erp`). */
export const erpCheckJson = (c: ErpCheck, lang: Lang) =>
  c.kind === 'create'
    ? { ...checkJson(c.check, lang), missingLists: c.missingLists }
    : { preview: previewJson(c.preview, (key) => c.rowsOf.get(key) ?? [], lang) };
