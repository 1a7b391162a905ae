// Reconciliation: a call whose answer never came may or may not have acted. The operation's read-only
// query (reconcile-kit.ts) looks each document up and tells who did it: in the state our call would
// leave it and changed no earlier than our first attempt left (on the ERP's clock) → our success;
// already so before → failed, saying since when; untouched → sent again; anything else → unknown.
// Methods without a query are resent (a refusal of the resend then counts as unknown, see settle.ts).
import type { LocalizedText } from '../../shared/i18n';
import { serializeArgs } from '../../shared/operations/json-body';
import { formatChinaTime } from '../../shared/operations/erp-time';
import { verdictOf, type FoundDocument, type QueryVerdict, type ReconcileSpec } from '../../shared/operations/reconcile-kit';
import type { CallResult } from '../wdt/types';
import type { OrderSettlement } from './job-store';
import type { RateSignal } from './rate-limiter';
import type { RunEnd, RunnerDeps } from './runner';
import { answerOf } from './settle';

export type ReconcileVerdict = { kind: 'ok' } | { kind: 'halt'; halt: Exclude<RunEnd, { kind: 'done' }> };

/** The widest window the stock-in query takes (its page: 30 days). */
const windowMs = 30 * 24 * 3600_000;
/** Windowed lookups start this long before our first send, so a change at the very moment is inside. */
const windowLeadMs = 60_000;

const alreadyKeys = { created: 'jobs.reconciled.alreadyCreated', cancelled: 'jobs.reconciled.alreadyCancelled', stopped: 'jobs.reconciled.alreadyStopped' } as const;
const doneKeys = { created: 'jobs.reconciled.created', cancelled: 'jobs.reconciled.cancelled', stopped: 'jobs.reconciled.stopped' } as const;

/** Settles the in-doubt orders of one call, one lookup at a time; stops early when the run halts. */
export async function reconcileCall(
  d: RunnerDeps,
  call: number,
  signal: AbortSignal,
  sawResult: (result: CallResult) => RateSignal,
): Promise<ReconcileVerdict> {
  const { store, jobId, op } = d;
  const doubtful = store.orders(jobId, call, 'in-doubt');
  const spec = op.reconcile;
  if (!spec) {
    store.settle(jobId, call, doubtful.map((o) => ({ key: o.key, state: 'pending' as const, doubt: true })));
    return { kind: 'ok' };
  }
  for (const { key, refusal } of doubtful) {
    const firstSent = store.firstSentAt(jobId, key);
    const looked = await lookUp(d, spec, key, firstSent, call, signal, sawResult);
    if (looked === 'halted') return { kind: 'ok' };
    if (looked === 'retry') continue;
    const settlement = settlementOf(spec, key, looked.verdict, refusal, looked.sentAtServerMs, looked.why);
    store.settle(jobId, call, [settlement], { ...looked.audit, answer: { ...looked.audit.answer, outcome: `query:${outcomeWord(settlement, looked.verdict)}` } });
  }
  return { kind: 'ok' };
}

type Audit = { method: string; answer: ReturnType<typeof answerOf>; now: number };
type Looked = 'halted' | 'retry' | { verdict: QueryVerdict; audit: Audit; sentAtServerMs: number | null; why?: LocalizedText };

