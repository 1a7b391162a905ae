// purchase.PurchaseReturn.queryWithDetail (采购退货单及明细查询): read-only, never submitted from a
// sheet, so not an OperationDef. Reconciliation uses it to settle outcomes whose answer never came:
// it looks the document up and decides from its state whether our call took effect.
import { z } from 'zod';
import { parseErpTime } from './erp-time';
import { looseInt, looseText } from './outcome-kit';
import type { FoundDocument, ReconcileSpec } from './reconcile-kit';

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
  /** 'yyyy-MM-dd HH:mm:ss' (China time) or epoch ms. */
  created: z.union([z.string(), z.number()]).nullish(),
  modified: z.union([z.string(), z.number()]).nullish(),
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

/** The document an order key names: its return number, or (creates) the outer_no that became it. */
export function findReturn(key: string, orders: readonly QueriedReturn[]): QueriedReturn | null {
  return orders.find((o) => o.return_no === key) ?? orders.find((o) => o.outer_no === key) ?? null;
}

/**
 * What queryWithDetail tells about a purchase-return operation (wdt-protocol.md): a create's outer_no now
 * exists (made when `created` says); a cancel's return is now 已取消 (10); a pending's return is now
 * 停止出库 (3) — each changed when `modified` says. reconcile-kit's verdictOf decides who did it.
 */
export function returnReconcile(effect: ReconcileSpec['effect']): ReconcileSpec {
  const shown = (doc: QueriedReturn): boolean | null => {
    // A return found 已取消 may be one the ERP made and cancelled (check_fail_cancel) or someone cancelled
    // after: whether the create stands cannot be told from here, so a person must look.
    if (effect === 'created') return doc.status === returnStatus.cancelled ? null : true;
    if (effect === 'cancelled') return doc.status === undefined ? null : doc.status === returnStatus.cancelled;
    return doc.stockout_status === undefined ? null : doc.stockout_status === stockoutStatus.stopped;
  };
  return {
    method: queryMethod,
    effect,
    // return_no ignores the time window (and the outer_no a create used is its return number).
    lookups: (key) => [{ args: buildQueryArgs({ return_no: key }) }],
    windowed: false,
    find(answer, key): FoundDocument | null | 'unreadable' {
      const parsed = queryResponseSchema.safeParse(answer);
      if (!parsed.success || parsed.data.status !== 0) return 'unreadable';
      const doc = findReturn(key, parsed.data.data?.order ?? []);
      if (!doc) return null;
      const changed = effect === 'created' ? (doc.created ?? doc.modified) : doc.modified;
      return { no: doc.return_no, effectShown: shown(doc), changedMs: parseErpTime(changed) };
    },
  };
}
