// wms.stockother.In.cancelOrder and wms.stockin.Purchase.cancel in the sandbox.
import { otherInStatus, stockinStatus, type OtherInDoc } from './model';
import { refuse, stringList, type MethodHandler } from './handler-kit';

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

export const otherInCancel: MethodHandler = ([rawNos], { state }) => {
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
    success.push(no);
  }
  return { answer: { status: 0, data: { success_data: success, error_data: errors } }, mutated: success.length > 0 };
};

/** One purchase stock-in per call; only 编辑中 can be cancelled. */
export const stockinCancel: MethodHandler = ([rawNo], { state }) => {
  if (typeof rawNo !== 'string' || rawNo.trim() === '') return refuse('入库单号不能为空');
  const doc = state.stockins.get(rawNo.trim());
  if (!doc) return refuse('入库单不存在');
  if (doc.status !== stockinStatus.editing) return refuse('入库单状态不为编辑中');
  doc.status = stockinStatus.cancelled;
  return { answer: { status: 0 }, mutated: true };
};
