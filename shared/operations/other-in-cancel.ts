// wms.stockother.In.cancelOrder (其他入库业务单据取消): cancel other stock-in documents by business number.
// The page gives no per-call limit: the profile setting 'otherInCancelPerCall' (default 100) decides,
// capped here at a ceiling we trust the server with.
import { z } from 'zod';
import { field, msg } from './field-kit';
import { defineListOperation } from './list-operation';
import { looseText, ourText, refusedAll, unknownAll } from './outcome-kit';
import { otherInReconcile } from './stock-in-queries';
import type { ErpAnswer, OrderOutcome } from './types';

const cancelData = z.looseObject({
  success_data: z.array(looseText).nullish(),
  error_data: z.array(z.looseObject({ order_no: looseText, err_msg: looseText.optional() })).nullish(),
});

/** Since v1.5.7.0 a number given without its `-1` suffix may cancel the `X-1` document. */
const suffixed = (key: string): string => `${key}-1`;

function outcomes(answer: ErpAnswer, keys: readonly string[]): OrderOutcome[] {
  if (answer.status !== 0) return refusedAll(answer, keys);
  const parsed = cancelData.safeParse(answer.data);
  if (!parsed.success) return unknownAll(keys, 'operations.outcome.unreadable');
  const done = new Set((parsed.data.success_data ?? []).map((n) => n.trim()));
  const failed = new Map<string, string>();
  for (const e of parsed.data.error_data ?? []) {
    if (!failed.has(e.order_no.trim())) failed.set(e.order_no.trim(), e.err_msg ?? '');
  }
  const failure = (key: string, reason: string): OrderOutcome =>
    reason.trim()
      ? { key, state: 'failed', message: reason }
      : { key, state: 'failed', ...ourText('operations.outcome.refusedNoReason', { status: answer.status }) };
  return keys.map((key): OrderOutcome => {
    // The number exactly as given wins; the `-1` document only stands in when the number itself is not listed.
    const ownReason = failed.get(key);
    if (ownReason !== undefined) return failure(key, ownReason);
    if (done.has(key)) return { key, state: 'succeeded' };
    // erpNo names the document the ERP actually cancelled, so the results workbook shows it.
    if (done.has(suffixed(key))) return { key, state: 'succeeded', erpNo: suffixed(key) };
    const suffixReason = failed.get(suffixed(key));
    if (suffixReason !== undefined) return failure(key, suffixReason);
    return { key, state: 'unknown', ...ourText('operations.outcome.notListed') };
  });
}

export const otherInCancel = defineListOperation({
  id: 'other-in-cancel',
  method: 'wms.stockother.In.cancelOrder',
  label: msg('其他入库业务单据取消', 'Cancel other stock-in documents'),
  description: msg(
    '取消已审核、待审核、编辑中的其他入库业务单据；不带 -1 的单号也可取消对应的 -1 单据',
    'Cancels other stock-in documents that are checked, awaiting check or being edited; a number without -1 may cancel its -1 document',
  ),
  keyDef: field({
    key: 'order_no_list',
    label: msg('其他入库单号', 'Other stock-in no.'),
    aliases: ['业务单号', '其他入库业务单号', '其他入库单编号', 'order_no', 'orderNo', 'order_no_list', 'orderNoList'],
    // other_in_no is String(40) on the vendor's wms.stockother.InQuery.queryWithDetail page.
    type: 'id',
    required: true,
    maxLength: 40,
    description: msg('要取消的其他入库业务单号，每行一个', 'The other stock-in business number to cancel, one per row'),
    example: 'QR3796',
  }),
  perCall: { max: 1000, setting: 'otherInCancelPerCall' },
  reconcile: otherInReconcile,
  argument: 'list',
  outcomes,
});
