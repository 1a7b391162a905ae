// purchase.PurchaseReturn.batchCancelOrder (采购退货批量取消): cancel purchase returns by number.
// Only 编辑中/待审核/已审核 returns not yet shipped out can be cancelled; at most 20 per call, never empty.
import { field, msg } from './field-kit';
import { defineListOperation } from './list-operation';
import { errorInfoOutcomes } from './outcome-kit';
import { returnReconcile } from './return-query';

/** The return-number column shared by batchCancelOrder and pending (their sheets look alike). */
export const returnNoAliases = ['采购退货单号', '退货单号', '单号', '退货单编号', '采购退货单编号', 'return_no', 'returnNo'] as const;

export const returnCancel = defineListOperation({
  id: 'return-cancel',
  method: 'purchase.PurchaseReturn.batchCancelOrder',
  label: msg('采购退货批量取消', 'Cancel purchase returns'),
  description: msg(
    '取消已生成的采购退货单；仅编辑中、待审核、已审核且未出库的单据可以取消',
    'Cancels purchase returns; only returns that are being edited, awaiting check or checked, and not yet shipped out, can be cancelled',
  ),
  keyDef: field({
    key: 'returnNos',
    label: msg('采购退货单号', 'Purchase return no.'),
    // `returnNos` (the API name) is this method's alone, so a sheet headed with it is unambiguous.
    aliases: [...returnNoAliases, 'returnNos', 'return_nos'],
    // return_no is String(20) on the vendor's queryWithDetail page.
    type: 'id',
    required: true,
    maxLength: 20,
    description: msg('要取消的采购退货单号，每行一个', 'The purchase return number to cancel, one per row'),
    example: 'CR202211100001',
  }),
  perCall: { max: 20 },
  reconcile: returnReconcile('cancelled'),
  argument: 'list',
  outcomes: errorInfoOutcomes,
});