/** Runs the key's lookups in order until one finds the document (the -1 rule), then judges it. */
async function lookUp(
  d: RunnerDeps,
  spec: ReconcileSpec,
  key: string,
  firstSentLocalMs: number | null,
  call: number,
  signal: AbortSignal,
  sawResult: (result: CallResult) => RateSignal,
): Promise<Looked> {
  const { store, jobId, limiter, client, clock } = d;
  const lookups = spec.lookups(key, windowFor(d, firstSentLocalMs));
  let last: Audit | null = null;
  for (const lookup of lookups) {
    if (signal.aborted || !(await limiter.acquire(signal))) return 'halted';
    let said: RateSignal = 'ok';
    try {
      const result = await client.call({ method: spec.method, body: serializeArgs(lookup.args), paging: { pageSize: 10, pageNo: 0, calcTotal: false }, timeoutMs: d.timeoutMs });
      said = sawResult(result);
      const audit: Audit = { method: spec.method, answer: { ...answerOf(result), outcome: `query:${result.kind}` }, now: clock.now() };
      if (result.kind !== 'answered') {
        // Nothing learned: the order stays in doubt; the limiter holds off and the loop asks again.
        store.settle(jobId, call, [], audit);
        // A refused account, request or address has halted the run (sawResult): the orders stay in doubt for resume.
        return signal.aborted ? 'halted' : 'retry';
      }
      // The ERP's clock, as of this answer: our first send on it.
      const sentAtServerMs = firstSentLocalMs === null ? null : firstSentLocalMs + client.clockOffsetMs;
      const found = spec.find(result.erp, key);
      if (found === 'unreadable') {
        const why: LocalizedText = { key: 'jobs.unknown.queryRefused', params: { key, message: result.erp.message ?? '' } };
        return { verdict: { kind: 'unknown' }, audit, sentAtServerMs, why };
      }
      if (found !== null) return { verdict: verdictOf(found, sentAtServerMs), audit, sentAtServerMs };
      // Not under this number: the next lookup (the -1 document) decides; this one stays in the audit trail.
      if (lookup !== lookups[lookups.length - 1]) store.settle(jobId, call, [], { ...audit, answer: { ...audit.answer, outcome: 'query:not-found' } });
      last = audit;
    } finally {
      limiter.release(said);
    }
  }
  // Found by no lookup. A windowed query proves absence only when its window reaches back to our first send.
  const proves = !spec.windowed || (firstSentLocalMs !== null && d.clock.now() - firstSentLocalMs < windowMs - 2 * windowLeadMs);
  return { verdict: proves ? verdictOf(null, null) : { kind: 'unknown' }, audit: last!, sentAtServerMs: null };
}

/** From a minute before our first send to a minute from now, on the ERP's clock, at most 30 days. */
function windowFor(d: RunnerDeps, firstSentLocalMs: number | null): { start: string; end: string } {
  const offset = d.client.clockOffsetMs;
  const end = d.clock.now() + offset + windowLeadMs;
  const start = Math.max(end - windowMs + 1000, (firstSentLocalMs ?? 0) + offset - windowLeadMs);
  return { start: formatChinaTime(start), end: formatChinaTime(end) };
}

function settlementOf(
  spec: ReconcileSpec,
  key: string,
  verdict: QueryVerdict,
  refusal: string | null,
  sentAtServerMs: number | null,
  why: LocalizedText = { key: 'jobs.unknown.check', params: { key } },
): OrderSettlement {
  switch (verdict.kind) {
    case 'succeeded':
      return {
        key,
        state: 'succeeded',
        erpNo: erpNoOf(spec, key, verdict.doc),
        notes: [{ text: { key: doneKeys[spec.effect], params: { key, time: timeOf(verdict.doc.changedMs) } } }],
      };
    case 'already': {
      const text: LocalizedText = { key: alreadyKeys[spec.effect], params: { key, since: formatChinaTime(verdict.sinceMs), sent: timeOf(sentAtServerMs) } };
      // The ERP's own words, when it refused a resend, stay verbatim beside ours.
      return { key, state: 'failed', erpMessage: refusal, notes: [{ text }] };
    }
    case 'not-done':
      // Our earlier attempt did nothing. If the ERP already refused the resend, that refusal stands.
      return refusal !== null ? { key, state: 'failed', erpMessage: refusal } : { key, state: 'pending', doubt: true };
    case 'unknown':
      return { key, state: 'unknown', erpMessage: refusal, notes: [{ text: why }] };
  }
}

/** The document the ERP changed, where it is not the key itself (a create's return number, a `-1` document). */
function erpNoOf(spec: ReconcileSpec, key: string, doc: FoundDocument): string | null {
  return spec.effect === 'created' || doc.no !== key ? doc.no : null;
}

const timeOf = (ms: number | null): string => (ms === null ? '?' : formatChinaTime(ms));

function outcomeWord(settlement: OrderSettlement, verdict: QueryVerdict): string {
  if (verdict.kind === 'already') return 'already';
  return settlement.state === 'pending' || verdict.kind === 'not-done' ? 'not-done' : settlement.state;
}
