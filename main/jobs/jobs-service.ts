// Jobs as the front ends use them. The store opens on first use, so commands that never touch a job
// (validate, template, profiles) leave the data folder's database alone. The desktop app starts a job
// in the background and only watches it; the CLI runs one in the foreground to an end it can report.
import { resendStates, type JobAttemptView, type JobRowView, type JobsFilter, type JobsPage, type JobView } from '../../shared/contract';
import { getOperation } from '../../shared/operations/catalog';
import { t, type Lang } from '../../shared/i18n';
import { appError, err, ok, type Result } from '../../shared/result';
import type { RowState, StateCounts } from '../../shared/states';
import type { Logger } from '../effects';
import type { ResolvedProfile } from '../profiles/resolve-profile';
import type { SheetImport } from '../sheets/read/types';
import { writeJobResults } from '../sheets/results/write-job-results';
import type { EngineEvent, JobEngine, RunOptions } from './engine';
import { checkDone, doneReport, type DoneReport } from './done-keys';
import { followUpMeta, followUpSheet, type CellEdits } from './follow-up';
import { jobMeta } from './job-meta';
import type { JobMeta, JobStore, NewJob } from './job-store';
import type { JobViews } from './job-views';
import type { JobRecord, RowRecord } from './records';
import type { RunEnd } from './runner';
import { countRows } from '../sheets/read/import-rows';
import { briefsOf } from '../../shared/row-list';

/** The open store and the engine over it. */
export interface JobsCore {
  store: JobStore;
  views: JobViews;
  engine: JobEngine;
  close(): Promise<void>;
}

export interface JobsServiceOptions {
  open: () => JobsCore;
  lang: () => Lang;
  logger: Logger;
  operator: string;
  appVersion: string;
}

export type { EngineEvent as JobsChange };

export interface NewJobInput {
  sheet: SheetImport;
  meta: JobMeta;
  /** Sheet rows the person withdrew: their whole orders end as skipped. */
  withdrawnRows?: readonly number[];
  /** Why the person withdrew an order, by its key (job-store.ts NewJob). */
  withdrawnNotes?: NewJob['withdrawnNotes'];
  /** Send orders an earlier job already did anyway (never a create's). Ignored when `done` is given. */
  includeDone?: boolean;
  /** The done check already made for this sheet (doneReport), so the store is asked once. */
  done?: DoneReport;
  /** The job this one resends rows of. */
  followsJob?: string;
}

