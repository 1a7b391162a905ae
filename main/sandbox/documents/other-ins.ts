// Other stock-in business documents (其他入库业务单据): wms.stockother.In.cancelOrder, with the -1 rule,
// and wms.stockother.InQuery.queryWithDetail, the read-only query that shows what it did.
import { z } from 'zod';
import { refuse, stringList, type MethodHandler } from '../handler-kit';
import { defineDocument, epochMs, formatChinaTime, seedTime, seedTimeDefault } from './kit';
import { page, queryParams, statusFilter, windowOf } from './window-query';

/** Other stock-in business document status, as wms.stockother.InQuery.queryWithDetail numbers it. */
export const otherInStatus = { editing: 1, pendingCheck: 10, checked: 20, pushedToWms: 40, partlyIn: 60, toSettle: 65, done: 70, cancelled: 80 } as const;

export const otherInSchema = z.object({
  order_no: z.string(),
  status: z.number().int().default(otherInStatus.pendingCheck),
  warehouse_no: z.string().default(''),
  /** A data file from before documents had times reads as last changed at the seed time. */
  modified: z.string().default(seedTimeDefault),
});
export type OtherInDoc = z.infer<typeof otherInSchema>;

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
function findOtherIn(no: string, docs: ReadonlyMap<string, OtherInDoc>): { doc: OtherInDoc; dashOne: boolean } | null {
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
    const found = findOtherIn(no, state.table(otherIns));
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

/** wms.stockother.InQuery.queryWithDetail: by other_in_no (no window needed), or by a window on modified. */
export const otherInQuery: MethodHandler = ([raw], ctx) => {
  const p = queryParams.safeParse(raw);
  if (!p.success) return refuse('params参数格式错误');
  const wanted = statusFilter(p.data.status);
  let docs = [...ctx.state.table(otherIns).values()];
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

function seedOtherIns(): OtherInDoc[] {
  const doc = (order_no: string, status: number, warehouse_no = 'WH001'): OtherInDoc => ({ order_no, status, warehouse_no, modified: seedTime(30) });
  return [
    doc('QR3795', otherInStatus.pendingCheck),
    doc('QR3796', otherInStatus.editing),
    doc('QR3797', otherInStatus.done),
    doc('QR3798', otherInStatus.checked),
    // The -1 rule: 'QR3799' (without suffix) cancels 'QR3799-1'; pushed-to-WMS -1 documents too.
    doc('QR3799-1', otherInStatus.pendingCheck),
    doc('QR3800-1', otherInStatus.pushedToWms, 'WH002'),
    doc('QR3801', otherInStatus.cancelled),
    doc('QR3802', otherInStatus.pushedToWms, 'WH002'),
    ...Array.from({ length: 40 }, (_, i) => doc(`QR4${String(i + 1).padStart(3, '0')}`, otherInStatus.pendingCheck)),
  ];
}

export const otherIns = defineDocument<OtherInDoc>({
  table: 'otherIns',
  schema: otherInSchema,
  keyOf: (d) => d.order_no,
  seed: seedOtherIns,
  methods: { 'wms.stockother.In.cancelOrder': otherInCancel, 'wms.stockother.InQuery.queryWithDetail': otherInQuery },
});
