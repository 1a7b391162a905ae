// purchase.PurchaseReturn.* in the sandbox: createOrder, batchCancelOrder, pending, queryWithDetail,
// with the state rules of the seed pages (docs/erp-client.md, "Sandbox"), and the kind they act on.
import { z } from 'zod';
import { refuse, stringList, type MethodHandler } from '../handler-kit';
import { defineDocument, formatChinaTime, parseChinaTime } from './kit';
import { purchaseReturnSchema, returnStatus, stockoutStatus, type PurchaseReturn, type ReturnDetail } from './purchase-return-model';
import { seedReturns } from './purchase-return-seed';
import { providers } from './providers';
import { specs } from './specs';
import { warehouses } from './warehouses';

const decimalText = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^-?\d+(\.\d{1,4})?$/.test(v));

const orderInfoSchema = z.looseObject({
  outer_no: z.string().optional(),
  warehouse_no: z.string().optional(),
  provider_no: z.string().optional(),
  remark: z.string().max(255).optional(),
  check_fail_cancel: z.union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1')]).optional(),
});
const detailSchema = z.looseObject({
  spec_no: z.string().optional(),
  num: decimalText.optional(),
  price: decimalText.optional(),
  discount: decimalText.optional(),
  defect: z.boolean().optional(),
  remark: z.string().max(255).optional(),
});

/** The purchase return created from (or seeded with) this outer_no. */
export const returnByOuterNo = (returns: ReadonlyMap<string, PurchaseReturn>, outerNo: string): PurchaseReturn | undefined =>
  [...returns.values()].find((r) => r.outer_no === outerNo);

export const createOrder: MethodHandler = ([rawInfo, rawDetails, rawCheck], { state, nowMs, options }) => {
  const returns = state.table(purchaseReturns);
  const info = orderInfoSchema.safeParse(rawInfo);
  if (!info.success) return refuse('orderInfo参数格式错误');
  const outerNo = (info.data.outer_no ?? '').trim();
  if (outerNo === '') return refuse('外部单号不能为空');
  state.createAttemptsByOuterNo.set(outerNo, state.createAttempts(outerNo) + 1);
  if (outerNo.length > 20) return refuse('外部单号长度不能超过20');
  const warehouse = state.table(warehouses).get((info.data.warehouse_no ?? '').trim());
  if (!warehouse) return refuse('仓库不存在');
  if (warehouse.noAccess) return refuse('无仓库访问权限');
  const provider = state.table(providers).get((info.data.provider_no ?? '').trim());
  if (!provider) return refuse('供应商不存在');
  const details = z.array(detailSchema).safeParse(rawDetails);
  if (!details.success) return refuse('detailList参数格式错误');
  if (details.data.length === 0) return refuse('采购退货单明细不能为空');
  const isCheck = rawCheck === true || rawCheck === 1 || rawCheck === 'true';
  const lines: ReturnDetail[] = [];
  for (const d of details.data) {
    const specNo = (d.spec_no ?? '').trim();
    const spec = state.table(specs).get(specNo);
    if (!spec) return refuse(`商家编码[${specNo}]不存在`);
    if (!d.num || Number(d.num) <= 0) return refuse(`商家编码[${specNo}]退货数量必须大于0`);
    lines.push({
      spec_no: specNo,
      goods_name: spec.goods_name,
      num: d.num,
      price: d.price ?? '0',
      discount: d.discount ?? '1',
      defect: d.defect ?? false,
      remark: d.remark ?? '',
    });
  }
  // The vendor's words for a used outer_no (错误码说明); the return number IS the outer_no, so a second one cannot exist.
  if (returns.has(outerNo) || returnByOuterNo(returns, outerNo)) return refuse('此外部单已使用!');

  const checkFails = isCheck ? provider.checkFails : undefined;
  const cancelOnFail = String(info.data.check_fail_cancel ?? '0') === '1';
  const status = !isCheck ? returnStatus.pendingCheck : checkFails ? (cancelOnFail ? returnStatus.cancelled : returnStatus.pendingCheck) : returnStatus.checked;
  const now = formatChinaTime(nowMs);
  const created: PurchaseReturn = {
    return_id: state.nextReturnId++,
    return_no: outerNo,
    outer_no: outerNo,
    status,
    stockout_status: stockoutStatus.none,
    warehouse_no: warehouse.warehouse_no,
    provider_no: provider.provider_no,
    remark: info.data.remark ?? '',
    created: now,
    modified: now,
    detail_list: lines,
  };
  returns.set(outerNo, created);
  const data = checkFails ? { status: 20, message: checkFails } : { status: 0, message: options.createMessage === 'OK' ? 'OK' : outerNo };
  return { answer: { status: 0, data }, mutated: true };
};

