// A stored job's results workbook: look the job up, write the workbook from the store, and remember
// where it went (the job list and `wdt-bulk jobs` show the path).
import { render, type Lang } from '../../../shared/i18n';
import { appError, err, ok, type Result } from '../../../shared/result';
import type { JobStore } from '../../jobs/job-store';
import type { JobViews } from '../../jobs/job-views';

export async function writeJobResults(store: JobStore, views: JobViews, jobId: string, lang: Lang, outPath: string): Promise<Result<string>> {
  const job = store.job(jobId);
  if (!job) return err(appError('JOB_NOT_FOUND', render(lang, { key: 'jobs.error.notFound', params: { job: jobId } }), { job: jobId }));
  // exceljs loads on first use, so a resume starts sending sooner.
  const { writeResults } = await import('./results-writer');
  const written = await writeResults(views.reportSource(job, lang), outPath);
  if (!written.ok) return written;
  store.setResultsPath(jobId, written.value);
  return ok(written.value);
}
