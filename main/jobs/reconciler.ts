// Reconciliation: a call whose answer never came may or may not have acted. For purchase-return
// methods, purchase.PurchaseReturn.queryWithDetail tells: a create whose outer_no now exists succeeded,
// a cancel whose return is now 已取消 succeeded, a pending whose return is now 停止出库 succeeded.
// What provably did not happen goes back to be sent again; what the query cannot tell ends unknown.
// Methods without a query are resent (a refusal of the resend then counts as unknown, see settle.ts).
import type { LocalizedText } from '../../shared/i18n';
import { serializeArgs } from '../../shared/operations/json-body';
import { buildQueryArgs, findReturn, queryMethod, queryResponseSchema, settleByQuery } from '../../shared/operations/return-query';
import type { CallResult } from '../wdt/types';
import type { OrderSettlement } from './job-store';
import type { PaceSignal } from './pacer';
import type { RunEnd, RunnerDeps } from './runner';
import { answerOf } from './settle';

export type ReconcileVerdict = { kind: 'ok' } | { kind: 'halt'; halt: Exclude<RunEnd, { kind: 'done' }> };

/** Settles the in-doubt orders of one call, one query per order; stops early when the run halts. */
export async function reconcileBatch(
  d: RunnerDeps,
  batch: number,
  signal: AbortSignal,
  sawResult: (result: CallResult) => PaceSignal,
): Promise<ReconcileVerdict> {
  const { store, jobId, op, pacer, client, clock } = d;
  const doubtful = store.orders(jobId, batch, 'in-doubt');
  const rule = op.reconcile;
  if (!rule) {
    store.settle(jobId, batch, doubtful.map((o) => ({ key: o.key, state: 'pending' as const, doubt: true })));
    return { kind: 'ok' };
  }
  for (const { key, refusal } of doubtful) {
    if (signal.aborted) return { kind: 'ok' };
    if (!(await pacer.acquire(signal))) return { kind: 'ok' };
    let paced: PaceSignal = 'ok';
    try {
      const result = await client.call({
        method: queryMethod,
        body: serializeArgs(buildQueryArgs({ return_no: key })),
        paging: { pageSize: 10, pageNo: 0, calcTotal: false },
        timeoutMs: d.timeoutMs,
      });
      paced = sawResult(result);
      const audit = { method: queryMethod, answer: { ...answerOf(result), outcome: `query:${result.kind}` }, now: clock.now() };
      if (result.kind !== 'answered') {
        // Nothing learned: the order stays in doubt; the pacer holds off and the loop asks again.
        store.settle(jobId, batch, [], audit);
        // A refused account, request or address has halted the run (sawResult): the orders stay in doubt for resume.
        if (signal.aborted) return { kind: 'ok' };
        continue;
      }
      const parsed = queryResponseSchema.safeParse(result.erp);
      let settlement: OrderSettlement;
      if (!parsed.success || parsed.data.status !== 0) {
        const why: LocalizedText = { key: 'jobs.unknown.queryRefused', params: { key, message: result.erp.message ?? '' } };
        settlement = { key, state: 'unknown', notes: [{ text: why }] };
      } else {
        const found = findReturn(key, parsed.data.data?.order ?? []);
        const verdict = settleByQuery(rule, key, found);
        settlement =
          verdict === 'succeeded'
            ? {
                key,
                state: 'succeeded',
                erpNo: rule === 'create' ? (found?.return_no ?? null) : null,
                notes: [{ text: { key: rule === 'cancel' ? 'jobs.reconciled.cancelled' : 'jobs.reconciled.succeeded' } }],
              }
            : verdict === 'not-done'
              ? // Our earlier attempt did nothing. If the ERP already refused the resend, that refusal stands.
                refusal !== null
                ? { key, state: 'failed', erpMessage: refusal }
                : { key, state: 'pending', doubt: true }
              : { key, state: 'unknown', notes: [{ text: { key: 'jobs.unknown.check', params: { key } } }] };
      }
      store.settle(jobId, batch, [settlement], { ...audit, answer: { ...audit.answer, outcome: `query:${settlement.state === 'pending' || settlement.state === 'failed' ? 'not-done' : settlement.state}` } });
    } finally {
      pacer.release(paced);
    }
  }
  return { kind: 'ok' };
}
