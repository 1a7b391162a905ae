// What the four master-data queries share in the sandbox: the 30-day window on the modified time, and
// pages (page_no from 0; page_size 1–100, as the sandbox's other queries take it).
import { parseChinaTime } from '../documents/kit';
import { refuse, type HandlerContext, type SandboxAnswer } from '../handler-kit';

const thirtyDaysMs = 30 * 24 * 3600_000;

/** The vendor's refusals, as its pages and error list word them. */
export const windowRefusals = {
  missing: '参数中必须包含起止时间',
  tooWide: '您的查询时间过宽,查询时间不能大于30天',
  reversed: '结束时间不能早于开始时间',
  badTime: '时间格式错误',
} as const;

export type Window = { start: number; end: number };

/**
 * A window from two times (either may be absent when `endDefaultsToNow`): a refusal string when it is
 * missing, unreadable, reversed or wider than 30 days.
 */
export function windowOf(startText: string | undefined, endText: string | undefined, nowMs: number, endDefaultsToNow = false): Window | string {
  if (!startText || (!endText && !endDefaultsToNow)) return windowRefusals.missing;
  const start = parseChinaTime(startText);
  const end = endText ? parseChinaTime(endText) : nowMs;
  if (start === null || end === null) return windowRefusals.badTime;
  if (end < start) return windowRefusals.reversed;
  if (end - start > thirtyDaysMs) return windowRefusals.tooWide;
  return { start, end };
}

export const inWindow = (ms: number, w: Window): boolean => ms >= w.start && ms <= w.end;

/** A paging refusal, or null. */
export function pagingRefusal({ paging }: HandlerContext): { answer: SandboxAnswer; mutated: boolean } | null {
  if (!Number.isInteger(paging.pageSize) || paging.pageSize < 1 || paging.pageSize > 100) return refuse('page_size必须在1到100之间');
  if (!Number.isInteger(paging.pageNo) || paging.pageNo < 0) return refuse('page_no不能小于0');
  return null;
}

/** One page of `items`, with the total the vendor reports, under the list's own name (details / goods_list). */
export function pageOf<T>(items: readonly T[], listName: string, { paging }: HandlerContext): { answer: SandboxAnswer; mutated: boolean } {
  const page = items.slice(paging.pageNo * paging.pageSize, (paging.pageNo + 1) * paging.pageSize);
  return { answer: { status: 0, data: { total_count: items.length, [listName]: page } }, mutated: false };
}

/** The vendor's 0/1 flags arrive as numbers, strings or booleans. */
export const flag = (value: unknown, fallback: boolean): boolean =>
  value === undefined || value === null || value === '' ? fallback : value === true || value === 1 || value === '1' || value === 'true';
