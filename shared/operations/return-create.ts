// purchase.PurchaseReturn.createOrder (采购退货单新建): one purchase return per call.
// Rows sharing an 外部单号 (outer_no) form one order: order-scope fields go to orderInfo,
// line-scope fields to one detailList entry per row. Lengths and types from seeds/003.
import { z } from 'zod';
import { booleanValues, field, msg, rowSchemaOf } from './field-kit';
import { jsonDecimal } from './json-body';
import { looseInt, looseText, ourText, refusedAll, unknownAll } from './outcome-kit';
import { sameItemFindings } from './same-item';
import type { CallOptions, ErpAnswer, FieldDef, FieldValue, OperationDef, OrderDraft, OrderOutcome } from './types';
import { returnReconcile } from './return-query';

const text255 = (key: string, zh: string, en: string, aliases: string[] = []): FieldDef =>
  field({ key, label: msg(zh, en), aliases, type: 'text', maxLength: 255, description: msg(zh, en) });

const orderFields: readonly FieldDef[] = [
  field({
    key: 'outer_no', label: msg('外部单号', 'External no.'), aliases: ['外部单据号', '外部编号', 'outerNo'],
    type: 'id', required: true, maxLength: 20,
    description: msg('外部单号，创建成功后作为系统退货单号；同一外部单号的多行合成一张退货单', 'Your number for the return; becomes the ERP return number. Rows with the same number form one return'),
    example: '20230112002CGTK',
  }),
  field({
    key: 'warehouse_no', label: msg('仓库编码', 'Warehouse code'), aliases: ['仓库编号', '仓库', 'warehouseNo'],
    type: 'id', required: true, maxLength: 40,
    description: msg('ERP 中的仓库编码', 'The warehouse code in the ERP'), example: 'wdtapi3-test',
  }),
  field({
    key: 'provider_no', label: msg('供应商编号', 'Supplier code'), aliases: ['供应商编码', '供应商', 'providerNo'],
    type: 'id', required: true, maxLength: 20,
    description: msg('ERP 中的供应商编号', 'The supplier code in the ERP'), example: 'LJTest',
  }),
  field({
    key: 'logistics_no', label: msg('物流公司编号', 'Carrier code'), aliases: ['物流公司编码', '物流公司', 'logisticsNo'],
    type: 'id', description: msg('ERP 内维护的采购业务类型的物流公司编号', 'A purchase-type carrier code kept in the ERP'),
  }),
  field({
    key: 'post_fee', label: msg('邮费', 'Postage'), aliases: ['运费', 'postFee'], type: 'decimal', nonNegative: true,
    description: msg('邮费，最多 4 位小数', 'Postage, at most 4 decimal places'),
  }),
  field({
    key: 'other_fee', label: msg('其他费用', 'Other fees'), aliases: ['其它费用', 'otherFee'], type: 'decimal', nonNegative: true,
    description: msg('其他费用，最多 4 位小数', 'Other fees, at most 4 decimal places'),
  }),
  field({
    key: 'contact', label: msg('联系人', 'Contact'), type: 'text', maxLength: 40,
    description: msg('联系人；不填则使用供应商默认联系人', 'Contact person; empty = the supplier’s default'),
  }),
  field({
    key: 'telno', label: msg('联系电话', 'Phone'), aliases: ['电话', '手机', '联系方式'], type: 'id', maxLength: 32,
    // The ERP refuses a masked number (138****1234, as platforms export them): 电话号码不能包含*.
    forbiddenChars: '*',
    description: msg('联系电话；不填则使用供应商默认电话', 'Phone number; empty = the supplier’s default'),
  }),
  field({
    key: 'receive_address', label: msg('收件地址', 'Delivery address'), aliases: ['地址', '收货地址', 'receiveAddress'],
    type: 'text', maxLength: 255,
    description: msg('收件地址；省、市、区、地址都不填时使用供应商的地址', 'Delivery address; when province, city, district and address are all empty the supplier’s is used'),
  }),
  field({ key: 'receive_province', label: msg('省', 'Province code'), aliases: ['省编码', '省份'], type: 'id', description: msg('省编码（见旺店通城市代码表）', 'Province code (WDT city code table)') }),
  field({ key: 'receive_city', label: msg('市', 'City code'), aliases: ['市编码', '城市'], type: 'id', description: msg('市编码（见旺店通城市代码表）', 'City code (WDT city code table)') }),
  field({ key: 'receive_district', label: msg('区', 'District code'), aliases: ['区编码', '区县'], type: 'id', description: msg('区编码（见旺店通城市代码表）', 'District code (WDT city code table)') }),
  text255('prop1', '自定义属性1', 'Custom property 1'),
  text255('prop2', '自定义属性2', 'Custom property 2'),
  text255('remark', '备注', 'Remark', ['单据备注', '订单备注']),
  field({
    key: 'ref_purchase_nos', label: msg('引用的采购单号', 'Referenced purchase orders'), aliases: ['引用采购单号', '采购单号', 'refPurchaseNos'],
    // Each number at most 20 characters: purchase_no is String(20) on the vendor's stock-in query page.
    type: 'idList', maxLength: 20,
    description: msg('引用的采购单号，多个用逗号分隔；采购单状态要大于已审核', 'Referenced purchase order numbers, separated by commas; they must be past checked'),
    example: 'RH23011110,RH22122901',
  }),
  field({
    key: 'check_fail_cancel', label: msg('审核失败是否取消单据', 'Cancel if the check fails'), aliases: ['审核失败取消', 'checkFailCancel'],
    type: 'enum',
    values: [
      { value: 0, labels: ['不取消', '否', 'n', 'no', 'false'] },
      { value: 1, labels: ['审核失败后取消', '取消', '是', 'y', 'yes', 'true'] },
    ],
    description: msg('0：不取消（默认）；1：审核失败后取消', '0: keep (default); 1: cancel the return when the check fails'),
  }),
];

