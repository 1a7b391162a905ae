// One read-only, paged query call, as the master-data refresh and the previews make it: paced by the
// profile's limits (the engine's Pacer), retried while the vendor says "slow down" or the network
// fails (a query changes nothing, so asking again is always safe), and ended by a typed outcome —
// never a throw for anything the ERP or the network can do.
import type { LocalizedText } from '../../shared/i18n';
import type { ErrorCode } from '../../shared/result';
import type { RateLimiter, RateSignal } from '../jobs/rate-limiter';
import { refusalText, requestRefusedText, wrongAddressText } from '../wdt/refusals';
import type { CallResult, WdtClient } from '../wdt/types';
import { serializeArgs } from '../../shared/operations/json-body';

export interface QueryDeps {
  client: WdtClient;
  pacer: RateLimiter;
  timeoutMs: number;
  /** Network failures in a row before the query gives up (default 4). */
  maxTries?: number;
}

export type QueryOutcome =
  /** status 0: the answer's `data`. */
  | { kind: 'answer'; data: unknown }
  /** status 100 with the vendor's reason (a refused window, a document not found…). */
  | { kind: 'refused'; message: string }
  /** 权限不足: this appkey has not been granted the method. */
  | { kind: 'denied' }
  /** The account, the address or our request was refused: every further call would be too. */
  | { kind: 'halt'; code: ErrorCode; text: LocalizedText }
  /** The network or the ERP kept failing. */
  | { kind: 'failed'; text: LocalizedText }
  | { kind: 'stopped' };

const paceOf = (result: CallResult): RateSignal => {
  switch (result.kind) {
    case 'answered':
      return 'ok';
    case 'rate-limited':
      return /并发|concurren/i.test(result.message) ? 'concurrency-limited' : 'rate-limited';
    case 'not-sent':
      return 'offline';
    case 'unknown':
      return 'unknown';
    default:
      return 'ok';
  }
};

const failureText = (result: CallResult): LocalizedText => result.text ?? { key: 'wdt.erp.failed', params: { status: result.erpStatus ?? '', message: result.message } };

export async function queryPage(
  deps: QueryDeps,
  method: string,
  args: unknown[],
  paging: { pageSize: number; pageNo: number },
  signal?: AbortSignal,
): Promise<QueryOutcome> {
  const maxTries = deps.maxTries ?? 4;
  let failures = 0;
  for (;;) {
    if (signal?.aborted || !(await deps.pacer.acquire(signal))) return { kind: 'stopped' };
    const result = await deps.client.call({ method, body: serializeArgs(args), paging: { ...paging, calcTotal: true }, timeoutMs: deps.timeoutMs });
    deps.pacer.release(paceOf(result));
    switch (result.kind) {
      case 'answered':
        return result.erp.status === 0 ? { kind: 'answer', data: result.erp.data } : { kind: 'refused', message: result.erp.message ?? '' };
      case 'rate-limited':
        continue;
      case 'credentials-refused':
        if (result.refusal === 'permission') return { kind: 'denied' };
        return { kind: 'halt', code: 'CREDENTIALS_REFUSED', text: refusalText(result) };
      case 'request-refused':
        return { kind: 'halt', code: 'INTERNAL', text: requestRefusedText(result) };
      case 'wrong-address':
        return { kind: 'halt', code: 'ERP_UNREACHABLE', text: wrongAddressText(result) };
      case 'clock-skew':
        return { kind: 'halt', code: 'CLOCK_SKEW', text: failureText(result) };
      case 'not-sent':
      case 'unknown':
        failures += 1;
        if (failures >= maxTries) return { kind: 'failed', text: failureText(result) };
        continue;
    }
  }
}
