// Jobs: preview and start a submit from a read import, steer it (pause, resume, stop), watch it,
// page through its rows, and save or open its results workbook (main shows the save dialog).
import { z } from 'zod';
import type { OperationId } from '../operations/types';
import type { JobState, RowState, StateCounts } from '../states';
import { finalStates, jobStates } from '../states';
import { event, invoke, returns } from './define';
import { empty, jobId, opaqueId, page, profileName, type Page } from './ids';
import type { SavedFile } from './templates.contract';
import type { CellEditView, ImportSummary } from './import.contract';

export type JobEnvironment = 'sandbox' | 'test' | 'production';

/** A job as the jobs list and the run/results screens show it (no source path: the renderer has no use for one). */
export interface JobView {
  id: string;
  operation: OperationId;
  method: string;
  profileName: string;
  environment: JobEnvironment;
  sid: string;
  sourceName: string;
  sheet: string;
  operator: string;
  isCheck: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  state: JobState;
  counts: StateCounts;
  /** Attempts made so far (reconciliation queries included). */
  attempts: number;
  /** The job this one resends rows of (a follow-up), or null. */
  followsJob: string | null;
  /** Jobs that resend rows of this one, oldest first. */
  followUps: string[];
}

/** The row states a follow-up job resends (rows that succeeded are never offered). */
export const resendStates = ['failed', 'invalid', 'unknown'] as const satisfies readonly RowState[];

/** An earlier job the submit preview names (never twice by accident). */
export interface EarlierJobView {
  jobId: string;
  /** When it ran (ISO with offset). */
  at: string;
  profileName: string;
  /** Rows of this sheet it already did (0 for a same-file notice). */
  rows: number;
}

/** One row of a job, with its state and the ERP's answer. */
export interface JobRowView {
  rowNumber: number;
  /** The order key the row belongs to (return number, outer_no…); null for a row the reader refused. */
  key?: string | null;
  cells: readonly string[];
  state: RowState;
  message: string;
  /** What the clerk can do about the ERP's message, in the reader's language; null when the message is not a known one. */
  hint: string | null;
  erpNo: string | null;
  /** The call (1-based, in plan order) that carried the row's order; null while it was never sent. */
  call: number | null;
  submittedAt: string | null;
  /** Cells edited in the review grid before the job was made, with the file's text (absent: none). */
  edits?: readonly CellEditView[];
}

/** What a submit would do, shown before it starts (and the production confirmation text). */
export interface SubmitPreview {
  profile: { name: string; environment: JobEnvironment; sid: string; baseUrl: string };
  orders: number;
  rows: number;
  withdrawn: number;
  /** True for a production profile: jobsStart then needs `confirmed: true`. */
  needsConfirmation: boolean;
  /** Where it goes, what it does and how much, in the UI's language. */
  confirmationText: string;
  /** What the store already knows of this sheet: the same file sent before, rows already done. */
  earlier: {
    sameFile: EarlierJobView[];
    done: EarlierJobView[];
    /** Rows of this sheet already done by an earlier job with the same operation and ERP account. */
    doneRows: number;
    /** A create: done rows are skipped even when the clerk includes them. */
    alwaysSkip: boolean;
    /** The notice in the UI's language, one line each (empty: nothing to say). */
    lines: string[];
  };
}

/**
 * One attempt (one HTTP try) of one of a job's calls, as the run screen and the workbook's Calls sheet
 * show it (never a secret or a sign). Words: docs/vocabulary.md.
 */
export interface JobAttemptView {
  /** Which call (1-based, in plan order) carried the orders. */
  call: number;
  /** 1 for the first send; more when the call was resent (rate limit, network, reconciliation). */
  attempt: number;
  method: string;
  orders: number;
  /** How the attempt ended: answered, rate-limited, credentials-refused, request-refused, wrong-address, clock-skew, not-sent, unknown, query:… (reconciliation). */
  outcome: string;
  httpStatus: number | null;
  erpStatus: number | null;
  erpMessage: string | null;
  durationMs: number | null;
  at: string;
}

/** A job's progress, pushed while it runs. */
export interface JobProgress {
  jobId: string;
  state: JobState;
  counts: StateCounts;
  /** Attempts made so far. */
  attempts: number;
  /** Calls the plan holds in all. */
  callsPlanned: number;
  /** Calls settled so far. */
  callsDone: number;
  rows: number;
  /** When the job started sending (ISO), for a rate and a time-remaining estimate. */
  startedAt: string | null;
  /** Why the job waits, in the reader's language (network down, rate limited…), when it does. */
  waitingReason: string | null;
  /** While sends are held off after a failure (network down, rate limited): when the next attempt may go (ISO). */
  nextTryAt?: string | null;
  /** The attempt that just ended, if this push was caused by one. */
  lastAttempt: JobAttemptView | null;
}

/** A day as the clerk picks it (local date, YYYY-MM-DD). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/**
 * What the jobs list is narrowed to; every part optional. `from`/`to` are local days, both included; `text`
 * is found in the job id or the file name, any case.
 */
