// The two read-only stock-in queries that settle lost answers of the stock-in cancels (pages in
// shared/vendor/): wms.stockin.Purchase.queryWithDetail (采购入库单查询: by modified time, at most 30
// days, narrowed by stockin_no; status 10 = 已取消) and wms.stockother.InQuery.queryWithDetail (其它入库
// 业务单查询: by other_in_no, no window needed; status 80 = 已取消). Both answer times as epoch ms.
import { z } from 'zod';
import { parseErpTime } from './erp-time';
import { looseInt, looseText } from './outcome-kit';
import type { FoundDocument, ReconcileSpec } from './reconcile-kit';
import type { ErpAnswer } from './types';

const answerOf = <T extends z.ZodType>(doc: T) =>
  z.looseObject({
    status: looseInt,
    data: z.looseObject({ order: z.array(doc).nullish().transform((o) => o ?? []) }).optional(),
  });

const stockinDoc = z.looseObject({ order_no: looseText, status: looseInt.optional(), modified: z.union([z.string(), z.number()]).nullish() });
const otherInDoc = z.looseObject({ other_in_no: looseText, status: looseInt.optional(), modified: z.union([z.string(), z.number()]).nullish() });

/** 采购入库单状态 10 已取消; 其他入库业务单状态 80 已取消 (each page's own numbering). */
export const stockinCancelled = 10;
export const otherInCancelled = 80;

function findIn<T extends { status?: number | undefined; modified?: string | number | null | undefined }>(
  schema: z.ZodType<{ status: number; data?: { order: T[] } | undefined }>,
  numberOf: (doc: T) => string,
  cancelled: number,
) {
  return (answer: ErpAnswer, key: string): FoundDocument | null | 'unreadable' => {
    const parsed = schema.safeParse(answer);
    if (!parsed.success || parsed.data.status !== 0) return 'unreadable';
    const doc = (parsed.data.data?.order ?? []).find((d) => numberOf(d).trim() === key);
    if (!doc) return null;
    return { no: numberOf(doc), effectShown: doc.status === undefined ? null : doc.status === cancelled, changedMs: parseErpTime(doc.modified) };
  };
}

export const stockinQueryMethod = 'wms.stockin.Purchase.queryWithDetail';
export const otherInQueryMethod = 'wms.stockother.InQuery.queryWithDetail';

/** wms.stockin.Purchase.cancel: the query needs a modified-time window; stockin_no narrows it to one document. */
export const stockinReconcile: ReconcileSpec = {
  method: stockinQueryMethod,
  effect: 'cancelled',
  lookups: (key, window) => [{ args: [{ start_time: window.start, end_time: window.end, stockin_no: key }] }],
  windowed: true,
  find: findIn(answerOf(stockinDoc), (d) => d.order_no, stockinCancelled),
};

/** `X` given without its `-1` suffix may have cancelled `X-1` (v1.5.7.0+): look for `X` first, then `X-1`. */
export const otherInReconcile: ReconcileSpec = {
  method: otherInQueryMethod,
  effect: 'cancelled',
  lookups: (key) => [key, ...(key.endsWith('-1') ? [] : [`${key}-1`])].map((no) => ({ args: [{ other_in_no: no }] })),
  windowed: false,
  find: (answer, key) => {
    const find = findIn(answerOf(otherInDoc), (d) => d.other_in_no, otherInCancelled);
    const exact = find(answer, key);
    return exact === null && !key.endsWith('-1') ? find(answer, `${key}-1`) : exact;
  },
};
