// The sandbox ERP's documents, as zod schemas so a persisted data file is parsed back, never trusted.
import { z } from 'zod';

/** Purchase return status (采购退货单状态): 10 已取消, 20 编辑中, 30 待审核, 40 已审核, 60 已完成. */
export const returnStatus = { cancelled: 10, editing: 20, pendingCheck: 30, checked: 40, done: 60 } as const;
/** Stock-out status (出库状态): 0 未出库, 1 部分出库, 2 已出库, 3 停止出库 (stopped waiting). */
export const stockoutStatus = { none: 0, partial: 1, all: 2, stopped: 3 } as const;
/** Other stock-in document status (sandbox's own numbering; the page gives names only). */
export const otherInStatus = { cancelled: 10, editing: 20, pendingCheck: 30, checked: 40, pushedToWms: 50, done: 80 } as const;
/** Purchase stock-in status (sandbox's own numbering). */
export const stockinStatus = { cancelled: 10, editing: 20, pendingCheck: 30, done: 80 } as const;

export const warehouseSchema = z.object({ warehouse_no: z.string(), name: z.string() });
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

export const otherInSchema = z.object({ order_no: z.string(), status: z.number().int(), warehouse_no: z.string() });
export const stockinSchema = z.object({
  stockin_no: z.string(),
  status: z.number().int(),
  warehouse_no: z.string(),
  provider_no: z.string(),
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

/** 'YYYY-MM-DD HH:mm:ss' in China time (UTC+8, no daylight saving), as the ERP shows times. */
export function formatChinaTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses 'YYYY-MM-DD HH:mm:ss' as China time; null when malformed. */
export function parseChinaTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) - 8 * 3600_000;
  return Number.isNaN(ms) ? null : ms;
}
