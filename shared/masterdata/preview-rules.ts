// What a cancel or pending list will meet in the ERP, judged before sending from each document's
// current state as the read-only queries show it: the state rules of the seed pages (wdt-protocol.md,
// "The five methods"). Pure; main/masterdata/preview.ts makes the calls. A preview only advises: the
// ERP still decides when the list is sent.
import { z } from 'zod';
import type { LocalizedText, MessageKey } from '../i18n';
import { looseInt, looseText } from '../operations/outcome-kit';
import { queryMethod, queryDataSchema, returnStatus, stockoutStatus } from '../operations/return-query';
import { otherInQueryMethod, stockinQueryMethod } from '../operations/stock-in-queries';
import type { OperationDef } from '../operations/types';

export interface PreviewDoc {
  no: string;
  status: number | null;
  /** 出库状态 (purchase returns only). */
  stockout: number | null;
}

export interface PreviewJudgement {
  /** ok: can succeed as far as the copy shows; blocked: cannot (drop it before sending); unknown: cannot tell. */
  verdict: 'ok' | 'blocked' | 'unknown';
  reason?: LocalizedText;
  /** The document's state, one label per part (状态, 出库状态), for the grid. */
  labels: LocalizedText[];
}

export interface PreviewSpec {
  method: string;
  /** Lookups of one number without a window, tried in order (the -1 rule); null: the query needs a window. */
  byNumber: ((no: string) => unknown[][]) | null;
  /** The arguments of a windowed scan (modified time, at most 30 days). */
  windowArgs(window: { start: string; end: string }): unknown[];
  /** The documents of an answer's data; null when unreadable. */
  docs(data: unknown): PreviewDoc[] | null;
  /** The document a number names among those found (the -1 rule: X may name X-1). */
  match(no: string, docs: readonly PreviewDoc[]): PreviewDoc | null;
  judge(doc: PreviewDoc | null): PreviewJudgement;
}

const label = (key: MessageKey, code?: number): LocalizedText => (code === undefined ? { key } : { key, params: { code } });
const labelOf = (table: Record<number, MessageKey>, code: number | null): LocalizedText =>
  code === null ? label('masterdata.status.unreadable') : table[code] ? label(table[code]) : label('masterdata.status.other', code);

const returnLabels: Record<number, MessageKey> = {
  [returnStatus.cancelled]: 'masterdata.status.cancelled',
  [returnStatus.editing]: 'masterdata.status.editing',
  [returnStatus.awaitingCheck]: 'masterdata.status.awaitingCheck',
  [returnStatus.checked]: 'masterdata.status.checked',
  [returnStatus.completed]: 'masterdata.status.completed',
};
const stockoutLabels: Record<number, MessageKey> = {
  [stockoutStatus.notOut]: 'masterdata.stockout.none',
  [stockoutStatus.partlyOut]: 'masterdata.stockout.partial',
  [stockoutStatus.out]: 'masterdata.stockout.all',
  [stockoutStatus.stopped]: 'masterdata.stockout.stopped',
};
/** 采购入库单: 10 已取消, 20 编辑中, 30 待审核, 80 已完成 (wms.stockin.Purchase.queryWithDetail). */
const stockinLabels: Record<number, MessageKey> = { 10: 'masterdata.status.cancelled', 20: 'masterdata.status.editing', 30: 'masterdata.status.awaitingCheck', 80: 'masterdata.status.completed' };
/** 其他入库业务单: 1 编辑中, 10 待审核, 20 已审核, 40 已推送WMS, 60 部分入库, 65 待结算, 70 已完成, 80 已取消. */
const otherInLabels: Record<number, MessageKey> = {
  1: 'masterdata.status.editing',
  10: 'masterdata.status.awaitingCheck',
  20: 'masterdata.status.checked',
  40: 'masterdata.status.pushedToWms',
  60: 'masterdata.status.partlyIn',
  65: 'masterdata.status.toSettle',
  70: 'masterdata.status.completed',
  80: 'masterdata.status.cancelled',
};

const ok = (labels: LocalizedText[]): PreviewJudgement => ({ verdict: 'ok', labels });
const blocked = (key: MessageKey, labels: LocalizedText[]): PreviewJudgement => ({ verdict: 'blocked', reason: { key }, labels });
const notFound: PreviewJudgement = { verdict: 'blocked', reason: { key: 'masterdata.preview.notFound' }, labels: [] };
const unreadable = (labels: LocalizedText[]): PreviewJudgement => ({ verdict: 'unknown', reason: { key: 'masterdata.preview.unreadable' }, labels });

const returnDocs = (data: unknown): PreviewDoc[] | null => {
  const d = queryDataSchema.safeParse(data ?? {});
  if (!d.success) return null;
  return d.data.order.map((o) => ({ no: o.return_no.trim(), status: o.status ?? null, stockout: o.stockout_status ?? null }));
};
const exact = (no: string, docs: readonly PreviewDoc[]) => docs.find((d) => d.no === no) ?? null;

