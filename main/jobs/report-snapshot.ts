// The results workbook is read from one snapshot of the store: its own read-only connection holding one read
// transaction for the whole write. The writer streams and waits for the zip between rows (bounded memory), so a
// run going on meanwhile (the app exports a running job) would otherwise change rows between the Summary's
// counts and the Results sheet. In WAL mode a reader neither blocks nor is blocked by the writer.
import Database from 'better-sqlite3';
import type { Lang } from '../../shared/i18n';
import type { JobDatabase } from './database';
import { JobStore } from './job-store';
import { JobViews } from './job-views';
import type { JobReportSource } from './report';

export interface ReportSnapshot {
  /** The job's report as the store held it when the snapshot was taken; null: no such job. */
  source: JobReportSource | null;
  /** Ends the read transaction and closes the connection (always call it). */
  close(): void;
}

export function openReportSnapshot(db: JobDatabase, jobId: string, lang: Lang): ReportSnapshot {
  const snapshot = new Database(db.name, { readonly: true, fileMustExist: true });
  try {
    snapshot.pragma('busy_timeout = 10000');
    // A deferred transaction takes its snapshot at the first read (the job's record, just below).
    snapshot.exec('BEGIN');
    const job = new JobStore(snapshot).job(jobId);
    return {
      source: job ? new JobViews(snapshot).reportSource(job, lang) : null,
      close: () => {
        if (snapshot.inTransaction) snapshot.exec('COMMIT');
        snapshot.close();
      },
    };
  } catch (error) {
    snapshot.close();
    throw error;
  }
}
