// How an attempt's result becomes per-order settlements. Pure: the runner records them in one
// transaction with the attempt's answer.
import type { LocalizedText } from '../../shared/i18n';
import type { OperationDef, OrderOutcome } from '../../shared/operations/types';
import type { CallResult } from '../wdt/types';
import type { OrderSettlement } from './job-store';
import type { Note } from './records';

const note = (text: LocalizedText): Note[] => [{ text }];

/**
 * An answered call. A refusal of an order whose earlier attempt may have acted is not a plain failure:
 * for methods with a query it goes back to reconciliation; for the others it ends `unknown`, saying what
 * to check, because our own lost attempt may be what the ERP is refusing ("already cancelled").
 */
export function settleAnswered(
  op: OperationDef,
  outcomes: readonly OrderOutcome[],
  doubtful: ReadonlySet<string>,
  attempt: number,
  maxAttempts: number,
): OrderSettlement[] {
  return outcomes.map((o): OrderSettlement => {
    switch (o.state) {
      case 'succeeded':
        return { key: o.key, state: 'succeeded', erpMessage: o.message && o.message !== '' ? o.message : null, erpNo: o.erpNo ?? null, ...(o.text ? { notes: note(o.text) } : {}) };
      case 'failed':
        if (!doubtful.has(o.key)) return { key: o.key, state: 'failed', erpMessage: o.message, ...(o.note ? { notes: note(o.note) } : {}) };
        // The query then decides: our earlier attempt took effect (succeeded), or it did not and this refusal is the truth (failed).
        if (op.reconcile) return { key: o.key, state: 'in-doubt', erpMessage: o.message };
        return { key: o.key, state: 'unknown', erpMessage: o.message, notes: note({ key: 'jobs.unknown.resendRefused', params: { key: o.key } }) };
      case 'unknown':
        return unknownOutcome(op, o.key, attempt, maxAttempts, o.text ?? { key: 'jobs.unknown.answer' });
    }
  });
}

/** The answer never came (timeout, reset, 5xx, garbage) or did not tell: query, resend, or give up honestly. */
export function unknownOutcome(op: OperationDef, key: string, attempt: number, maxAttempts: number, why: LocalizedText): OrderSettlement {
  if (attempt >= maxAttempts) {
    return { key, state: 'unknown', notes: [{ text: why }, { text: { key: 'jobs.unknown.gaveUp', params: { attempts: attempt, key } } }] };
  }
  if (op.reconcile) return { key, state: 'in-doubt' };
  // No query exists for this method: resending is the only way to learn, and a refusal then counts as unknown.
  return { key, state: 'pending', doubt: true };
}

/** Nothing was done (rate limit, network down before sending, refused credentials): the orders wait again. */
export const nothingDone = (keys: readonly string[]): OrderSettlement[] => keys.map((key) => ({ key, state: 'pending' as const }));

/** The audit trail's words for an attempt. */
export function answerOf(result: CallResult): { outcome: string; httpStatus: number | null; erpStatus: number | null; erpMessage: string | null; durationMs: number } {
  return {
    outcome: result.kind,
    httpStatus: result.httpStatus ?? null,
    erpStatus: result.kind === 'answered' ? result.erp.status : (result.erpStatus ?? null),
    erpMessage: result.kind === 'answered' ? (result.erp.message ?? null) : result.message,
    durationMs: result.durationMs,
  };
}