const returnLabelsOf = (doc: PreviewDoc) => [labelOf(returnLabels, doc.status), labelOf(stockoutLabels, doc.stockout)];
const returnQuery = {
  method: queryMethod,
  // return_no ignores the window (wdt-protocol.md): one call per number.
  byNumber: (no: string) => [[{ return_no: no }]],
  windowArgs: (w: { start: string; end: string }) => [{ start_time: w.start, end_time: w.end }],
  docs: returnDocs,
  match: exact,
};

/** batchCancelOrder: only 编辑中/待审核/已审核 and 未出库 can be cancelled. */
const returnCancel: PreviewSpec = {
  ...returnQuery,
  judge(doc) {
    if (!doc) return notFound;
    const labels = returnLabelsOf(doc);
    if (doc.status === null || doc.stockout === null) return unreadable(labels);
    if (doc.status === returnStatus.cancelled) return blocked('masterdata.preview.alreadyCancelled', labels);
    if (doc.status === returnStatus.completed) return blocked('masterdata.preview.completed', labels);
    if (doc.stockout !== stockoutStatus.notOut) return blocked('masterdata.preview.shippedOut', labels);
    if (!([returnStatus.editing, returnStatus.awaitingCheck, returnStatus.checked] as number[]).includes(doc.status)) return blocked('masterdata.preview.wrongState', labels);
    return ok(labels);
  },
};

/** pending (停止等待): only 已审核 returns not (fully) shipped out and not already stopped. */
const returnPending: PreviewSpec = {
  ...returnQuery,
  judge(doc) {
    if (!doc) return notFound;
    const labels = returnLabelsOf(doc);
    if (doc.status === null || doc.stockout === null) return unreadable(labels);
    if (doc.status === returnStatus.cancelled) return blocked('masterdata.preview.alreadyCancelled', labels);
    if (doc.stockout === stockoutStatus.stopped) return blocked('masterdata.preview.alreadyStopped', labels);
    if (doc.stockout === stockoutStatus.out) return blocked('masterdata.preview.shippedOut', labels);
    if (doc.status !== returnStatus.checked) return blocked('masterdata.preview.notChecked', labels);
    return ok(labels);
  },
};

const stockDoc = (numberField: 'order_no' | 'other_in_no') =>
  z.looseObject({ order: z.array(z.looseObject({ [numberField]: looseText, status: looseInt.optional() })).nullish() });
const stockDocs =
  (numberField: 'order_no' | 'other_in_no') =>
  (data: unknown): PreviewDoc[] | null => {
    const d = stockDoc(numberField).safeParse(data ?? {});
    if (!d.success) return null;
    return (d.data.order ?? []).map((o) => ({ no: String(o[numberField]).trim(), status: (o.status as number | undefined) ?? null, stockout: null }));
  };

/** wms.stockin.Purchase.cancel: only 编辑中 (20). Its query needs a window, so long lists are scanned. */
const stockinCancel: PreviewSpec = {
  method: stockinQueryMethod,
  byNumber: null,
  windowArgs: (w) => [{ start_time: w.start, end_time: w.end }],
  docs: stockDocs('order_no'),
  match: exact,
  judge(doc) {
    if (!doc) return notFound;
    const labels = [labelOf(stockinLabels, doc.status)];
    if (doc.status === null) return unreadable(labels);
    if (doc.status === 10) return blocked('masterdata.preview.alreadyCancelled', labels);
    if (doc.status !== 20) return blocked('masterdata.preview.notEditing', labels);
    return ok(labels);
  },
};

/** wms.stockother.In.cancelOrder: 编辑中/待审核/已审核 (and a -1 document pushed to the WMS). X may name X-1. */
const otherInCancel: PreviewSpec = {
  method: otherInQueryMethod,
  byNumber: (no) => [no, ...(no.endsWith('-1') ? [] : [`${no}-1`])].map((n) => [{ other_in_no: n }]),
  windowArgs: (w) => [{ start_time: w.start, end_time: w.end }],
  docs: stockDocs('other_in_no'),
  match: (no, docs) => exact(no, docs) ?? (no.endsWith('-1') ? null : exact(`${no}-1`, docs)),
  judge(doc) {
    if (!doc) return notFound;
    const labels = [labelOf(otherInLabels, doc.status)];
    if (doc.status === null) return unreadable(labels);
    if (doc.status === 80) return blocked('masterdata.preview.alreadyCancelled', labels);
    const cancellable = doc.no.endsWith('-1') ? [1, 10, 20, 40] : [1, 10, 20];
    if (!cancellable.includes(doc.status)) return blocked('masterdata.preview.wrongState', labels);
    return ok(labels);
  },
};

/**
 * The methods whose lists can be previewed, by the API method the list is sent with (an operation's
 * `method`); creates are checked against the master data instead.
 */
const previewsByMethod: Readonly<Record<string, PreviewSpec>> = {
  'purchase.PurchaseReturn.batchCancelOrder': returnCancel,
  'purchase.PurchaseReturn.pending': returnPending,
  'wms.stockin.Purchase.cancel': stockinCancel,
  'wms.stockother.In.cancelOrder': otherInCancel,
};

/** The preview of the lists an operation sends, or null when it has none. */
export const previewSpecOf = (op: Pick<OperationDef, 'method'>): PreviewSpec | null => previewsByMethod[op.method] ?? null;
