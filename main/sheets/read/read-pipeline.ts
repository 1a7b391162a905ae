// The whole read, in whatever thread runs it: intake guards → xlsx/csv rows → sheet and header choice →
// rows, problems and orders. The worker (read-worker.ts) runs exactly this; tests may call it in-process.
import { MessagePort } from 'node:worker_threads';
import { z } from 'zod';
import { operationIdSchema } from '../../../shared/operations/catalog';
import type { OperationId } from '../../../shared/operations/types';
import { defaultLang, isLang, t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import { appError, err, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { openCsv } from './csv-source';
import { inspectFile } from './intake';
import type { Intake } from './intake';
import { defaultLimits } from './limits';
import type { ReadLimits } from './limits';
import { chooseSheet } from './sheet-choose';
import { buildRows } from './sheet-rows';
import type { BuildHooks } from './sheet-rows';
import { SheetLimitError } from './source';
import type { SourceBook } from './source';
import type { ReadOptions, SheetImport } from './types';
import { parseWorkbookMeta } from './workbook-meta';
import type { WorkbookMeta } from './workbook-meta';
import { openXlsx } from './xlsx-source';
import { GuardFailure } from './zip-guard';

export interface ReadRequest extends ReadOptions {
  /** Language of error messages (problems stay LocalizedText). */
  lang?: Lang;
  limits?: Partial<ReadLimits>;
}

/** What crosses into the worker: parsed, because a worker's message is just data. */
export const readRequestSchema = z.object({
  path: z.string().min(1),
  sheet: z.string().optional(),
  operation: operationIdSchema.optional(),
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
  /** Worker path only: the read worker's end of the channel to its parse thread (parse-thread.ts). */
  parsePort: z.custom<MessagePort>((v) => v instanceof MessagePort).optional(),
});

/** Opens an .xlsx once the guards passed: openXlsx in this thread, or the parse thread's remote book. */
export type XlsxOpener = (path: string, meta: WorkbookMeta, merges: (part: string) => Promise<string[]>, limits: ReadLimits) => SourceBook;

export async function readSheetInProcess(filePath: string, request: ReadRequest = {}, hooks: BuildHooks = {}): Promise<Result<SheetImport>> {
  const intake = await inspectRequested(filePath, request);
  if (!intake.ok) return intake;
  return readInspected(filePath, intake.value, request, hooks);
}

/** The intake guards alone (type from the bytes, zip-bomb guard, hash): what must pass before any parser runs. */
export function inspectRequested(filePath: string, request: ReadRequest = {}): Promise<Result<Intake>> {
  return inspectFile(filePath, { ...defaultLimits, ...request.limits }, request.lang ?? defaultLang);
}

/** The read after the intake guards passed: rows, problems and orders. `hooks.takeRow` streams rows out as they are read. */
export async function readInspected(
  filePath: string,
  intake: Intake,
  request: ReadRequest = {},
  hooks: BuildHooks = {},
  open: XlsxOpener = openXlsx,
): Promise<Result<SheetImport>> {
  const lang = request.lang ?? defaultLang;
  const { zip } = intake;
  let book: SourceBook | null = null;
  const read = readBook(filePath, intake, request, hooks, open, (opened) => (book = opened));
  // The zip guard's pass over the rest of the zip runs while the sheet is read. Its refusal wins whenever it
  // comes: at once (the read is stopped), or after the read (whatever the read made of the file is dropped).
  const refusal = (zip?.rest ?? Promise.resolve(null)).then((e) => (e ? err(e) : null));
  const first = await Promise.race([read, refusal.then((refused) => refused ?? read)]);
  const refused = await refusal;
  if (refused) {
    (book as SourceBook | null)?.close();
    return refused;
  }
  if (!first.ok) return first;
  let sha256: string;
  try {
    sha256 = await intake.sha256;
  } catch (e) {
    const params = { file: intake.file.name, reason: e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200) };
    return err(appError('FILE_UNREADABLE', t(lang, 'sheets.file.unreadable', params), params));
  }
  return ok({ ...first.value, file: { ...first.value.file, sha256 } });
}

async function readBook(filePath: string, intake: Intake, request: ReadRequest, hooks: BuildHooks, open: XlsxOpener, opened: (book: SourceBook) => void): Promise<Result<SheetImport>> {
  const lang = request.lang ?? defaultLang;
  const limits: ReadLimits = { ...defaultLimits, ...request.limits };
  const { zip } = intake;
  const file = { ...intake.file, sha256: '' };
  let book: SourceBook | null = null;
  /** Sheets this app marked with their operation when it wrote the workbook (operation-mark.ts). */
  let marks: ReadonlyMap<string, OperationId> | undefined;
  try {
    if (zip) {
      const meta = parseWorkbookMeta(zip.parts.get('xl/workbook.xml') ?? '', zip.parts.get('xl/_rels/workbook.xml.rels') ?? '');
      marks = meta.marks;
      book = open(filePath, meta, zip.merges, limits);
      opened(book);
    } else {
      book = await openCsv(filePath, limits);
    }
    const picked = await chooseSheet(book, { sheet: request.sheet, operation: request.operation, marks }, file.name, lang);
    if (!picked.ok) return picked;
    const pick = picked.value;
    const built = await buildRows(pick.operation, pick.headerRow, pick.headers, pick.rows, pick.sheet, limits, lang, hooks);
    return ok({
      file,
      sheets: pick.sheets,
      sheet: pick.sheet,
      headerRow: pick.headerRow,
      operation: pick.operation.id,
      operationReason: pick.reason,
      columns: built.columns,
      ignoredColumns: built.ignoredColumns,
      rows: built.rows,
      orders: built.orders,
      notices: [...pick.notices, ...built.notices],
    });
  } catch (e) {
    if (e instanceof GuardFailure) return err(e.error);
    if (e instanceof SheetLimitError) {
      const key = e.limit === 'rows' ? 'sheets.limit.rows' : e.limit === 'rawRows' ? 'sheets.limit.rawRows' : 'sheets.limit.columns';
      const limit = e.limit === 'rows' ? limits.maxRows : e.limit === 'rawRows' ? limits.maxRawRows : limits.maxColumns;
      const params = { file: file.name, sheet: e.sheet, row: e.row, limit };
      return err(appError('FILE_TOO_LARGE', t(lang, key, params), params));
    }
    // A malformed workbook makes exceljs throw; for the clerk that is an unreadable file, not a crash.
    const reason = e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200);
    return err(appError('FILE_UNREADABLE', t(lang, 'sheets.file.unreadable', { file: file.name, reason }), { file: file.name, reason }));
  } finally {
    book?.close();
  }
}
