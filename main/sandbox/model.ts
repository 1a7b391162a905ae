// The sandbox ERP's documents, as zod schemas so a persisted data file is parsed back, never trusted.
import { z } from 'zod';
import { formatChinaTime, parseErpTime } from '../../shared/operations/erp-time';

/** Purchase return status (采购退货单状态): 10 已取消, 20 编辑中, 30 待审核, 40 已审核, 60 已完成. */
export const returnStatus = { cancelled: 10, editing: 20, pendingCheck: 30, checked: 40, done: 60 } as const;
/** Stock-out status (出库状态): 0 未出库, 1 部分出库, 2 已出库, 3 停止出库 (stopped waiting). */
export const stockoutStatus = { none: 0, partial: 1, all: 2, stopped: 3 } as const;
/** Other stock-in business document status, as wms.stockother.InQuery.queryWithDetail numbers it. */
export const otherInStatus = { editing: 1, pendingCheck: 10, checked: 20, pushedToWms: 40, partlyIn: 60, toSettle: 65, done: 70, cancelled: 80 } as const;
/** Purchase stock-in status, as wms.stockin.Purchase.queryWithDetail numbers it. */
export const stockinStatus = { cancelled: 10, editing: 20, pendingCheck: 30, done: 80 } as const;

export const warehouseSchema = z.object({
  warehouse_no: z.string(),
  name: z.string(),
  /** The API account (its employee) has no rights on this warehouse: creates there answer 100 无仓库访问权限. */
  noAccess: z.boolean().optional(),
});
export const providerSchema = z.object({
  provider_no: z.string(),
  name: z.string(),
  /** When set, an is_check create with this provider is created but its check (审核) fails with this reason. */
  checkFails: z.string().optional(),
});
export const specSchema = z.object({ spec_no: z.string(), goods_name: z.string() });

export const returnDetailSchema = z.object({
  spec_no: z.string(),
  goods_name: z.string(),
  /** Decimals stay strings, as sent. */
  num: z.string(),
  price: z.string(),
  discount: z.string(),
  defect: z.boolean(),
  remark: z.string(),
});

export const purchaseReturnSchema = z.object({
  return_id: z.number().int(),
  return_no: z.string(),
  outer_no: z.string(),
  status: z.number().int(),
  stockout_status: z.number().int(),
  warehouse_no: z.string(),
  provider_no: z.string(),
  remark: z.string(),
  /** 'YYYY-MM-DD HH:mm:ss', China time, on the sandbox's clock. */
  created: z.string(),
  modified: z.string(),
  detail_list: z.array(returnDetailSchema),
});

/** A data file from before documents had times reads as last changed at the seed time. */
const changedAt = z.string().default('2024-06-01 10:00:00');
export const otherInSchema = z.object({ order_no: z.string(), status: z.number().int(), warehouse_no: z.string(), modified: changedAt });
export const stockinSchema = z.object({
  stockin_no: z.string(),
  status: z.number().int(),
  warehouse_no: z.string(),
  provider_no: z.string(),
  modified: changedAt,
});

/** Everything the sandbox knows; what `dataFile` holds and `GET /__sandbox/state` shows. */
export const sandboxDataSchema = z.object({
  warehouses: z.array(warehouseSchema),
  providers: z.array(providerSchema),
  specs: z.array(specSchema),
  returns: z.array(purchaseReturnSchema),
  otherIns: z.array(otherInSchema),
  stockins: z.array(stockinSchema),
  /** createOrder calls that reached the handler, per outer_no (created or refused). */
  createAttempts: z.record(z.string(), z.number().int()),
  nextReturnId: z.number().int(),
});

export type Warehouse = z.infer<typeof warehouseSchema>;
export type Provider = z.infer<typeof providerSchema>;
export type Spec = z.infer<typeof specSchema>;
export type ReturnDetail = z.infer<typeof returnDetailSchema>;
export type PurchaseReturn = z.infer<typeof purchaseReturnSchema>;
export type OtherInDoc = z.infer<typeof otherInSchema>;
export type StockinDoc = z.infer<typeof stockinSchema>;
export type SandboxData = z.infer<typeof sandboxDataSchema>;

/** 'YYYY-MM-DD HH:mm:ss' in China time (UTC+8), as the ERP shows times; parsed back with the app's own reader. */
export { formatChinaTime };
export const parseChinaTime = (text: string): number | null => parseErpTime(text);
