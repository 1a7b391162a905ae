// writeResults: a job's results workbook (docs: spreadsheets.md, "The results workbook"), written from the job
// store for `submit`, `resume`, `export` and the app alike. Four sheets — 汇总 Summary, 明细 Results,
// 失败 To fix, 请求日志 Calls — streamed with exceljs's WorkbookWriter, so a 100,000-row job never sits in
// memory, into a temporary file that replaces the target only once complete (safe-write.ts).
import ExcelJS from 'exceljs';
import { t } from '../../../shared/i18n';
import { appError, err, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import type { JobReportSource, JobRowReport, JobSummary } from '../../jobs/report';
import { writeCallsSheet } from './results-calls';
import { scanRows, writeResultsSheet, writeToFixSheet } from './results-rows';
import { writeSummarySheet } from './results-summary';
import { safeWrite } from '../safe-write';
import { fastSharedStrings } from './shared-strings-xml';

export interface WriteResultsOptions {
  /** The clock (tests pin it); the summary states when the workbook was written. */
  now?: () => Date;
}

/**
 * Rows read three times (the scan, 明细 Results, 失败 To fix): a job of up to this many rows is read from the store
 * once and replayed from memory (~10 MB at this size; each read of 10,000 rows cost ~0.1 s, a fifth of the workbook);
 * a bigger one is streamed each time, so a 100,000-row workbook still never sits in memory.
 */
const replayRows = 20_000;

/** The source, its rows read once and replayed when the job (`summary`: its summary) has at most `replayRows` (one snapshot: the same rows). */
function readOnce(source: JobReportSource, summary: JobSummary): JobReportSource {
  const rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  if (rows > replayRows) return source;
  let kept: JobRowReport[] | null = null;
  return {
    lang: source.lang,
    summary: () => summary,
    attempts: () => source.attempts(),
    *rows() {
      if (kept) {
        yield* kept;
        return;
      }
      const reading: JobRowReport[] = [];
      for (const row of source.rows()) {
        reading.push(row);
        yield row;
      }
      kept = reading;
    },
  };
}

/** A file-system failure (no such folder, no permission, disk full, file locked by Excel). */
const isFileError = (e: unknown): e is NodeJS.ErrnoException =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code ?? '');

/**
 * Writes the job's results workbook to `outPath` and resolves to the absolute path written. The old file, if
 * any, stays untouched unless the new one is complete. File-system failures are values (INVALID_ARGUMENT, like
 * the template writer); anything else (a broken store) is a bug and is thrown, after the temp file is removed.
 */
export async function writeResults(store: JobReportSource, outPath: string, options: WriteResultsOptions = {}): Promise<Result<string>> {
  const summary = store.summary();
  const source = readOnce(store, summary);
  const { lang } = source;
  const now = (options.now ?? (() => new Date()))();
  try {
    const written = await safeWrite(outPath, async (stream) => {
      const plan = scanRows(source, summary);
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
      fastSharedStrings(book);
      book.creator = 'wdt-bulk';
      book.created = now;
      book.modified = now;
      writeSummarySheet(book, { summary, lang, counts: plan.counts, rows: plan.rows, now, reasons: plan.reasons });
      await writeResultsSheet(book, source, summary, plan);
      await writeToFixSheet(book, source, summary, plan);
      await writeCallsSheet(book, source);
      await book.commit();
    });
    return ok(written);
  } catch (e) {
    if (!isFileError(e)) throw e;
    const params = { path: outPath, reason: e.message };
    return err(appError('INVALID_ARGUMENT', t(lang, 'workbook.writeFailed', params), { path: outPath, code: e.code }));
  }
}
