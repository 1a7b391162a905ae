// What the results workbook is written from: a job as the store knows it, streamed row by row.
// The job store implements JobReportSource; the writer in main/sheets/ knows nothing of SQLite.
import type { OperationId } from '../../shared/operations/types';
import type { JobState, StateCounts } from '../../shared/states';
import type { Lang } from '../../shared/i18n';
import type { JobAttemptView, JobEnvironment, JobRowView } from '../../shared/contract/jobs.contract';

export type Environment = JobEnvironment;

export interface JobSummary {
  id: string;
  operation: OperationId;
  method: string;
  profileName: string;
  environment: Environment;
  sid: string;
  sourceName: string;
  sourcePath: string;
  sourceSha256: string;
  sheet: string;
  headerRow: number;
  /** The source sheet's headers as written, in column order. */
  columns: readonly string[];
  /** The API field each column maps to (null: an unknown column), aligned with `columns`. */
  columnFields: readonly (string | null)[];
  /** OS user who ran it. */
  operator: string;
  appVersion: string;
  isCheck: boolean;
  createdAt: string; // ISO 8601 with offset
  startedAt: string | null;
  finishedAt: string | null;
  state: JobState;
  counts: StateCounts;
  /** Attempts made (reconciliation queries included). */
  attempts: number;
  /** The job this one resends rows of (a follow-up); absent or null for none. */
  followsJob?: string | null;
  /** Jobs that resend rows of this one; absent for none. */
  followUps?: readonly string[];
}

/** One row as the workbook writes it: the same shape the desktop's jobs screens page through. */
export type JobRowReport = JobRowView;

/** One attempt as the Calls sheet writes it: the same shape the run screen shows. */
export type JobAttemptReport = JobAttemptView;

export interface JobReportSource {
  summary(): JobSummary;
  rows(): Iterable<JobRowReport>;
  attempts(): Iterable<JobAttemptReport>;
  lang: Lang;
}
