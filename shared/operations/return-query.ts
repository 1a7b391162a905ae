// purchase.PurchaseReturn.queryWithDetail (采购退货单及明细查询): read-only, never submitted from a
// sheet, so not an OperationDef. Reconciliation uses it to settle outcomes whose answer never came:
// it looks the document up and decides from its state whether our call took effect.
import { z } from 'zod';
import { looseInt, looseText } from './outcome-kit';
import type { ReconcileRule } from './types';

export const queryMethod = 'purchase.PurchaseReturn.queryWithDetail';

/** 采购退货单状态 */
export const returnStatus = { cancelled: 10, editing: 20, awaitingCheck: 30, checked: 40, completed: 60 } as const;
/** 出库状态 */
export const stockoutStatus = { notOut: 0, partlyOut: 1, out: 2, stopped: 3 } as const;

/** `return_no`, or `start_time` + `end_time` (at most 30 days apart), optionally narrowed. */
export interface ReturnQueryParams {
  return_no?: string;
  start_time?: string;
  end_time?: string;
  provider_no?: string;
  status?: number;
}

/** The positional arguments of one query call (paging travels in the query string). */
export const buildQueryArgs = (params: ReturnQueryParams): [ReturnQueryParams] => [params];

/** One returned document. Lenient: unknown fields pass through, numbers may arrive as strings. */
export const queriedReturnSchema = z.looseObject({
  return_no: looseText,
  outer_no: looseText.nullish(),
  status: looseInt.optional(),
  stockout_status: looseInt.optional(),
  warehouse_no: looseText.nullish(),
  provider_no: looseText.nullish(),
  detail_list: z.array(z.looseObject({})).nullish(),
});
export type QueriedReturn = z.infer<typeof queriedReturnSchema>;

export const queryDataSchema = z.looseObject({
  order: z.array(queriedReturnSchema).nullish().transform((o) => o ?? []),
  total_count: looseInt.optional(),
});

/** The whole answer: status 0 with data, or a refusal with a message. */
export const queryResponseSchema = z.looseObject({
  status: looseInt,
  message: looseText.optional(),
  data: queryDataSchema.optional(),
});
export type QueryResponse = z.infer<typeof queryResponseSchema>;

/** The document an order key names: its return number, or (creates) the outer_no that became it. */
export function findReturn(key: string, orders: readonly QueriedReturn[]): QueriedReturn | null {
  return orders.find((o) => o.return_no === key) ?? orders.find((o) => o.outer_no === key) ?? null;
}

export type Settlement = 'succeeded' | 'not-done' | 'unknown';

/**
 * Did our call take effect? (wdt-protocol.md) A create whose outer_no exists succeeded; a cancel
 * whose document is now 已取消 (10) succeeded; a pending whose document is now 停止出库 (3) succeeded.
 * 'not-done' means the document shows our call did nothing, so sending it again is safe; 'unknown'
 * means the answer does not tell (a status we cannot read), and a person must look.
 */
export function settleByQuery(rule: ReconcileRule, key: string, found: QueriedReturn | null): Settlement {
  if (found === null) return 'not-done';
  if (found.return_no !== key && found.outer_no !== key) return 'unknown';
  switch (rule) {
    case 'create':
      return 'succeeded';
    case 'cancel':
      if (found.status === undefined) return 'unknown';
      return found.status === returnStatus.cancelled ? 'succeeded' : 'not-done';
    case 'pending':
      if (found.stockout_status === undefined) return 'unknown';
      return found.stockout_status === stockoutStatus.stopped ? 'succeeded' : 'not-done';
  }
}