export interface FollowUpOptions {
  /** Offered rows the clerk withdrew on the results screen: their whole orders end as skipped. */
  withdrawnRows?: readonly number[];
  /** Send orders another job did meanwhile anyway (never a create's); the CLI's --include-done. */
  includeDone?: boolean;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export class JobsService {
  #core: JobsCore | undefined;
  #closed = false;

  constructor(private readonly o: JobsServiceOptions) {}

  private get core(): JobsCore {
    if (this.#closed) throw new Error('jobs used after the services were closed');
    return (this.#core ??= this.o.open());
  }

  private notFound(jobId: string) {
    return err(appError('JOB_NOT_FOUND', t(this.o.lang(), 'jobs.error.notFound', { job: jobId }), { job: jobId }));
  }

  // A run the store could not even mark interrupted (disk full) is still shown interrupted, as the engine knows it.
  private viewOf(job: JobRecord): JobView {
    const v = this.core.views.view(job);
    return this.core.engine.unrecordedReason(job.id) ? { ...v, state: 'interrupted' } : v;
  }

  private background(jobId: string, what: string): void {
    void this.core.engine.run(jobId).then((ran) => {
      if (!ran.ok) this.o.logger.warn(what, { job: jobId, code: ran.error.code });
    });
  }

  /** What a job from this sheet would be made with (operation, account, per-call limit). */
  meta(sheet: SheetImport, resolved: ResolvedProfile, isCheck: boolean, lang: Lang): JobMeta {
    return jobMeta({ sheet, resolved, isCheck, lang, operator: this.o.operator, appVersion: this.o.appVersion });
  }

  /**
   * What the store already knows of this sheet for this account (never twice by accident): the same file
   * sent before, and orders that already succeeded with the same operation, sid and base URL.
   */
  doneReport(sheet: SheetImport, meta: JobMeta, includeDone = false): DoneReport {
    const op = getOperation(meta.operation);
    if (!op) throw new Error(`unknown operation ${meta.operation}`);
    const orders = briefsOf(sheet.orders);
    const check = checkDone(this.core.store.db, meta, sheet.file.sha256, orders.map((o) => o.key));
    return doneReport(check, orders, op, includeDone);
  }

  /** Stores a job; nothing is sent until it runs. Orders an earlier job already did are skipped (doneReport). */
  create({ includeDone = false, done, ...input }: NewJobInput): Result<string> {
    const report = done ?? this.doneReport(input.sheet, input.meta, includeDone);
    return this.core.engine.create({ ...input, alreadyDone: report.skip });
  }

  /** A finished job's rows to resend (failed, invalid, unknown), or why there are none. */
  private resendable(jobId: string): Result<{ job: JobRecord; rows: RowRecord[] }> {
    const job = this.core.store.job(jobId);
    if (!job) return this.notFound(jobId);
    const lang = this.o.lang();
    if (job.state !== 'done') return err(appError('JOB_STATE', t(lang, 'resend.notDone', { job: jobId }), { job: jobId }));
    const rows = this.core.views.rowRecords(jobId, resendStates);
    if (rows.length === 0) return err(appError('NO_VALID_ROWS', t(lang, 'resend.nothing', { job: jobId }), { job: jobId }));
    return ok({ job, rows });
  }

  /**
   * The rows a follow-up would resend, read again through the reader's rules and not stored: what the
   * results screen shows and edits (the review grid's editor, SheetEditor) before the follow-up is made.
   */
  async followUpDraft(jobId: string): Promise<Result<SheetImport>> {
    const got = this.resendable(jobId);
    return got.ok ? ok(await followUpSheet(got.value.job, got.value.rows)) : got;
  }

  /** The done check of a follow-up's rows (a followUpDraft) on its original's account: keys another job did meanwhile. */
  followUpDone(jobId: string, sheet: SheetImport, includeDone = false): Result<DoneReport> {
    const job = this.core.store.job(jobId);
    return job ? ok(this.doneReport(sheet, followUpMeta(job, this.o.operator, this.o.appVersion), includeDone)) : this.notFound(jobId);
  }

  /**
   * Stores a follow-up job of a finished one: its failed, invalid and unknown rows, read again from the
   * stored cells (or `edits`, the values edited on the results screen). Nothing is sent until it runs.
   * Refused when no row would go out: every row still invalid, or withdrawn (an empty job proves nothing).
   */
  async followUp(jobId: string, edits: CellEdits = new Map(), options: FollowUpOptions = {}): Promise<Result<string>> {
    const got = this.resendable(jobId);
    if (!got.ok) return got;
    const { job, rows } = got.value;
    const lang = this.o.lang();
    const offered = new Set(rows.map((r) => r.row_number));
    // Only the rows offered are resent: an edit of any other row (one that succeeded) would be a new send.
    const stray = [...edits.keys()].find((n) => !offered.has(n));
    if (stray !== undefined) return err(appError('INVALID_ARGUMENT', t(lang, 'followup.error.notOffered', { job: jobId, row: stray }), { job: jobId, row: stray }));
    const sheet = await followUpSheet(job, rows, edits);
    const withdrawn = new Set(options.withdrawnRows ?? []);
    const sendable = briefsOf(sheet.orders).filter((o) => !o.rows.some((r) => withdrawn.has(r)));
    if (sendable.length === 0) {
      const invalid = countRows(sheet.rows, (r) => r.disposition.kind === 'invalid');
      return err(appError('NO_VALID_ROWS', t(lang, 'followup.error.nothingValid', { job: jobId, rows: sheet.rows.length, invalid }), { job: jobId }));
    }
    return this.create({
      sheet,
      meta: followUpMeta(job, this.o.operator, this.o.appVersion),
      followsJob: jobId,
      ...(options.withdrawnRows ? { withdrawnRows: options.withdrawnRows } : {}),
      ...(options.includeDone !== undefined ? { includeDone: options.includeDone } : {}),
    });
  }

  /** A follow-up job, started in the background (the desktop app). */
  async startFollowUp(jobId: string, edits?: CellEdits, options?: FollowUpOptions): Promise<Result<{ jobId: string }>> {
    const created = await this.followUp(jobId, edits, options);
    if (!created.ok) return created;
    this.background(created.value, 'job run refused');
    return ok({ jobId: created.value });
  }

  /** Rows skipped because an earlier job already did their order, by that job. */
  doneSkips(jobId: string): { job: string; rows: number[] }[] {
    return this.core.views.doneSkips(jobId);
  }

  /** Stores a job and runs it in the background (the desktop app: the window only watches). */
  start(input: NewJobInput): Result<{ jobId: string }> {
    const created = this.create(input);
    if (!created.ok) return created;
    this.background(created.value, 'job run refused');
    return ok({ jobId: created.value });
  }

  /** Runs a job in the foreground until it is done, waiting, paused or interrupted (the CLI). */
  run(jobId: string, options: RunOptions = {}): Promise<Result<RunEnd>> {
    return this.core.engine.run(jobId, options);
  }

  pause(jobId: string): Result<void> {
    return this.core.engine.pause(jobId);
  }

  /** Goes on with a job in the background; a done job has nothing left to send. */
  resume(jobId: string): Result<void> {
    const got = this.get(jobId);
    if (!got.ok) return got;
    if (got.value.state !== 'done') this.background(jobId, 'job run refused');
    return ok(undefined);
  }

  /** A stopped job sends nothing until it is resumed (orders in doubt are queried then too). */
  stop(jobId: string): Result<void> {
    return this.core.engine.stop(jobId);
  }

  /** Every job, newest first. */
  list(): JobView[] {
    return this.core.store.jobs().map((job) => this.viewOf(job));
  }

  /** One page of the jobs list, newest first, filtered by the store (see JobViews.findJobs). */
  find(filter: JobsFilter, offset: number, limit: number): JobsPage {
    const got = this.core.views.findJobs(filter, offset, limit);
    const operations = got.operations.filter((id) => getOperation(id) !== undefined) as JobsPage['operations'];
    return { total: got.total, offset, items: got.items.map((job) => this.viewOf(job)), operations, profiles: got.profiles };
  }

  get(jobId: string): Result<JobView> {
    const job = this.core.store.job(jobId);
    return job ? ok(this.viewOf(job)) : this.notFound(jobId);
  }

  /** The stored record (source path, results path, state reason), for the CLI's reports. */
  record(jobId: string): JobRecord | null {
    return this.core.store.job(jobId);
  }

  /** Rows in source order, optionally only some states and/or those a key or row number finds, in the given language. */
  rows(jobId: string, lang: Lang, offset: number, limit: number, states?: readonly RowState[], search?: string): Result<Page<JobRowView>> {
    const got = this.get(jobId);
    return got.ok ? ok(this.core.views.rows(jobId, lang, offset, limit, states, search)) : got;
  }

  /** Call attempts, newest first. */
  attempts(jobId: string, offset: number, limit: number): Result<Page<JobAttemptView>> {
    const got = this.get(jobId);
    return got.ok ? ok(this.core.views.attempts(jobId, offset, limit)) : got;
  }

  counts(jobId: string): StateCounts {
    return this.core.views.counts(jobId);
  }

  rowCount(jobId: string): number {
    return this.core.views.rowCount(jobId);
  }

  attemptCount(jobId: string): number {
    return this.core.views.attemptCount(jobId);
  }

  /** Writes a job's results workbook and remembers where. */
  writeResults(jobId: string, lang: Lang, outPath: string): Promise<Result<string>> {
    return writeJobResults(this.core.store, jobId, lang, outPath);
  }

  /** Jobs not finished in these states (default: all that can go on). */
  unfinished(states?: readonly JobRecord['state'][]): JobRecord[] {
    return this.core.engine.unfinished(states);
  }

  /** After a crash or a quit mid-run: jobs that were running or waiting go on by themselves. */
  resumeInterrupted(): number {
    const jobs = this.unfinished(['running', 'waiting']);
    for (const job of jobs) this.background(job.id, 'job resume refused');
    return jobs.length;
  }

  online(): boolean {
    return this.core.engine.online();
  }

  /** The OS says the network is back: waiting jobs try again at once. */
  notifyOnline(): void {
    this.core.engine.notifyOnline();
  }

  subscribe(listener: (change: EngineEvent) => void): () => void {
    return this.core.engine.subscribe(listener);
  }

  /** Waits for calls in flight to answer and records them, then closes the store (if it was opened). */
  async close(): Promise<void> {
    const core = this.#core;
    this.#closed = true;
    this.#core = undefined;
    if (core) await core.close();
  }
}
