// wms.stockother.In.cancelOrder and wms.stockin.Purchase.cancel in the sandbox, and the two read-only
// queries that show what they did (times answered as epoch ms, as those pages' examples do).
import { z } from 'zod';
import { formatChinaTime, otherInStatus, parseChinaTime, stockinStatus, type OtherInDoc } from './model';
import { refuse, stringList, type HandlerContext, type MethodHandler } from './handler-kit';

/** The page names no per-call limit; the sandbox refuses more than this so the limit is testable. */
export const otherInCancelLimit = 1000;

const cancellable: readonly number[] = [otherInStatus.editing, otherInStatus.pendingCheck, otherInStatus.checked];
/** v1.5.7.0+: a `-1` document may also be cancelled when already pushed to the WMS. */
const cancellableDashOne: readonly number[] = [...cancellable, otherInStatus.pushedToWms];

/**
 * The -1 rule: a number that exists is used as is; a number given without its `-1` suffix that
 * does not exist cancels the `-1` document. success_data reports the number as given, so a
 * caller can match it to its own rows.
 */
function findOtherIn(no: string, docs: Map<string, OtherInDoc>): { doc: OtherInDoc; dashOne: boolean } | null {
  const exact = docs.get(no);
  if (exact) return { doc: exact, dashOne: no.endsWith('-1') };
  const withSuffix = docs.get(`${no}-1`);
  return withSuffix ? { doc: withSuffix, dashOne: true } : null;
}

export const otherInCancel: MethodHandler = ([rawNos], { state, nowMs }) => {
  const nos = stringList(rawNos);
  if (!nos || nos.length === 0) return refuse('业务单号不能为空');
  if (nos.length > otherInCancelLimit) return refuse(`业务单号每次调用不得超过${otherInCancelLimit}条`);
  const success: string[] = [];
  const errors: { order_no: string; err_msg: string }[] = [];
  for (const no of nos) {
    const found = findOtherIn(no, state.otherIns);
    if (!found) {
      errors.push({ order_no: no, err_msg: '单据不存在' });
      continue;
    }
    const allowed = found.dashOne ? cancellableDashOne : cancellable;
    if (!allowed.includes(found.doc.status)) {
      errors.push({ order_no: no, err_msg: '单据状态不是编辑中、待审核、已审核，不允许取消' });
      continue;
    }
    found.doc.status = otherInStatus.cancelled;
    found.doc.modified = formatChinaTime(nowMs);
    success.push(no);
  }
  return { answer: { status: 0, data: { success_data: success, error_data: errors } }, mutated: success.length > 0 };
};

/** One purchase stock-in per call; only 编辑中 can be cancelled. */
export const stockinCancel: MethodHandler = ([rawNo], { state, nowMs }) => {
  if (typeof rawNo !== 'string' || rawNo.trim() === '') return refuse('入库单号不能为空');
  const doc = state.stockins.get(rawNo.trim());
  if (!doc) return refuse('入库单不存在');
  if (doc.status !== stockinStatus.editing) return refuse('入库单状态不为编辑中');
  doc.status = stockinStatus.cancelled;
  doc.modified = formatChinaTime(nowMs);
  return { answer: { status: 0 }, mutated: true };
};

const queryParams = z.looseObject({
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  stockin_no: z.string().optional(),
  other_in_no: z.string().optional(),
  status: z.union([z.string(), z.number()]).optional(),
});
const thirtyDaysMs = 30 * 24 * 3600_000;

/** The window on `modified`, as both pages require it: both ends, at most 30 days; a string is the refusal. */
function windowOf(p: z.infer<typeof queryParams>): { start: number; end: number } | string {
  const start = p.start_time ? parseChinaTime(p.start_time) : null;
  const end = p.end_time ? parseChinaTime(p.end_time) : null;
  if (start === null || end === null) return '参数中必须包含起止时间';
  if (end - start > thirtyDaysMs) return '您的查询时间过宽,查询时间不能大于30天';
  return { start, end };
}

const statusFilter = (raw: string | number | undefined): ((status: number) => boolean) => {
  if (raw === undefined || raw === '') return () => true;
  const wanted = String(raw).split(',').map(Number);
  return (status) => wanted.includes(status);
};

function page<T>(items: T[], { paging }: HandlerContext): { answer: { status: number; data: { order: T[]; total_count: number } }; mutated: boolean } {
  const order = items.slice(paging.pageNo * paging.pageSize, (paging.pageNo + 1) * paging.pageSize);
  return { answer: { status: 0, data: { order, total_count: items.length } }, mutated: false };
}

const epochMs = (text: string): number => parseChinaTime(text) ?? 0;

/** wms.stockin.Purchase.queryWithDetail: start_time and end_time required (on modified), stockin_no narrows. */
export const stockinQuery: MethodHandler = ([raw], ctx) => {
  const p = queryParams.safeParse(raw);
  if (!p.success) return refuse('params参数格式错误');
  const window = windowOf(p.data);
  if (typeof window === 'string') return refuse(window);
  const wanted = statusFilter(p.data.status);
  const docs = [...ctx.state.stockins.values()].filter((d) => {
    const changed = epochMs(d.modified);
    return changed >= window.start && changed <= window.end && wanted(d.status) && (!p.data.stockin_no || d.stockin_no === p.data.stockin_no);
  });
  return page(
    docs.map((d) => ({ order_no: d.stockin_no, status: d.status, warehouse_no: d.warehouse_no, provider_no: d.provider_no, modified: epochMs(d.modified) })),
    ctx,
  );
};

/** wms.stockother.InQuery.queryWithDetail: by other_in_no (no window needed), or by a window on modified. */
export const otherInQuery: MethodHandler = ([raw], ctx) => {
  const p = queryParams.safeParse(raw);
  if (!p.success) return refuse('params参数格式错误');
  const wanted = statusFilter(p.data.status);
  let docs = [...ctx.state.otherIns.values()];
  if (p.data.other_in_no) docs = docs.filter((d) => d.order_no === p.data.other_in_no);
  else {
    const window = windowOf(p.data);
    if (typeof window === 'string') return refuse(window);
    docs = docs.filter((d) => epochMs(d.modified) >= window.start && epochMs(d.modified) <= window.end);
  }
  return page(
    docs.filter((d) => wanted(d.status)).map((d) => ({ other_in_no: d.order_no, status: d.status, warehouse_no: d.warehouse_no, modified: epochMs(d.modified) })),
    ctx,
  );
};