const lineFields: readonly FieldDef[] = [
  field({
    key: 'spec_no', scope: 'line', label: msg('商家编码', 'Merchant SKU code'), aliases: ['货品编码', '规格编码', 'specNo'],
    type: 'id', required: true, maxLength: 40, description: msg('退货货品的商家编码', 'The merchant code of the item returned'), example: 'xiaowanzi',
  }),
  field({
    key: 'num', scope: 'line', label: msg('退货数量', 'Quantity'), aliases: ['数量', 'quantity', 'qty'],
    type: 'decimal', required: true, positive: true,
    description: msg('退货数量，大于 0，最多 4 位小数', 'Quantity returned, more than 0, at most 4 decimal places'), example: '3',
  }),
  // A discount is a rate (0.8 = 20 % off), so "80%" is read as 0.8 like a tax rate. The ERP refuses 0
  // (折扣应大于0): "no discount" is 1 or an empty cell.
  field({
    key: 'discount', scope: 'line', label: msg('折扣', 'Discount'), type: 'rate', positive: true,
    description: msg('折扣，大于 0，默认 1（原价）；八折填 0.8 或 80%', 'Discount, more than 0, default 1 (full price); 20 % off is 0.8 or 80%'),
  }),
  field({
    key: 'tax_rate', scope: 'line', label: msg('税率', 'Tax rate'), aliases: ['taxRate'], type: 'rate', nonNegative: true,
    description: msg('税率，默认 0；13% 填 0.13 或 13%', 'Tax rate, default 0; 13 % is 0.13 or 13%'),
  }),
  field({
    key: 'price', scope: 'line', label: msg('单价', 'Unit price'), aliases: ['价格', '退货单价'], type: 'decimal', nonNegative: true,
    description: msg('单价，默认 0，最多 4 位小数', 'Unit price, default 0, at most 4 decimal places'), example: '10',
  }),
  field({
    key: 'unit_name', scope: 'line', label: msg('基本单位', 'Unit'), aliases: ['单位', '退货单位', '辅助单位', 'unitName'],
    type: 'text', maxLength: 40, description: msg('退货单位（辅助单位）', 'Return unit (auxiliary unit)'),
  }),
  field({
    key: 'defect', scope: 'line', label: msg('是否残次品', 'Defective'), aliases: ['残次品', '是否残品', '次品'],
    type: 'boolean', values: booleanValues(['残次品', '残品', '次品'], ['正品', '良品']),
    description: msg('是否残次品：是/否，或 残次品/正品', 'Defective: yes/no, or 残次品 (defective) / 正品 (good)'), example: '是',
  }),
  field({
    key: 'detail_remark', apiName: 'remark', scope: 'line', label: msg('明细备注', 'Line remark'), aliases: ['商品备注', '货品备注'],
    type: 'text', maxLength: 255, description: msg('明细备注（单据备注请用“备注”列）', 'Remark on this line (the order remark is the "备注" column)'),
  }),
  field({
    key: 'batch_no', scope: 'line', label: msg('批次号', 'Batch no.'), aliases: ['批次', '批号', 'batchNo'], type: 'id', maxLength: 40,
    description: msg('批次号', 'Batch number'),
  }),
  field({
    key: 'expire_date', scope: 'line', label: msg('有效期', 'Expiry date'), aliases: ['到期日', '过期日期', 'expireDate'],
    type: 'datetime', description: msg('有效期，如 2020-04-20 或 2020-04-20 00:00:00', 'Expiry date, e.g. 2020-04-20 or 2020-04-20 00:00:00'),
  }),
  field({
    key: 'tax_price', scope: 'line', label: msg('税后金额', 'Amount after tax'), aliases: ['税后单价', 'taxPrice'], type: 'decimal', nonNegative: true,
    description: msg('税后金额，最多 4 位小数', 'Amount after tax, at most 4 decimal places'),
  }),
];

