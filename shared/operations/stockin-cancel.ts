// wms.stockin.Purchase.cancel (采购入库单取消): one purchase stock-in per call; its argument is one string.
import { field, msg } from './field-kit';
import { defineListOperation } from './list-operation';
import { refusedAll } from './outcome-kit';
import { stockinReconcile } from './stock-in-queries';
import type { ErpAnswer, OrderOutcome } from './types';

export const stockinCancel = defineListOperation({
  id: 'stockin-cancel',
  method: 'wms.stockin.Purchase.cancel',
  label: msg('采购入库单取消', 'Cancel purchase stock-ins'),
  description: msg('取消编辑中的采购入库单，每次调用一张', 'Cancels purchase stock-ins that are being edited, one per call'),
  keyDef: field({
    key: 'stockin_no',
    label: msg('采购入库单号', 'Purchase stock-in no.'),
    aliases: ['入库单号', '采购入库单编号', '入库单编号', 'stockinNo', 'stockin_no'],
    // stockin_no is String(20) on the vendor's wms.stockin.Purchase.queryWithDetail page.
    type: 'id',
    required: true,
    maxLength: 20,
    description: msg('要取消的采购入库单号，每行一个', 'The purchase stock-in number to cancel, one per row'),
    example: 'RK2006030008',
  }),
  perCall: { max: 1 },
  reconcile: stockinReconcile,
  argument: 'single',
  // The answer carries no data: status 0 means this one document was cancelled.
  outcomes: (answer: ErpAnswer, keys: readonly string[]): OrderOutcome[] =>
    answer.status === 0 ? keys.map((key) => ({ key, state: 'succeeded' })) : refusedAll(answer, keys),
});
