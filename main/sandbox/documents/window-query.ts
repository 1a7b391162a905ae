// What the two stock-in queries share: a window on `modified` (both ends, at most 30 days), a status
// filter that takes a comma list, and a page of the answer (times answered as epoch ms, as those pages do).
import { z } from 'zod';
import type { HandlerContext } from '../handler-kit';
import { parseChinaTime } from './kit';

export const queryParams = z.looseObject({
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  stockin_no: z.string().optional(),
  other_in_no: z.string().optional(),
  status: z.union([z.string(), z.number()]).optional(),
});
const thirtyDaysMs = 30 * 24 * 3600_000;

/** The window on `modified`, as both pages require it: both ends, at most 30 days; a string is the refusal. */
export function windowOf(p: z.infer<typeof queryParams>): { start: number; end: number } | string {
  const start = p.start_time ? parseChinaTime(p.start_time) : null;
  const end = p.end_time ? parseChinaTime(p.end_time) : null;
  if (start === null || end === null) return '参数中必须包含起止时间';
  if (end - start > thirtyDaysMs) return '您的查询时间过宽,查询时间不能大于30天';
  return { start, end };
}

export const statusFilter = (raw: string | number | undefined): ((status: number) => boolean) => {
  if (raw === undefined || raw === '') return () => true;
  const wanted = String(raw).split(',').map(Number);
  return (status) => wanted.includes(status);
};

export function page<T>(items: T[], { paging }: HandlerContext): { answer: { status: number; data: { order: T[]; total_count: number } }; mutated: boolean } {
  const order = items.slice(paging.pageNo * paging.pageSize, (paging.pageNo + 1) * paging.pageSize);
  return { answer: { status: 0, data: { order, total_count: items.length } }, mutated: false };
}
