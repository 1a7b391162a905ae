// Resend only what failed (issue 16): a follow-up job is made from the rows of a finished job that did
// not succeed — failed, invalid, unknown — read again from the job's stored cells through the reader's
// own rules (buildRows), so a row that still does not pass is invalid again and never sent. Rows that
// succeeded (or were skipped, or repeated another row) are never offered.
import { getOperation } from '../../shared/operations/catalog';
import { headerFingerprint, normaliseHeader, type ColumnMapping } from '../../shared/operations/headers';
import type { RawCell } from '../../shared/operations/cells';
import { defaultLimits } from '../sheets/read/limits';
import { buildRows, unmappedOf } from '../sheets/read/sheet-rows';
import type { SourceRow } from '../sheets/read/source';
import type { CellEdit, ImportRow, SheetImport } from '../sheets/read/types';
import type { JobMeta } from './job-store';
import type { JobRecord, RowRecord } from './records';

/**
 * The seam for edits made on the results screen (the review grid's editor, issue 16 item 2): a row's
 * cells by sheet row number, aligned with the job's columns. A row without an entry is resent with the
 * cells the job stored.
 */
export type CellEdits = ReadonlyMap<number, readonly string[]>;

const rawCell = (text: string): RawCell => (text.trim() === '' ? { kind: 'empty', text: '' } : { kind: 'text', text });

async function* sourceRows(rows: readonly RowRecord[], edits: CellEdits): AsyncIterable<SourceRow> {
  for (const r of rows) yield { number: r.row_number, cells: (edits.get(r.row_number) ?? r.cells).map(rawCell) };
}

/**
 * A resent row's edited cells, against the file's text: a cell the original job already had edited (the
 * review grid) keeps the file's text as its original; a cell edited now names what the job stored. A cell
 * set back to the file's text is not edited. So the follow-up's workbook marks every cell that differs
 * from the file, with the file's value in the note, however many jobs the row went through.
 */
export function editsOf(row: RowRecord, cells: readonly string[]): CellEdit[] {
  const fileText = new Map(row.edits.map((e) => [e.column, e.original]));
  const out: CellEdit[] = [];
  const width = Math.max(cells.length, row.cells.length);
  for (let column = 0; column < width; column++) {
    const original = fileText.get(column) ?? (row.cells[column] ?? '').trim();
    if ((cells[column] ?? '').trim() !== original) out.push({ column, original });
  }
  return out;
}

/** The sheet a follow-up job is stored from: the original file's identity, only the rows to resend. */
export async function followUpSheet(job: JobRecord, rows: readonly RowRecord[], edits: CellEdits = new Map()): Promise<SheetImport> {
  const op = getOperation(job.operation);
  if (!op) throw new Error(`unknown operation ${job.operation}`);
  const headers = job.columns.map((c) => c.header);
  // Each column goes to the field the original job placed it in, whether the catalog or a mapping placed it.
  const placed: ColumnMapping = { operation: op.id, columns: Object.fromEntries(job.columns.map((c) => [normaliseHeader(c.header), c.field])) };
  // Every offered row comes back a row: one edited to look blank, like a totals line or a header is kept
  // invalid with its problem (row-rules.ts), never dropped from the follow-up without a trace.
  const built = await buildRows(op, job.header_row, headers, sourceRows(rows, edits), job.sheet, defaultLimits, placed, {}, { everyRow: true });
  const stored = new Map(rows.map((r) => [r.row_number, r]));
  const marked = Array.from(built.rows, (row): ImportRow => {
    const record = stored.get(row.rowNumber);
    const changed = record ? editsOf(record, row.cells) : [];
    return changed.length > 0 ? { ...row, edits: changed } : row;
  });
  return {
    file: { path: job.source_path, name: job.source_name, bytes: 0, sha256: job.source_sha256, format: /\.csv$/i.test(job.source_name) ? 'csv' : 'xlsx' },
    sheets: [{ name: job.sheet, visible: true, operation: op.id }],
    sheet: job.sheet,
    headerRow: job.header_row,
    operation: op.id,
    operationReason: { key: 'resend.follows', params: { job: job.id } },
    columns: built.columns,
    ignoredColumns: built.ignoredColumns,
    rows: marked,
    orders: built.orders,
    notices: built.notices,
    fingerprint: headerFingerprint(headers),
    // The columns are placed as the original job placed them (its own mapping, if any, is part of that).
    mapping: null,
    unmapped: unmappedOf(op, built.columns.slice(0, headers.length), placed),
    // The draft's editor judges an edited row by the same rule (revalidate.ts).
    everyRow: true,
  };
}

/** A follow-up goes where its original went: the same operation, account, options and per-call limit. */
export function followUpMeta(job: JobRecord, operator: string, appVersion: string): JobMeta {
  return {
    operation: job.operation,
    method: job.method,
    profileName: job.profile_name,
    environment: job.environment,
    sid: job.sid,
    baseUrl: job.base_url,
    operator,
    appVersion,
    isCheck: job.is_check,
    lang: job.lang,
    perCall: job.per_call,
  };
}
