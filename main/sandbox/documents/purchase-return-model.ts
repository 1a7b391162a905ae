// A purchase return (采购退货单) as the sandbox keeps it. Every field but return_no has a default, so a
// data file written before a field existed still loads (test/main/sandbox/fixtures/sandbox-data-v1.json).
import { z } from 'zod';
import { seedTimeDefault } from './kit';

/** Purchase return status (采购退货单状态): 10 已取消, 20 编辑中, 30 待审核, 40 已审核, 60 已完成. */
export const returnStatus = { cancelled: 10, editing: 20, pendingCheck: 30, checked: 40, done: 60 } as const;
/** Stock-out status (出库状态): 0 未出库, 1 部分出库, 2 已出库, 3 停止出库 (stopped waiting). */
export const stockoutStatus = { none: 0, partial: 1, all: 2, stopped: 3 } as const;

export const returnDetailSchema = z.object({
  spec_no: z.string(),
  goods_name: z.string().default(''),
  /** Decimals stay strings, as sent. */
  num: z.string().default('0'),
  price: z.string().default('0'),
  discount: z.string().default('1'),
  defect: z.boolean().default(false),
  remark: z.string().default(''),
});

export const purchaseReturnSchema = z.object({
  return_id: z.number().int().default(0),
  return_no: z.string(),
  /** The return number IS the outer_no for returns the API creates. */
  outer_no: z.string().default(''),
  status: z.number().int().default(returnStatus.pendingCheck),
  stockout_status: z.number().int().default(stockoutStatus.none),
  warehouse_no: z.string().default(''),
  provider_no: z.string().default(''),
  remark: z.string().default(''),
  /** 'YYYY-MM-DD HH:mm:ss', China time, on the sandbox's clock. */
  created: z.string().default(seedTimeDefault),
  modified: z.string().default(seedTimeDefault),
  detail_list: z.array(returnDetailSchema).default([]),
});

export type ReturnDetail = z.infer<typeof returnDetailSchema>;
export type PurchaseReturn = z.infer<typeof purchaseReturnSchema>;
