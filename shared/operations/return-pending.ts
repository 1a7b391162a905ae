// purchase.PurchaseReturn.pending (采购退货单停止等待): stop waiting on purchase returns; at most 500 per call.
import { field, msg } from './field-kit';
import { defineListOperation } from './list-operation';
import { errorInfoOutcomes } from './outcome-kit';
import { returnNoAliases } from './return-cancel';
import { returnReconcile } from './return-query';

export const returnPending = defineListOperation({
  id: 'return-pending',
  method: 'purchase.PurchaseReturn.pending',
  label: msg('采购退货单停止等待', 'Stop waiting on purchase returns'),
  description: msg('将采购退货单设为停止等待（停止出库）', 'Marks purchase returns as no longer waiting (stock-out stopped)'),
  keyDef: field({
    key: 'purchaseReturnNos',
    label: msg('采购退货单号', 'Purchase return no.'),
    // `purchaseReturnNos` (the API name) is this method's alone, so a sheet headed with it is unambiguous.
    aliases: [...returnNoAliases, 'purchaseReturnNos', 'purchase_return_nos'],
    // return_no is String(20) on the vendor's queryWithDetail page.
    type: 'id',
    required: true,
    maxLength: 20,
    description: msg('要停止等待的采购退货单号，每行一个', 'The purchase return number to stop waiting on, one per row'),
    example: 'CR202006290001',
  }),
  perCall: { max: 500 },
  reconcile: returnReconcile('stopped'),
  argument: 'list',
  outcomes: errorInfoOutcomes,
});
