// The runner: one job's calls, sent within the rate limiter's bounds. Every attempt is committed as
// 'sending' before it leaves and settled in one transaction when it returns; unknown outcomes are
// settled by reconciliation before anything of that call is sent again; offline, it waits.
// The pipe stays full (docs/job-engine.md, "Sending"): while calls are on the wire, the next calls' attempts
// are committed ahead (one fsync for them), so a freed slot sends at once instead of waiting on the disk.
import type { LocalizedText } from '../../shared/i18n';
import type { OperationDef } from '../../shared/operations/types';
import { serializeArgs } from '../../shared/operations/json-body';
import type { Clock, Logger } from '../effects';
import type { CallResult, WdtClient } from '../wdt/types';
import { WalSync } from './database';
import { haltOf } from './halts';
import type { FinishedAttempt, JobStore, OrderSettlement, StartedAttempt } from './job-store';
import type { RateLimiter, RateSignal } from './rate-limiter';
import { reconcileCall } from './reconciler';
import { answerOf, nothingDone, settleAnswered, unknownOutcome } from './settle';

export type RunEnd =
  | { kind: 'done' }
  | { kind: 'paused' }
  | { kind: 'waiting'; reason: LocalizedText }
  | { kind: 'interrupted'; reason: LocalizedText; code: InterruptCode };

/**
 * Why a run stopped before its end, rows unsent: the account was refused or the address is wrong (the
 * profile must be fixed: CLI exit 4), our request was malformed (our bug), or the clock cannot be corrected.
 */
export type InterruptCode = 'CREDENTIALS_REFUSED' | 'WRONG_ADDRESS' | 'REQUEST_REFUSED' | 'CLOCK_SKEW' | 'STOPPED';

export interface RunnerDeps {
  store: JobStore;
  jobId: string;
  op: OperationDef;
  isCheck: boolean;
  client: WdtClient;
  limiter: RateLimiter;
  clock: Clock;
  logger: Logger;
  timeoutMs: number;
  /** Attempts per call before an outcome that never became known is reported as unknown. */
  maxAttempts: number;
  /** How long to keep trying an unreachable ERP before leaving the job waiting (null: forever). */
  waitLimitMs: number | null;
  /** Something moved: the engine turns this into a progress event. */
  onChange: () => void;
  /** The ERP was reached, or could not be. */
  onReachable: (reachable: boolean) => void;
}

type Halt = Exclude<RunEnd, { kind: 'done' }>;

/**
 * An attempt committed ahead waits at most this long for its slot; older, it is taken back and begun again, so
 * a row's submit time (reconciliation's "since when is it our doing") is never much earlier than its send.
 */
const aheadForMs = 1000;

/** An answered call's orders that leave it with nothing to send or query: the call is done once recorded. */
const closesCall = (s: OrderSettlement): boolean => s.state !== 'pending' && s.state !== 'in-doubt';

/**
 * Runs fn once the requests made in this turn of the event loop are written. undici writes a request on a reused
 * keep-alive socket from a setImmediate of its own (its idle-socket check), queued after one we queue first; a
 * second setImmediate comes after it. Store work done sooner would hold the request back by its duration.
 */
const afterSends = (fn: () => void): void => void setImmediate(() => setImmediate(fn));

/** How a stop ends a run (docs/job-engine.md, "Stop"): interrupted, its unsent orders still pending. */
export const stoppedEnd: Halt = { kind: 'interrupted', reason: { key: 'jobs.interrupted.stopped' }, code: 'STOPPED' };

export class JobRunner {
  private halt: Halt | null = null;
  /** The first error a lane threw (the store failed): every lane ends, then run() throws it. */
  private broken: { error: unknown } | null = null;
  private readonly abort = new AbortController();
  private offlineSince: number | null = null;
  private offlineTimer: NodeJS.Timeout | null = null;
  /** Since when orders have stayed in doubt (the ERP would not tell); the CLI's --wait bounds it too. */
  private doubtSince: number | null = null;
  private doubtTimer: NodeJS.Timeout | null = null;
  /** Reconciliation rounds per call that ended with orders still in doubt (the ERP would not tell). */
  private readonly unsettledRounds = new Map<number, number>();
  /** The run's first call goes out alone: a refused account or a wrong address then costs one call, not a lane each. */
  private firstCallSent = false;
  /** Calls not yet taken by a lane, in plan order. */
  private queue: number[] = [];
  /** Attempts committed ahead of their send, by call (see aheadForMs). */
  private readonly ahead = new Map<number, { started: StartedAttempt; at: number; durable: Promise<void> }>();
  /** Store work due once the requests just made are written (afterSends): records of settled calls, attempts ahead. */
  private due: { records: FinishedAttempt[]; ahead: boolean } | null = null;
  /** Records of settled calls waiting to ride with the next attempts ahead (writeDue); written at the run's end at the latest. */
  private held: FinishedAttempt[] = [];
  /** That work not yet written; the run ends only once it is. */
  private readonly unrecorded = new Set<Promise<void>>();
  /** One handle on the -wal file for the run's syncs of attempts committed ahead. */
  private readonly wal: WalSync;