const fields = [...orderFields, ...lineFields];

/** One request map: each present field under its API name; decimals as exact JSON numbers. */
function requestMap(defs: readonly FieldDef[], values: Readonly<Record<string, FieldValue>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of defs) {
    const value = values[def.key];
    if (value === undefined) continue;
    const decimal = (def.type === 'decimal' || def.type === 'rate') && typeof value === 'string';
    out[def.apiName ?? def.key] = decimal ? jsonDecimal(value) : value;
  }
  return out;
}

const createData = z.looseObject({ status: looseInt, message: looseText.optional() });

/**
 * A return number as the ERP issues them (letters, digits, `-`/`_`, at least one digit). The page's field
 * table says a success answers `OK`; its example shows the number: anything else is not a number.
 */
const looksLikeReturnNo = (text: string): boolean => /^[A-Za-z0-9_-]{1,40}$/.test(text) && /\d/.test(text);

function outcomes(answer: ErpAnswer, keys: readonly string[], orders: readonly OrderDraft[] = []): OrderOutcome[] {
  if (answer.status !== 0) return refusedAll(answer, keys);
  const parsed = createData.safeParse(answer.data);
  if (!parsed.success) return unknownAll(keys, 'operations.outcome.unreadable');
  const { status, message } = parsed.data;
  const said = message?.trim() ?? '';
  // The outer_no becomes the system return number (wdt-protocol.md), so it stands in when the answer names none.
  if (status === 0) return keys.map((key) => ({ key, state: 'succeeded', erpNo: looksLikeReturnNo(said) ? said : key }));
  if (status === 20) {
    const cancelledOnFail = (key: string) => String(orders.find((o) => o.key === key)?.header.check_fail_cancel ?? '0') === '1';
    return keys.map((key): OrderOutcome => {
      // check_fail_cancel = 1: the ERP cancelled the return it had just made, so nothing stands — failed, with the check's reason.
      if (cancelledOnFail(key)) {
        return { key, state: 'failed', message: said || ourText('operations.outcome.refusedNoReason', { status }).message, note: { key: 'operations.outcome.checkFailedCancelled' } };
      }
      // Otherwise the return exists (only its 审核 failed), so it counts as succeeded: calling it failed would
      // invite a resubmission that can only collide with the existing outer_no. The clerk finishes the check in the ERP.
      return { key, state: 'succeeded', erpNo: key, ...ourText('operations.outcome.checkFailed', { reason: said }) };
    });
  }
  return unknownAll(keys, 'operations.outcome.unexpectedStatus', { status });
}

export const returnCreate: OperationDef<'return-create'> = {
  id: 'return-create',
  method: 'purchase.PurchaseReturn.createOrder',
  label: msg('采购退货单新建', 'Create purchase returns'),
  description: msg('新建采购退货单；同一外部单号的多行为一张单据的多条明细', 'Creates purchase returns; rows with the same external number are the lines of one return'),
  fields,
  keyField: 'outer_no',
  // 外部单号 + 商家编码 + 退货数量 name a create sheet, whatever number columns ride along.
  signature: ['outer_no', 'spec_no', 'num'],
  options: [
    {
      key: 'isCheck',
      apiName: 'is_check',
      label: msg('审核', 'Check'),
      description: msg('新建后直接审核；不选则保持“待审核”', 'Check the returns right after creating them; otherwise they stay awaiting check'),
    },
  ],
  checkLines: sameItemFindings,
  grouping: 'by-key',
  perCall: { max: 1 },
  reconcile: returnReconcile('created'),
  rowSchema: rowSchemaOf(fields, 'outer_no'),
  buildArgs(orders: readonly OrderDraft[], options: CallOptions): unknown[] {
    const [order] = orders;
    if (orders.length !== 1 || !order) throw new Error(`createOrder takes exactly one order per call, got ${orders.length}`);
    const orderInfo = requestMap(orderFields, { ...order.header, outer_no: order.key });
    const detailList = order.lines.map((line) => requestMap(lineFields, line));
    return [orderInfo, detailList, options.isCheck];
  },
  outcomes,
};
