// Previews of a cancel or pending list before sending (docs/masterdata.md): each number's document as
// the ERP shows it now, judged by shared/masterdata/preview-rules.ts. Up to `cap` numbers are looked
// up one by one; longer lists (and queries that need a window) are read by modified-time windows of at
// most 30 days over the last `days` days, in pages. Paced by the profile's limits, stoppable, never a
// throw for anything the ERP or the network can do. Read-only: nothing in the ERP changes.
import { render, type Lang, type LocalizedText } from '../../shared/i18n';
import { formatChinaTime } from '../../shared/operations/erp-time';
import type { OperationId } from '../../shared/operations/types';
import { getOperation } from '../../shared/operations/catalog';
import { previewSpecOf, type PreviewDoc, type PreviewSpec } from '../../shared/masterdata/preview-rules';
import { appError, err, ok, type Result } from '../../shared/result';
import type { Clock } from '../effects';
import { queryPage, type QueryDeps, type QueryOutcome } from './query-call';
import { windowMs } from './refresh';

export interface PreviewRow {
  key: string;
  verdict: 'ok' | 'blocked' | 'unknown';
  /** The document's state (状态, 出库状态), for the grid. */
  labels: LocalizedText[];
  reason?: LocalizedText;
  /** The number the ERP knows it by, when another (the -1 rule). */
  found?: string;
}

export interface PreviewReport {
  operation: OperationId;
  mode: 'by-number' | 'by-window';
  rows: PreviewRow[];
  calls: number;
  /** False when stopped, denied or failed midway: rows not reached are `unknown`. */
  complete: boolean;
  notice?: LocalizedText;
  /** The profile whose ERP was asked (set by the service). */
  profile?: string;
}

export interface PreviewOptions {
  operation: OperationId;
  keys: readonly string[];
  /** Look numbers up one by one up to this many (setting, default 200). */
  cap: number;
  /** Windowed previews reach this many days back. */
  days: number;
  pageSize: number;
  signal?: AbortSignal;
  onProgress?(progress: { done: number; total: number }): void;
}

type Stop = { row: LocalizedText; notice?: LocalizedText };

export async function previewList(query: QueryDeps, clock: Clock, lang: Lang, o: PreviewOptions): Promise<Result<PreviewReport>> {
  const op = getOperation(o.operation);
  const spec = op ? previewSpecOf(op) : null;
  if (!spec) return err(appError('INVALID_ARGUMENT', `no preview for ${o.operation}`, { operation: o.operation }));
  const keys = [...new Set(o.keys.map((k) => k.trim()).filter((k) => k !== ''))];
  const byNumber = spec.byNumber !== null && keys.length <= o.cap;
  const run = byNumber ? lookUpEach : scanWindows;
  return run(query, clock, lang, spec, keys, o);
}

/** What a non-answer means for the rows not yet judged; a halt (the account refused) is an error. */
function stopOf(out: Exclude<QueryOutcome, { kind: 'answer' }>, spec: PreviewSpec, lang: Lang): Stop | { halt: Result<never> } {
  switch (out.kind) {
    case 'stopped':
      return { row: { key: 'masterdata.preview.stopped' } };
    case 'denied': {
      const text: LocalizedText = { key: 'masterdata.preview.denied', params: { method: spec.method } };
      return { row: text, notice: text };
    }
    case 'halt':
      return { halt: err(appError(out.code, render(lang, out.text), { method: spec.method })) };
    case 'failed':
    case 'refused': {
      const text: LocalizedText = { key: 'masterdata.preview.failed', params: { reason: out.kind === 'failed' ? render(lang, out.text) : out.message } };
      return { row: text, notice: text };
    }
  }
}

const rowOf = (key: string, doc: PreviewDoc | null, spec: PreviewSpec): PreviewRow => {
  const judged = spec.judge(doc);
  return { key, verdict: judged.verdict, labels: judged.labels, ...(judged.reason ? { reason: judged.reason } : {}), ...(doc && doc.no !== key ? { found: doc.no } : {}) };
};

