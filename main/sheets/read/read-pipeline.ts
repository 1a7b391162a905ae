// The whole read, in two halves that meet at a SourceBook (rows of RawCells):
//   openSource — the file's side: intake guards, then the xlsx/csv parser. Runs in the read worker
//                (read.worker.ts) or, without one, in this thread.
//   understandSource — the catalog's side: sheet and header choice, normalise, validate, group into orders.
//                Always runs on the calling thread, so an operation registered at runtime is understood
//                whichever thread parsed the file.
// readSheetInProcess joins the two in one thread (tests use it); reader.ts joins them across the worker.
import { z } from 'zod';
import type { OperationId } from '../../../shared/operations/types';
import { defaultLang, isLang, t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import { appError, err, ok } from '../../../shared/result';
import type { AppError, Result } from '../../../shared/result';
import { openCsv } from './csv-source';
import { inspectFile } from './intake';
import { defaultLimits } from './limits';
import type { ReadLimits } from './limits';
import { FirstRowsTeller, tellEarlyRows } from './first-rows';
import { chooseSheet } from './sheet-choose';
import type { EarlyPick } from './sheet-choose';
import { buildRows, unmappedOf } from './sheet-rows';
import { SheetLimitError } from './source';
import type { SourceBook } from './source';
import type { FirstRows, ReadOptions, ReadWatchers, SheetImport, SourceFile } from './types';
import { ProgressTeller } from './read-progress';
import { parseWorkbookMeta } from './workbook-meta';
import { openXlsx } from './xlsx-source';
import { GuardFailure } from './zip-guard';

export interface ReadRequest extends ReadOptions, ReadWatchers {
  /** Language of error messages (problems stay LocalizedText). */
  lang?: Lang;
  limits?: Partial<ReadLimits>;
}

/** What the file's side needs (and what crosses into the worker: parsed, because a worker's message is just data). */
export const sourceRequestSchema = z.object({
  path: z.string().min(1),
  lang: z.custom<Lang>(isLang).optional(),
  limits: z
    .object({
      maxFileBytes: z.number().positive(),
      maxZipEntries: z.number().positive(),
      maxUncompressedBytes: z.number().positive(),
      maxCompressionRatio: z.number().positive(),
      maxRows: z.number().positive(),
      maxRawRows: z.number().positive(),
      maxColumns: z.number().positive(),
      timeoutMs: z.number().positive(),
    })
    .partial()
    .optional(),
});
export type SourceRequest = z.infer<typeof sourceRequestSchema>;

/** A file past the intake guards, its rows ready to stream. */
export interface OpenedSource {
  /** The file, but its SHA-256, which is hashed while the file is read (`sha256`). */
  file: Omit<SourceFile, 'sha256'>;
  /** Sheets this app marked with their operation when it wrote the workbook (operation-mark.ts). */
  marks?: ReadonlyMap<string, OperationId>;
  book: SourceBook;
  /** The zip guard's pass over the rest of the zip: its refusal (or null), whenever it comes. */
  refusal: Promise<AppError | null>;
  sha256: Promise<string>;
}

/** Any failure of a read as the clerk's error: a guard's refusal, a limit, or an unreadable file (never a crash). */
export function readFailure(e: unknown, fileName: string, limits: ReadLimits, lang: Lang): AppError {
  if (e instanceof GuardFailure) return e.error;
  if (e instanceof SheetLimitError) {
    const key = e.limit === 'rows' ? 'sheets.limit.rows' : e.limit === 'rawRows' ? 'sheets.limit.rawRows' : 'sheets.limit.columns';
    const limit = e.limit === 'rows' ? limits.maxRows : e.limit === 'rawRows' ? limits.maxRawRows : limits.maxColumns;
    const params = { file: fileName, sheet: e.sheet, row: e.row, limit };
    return appError('FILE_TOO_LARGE', t(lang, key, params), params);
  }
  // A malformed workbook makes exceljs throw; for the clerk that is an unreadable file, not a crash.
  const reason = e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200);
  return appError('FILE_UNREADABLE', t(lang, 'sheets.file.unreadable', { file: fileName, reason }), { file: fileName, reason });
}