/** Cancels 编辑中/待审核/已审核 returns that have not shipped (出库状态 未出库); at most 20 per call. */
export const batchCancelOrder: MethodHandler = ([rawNos], { state, nowMs }) => {
  const nos = stringList(rawNos);
  if (!nos || nos.length === 0 || nos.length > 20) return refuse('采购退货单号每次调用不得超过20条或为空');
  const errorInfo: { order_no: string; message: string }[] = [];
  let mutated = false;
  for (const no of nos) {
    const order = state.table(purchaseReturns).get(no);
    if (!order) errorInfo.push({ order_no: no, message: '采购退货单号不存在' });
    else if (!([returnStatus.editing, returnStatus.pendingCheck, returnStatus.checked] as number[]).includes(order.status)) {
      errorInfo.push({ order_no: no, message: '采购退货单不是待审核或者编辑中状态' });
    } else if (order.stockout_status !== stockoutStatus.none) {
      errorInfo.push({ order_no: no, message: '采购退货单出库状态不是未出库，不允许取消' });
    } else {
      order.status = returnStatus.cancelled;
      order.modified = formatChinaTime(nowMs);
      mutated = true;
    }
  }
  return { answer: { status: 0, data: { error_info: errorInfo, error_num: errorInfo.length, status: 0 } }, mutated };
};

/** 停止等待: an 已审核 return not fully shipped stops waiting for stock-out (stockout_status 3); at most 500. */
export const pending: MethodHandler = ([rawNos], { state, nowMs }) => {
  const nos = stringList(rawNos);
  if (!nos || nos.length === 0) return refuse('采购退货单号不能为空');
  if (nos.length > 500) return refuse('一次请求退货单数量不可大于500');
  const errorInfo: { order_no: string; message: string }[] = [];
  let mutated = false;
  for (const no of nos) {
    const order = state.table(purchaseReturns).get(no);
    if (!order) errorInfo.push({ order_no: no, message: '采购退货单号不存在' });
    else if (order.status !== returnStatus.checked) errorInfo.push({ order_no: no, message: '采购退货单不是已审核状态' });
    else if (order.stockout_status !== stockoutStatus.none && order.stockout_status !== stockoutStatus.partial) {
      errorInfo.push({ order_no: no, message: '采购退货单已出库或已停止等待' });
    } else {
      order.stockout_status = stockoutStatus.stopped;
      order.modified = formatChinaTime(nowMs);
      mutated = true;
    }
  }
  return { answer: { status: 0, data: { error_info: errorInfo, status: 0 } }, mutated };
};

const queryParamsSchema = z.looseObject({
  return_no: z.string().optional(),
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  provider_no: z.string().optional(),
  status: z.union([z.number(), z.string()]).optional(),
});
const thirtyDaysMs = 30 * 24 * 3600_000;

/** Read-only; paged (page_no from 0, page_size ≤ 100). */
export const queryWithDetail: MethodHandler = ([rawParams], { state, paging }) => {
  const params = queryParamsSchema.safeParse(rawParams);
  if (!params.success) return refuse('params参数格式错误');
  const p = params.data;
  if (paging.pageSize < 1 || paging.pageSize > 100) return refuse('page_size必须在1到100之间');
  let orders = [...state.table(purchaseReturns).values()];
  if (p.return_no) {
    orders = orders.filter((o) => o.return_no === p.return_no);
  } else {
    const start = p.start_time ? parseChinaTime(p.start_time) : null;
    const end = p.end_time ? parseChinaTime(p.end_time) : null;
    if (start === null || end === null) return refuse('return_no 或 start_time、end_time 必须传入');
    if (end < start) return refuse('结束时间不能早于开始时间');
    if (end - start > thirtyDaysMs) return refuse('开始时间和结束时间跨度不能超过30天');
    orders = orders.filter((o) => {
      const modified = parseChinaTime(o.modified) ?? 0;
      return modified >= start && modified <= end;
    });
  }
  if (p.provider_no) orders = orders.filter((o) => o.provider_no === p.provider_no);
  if (p.status !== undefined && p.status !== '') orders = orders.filter((o) => o.status === Number(p.status));
  orders.sort((a, b) => a.return_id - b.return_id);
  const page = orders.slice(paging.pageNo * paging.pageSize, (paging.pageNo + 1) * paging.pageSize).map((o) => ({
    ...o,
    warehouse_name: state.table(warehouses).get(o.warehouse_no)?.name ?? '',
    provider_name: state.table(providers).get(o.provider_no)?.name ?? '',
    goods_count: o.detail_list.reduce((sum, d) => sum + Number(d.num), 0).toFixed(4),
  }));
  return { answer: { status: 0, data: { order: page, total_count: orders.length } }, mutated: false };
};

export const purchaseReturns = defineDocument<PurchaseReturn>({
  table: 'returns',
  schema: purchaseReturnSchema,
  keyOf: (r) => r.return_no,
  seed: seedReturns,
  methods: {
    'purchase.PurchaseReturn.createOrder': createOrder,
    'purchase.PurchaseReturn.batchCancelOrder': batchCancelOrder,
    'purchase.PurchaseReturn.pending': pending,
    'purchase.PurchaseReturn.queryWithDetail': queryWithDetail,
  },
});
