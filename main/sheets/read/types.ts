// What the reader hands to the rest of the app: a sheet understood as rows of one operation,
// with every problem named by row and column. Plain data, but its rows: a packed store (ImportRows) that
// stays in the main process; what crosses IPC is pages of rows (import-api.ts), never the store.
import type { CellProblem, FieldValue, OperationId, OrderDraft, RowDisposition } from '../../../shared/operations/types';
import type { LocalizedText } from '../../../shared/i18n';
import type { AppliedMapping, ColumnMapping } from '../../../shared/operations/headers';
import type { RowList } from '../../../shared/row-list';

export interface SourceFile {
  path: string;
  name: string;
  bytes: number;
  sha256: string;
  format: 'xlsx' | 'xlsm' | 'csv';
}

export interface SheetInfo {
  name: string;
  visible: boolean;
  /** The operation its headers match, when one does unambiguously. */
  operation: OperationId | null;
}

export interface ImportColumn {
  /** 0-based column index in the sheet. */
  index: number;
  /** The header as written in the sheet. */
  header: string;
  /** The API field it maps to; null for an unknown column (kept, travels to the results, never sent). */
  field: string | null;
  /** The header names a % unit (税率(%)): its bare numbers are percentages, 13 → 0.13. */
  percent?: true;
}

export interface ImportRow {
  rowNumber: number;
  /** Every column's text as the clerk saw it, aligned with `columns`. */
  cells: readonly string[];
  /** Normalised values by API field (only fields that parsed). */
  values: Readonly<Record<string, FieldValue>>;
  problems: readonly CellProblem[];
  /** The row's own cell problems when grouping added more to `problems` (absent: `problems` are all its own). */
  ownProblems?: readonly CellProblem[];
  disposition: RowDisposition;
  /** Cells the clerk edited in the review grid (revalidate.ts); `cells` already holds the new text. */
  edits?: readonly CellEdit[];
}

/**
 * A sheet's rows, in source order: a read keeps them packed (row-store.ts) and makes each an ImportRow only
 * when asked for — so take a row with `at(i)` or iterate; a plain array of rows is one too (a follow-up's).
 */
export type ImportRows = RowList<ImportRow, RowBrief>;

/**
 * A sheet's orders, in the order their first row appears: a read keeps them packed beside its rows
 * (order-store.ts) and makes each an OrderDraft only when asked for — take one with `at(i)` or iterate,
 * and `brief(i)` (key and row numbers) where that is all a walk needs; a plain array of orders is one too.
 */
export type ImportOrders = RowList<OrderDraft, OrderBrief>;

/** What most walks over orders need (ImportOrders `brief`): a packed order gives it without making its header and lines. */
export type OrderBrief = Pick<OrderDraft, 'key' | 'rows'>;

/** What counting and listing rows need (ImportRows `brief`): a packed row gives it without making its cells and values. */
export type RowBrief = Pick<ImportRow, 'rowNumber' | 'problems' | 'disposition'>;

/** One cell edited in the review grid: the sheet column (0-based) and the text the file has there. */
export interface CellEdit {
  column: number;
  original: string;
}

export interface SheetNotice {
  row: number;
  text: LocalizedText;
}

export interface SheetImport {
  file: SourceFile;
  sheets: readonly SheetInfo[];
  sheet: string;
  /** Row number of the header row (1-based). */
  headerRow: number;
  operation: OperationId;
  /** Why this operation: inferred from which headers, or chosen by the person. */
  operationReason: LocalizedText;
  columns: readonly ImportColumn[];
  /** Non-empty headers the app could not place, left to right: kept in the results, never sent. */
  ignoredColumns: readonly string[];
  /** The header set's fingerprint (headerFingerprint): what a saved mapping is remembered by. */
  fingerprint: string;
  /** The column mapping the read applied (saved, from a file, or chosen just now); null when the catalog placed every column. */
  mapping: AppliedMapping | null;
  /** What still needs the mapping step: headers nothing placed (and no mapping ignored), required fields without a column. */
  unmapped: { columns: readonly string[]; fields: readonly string[] };
  /**
   * Every non-blank data row in source order (repeated headers and totals rows are notices, not rows) —
   * except with `everyRow`, where each is kept as an invalid row saying why (row-rules.ts).
   */
  rows: ImportRows;
  /** The valid orders (ImportOrders: walk them with `at`, iteration, or `briefsOf` in shared/row-list.ts). */
  orders: ImportOrders;
  notices: readonly SheetNotice[];
  /** A follow-up's rows (main/jobs/follow-up.ts): none may vanish, so a row that is not data stays an invalid row, also after an edit. */
  everyRow?: true;
}

/**
 * The first rows of the sheet, checked, as soon as they are (reader option `onFirstRows`): each row's own
 * cell problems are in; what needs the whole sheet — orders, duplicates, a row's disposition — is not yet.
 */
export interface FirstRows {
  sheet: string;
  headerRow: number;
  operation: OperationId;
  /** The columns under a header (columns past the header row get theirs when the sheet is done). */
  columns: readonly ImportColumn[];
  rows: readonly Omit<ImportRow, 'disposition'>[];
}

/**
 * How far a read is (reader option `onProgress`): told a few times a second while rows are checked, and
 * once when every row is in (before orders are grouped).
 */
export interface ReadProgress {
  /** Data rows checked so far. */
  rows: number;
  /** About how many rows the sheet holds below its header, as the file's own dimension says; null when unknown. An estimate (blank rows included): never more than a progress bar's measure. */
  total: number | null;
  /** Problems found so far (errors and warnings), counted over every row. */
  problems: number;
  /** Problems found since the last report, in row order — at most `progressProblems` over the whole read. */
  newProblems: readonly CellProblem[];
}

/** Who is told about a read before it ends (the app's review grid fills from these). */
export interface ReadWatchers {
  /**
   * Called with the first checked rows (`firstRowsCount`, or all when fewer), long before the read ends. An
   * .xlsx sheet's first rows are told before its merged ranges are known (they sit after the rows): when the
   * read's own first rows then differ (a merge covers the header or one of them), it is called once more,
   * with the rows that replace the first ones. Never more than twice.
   */
  onFirstRows?: (first: FirstRows) => void;
  /** Told how far the read is, a few times a second while rows are checked. */
  onProgress?: (progress: ReadProgress) => void;
}

export interface ReadOptions {
  /** Read this sheet instead of the first matching visible one. */
  sheet?: string;
  /** Use this operation instead of inferring it. */
  operation?: OperationId;
  /** Place columns with this mapping (a --mapping file, or the mapping step); its operation is the read's. */
  mapping?: ColumnMapping & { source: 'file' | 'chosen' };
  /** Mappings remembered in settings: one whose header set matches the sheet's is applied. */
  savedMappings?: readonly (ColumnMapping & { fingerprint: string })[];
}