  constructor(private readonly d: RunnerDeps) {
    this.wal = new WalSync(d.store.db);
  }

  /** Pause after the calls in flight have answered. */
  pause(): void {
    this.stopWith({ kind: 'paused' });
  }

  /**
   * Send nothing more, at once: waits (backoff, rate window, queries) end now; a call already on the wire
   * still has its answer recorded. What was not sent stays pending, and resume sends it.
   */
  stop(): void {
    // A stop outranks a pause or a wait asked for earlier; a refusal of the account says more, and stays.
    if (this.halt?.kind === 'paused' || this.halt?.kind === 'waiting') this.halt = null;
    this.stopWith(stoppedEnd);
  }

  async run(): Promise<RunEnd> {
    const { store, jobId } = this.d;
    try {
      // Crash recovery comes first: calls left 'sending' are in doubt and settled before anything is sent.
      store.recoverInterrupted(jobId);
      const first = store.openCalls(jobId);
      await this.workers(first.inDoubt);
      if (!this.halt) {
        const next = store.openCalls(jobId);
        await this.workers([...next.inDoubt, ...next.planned]);
      }
    } finally {
      await Promise.all(this.unrecorded);
      this.flushHeld();
      this.withdrawAhead();
      if (this.offlineTimer) clearTimeout(this.offlineTimer);
      if (this.doubtTimer) clearTimeout(this.doubtTimer);
      await this.wal.close();
    }
    if (this.broken) throw this.broken.error;
    if (this.halt) return this.halt;
    if (store.settled(jobId)) return { kind: 'done' };
    // Reconciliation could not reach a verdict in this run (stop while in doubt): the job waits for resume.
    return { kind: 'waiting', reason: { key: 'jobs.wait.inDoubt' } };
  }

  private stopWith(halt: Halt): void {
    if (!this.halt) this.halt = halt;
    this.abort.abort();
  }

