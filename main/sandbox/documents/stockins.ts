// Purchase stock-ins (采购入库单): wms.stockin.Purchase.cancel (one per call, only 编辑中) and
// wms.stockin.Purchase.queryWithDetail, the read-only query that shows what it did.
import { z } from 'zod';
import { refuse, type MethodHandler } from '../handler-kit';
import { defineDocument, epochMs, formatChinaTime, seedTime, seedTimeDefault } from './kit';
import { page, queryParams, statusFilter, windowOf } from './window-query';

/** Purchase stock-in status, as wms.stockin.Purchase.queryWithDetail numbers it. */
export const stockinStatus = { cancelled: 10, editing: 20, pendingCheck: 30, done: 80 } as const;

export const stockinSchema = z.object({
  stockin_no: z.string(),
  status: z.number().int().default(stockinStatus.editing),
  warehouse_no: z.string().default(''),
  provider_no: z.string().default(''),
  /** A data file from before documents had times reads as last changed at the seed time. */
  modified: z.string().default(seedTimeDefault),
});
export type StockinDoc = z.infer<typeof stockinSchema>;

/** One purchase stock-in per call; only 编辑中 can be cancelled. */
export const stockinCancel: MethodHandler = ([rawNo], { state, nowMs }) => {
  if (typeof rawNo !== 'string' || rawNo.trim() === '') return refuse('入库单号不能为空');
  const doc = state.table(stockins).get(rawNo.trim());
  if (!doc) return refuse('入库单不存在');
  if (doc.status !== stockinStatus.editing) return refuse('入库单状态不为编辑中');
  doc.status = stockinStatus.cancelled;
  doc.modified = formatChinaTime(nowMs);
  return { answer: { status: 0 }, mutated: true };
};

/** wms.stockin.Purchase.queryWithDetail: start_time and end_time required (on modified), stockin_no narrows. */
export const stockinQuery: MethodHandler = ([raw], ctx) => {
  const p = queryParams.safeParse(raw);
  if (!p.success) return refuse('params参数格式错误');
  const window = windowOf(p.data);
  if (typeof window === 'string') return refuse(window);
  const wanted = statusFilter(p.data.status);
  const docs = [...ctx.state.table(stockins).values()].filter((d) => {
    const changed = epochMs(d.modified);
    return changed >= window.start && changed <= window.end && wanted(d.status) && (!p.data.stockin_no || d.stockin_no === p.data.stockin_no);
  });
  return page(
    docs.map((d) => ({ order_no: d.stockin_no, status: d.status, warehouse_no: d.warehouse_no, provider_no: d.provider_no, modified: epochMs(d.modified) })),
    ctx,
  );
};

function seedStockins(): StockinDoc[] {
  const doc = (stockin_no: string, status: number, warehouse_no: string, provider_no: string): StockinDoc => ({ stockin_no, status, warehouse_no, provider_no, modified: seedTime(40) });
  return [
    doc('RK2006030008', stockinStatus.editing, 'WH001', 'P001'),
    doc('RK2006030009', stockinStatus.done, 'WH001', 'P001'),
    doc('RK2006030010', stockinStatus.cancelled, 'WH001', 'P002'),
    doc('RK2006030011', stockinStatus.pendingCheck, 'WH002', 'P002'),
    ...Array.from({ length: 30 }, (_, i) => doc(`RK2406${String(i + 1).padStart(6, '0')}`, stockinStatus.editing, 'WH001', 'P001')),
  ];
}

export const stockins = defineDocument<StockinDoc>({
  table: 'stockins',
  schema: stockinSchema,
  keyOf: (d) => d.stockin_no,
  seed: seedStockins,
  methods: { 'wms.stockin.Purchase.cancel': stockinCancel, 'wms.stockin.Purchase.queryWithDetail': stockinQuery },
});
