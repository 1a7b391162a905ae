// A made-up list-style method, as a new method's file in shared/operations/ would look
// (docs/adding-a-method.md): purchase.PurchaseReturn.fakeClose closes checked purchase returns, at most
// 10 per call, and answers like batchCancelOrder ({ error_info, status }). It lives in the test tree only.
import { field, msg } from '../../../shared/operations/field-kit';
import { defineListOperation } from '../../../shared/operations/list-operation';
import { errorInfoOutcomes } from '../../../shared/operations/outcome-kit';

export const fakeClose = defineListOperation({
  id: 'return-fake-close',
  method: 'purchase.PurchaseReturn.fakeClose',
  label: msg('采购退货单关闭（测试）', 'Close purchase returns (test)'),
  description: msg('关闭已审核的采购退货单', 'Closes checked purchase returns'),
  keyDef: field({
    key: 'closeReturnNos',
    label: msg('待关闭退货单号', 'Return no. to close'),
    // Only its own label and API name name this method: 采购退货单号 stays cancel's and pending's.
    aliases: ['closeReturnNos'],
    type: 'id',
    required: true,
    maxLength: 20,
    description: msg('要关闭的采购退货单号，每行一个', 'The purchase return number to close, one per row'),
    example: 'CR202406010003',
  }),
  perCall: { max: 10 },
  argument: 'list',
  outcomes: errorInfoOutcomes,
});