  private async workers(calls: number[]): Promise<void> {
    const queue = (this.queue = [...calls]);
    if (!this.firstCallSent && queue.length > 0) {
      this.firstCallSent = true;
      await this.processCall(queue.shift()!);
    }
    const lanes = Math.max(1, Math.min(queue.length, this.d.limiter.concurrency));
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        try {
          while (!this.halt) {
            const call = queue.shift();
            if (call === undefined) return;
            await this.processCall(call);
          }
        } catch (error) {
          // A store write failed (disk full…): the other lanes stop at their next step once their calls in
          // flight have answered, and run() throws this error rather than return the placeholder halt.
          this.broken ??= { error };
          this.stopWith({ kind: 'paused' });
        }
      }),
    );
  }

  /** Takes one call to its end: reconciled, answered, or halted (it stays in the store for the next run). */
  private async processCall(call: number): Promise<void> {
    const { store, jobId } = this.d;
    while (!this.halt) {
      const state = store.callState(jobId, call);
      if (state === 'in-doubt') {
        const verdict = await reconcileCall(this.d, call, this.abort.signal, (r) => this.sawResult(r));
        if (verdict.kind === 'halt') return this.stopWith(verdict.halt);
        this.d.onChange();
        if (store.orders(jobId, call, 'in-doubt').length > 0) {
          this.stillInDoubt();
          const rounds = (this.unsettledRounds.get(call) ?? 0) + 1;
          this.unsettledRounds.set(call, rounds);
          // The query keeps failing: leave the job waiting rather than ask forever (resume asks again).
          if (rounds >= this.d.maxAttempts && this.d.waitLimitMs !== null) return this.stopWith({ kind: 'waiting', reason: { key: 'jobs.wait.inDoubt' } });
        }
        continue;
      }
      if (state !== 'planned' && !this.ahead.has(call)) return;
      // Every order settled: the call is done once its record (due after the next sends) is written; no need to ask.
      if (await this.sendOnce(call)) return;
    }
  }

  /** One attempt of the call; true when every order of it settled (its record is due after the next sends). */
  private async sendOnce(call: number): Promise<boolean> {
    const { store, jobId, op, limiter, client, clock } = this.d;
    if (!(await limiter.acquire(this.abort.signal))) return false;
    let signal: RateSignal = 'ok';
    try {
      if (this.halt) return false;
      const started = (await this.takeAhead(call)) ?? store.beginAttempt(jobId, call, op.method, clock.now());
      if (!started) return false;
      const keys = started.orders.map((o) => o.key);
      const body = serializeArgs(op.buildArgs(started.orders, { isCheck: this.d.isCheck }));
      const answered = client.call({ method: op.method, body, timeoutMs: this.d.timeoutMs });
      this.afterSendsWrite(null, true);
      const result = await answered;
      signal = this.sawResult(result);
      const answer = answerOf(result);
      switch (result.kind) {
        case 'answered': {
          const outcomes = op.outcomes(result.erp, keys, started.orders);
          const settlements = settleAnswered(op, outcomes, started.doubtful, started.attempt, this.d.maxAttempts);
          // Every order settled: nothing more to do with this call, so its record waits until the lane's next
          // request is on its way (the slot is free at once). Otherwise the lane needs the call's new state now.
          if (settlements.every(closesCall)) {
            this.afterSendsWrite({ call, attemptId: started.attemptId, answer, settlements });
            return true;
          }
          store.finishAttempt(jobId, call, started.attemptId, answer, settlements);
          break;
        }
        case 'unknown':
          store.finishAttempt(
            jobId,
            call,
            started.attemptId,
            answer,
            keys.map((key) => unknownOutcome(op, key, started.attempt, this.d.maxAttempts, result.text ?? { key: 'jobs.unknown.answer' })),
          );
          break;
        default: {
          // Rate-limited, not sent, a refused account or request, clock, wrong address: the ERP did nothing with this call.
          // An HTML page that came with a 2xx may have come from something that passed the request on: keep the doubt.
          const mayHaveActed = result.kind === 'wrong-address' && (result.httpStatus ?? 0) < 300;
          store.finishAttempt(jobId, call, started.attemptId, answer, nothingDone(keys).map((s) => (mayHaveActed || started.doubtful.has(s.key) ? { ...s, doubt: true } : s)));
        }
      }
      this.d.onChange();
      return false;
    } finally {
      limiter.release(signal);
    }
  }

  /**
   * The attempt committed ahead for this call, once it is on disk (its sync has almost always finished by now),
   * if it is fresh enough to send; a stale one is taken back. A failed sync throws: the store failed.
   */
  private async takeAhead(call: number): Promise<StartedAttempt | null> {
    const ready = this.ahead.get(call);
    if (!ready) return null;
    this.ahead.delete(call);
    try {
      await ready.durable;
    } catch (error) {
      this.ahead.set(call, ready); // withdrawn at the run's end, or left for recovery
      throw error;
    }
    if (this.d.clock.now() - ready.at <= aheadForMs) return ready.started;
    this.d.store.withdrawAttempt(this.d.jobId, call, ready.started.attemptId);
    return null;
  }

  /**
   * Schedules store work for once the requests just made are on their way (afterSends), all of it in one transaction
   * (store.recordAndBegin): the record of a call whose orders all settled, and/or the attempts of the next calls ahead.
   * Killed before it is written, a recorded call's attempt is still 'sending' on disk: recovery marks it lost and
   * settles its orders by query, as for a kill while the call was on the wire. The run's end waits for the write.
   */
  private afterSendsWrite(record: FinishedAttempt | null, ahead = false): void {
    if (!this.due) {
      const due = (this.due = { records: [], ahead: false });
      const written = new Promise<void>((resolve) =>
        afterSends(() => {
          this.due = null;
          try {
            this.writeDue(due);
          } catch (error) {
            // The store failed (disk full…): as in a lane, the run ends once the calls in flight have answered.
            this.broken ??= { error };
            this.stopWith({ kind: 'paused' });
          }
          resolve();
        }),
      );
      this.unrecorded.add(written);
      void written.then(() => this.unrecorded.delete(written));
    }
    if (record) this.due.records.push(record);
    if (ahead) this.due.ahead = true;
  }

  /**
   * Writes the due records and commits the attempts of the next planned calls (nextAhead), in one transaction — every
   * other send at full speed: attempts ahead are begun two at a time (aheadDue) and a record waits for the next such
   * commit unless two are due. Half the commits, each a little larger than one call's (the calls', attempts' and
   * indexes' pages are shared), and half the syncs. A record held back leaves its call 'sending' a moment longer:
   * killed meanwhile, it is settled by query, as any call on the wire.
   */
  private writeDue({ records, ahead }: { records: FinishedAttempt[]; ahead: boolean }): void {
    const held = this.held.length === 0 ? records : [...this.held, ...records];
    const next = ahead && !this.halt && this.aheadDue() ? this.nextAhead() : [];
    if (next.length === 0 && held.length < 2 && !this.halt) {
      this.held = held;
      return;
    }
    this.held = [];
    this.write(held, next, this.d.clock.now());
  }

  /** One recordAndBegin: the records, and the attempts ahead kept for their sends once their sync is done. */
  private write(records: FinishedAttempt[], next: number[], at: number): void {
    const { store, jobId, op } = this.d;
    if (records.length === 0 && next.length === 0) return;
    const { started, durable } = store.recordAndBegin(jobId, records, next, op.method, at, this.wal);
    if (durable) {
      // Awaited before each send; a failure here is handled there (this catch only keeps it from going unhandled).
      durable.catch(() => {});
      started.forEach((s, i) => s && this.ahead.set(next[i]!, { started: s, at, durable }));
    }
    if (records.length > 0) this.d.onChange();
  }

  /** Records still held back at the run's end are written now (the lanes are done). */
  private flushHeld(): void {
    const held = this.held;
    this.held = [];
    try {
      this.write(held, [], this.d.clock.now());
    } catch (error) {
      this.broken ??= { error };
    }
  }

  /**
   * Attempts ahead are begun when two slots' worth are missing (or none is left, or fewer than two may go at all):
   * with four slots, the pipe keeps two to four attempts ahead and commits every other send.
   */
  private aheadDue(): boolean {
    const cap = Math.min(this.d.limiter.concurrency, this.d.limiter.headroom);
    const room = cap - this.ahead.size;
    return room > 0 && (room >= Math.min(2, cap) || this.ahead.size === 0);
  }

  /**
   * The next calls in the queue to commit ahead now, one per slot — only while the rate limiter would let them go at
   * once. Whether each is still planned is asked inside recordAndBegin's transaction (a read there costs a B-tree
   * seek, one outside a transaction opens and closes a read transaction of its own).
   */
  private nextAhead(): number[] {
    const { limiter } = this.d;
    const room = Math.min(limiter.concurrency, limiter.headroom) - this.ahead.size;
    const next: number[] = [];
    for (const call of this.queue) {
      if (next.length >= room) break;
      if (!this.ahead.has(call)) next.push(call);
    }
    return next;
  }

  /** At the run's end: attempts committed ahead that never left are taken back (their orders wait again). */
  private withdrawAhead(): void {
    for (const [call, ready] of this.ahead) {
      try {
        this.d.store.withdrawAttempt(this.d.jobId, call, ready.started.attemptId);
      } catch (error) {
        // Left 'sending', it is marked lost by the next run and its orders are settled by query: safe, only slower.
        this.d.logger.error('could not take back an attempt committed ahead', { job: this.d.jobId, call, error: String(error) });
      }
    }
    this.ahead.clear();
  }

  /** Orders stay in doubt: with a wait limit (CLI --wait), leave the job waiting once it has passed. */
  private stillInDoubt(): void {
    const limit = this.d.waitLimitMs;
    if (limit === null || this.doubtSince !== null) return;
    this.doubtSince = this.d.clock.now();
    this.doubtTimer = setTimeout(() => {
      if (this.d.store.openCalls(this.d.jobId).inDoubt.length > 0) this.stopWith({ kind: 'waiting', reason: { key: 'jobs.wait.inDoubt' } });
      else this.doubtSince = null;
    }, limit);
  }

  /** Reads what a result says about the ERP and the network; halts the run where it must. */
  private sawResult(result: CallResult): RateSignal {
    switch (result.kind) {
      case 'answered':
        this.reachable(true);
        return 'ok';
      case 'rate-limited':
        this.reachable(true);
        return /并发|concurren/i.test(result.message) ? 'concurrency-limited' : 'rate-limited';
      case 'credentials-refused':
      case 'request-refused':
      case 'wrong-address':
      case 'clock-skew':
        this.reachable(true);
        if (result.kind === 'request-refused') this.d.logger.error('the ERP refused our request as malformed', { method: result.method, status: result.erpStatus, message: result.message });
        this.stopWith(haltOf(result));
        return 'ok';
      case 'not-sent':
        this.reachable(false);
        return 'offline';
      case 'unknown':
        // A 5xx or a garbled body came from somewhere; a timeout may be the network: neither proves offline.
        return 'unknown';
    }
  }

  private reachable(yes: boolean): void {
    if (yes) {
      if (this.offlineSince !== null) {
        this.offlineSince = null;
        if (this.offlineTimer) clearTimeout(this.offlineTimer);
        this.offlineTimer = null;
      }
      this.d.onReachable(true);
      return;
    }
    if (this.offlineSince === null) {
      this.offlineSince = this.d.clock.now();
      const limit = this.d.waitLimitMs;
      if (limit !== null) {
        this.offlineTimer = setTimeout(() => {
          if (this.offlineSince !== null) this.stopWith({ kind: 'waiting', reason: { key: 'jobs.wait.offline' } });
        }, limit);
      }
    }
    this.d.onReachable(false);
  }
}
