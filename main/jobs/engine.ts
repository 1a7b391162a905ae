// The job engine: creates jobs from read sheets, runs them (one runner per job, one process per job
// at a time), steers them (pause, resume, stop, withdraw) and tells the UI and the CLI what moved.
import os from 'node:os';
import { render, type Lang, type LocalizedText } from '../../shared/i18n';
import type { JobProgress } from '../../shared/contract/jobs.contract';
import { getOperation } from '../../shared/operations/catalog';
import { appError, err, ok, type AppError, type Result } from '../../shared/result';
import type { Clock, Logger } from '../effects';
import { oneLine } from '../error-line';
import type { ProfileLimits } from '../profiles/types';
import type { WdtClient } from '../wdt/types';
import type { JobStore, NewJob } from './job-store';
import type { JobViews } from './job-views';
import { RateLimiter } from './rate-limiter';
import type { JobRecord } from './records';
import { JobRunner, stoppedEnd, type RunEnd } from './runner';
import { storeAppError, storeFailureOf, storeFailureText, storeFolder } from './store-failure';
import { spendReserve } from './store-reserve';

/** How often a running job's progress is told (progressSoon). */
const progressEveryMs = 250;

export type EngineEvent =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'jobs-changed'; jobId: string | null }
  | { type: 'online'; online: boolean };

/** A connection to the ERP a job was made for, with the limits to run it under. */
export interface JobConnection {
  client: WdtClient;
  limits: ProfileLimits;
  close(): Promise<void>;
}

export interface JobEngineOptions {
  store: JobStore;
  views: JobViews;
  clock: Clock;
  logger: Logger;
  /** Resolves the job's profile now (secret read at send time) and checks it is still the account the job was made for. */
  connect(job: JobRecord): Promise<Result<JobConnection>>;
  /** The language progress texts are rendered in. */
  lang(): Lang;
  /** Attempts per call before an outcome that never became known is reported unknown (default 5). */
  maxAttempts?: number;
  /** Tests compress time: the rate window and the first backoff. */
  pacing?: { windowMs?: number; backoff?: { baseMs: number; capMs: number } };
  /** Who runs jobs here (default host:pid) and whether another owner is still alive. */
  owner?: string;
  isAlive?: (owner: string) => boolean;
}

export interface RunOptions {
  /** CLI --wait: how long to keep trying an unreachable ERP before leaving the job waiting (default: forever). */
  waitLimitMs?: number | null;
}

interface Active {
  /** Null while the run is still connecting; pause and stop then wait in the flags. */
  runner: JobRunner | null;
  limiter: RateLimiter | null;
  pauseRequested: boolean;
  stopRequested: boolean;
  /** Paused because this process is closing: the job waits and the next start goes on with it. */
  closing: boolean;
  done: Promise<Result<RunEnd>>;
}

const leaseMs = 30_000;

