// The sandbox side of the made-up fakeClose: a method acting on the purchase returns the sandbox already
// keeps (a new kind of document would be a DocumentKind, as in test/main/sandbox/documents.test.ts).
import { formatChinaTime } from '../../../shared/operations/erp-time';
import { purchaseReturns, refuse, returnStatus, stringList, type MethodHandler } from '../../../main/sandbox';

/** Closes 已审核 returns (→ 已完成); answers per number in error_info, as batchCancelOrder does. */
export const fakeCloseHandler: MethodHandler = ([rawNos], { state, nowMs }) => {
  const nos = stringList(rawNos);
  if (!nos || nos.length === 0 || nos.length > 10) return refuse('退货单号每次调用不得超过10条或为空');
  const errorInfo: { order_no: string; message: string }[] = [];
  let mutated = false;
  for (const no of nos) {
    const order = state.table(purchaseReturns).get(no);
    if (!order) errorInfo.push({ order_no: no, message: '采购退货单号不存在' });
    else if (order.status !== returnStatus.checked) errorInfo.push({ order_no: no, message: '采购退货单不是已审核状态，不能关闭' });
    else {
      order.status = returnStatus.done;
      order.modified = formatChinaTime(nowMs);
      mutated = true;
    }
  }
  return { answer: { status: 0, data: { error_info: errorInfo, status: 0 } }, mutated };
};