/** The file's side: the intake guards (type from the bytes, zip-bomb guard, hash), then the parser. */
export async function openSource(request: SourceRequest): Promise<Result<OpenedSource>> {
  const lang = request.lang ?? defaultLang;
  const limits: ReadLimits = { ...defaultLimits, ...request.limits };
  const intake = await inspectFile(request.path, limits, lang);
  if (!intake.ok) return intake;
  const { file, zip, sha256 } = intake.value;
  sha256.catch(() => undefined); // its failure is reported where the hash is awaited
  const refusal = zip ? zip.rest : Promise.resolve(null);
  try {
    if (!zip) return ok({ file, book: await openCsv(request.path, limits), refusal, sha256 });
    const meta = parseWorkbookMeta(zip.parts.get('xl/workbook.xml') ?? '', zip.parts.get('xl/_rels/workbook.xml.rels') ?? '');
    return ok({ file, marks: meta.marks, book: openXlsx(request.path, meta, zip.sheetScan, limits, zip.sheetSoFar), refusal, sha256 });
  } catch (e) {
    return err(readFailure(e, file.name, limits, lang));
  }
}

/** The catalog's side: which sheet and operation, then rows, problems and orders; the guard's late refusal wins. */
export async function understandSource(source: OpenedSource, request: ReadRequest = {}): Promise<Result<SheetImport>> {
  const lang = request.lang ?? defaultLang;
  // The zip guard's pass over the rest of the zip runs while the sheet is read. Its refusal wins whenever it
  // comes: at once (the read is stopped), or after the read (whatever the read made of the file is dropped).
  const refusal = source.refusal.then((e) => (e ? err(e) : null));
  const read = readBook(source, request);
  const first = await Promise.race([read, refusal.then((refused) => refused ?? read)]);
  const refused = await refusal;
  if (refused) {
    source.book.close();
    return refused;
  }
  if (!first.ok) return first;
  try {
    return ok({ ...first.value, file: { ...first.value.file, sha256: await source.sha256 } });
  } catch (e) {
    const params = { file: source.file.name, reason: e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200) };
    return err(appError('FILE_UNREADABLE', t(lang, 'sheets.file.unreadable', params), params));
  }
}

async function readBook(source: OpenedSource, request: ReadRequest): Promise<Result<SheetImport>> {
  const lang = request.lang ?? defaultLang;
  const limits: ReadLimits = { ...defaultLimits, ...request.limits };
  const { book, marks } = source;
  const file = { ...source.file, sha256: '' };
  try {
    const teller = request.onFirstRows && new FirstRowsTeller(request.onFirstRows);
    // A sheet's rows wait for its merges; a preview of its first rows need not (first-rows.ts).
    const early = teller && ((p: EarlyPick) => void tellEarlyRows(p, limits, teller, request.onProgress));
    const wanted = { sheet: request.sheet, operation: request.operation, marks, mapping: request.mapping, saved: request.savedMappings, ...(early ? { early } : {}) };
    const picked = await chooseSheet(book, wanted, file.name, lang);
    if (!picked.ok) return picked;
    const pick = picked.value;
    const first = teller && ((columns: FirstRows['columns'], rows: FirstRows['rows']) => teller.final({ sheet: pick.sheet, headerRow: pick.headerRow, operation: pick.operation.id, columns, rows }));
    const progress = request.onProgress && new ProgressTeller(request.onProgress, pick.headerRow, pick.lastRow);
    const built = await buildRows(pick.operation, pick.headerRow, pick.headers, pick.rows, pick.sheet, limits, pick.mapping, { ...(first ? { first } : {}), ...(progress ? { progress } : {}) }, { lastRow: pick.lastRow });
    return ok({
      file,
      sheets: pick.sheets,
      sheet: pick.sheet,
      headerRow: pick.headerRow,
      operation: pick.operation.id,
      operationReason: pick.reason,
      columns: built.columns,
      ignoredColumns: built.ignoredColumns,
      fingerprint: pick.fingerprint,
      mapping: pick.mapping,
      // Only the header row's own columns: those past it got letters, not headers to map.
      unmapped: unmappedOf(pick.operation, built.columns.slice(0, pick.headers.length), pick.mapping),
      rows: built.rows,
      orders: built.orders,
      notices: [...pick.notices, ...built.notices],
    });
  } catch (e) {
    return err(readFailure(e, file.name, limits, lang));
  } finally {
    book.close();
  }
}

/** The whole read in this thread: what tests call, and what readSheet does without a worker. */
export async function readSheetInProcess(filePath: string, request: ReadRequest = {}): Promise<Result<SheetImport>> {
  const source = await openSource({ path: filePath, lang: request.lang, limits: request.limits });
  if (!source.ok) return source;
  return understandSource(source.value, request);
}