/** A process on this host that no longer exists gives up its jobs at once (crash, kill -9). */
export function defaultIsAlive(owner: string): boolean {
  const [host, pidText] = owner.split(/:(?=\d+$)/);
  if (host !== os.hostname()) return true; // another machine sharing the folder: trust its lease
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class JobEngine {
  private readonly active = new Map<string, Active>();
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private readonly owner: string;
  private readonly isAlive: (owner: string) => boolean;
  private readonly pendingEmit = new Map<string, NodeJS.Timeout>();
  /** Rows per job, read once: a job's rows are stored with it and never added or removed. */
  private readonly rowCounts = new Map<string, number>();
  /** Interruptions the store could not take (disk full): told in progress until a run starts again. */
  private readonly unrecorded = new Map<string, LocalizedText>();
  private reachable = true;
  /** Jobs that last found the ERP unreachable (the next answer may have to turn them from waiting to running). */
  private readonly offline = new Set<string>();

  constructor(private readonly o: JobEngineOptions) {
    this.owner = o.owner ?? `${os.hostname()}:${process.pid}`;
    this.isAlive = o.isAlive ?? defaultIsAlive;
  }

  get store(): JobStore {
    return this.o.store;
  }

  get views(): JobViews {
    return this.o.views;
  }

  online(): boolean {
    return this.reachable;
  }

  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores a job; nothing is sent until run(). */
  create(input: Omit<NewJob, 'now' | 'owner'>): Result<string> {
    const now = this.o.clock.now();
    let id: string;
    try {
      // Owned from its first commit: run() renews this lease; nobody else may take the job in between.
      id = this.o.store.createJob({ ...input, now, owner: { id: this.owner, until: now + leaseMs } });
    } catch (error) {
      // One transaction: a store that fails here keeps nothing of the job, and nothing was sent.
      const failure = storeFailureOf(error, storeFolder(this.o.store.db));
      if (!failure) throw error;
      this.o.logger.error('job store failed', { during: 'create', reason: failure.reason, folder: failure.folder, ...failure.params });
      return err(storeAppError(failure, this.o.lang()));
    }
    this.emit({ type: 'jobs-changed', jobId: id });
    return ok(id);
  }

  isRunning(jobId: string): boolean {
    return this.active.has(jobId);
  }

  /** Runs a job until it is done, paused, waiting or interrupted. A job already running here is joined, never doubled. */
  run(jobId: string, options: RunOptions = {}): Promise<Result<RunEnd>> {
    const running = this.active.get(jobId);
    if (running) return running.done;
    let job: JobRecord | null;
    try {
      job = this.o.store.job(jobId);
      if (job && job.state !== 'done' && !this.o.store.acquire(jobId, this.owner, this.o.clock.now(), leaseMs, this.isAlive)) {
        return Promise.resolve(err(appError('JOB_STATE', render(this.o.lang(), { key: 'jobs.error.busy', params: { job: jobId } }), { job: jobId })));
      }
    } catch (error) {
      // Nothing of this run happened yet: the job stays as it was; only the caller hears why.
      return Promise.resolve(this.failed(jobId, error, false));
    }
    if (!job) return Promise.resolve(err(appError('JOB_NOT_FOUND', render(this.o.lang(), { key: 'jobs.error.notFound', params: { job: jobId } }), { job: jobId })));
    if (job.state === 'done') return Promise.resolve(ok({ kind: 'done' } as RunEnd));
    const active: Active = { runner: null, limiter: null, pauseRequested: false, stopRequested: false, closing: false, done: Promise.resolve(ok({ kind: 'done' } as RunEnd)) };
    this.active.set(jobId, active);
    this.unrecorded.delete(jobId);
    active.done = (async (): Promise<Result<RunEnd>> => {
      const heartbeat = setInterval(() => this.guard('renew', () => this.o.store.renew(jobId, this.owner, this.o.clock.now() + leaseMs)), leaseMs / 3);
      heartbeat.unref();
      try {
        const op = getOperation(job.operation);
        if (!op) throw new Error(`job ${jobId}: unknown operation ${job.operation}`);
        const connection = await this.o.connect(job);
        if (!connection.ok) {
          this.o.store.setState(jobId, 'interrupted', { key: 'jobs.interrupted.profile', params: { message: connection.error.message } });
          this.emit({ type: 'jobs-changed', jobId });
          return connection;
        }
        const { client, limits } = connection.value;
        const limiter = new RateLimiter({
          concurrency: limits.concurrency,
          callsPerMinute: limits.callsPerMinute,
          clock: this.o.clock,
          ...(this.o.pacing?.windowMs ? { windowMs: this.o.pacing.windowMs } : {}),
          ...(this.o.pacing?.backoff ? { backoff: this.o.pacing.backoff } : {}),
        });
        const runner = new JobRunner({
          store: this.o.store,
          jobId,
          op,
          isCheck: job.is_check,
          client,
          limiter,
          clock: this.o.clock,
          logger: this.o.logger,
          timeoutMs: limits.timeoutSeconds * 1000,
          maxAttempts: this.o.maxAttempts ?? 5,
          waitLimitMs: options.waitLimitMs ?? null,
          onChange: () => this.progressSoon(jobId),
          onReachable: (yes) => this.sawReachable(jobId, yes),
        });
        active.runner = runner;
        active.limiter = limiter;
        if (active.pauseRequested) runner.pause();
        if (active.stopRequested) runner.stop();
        this.o.store.setState(jobId, 'running');
        this.o.store.markStarted(jobId, this.o.clock.now());
        this.emit({ type: 'jobs-changed', jobId });
        try {
          const end = await runner.run();
          this.record(jobId, end.kind === 'paused' && active.closing ? { kind: 'waiting', reason: { key: 'jobs.wait.closed' } } : end);
          this.o.logger.info('job run ended', { job: jobId, end: end.kind, rateLimited: limiter.stats.rateLimited, offline: limiter.stats.offline });
          return ok(end);
        } finally {
          limiter.close();
          await connection.value.close();
        }
      } catch (error) {
        return this.failed(jobId, error, true);
      } finally {
        clearInterval(heartbeat);
        // The first error is the one to tell: a release that fails too (same full disk) is only logged;
        // the lease then lapses by itself and a dead pid gives the job up at once.
        this.guard('release', () => this.o.store.release(jobId, this.owner));
        this.active.delete(jobId);
        this.guard('progress', () => this.flushProgress(jobId));
        this.emit({ type: 'jobs-changed', jobId });
      }
    })();
    return active.done;
  }

  /**
   * A run that threw: the store failed (disk full, unwritable…) or a bug. The job becomes interrupted
   * with the reason (kept in memory too, for when the store cannot take even that), and the caller
   * gets a typed error: STORE_FAILED naming the data folder, or INTERNAL. Resume goes on with the job.
   */
  private failed(jobId: string, error: unknown, started: boolean): Result<never> {
    const lang = this.o.lang();
    const failure = storeFailureOf(error, storeFolder(this.o.store.db));
    let reason: LocalizedText;
    let failedWith: AppError;
    if (failure) {
      // Disk full: give back the space kept aside, so that the interruption and the lease release below can commit.
      if (failure.reason === 'full') spendReserve(this.o.store.db.name);
      reason = storeFailureText(failure);
      failedWith = storeAppError(failure, lang);
      this.o.logger.error('job store failed', { job: jobId, reason: failure.reason, folder: failure.folder, ...failure.params });
    } else {
      const message = oneLine(error);
      reason = { key: 'jobs.interrupted.internal', params: { message } };
      failedWith = appError('INTERNAL', render(lang, reason), { job: jobId });
      this.o.logger.error('job run failed', { job: jobId, error: message, stack: error instanceof Error ? (error.stack ?? null) : null });
    }
    if (started) {
      this.unrecorded.set(jobId, reason);
      if (this.guard('interrupt', () => this.o.store.setState(jobId, 'interrupted', reason))) this.unrecorded.delete(jobId);
    }
    return err(failedWith);
  }

  /** Runs a store write whose failure must not hide another error or escape a timer; false when it failed. */
  private guard(what: string, write: () => void): boolean {
    try {
      write();
      return true;
    } catch (error) {
      this.o.logger.error('job store write failed', { during: what, error: oneLine(error) });
      return false;
    }
  }

  /** Pauses a running job after the calls in flight have answered; a job not running here just stays put. */
  pause(jobId: string): Result<void> {
    const job = this.o.store.job(jobId);
    if (!job) return this.notFound(jobId);
    const running = this.active.get(jobId);
    if (running) {
      running.pauseRequested = true;
      running.runner?.pause();
    } else if (job.state !== 'done') {
      this.o.store.setState(jobId, 'paused');
      this.emit({ type: 'jobs-changed', jobId });
    }
    return ok(undefined);
  }

  /**
   * Stops a job at once (docs/job-engine.md, "Stop"): nothing more is sent, a call already on the wire
   * still has its answer recorded, and the job ends `interrupted` with its unsent rows pending — never
   * skipped, never done — so resume sends them. A job another process runs is refused, not overwritten.
   */
  stop(jobId: string): Result<void> {
    const job = this.o.store.job(jobId);
    if (!job) return this.notFound(jobId);
    if (job.state === 'done') return ok(undefined);
    const running = this.active.get(jobId);
    if (running) {
      running.stopRequested = true;
      running.runner?.stop();
      return ok(undefined);
    }
    if (!this.o.store.acquire(jobId, this.owner, this.o.clock.now(), leaseMs, this.isAlive)) {
      return err(appError('JOB_STATE', render(this.o.lang(), { key: 'jobs.error.busy', params: { job: jobId } }), { job: jobId }));
    }
    try {
      this.record(jobId, stoppedEnd);
    } finally {
      this.o.store.release(jobId, this.owner);
    }
    this.emit({ type: 'jobs-changed', jobId });
    this.flushProgress(jobId);
    return ok(undefined);
  }

  /** Withdraws rows not yet sent (their whole orders are skipped). */
  withdraw(jobId: string, rows: readonly number[]): Result<number> {
    if (!this.o.store.job(jobId)) return this.notFound(jobId);
    const n = this.o.store.withdraw(jobId, rows);
    if (!this.active.has(jobId) && this.o.store.settled(jobId)) this.o.store.setState(jobId, 'done', null, this.o.clock.now());
    this.progressSoon(jobId);
    return ok(n);
  }

  /** The OS says the network is back: every waiting run tries again now. */
  notifyOnline(): void {
    for (const a of this.active.values()) a.limiter?.wake();
  }

  /** Jobs that are not done, oldest first (what `resume` and the app's start go on with). */
  unfinished(states: readonly JobRecord['state'][] = ['running', 'waiting', 'interrupted', 'paused']): JobRecord[] {
    return this.o.store
      .jobs()
      .filter((j) => states.includes(j.state))
      .reverse();
  }

  progress(jobId: string): JobProgress | null {
    const job = this.o.store.job(jobId);
    if (!job) return null;
    const calls = this.o.store.callCounts(jobId);
    const unrecorded = this.unrecordedReason(jobId);
    const heldMs = this.active.get(jobId)?.limiter?.heldForMs ?? 0;
    // Sent every progressEveryMs while a job runs: the last attempt and the count in one read; a job's rows never change.
    const last = this.o.views.attempts(jobId, 0, 1);
    let rows = this.rowCounts.get(jobId);
    if (rows === undefined) this.rowCounts.set(jobId, (rows = this.o.views.rowCount(jobId)));
    return {
      jobId,
      state: unrecorded ? 'interrupted' : job.state,
      counts: this.o.views.counts(jobId),
      attempts: last.total,
      callsPlanned: calls.total,
      callsDone: calls.done,
      rows,
      startedAt: job.started_at,
      waitingReason: unrecorded ? render(this.o.lang(), unrecorded) : job.state_reason ? render(this.o.lang(), job.state_reason) : null,
      nextTryAt: heldMs > 0 ? new Date(this.o.clock.now() + heldMs).toISOString() : null,
      lastAttempt: last.items[0] ?? null,
    };
  }

  /** Why a job not running here was interrupted when the store could not record it (null: the store says it all). */
  unrecordedReason(jobId: string): LocalizedText | null {
    return this.active.has(jobId) ? null : (this.unrecorded.get(jobId) ?? null);
  }

  /** Stops every run of this process after its calls in flight answer (app quit); the jobs wait for the next start. */
  async close(): Promise<void> {
    const runs = [...this.active.values()];
    for (const a of runs) {
      a.pauseRequested = true;
      a.closing = true;
      a.runner?.pause();
    }
    await Promise.all(runs.map((a) => a.done));
    for (const t of this.pendingEmit.values()) clearTimeout(t);
    this.pendingEmit.clear();
  }

  private record(jobId: string, end: RunEnd): void {
    const now = this.o.clock.now();
    switch (end.kind) {
      case 'done':
        this.o.store.setState(jobId, 'done', null, now);
        break;
      case 'paused':
        this.o.store.setState(jobId, 'paused');
        break;
      case 'waiting':
        this.o.store.setState(jobId, 'waiting', end.reason);
        break;
      case 'interrupted':
        this.o.store.setState(jobId, 'interrupted', end.reason);
        break;
    }
  }

  private sawReachable(jobId: string, yes: boolean): void {
    // Every answered call says "reachable": while nothing changed (online, the job not waiting on the network),
    // only progress is due — no store read on the send path.
    if (yes && this.reachable && !this.offline.has(jobId)) return this.progressSoon(jobId);
    if (yes) this.offline.delete(jobId);
    else this.offline.add(jobId);
    const job = this.o.store.job(jobId);
    if (job) {
      const offlineReason: LocalizedText = { key: 'jobs.wait.offline' };
      if (!yes && job.state === 'running') this.o.store.setState(jobId, 'waiting', offlineReason);
      if (yes && job.state === 'waiting') this.o.store.setState(jobId, 'running');
      if (job.state === 'running' || job.state === 'waiting') this.progressSoon(jobId);
    }
    if (yes !== this.reachable) {
      this.reachable = yes;
      this.emit({ type: 'online', online: yes });
    }
  }

  /**
   * Progress at most every progressEveryMs per job, and always the last state. Each event reads the job, its calls,
   * its last attempt and its rows' counts per state (a scan of the job's rows: ~1 ms for 10,000): at 100 ms that was
   * a tenth of the app's own work per call while sending; a quarter second still moves the bar smoothly.
   */
  private progressSoon(jobId: string): void {
    if (this.pendingEmit.has(jobId)) return;
    this.pendingEmit.set(
      jobId,
      setTimeout(() => {
        this.pendingEmit.delete(jobId);
        // A timer must never throw: a store that cannot be read now is told by the run's own end.
        this.guard('progress', () => {
          const progress = this.progress(jobId);
          if (progress) this.emit({ type: 'progress', progress });
        });
      }, progressEveryMs),
    );
  }

  private flushProgress(jobId: string): void {
    const pending = this.pendingEmit.get(jobId);
    if (pending) clearTimeout(pending);
    this.pendingEmit.delete(jobId);
    const progress = this.progress(jobId);
    if (progress) this.emit({ type: 'progress', progress });
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.o.logger.error('job event listener failed', { error: String(error) });
      }
    }
  }

  private notFound(jobId: string): Result<never> {
    return err(appError('JOB_NOT_FOUND', render(this.o.lang(), { key: 'jobs.error.notFound', params: { job: jobId } }), { job: jobId }));
  }
}