async function lookUpEach(query: QueryDeps, _clock: Clock, lang: Lang, spec: PreviewSpec, keys: string[], o: PreviewOptions): Promise<Result<PreviewReport>> {
  const rows: PreviewRow[] = [];
  let calls = 0;
  for (const [i, key] of keys.entries()) {
    let doc: PreviewDoc | null = null;
    let unreadable = false;
    let refusal: string | null = null;
    for (const args of spec.byNumber!(key)) {
      const out = await queryPage(query, spec.method, args, { pageSize: 10, pageNo: 0 }, o.signal);
      if (out.kind !== 'stopped') calls += 1;
      if (out.kind === 'refused') {
        // The ERP refused this one lookup (its words, never read for meaning): this row cannot be judged, the rest can.
        refusal = out.message;
        break;
      }
      if (out.kind !== 'answer') {
        const stop = stopOf(out, spec, lang);
        if ('halt' in stop) return stop.halt;
        const rest = keys.slice(i).map((k): PreviewRow => ({ key: k, verdict: 'unknown', labels: [], reason: stop.row }));
        return ok({ operation: o.operation, mode: 'by-number', rows: [...rows, ...rest], calls, complete: false, ...(stop.notice ? { notice: stop.notice } : {}) });
      }
      const docs = spec.docs(out.data);
      if (docs === null) {
        unreadable = true;
        break;
      }
      doc = spec.match(key, docs);
      if (doc) break;
    }
    if (refusal !== null) rows.push({ key, verdict: 'unknown', labels: [], reason: { key: 'masterdata.preview.failed', params: { reason: refusal } } });
    else if (unreadable) rows.push({ key, verdict: 'unknown', labels: [], reason: { key: 'masterdata.preview.unreadable' } });
    else rows.push(rowOf(key, doc, spec));
    o.onProgress?.({ done: i + 1, total: keys.length });
  }
  return ok({ operation: o.operation, mode: 'by-number', rows, calls, complete: true });
}

async function scanWindows(query: QueryDeps, clock: Clock, lang: Lang, spec: PreviewSpec, keys: string[], o: PreviewOptions): Promise<Result<PreviewReport>> {
  const until = clock.now() + query.client.clockOffsetMs;
  const from = until - o.days * 24 * 3600_000;
  const windows: { start: number; end: number }[] = [];
  for (let start = from; start < until; start += windowMs) windows.push({ start, end: Math.min(start + windowMs, until) });
  const seen: PreviewDoc[] = [];
  let calls = 0;
  let stop: Stop | null = null;
  scan: for (const [i, w] of windows.entries()) {
    for (let pageNo = 0; ; pageNo += 1) {
      const out = await queryPage(query, spec.method, spec.windowArgs({ start: formatChinaTime(w.start), end: formatChinaTime(w.end) }), { pageSize: o.pageSize, pageNo }, o.signal);
      if (out.kind !== 'stopped') calls += 1;
      if (out.kind !== 'answer') {
        const s = stopOf(out, spec, lang);
        if ('halt' in s) return s.halt;
        stop = s;
        break scan;
      }
      const docs = spec.docs(out.data);
      if (docs === null) {
        stop = { row: { key: 'masterdata.preview.unreadable' }, notice: { key: 'masterdata.preview.unreadable' } };
        break scan;
      }
      seen.push(...docs);
      if (docs.length < o.pageSize) break;
    }
    o.onProgress?.({ done: i + 1, total: windows.length });
  }
  const rows = keys.map((key): PreviewRow => {
    const doc = spec.match(key, seen);
    if (doc) return rowOf(key, doc, spec);
    return { key, verdict: 'unknown', labels: [], reason: stop?.row ?? { key: 'masterdata.preview.notInWindow', params: { days: o.days } } };
  });
  return ok({ operation: o.operation, mode: 'by-window', rows, calls, complete: stop === null, ...(stop?.notice ? { notice: stop.notice } : {}) });
}