export const jobsFilter = z
  .object({
    operation: z.string().min(1).max(80).optional(),
    profile: z.string().min(1).max(64).optional(),
    state: z.enum(jobStates).optional(),
    from: day.optional(),
    to: day.optional(),
    text: z.string().max(200).optional(),
  })
  .strict();
export type JobsFilter = z.infer<typeof jobsFilter>;

/** One page of the jobs list, and what its filters can offer (every operation and profile any job used). */
export interface JobsPage extends Page<JobView> {
  operations: OperationId[];
  profiles: string[];
}

/** Rows the person withdrew on the review screen (sheet row numbers). */
const withdrawnRows = z.array(z.number().int().min(1).max(10_000_000)).max(200_000).default([]);
/** Send rows an earlier job already did anyway (never a create's: those are always skipped). */
const includeDone = z.boolean().default(false);

export const jobsContract = {
  /** What submitting a read import to a profile would do (counts, destination, confirmation text). */
  jobsPreview: invoke('jobs:preview', z.object({ importId: opaqueId, profile: profileName, withdrawnRows, includeDone }).strict(), returns<SubmitPreview>()),
  /** Stores a job from a read import and starts it; production profiles need `confirmed: true`. */
  jobsStart: invoke(
    'jobs:start',
    z.object({ importId: opaqueId, profile: profileName, isCheck: z.boolean().default(false), withdrawnRows, includeDone, confirmed: z.boolean().default(false) }).strict(),
    returns<{ jobId: string }>(),
  ),
  /**
   * A finished job's failed, invalid and unknown rows, read again with the reader's rules as an editable read
   * (importId): the results screen shows, edits (importEdit, with undo) and pages them like the review grid.
   */
  jobsResendDraft: invoke('jobs:resend-draft', z.object({ jobId }).strict(), returns<ImportSummary>()),
  /**
   * Resends a finished job's failed, invalid and unknown rows as a follow-up job linked to it, and starts it:
   * with `importId` (its jobsResendDraft), the rows as edited there, minus `withdrawnRows`; rows still invalid are not sent.
   */
  jobsResend: invoke('jobs:resend', z.object({ jobId, importId: opaqueId.optional(), withdrawnRows }).strict(), returns<{ jobId: string }>()),
  /** Pauses a running job after the calls in flight have answered. */
  jobsPause: invoke('jobs:pause', z.object({ jobId }).strict(), returns<void>()),
  /** Goes on with a paused, waiting or interrupted job. */
  jobsResume: invoke('jobs:resume', z.object({ jobId }).strict(), returns<void>()),
  /** Stops a job: rows not yet sent end as skipped; calls in flight still settle. */
  jobsStop: invoke('jobs:stop', z.object({ jobId }).strict(), returns<void>()),
  /** Every job in the store, newest first. */
  jobsList: invoke('jobs:list', empty, returns<JobView[]>()),
  /** One job. */
  jobsGet: invoke('jobs:get', z.object({ jobId }).strict(), returns<JobView>()),
  /** One page of a job's rows in source order, optionally only some states and/or those a key or sheet row number finds. */
  jobsRows: invoke(
    'jobs:rows',
    z.object({ jobId, ...page, states: z.array(z.enum([...finalStates, 'pending'])).max(7).optional(), search: z.string().max(200).optional() }).strict(),
    returns<Page<JobRowView>>(),
  ),
  /** One page of a job's attempts, newest first. */
  jobsAttempts: invoke('jobs:attempts', z.object({ jobId, ...page }).strict(), returns<Page<JobAttemptView>>()),
  /** Asks where to save, then writes the job's results workbook there. */
  jobsSaveResults: invoke('jobs:save-results', z.object({ jobId }).strict(), returns<SavedFile>()),
  /** Opens the results workbook saved last for this job in the OS's spreadsheet app, or (`reveal`) shows it in its folder. */
  jobsOpenResults: invoke('jobs:open-results', z.object({ jobId, reveal: z.boolean().default(false) }).strict(), returns<void>()),
  /** One page of the jobs list, newest first, narrowed by operation, profile, state, days and text (the store filters). */
  jobsQuery: invoke('jobs:query', z.object({ ...page, filter: jobsFilter.default({}) }).strict(), returns<JobsPage>()),
  /** Before a job exists: asks where to save, then writes the review's problem list (every error and warning) as a workbook. */
  jobsSaveProblems: invoke('jobs:save-problems', z.object({ importId: opaqueId }).strict(), returns<SavedFile>()),
} as const;

export const jobsEvents = {
  /** A running job's counts moved. */
  onDidProgress: event<JobProgress>('event:progress'),
  /** A job was added, or changed state: reload the jobs list. */
  onDidChangeJobs: event<{ jobId: string | null }>('event:jobs-changed'),
  /** The ERP became reachable or unreachable (jobs wait while offline). */
  onDidChangeOnline: event<{ online: boolean }>('event:online'),
} as const;
