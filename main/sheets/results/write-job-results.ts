// A stored job's results workbook: look the job up, write the workbook from one snapshot of the store, and
// remember where it went (the job list and `wdt-bulk jobs` show the path).
import { render, type Lang } from '../../../shared/i18n';
import { appError, err, ok, type Result } from '../../../shared/result';
import type { JobStore } from '../../jobs/job-store';
import { openReportSnapshot } from '../../jobs/report-snapshot';

export async function writeJobResults(store: JobStore, jobId: string, lang: Lang, outPath: string): Promise<Result<string>> {
  // exceljs loads on first use, so a resume starts sending sooner.
  const { writeResults } = await import('./results-writer');
  const snapshot = openReportSnapshot(store.db, jobId, lang);
  try {
    if (!snapshot.source) return err(appError('JOB_NOT_FOUND', render(lang, { key: 'jobs.error.notFound', params: { job: jobId } }), { job: jobId }));
    const written = await writeResults(snapshot.source, outPath);
    if (!written.ok) return written;
    store.setResultsPath(jobId, written.value);
    return ok(written.value);
  } finally {
    snapshot.close();
  }
}
