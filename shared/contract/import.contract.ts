// Import: a file chosen in main's open dialog, dropped on the window or opened from the OS becomes an
// opaque token; the renderer never sends a path it made up. Reading gives a summary; rows and problems
// come in pages, so a 100,000-row sheet never crosses IPC in one message.
import { z } from 'zod';
import type { LocalizedText } from '../i18n';
import type { CellProblem, OperationId, RowDisposition } from '../operations/types';
import type { MappingSource } from '../operations/headers';
import { operationIdSchema } from '../operations/catalog';
import { event, invoke, returns } from './define';
import { jobId, opaqueId, page, empty, type Page } from './ids';

/** A file main has accepted for import, named by an opaque token. */
export interface FileTicket {
  token: string;
  name: string;
  bytes: number;
  /** The sheet to read, when main knows it (a results workbook's to-fix sheet). */
  sheet?: string;
  /** The operation to read it as, when main knows it (the sample; a job's to-fix sheet). */
  operation?: OperationId;
}

/** A job's rows to fix, saved where the clerk chose and opened in their spreadsheet program; the ticket reads it again once edited. */
export interface ToFixFile {
  ticket: FileTicket;
  /** The full path, shown so the clerk knows which file to edit. */
  path: string;
  /** Whether the OS opened it (else the clerk opens it by hand). */
  opened: boolean;
}

/** The structural shape a dropped file must have (a DOM File); shared/ has no DOM types. */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

export interface ImportSheetInfo {
  name: string;
  visible: boolean;
  operation: OperationId | null;
}

export interface ImportColumnInfo {
  index: number;
  header: string;
  field: string | null;
  /** The header names a % unit (税率（%）): its bare numbers were read as percentages. */
  percent?: true;
}

/** What a read produced, without its rows (those come by page). */
export interface ImportSummary {
  importId: string;
  file: { name: string; bytes: number; sha256: string; format: 'xlsx' | 'xlsm' | 'csv' };
  sheets: ImportSheetInfo[];
  sheet: string;
  headerRow: number;
  operation: OperationId;
  operationReason: LocalizedText;
  columns: ImportColumnInfo[];
  /** Non-empty headers the app could not place, left to right: kept in the results, never sent; the review and submit screens list them. */
  ignoredColumns: string[];
  /** The header set's fingerprint: what a saved column mapping is remembered by. */
  fingerprint: string;
  /** The column mapping the read applied (keys: normalised headers; null: 不导入 / ignore); null when the headers alone placed the columns. */
  mapping: { source: MappingSource; columns: Record<string, string | null> } | null;
  /** Headers nothing placed (and no mapping set aside), and required fields without a column: what the mapping step is for. */
  unmapped: { columns: string[]; fields: string[] };
  /** `problems` counts errors (rows not sent), `warnings` the rest; importProblems pages through both. */
  counts: { rows: number; orders: number; valid: number; invalid: number; duplicate: number; problems: number; warnings: number; notices: number };
  /** The first notices (repeated headers, totals lines); `counts.notices` says how many there are. */
  notices: { row: number; text: LocalizedText }[];
  /** The app's own sample: it may only be submitted to the built-in sandbox, whatever the default profile is. */
  sandboxOnly?: boolean;
  /** Cells edited in the review grid (importEdit); the file itself is never changed. */
  editedCells: number;
}

/** A cell edited in the review grid: its sheet column (0-based) and the text the file has there. */
export interface CellEditView {
  column: number;
  original: string;
}

/** One source row as the review screen shows it. */
export interface ImportRowView {
  rowNumber: number;
  cells: readonly string[];
  problems: readonly CellProblem[];
  disposition: RowDisposition;
  /** The order the row belongs to (its key field's value), when it has one: createOrder groups rows by it. */
  orderKey: string | null;
  /** Cells edited in the review grid, with the file's text (absent: none). */
  edits?: readonly CellEditView[];
}

/** A column mapping remembered in settings, as the Settings screen lists it. */
export interface SavedMappingView {
  operation: OperationId;
  fingerprint: string;
  /** The headers as the sheet wrote them. */
  headers: string[];
  columns: Record<string, string | null>;
  savedAt: string;
}

/** The mapping step's choice: each column's header as written and its field (null: 不导入 / ignore). */
const mappingChoice = z
  .object({
    columns: z.array(z.object({ header: z.string().max(500), field: z.string().max(100).nullable() }).strict()).max(2000),
    /** Remember it for this header set and operation (applied automatically next time). */
    remember: z.boolean(),
  })
  .strict();

export const rowFilters = ['all', 'valid', 'invalid', 'duplicate'] as const;
export type RowFilter = (typeof rowFilters)[number];

export const importContract = {
  /** Shows main's open dialog; the chosen spreadsheet comes back as a ticket, or null when cancelled. */
  importOpenDialog: invoke('import:open-dialog', empty, returns<FileTicket | null>()),
  /** A file dropped on the window: the preload hands main its path; main checks it is a regular spreadsheet file. */
  importDroppedFile: { ...invoke('import:drop', z.object({ path: z.string().min(1).max(4096) }).strict(), returns<FileTicket>()), preload: 'dropped-file' as const },
  /** Reads a ticket's file (in a worker); optionally another sheet or operation than the inferred one, or with a column mapping (it needs the operation). */
  importRead: invoke(
    'import:read',
    z.object({ token: opaqueId, sheet: z.string().max(255).optional(), operation: operationIdSchema.optional(), mapping: mappingChoice.optional() }).strict(),
    returns<ImportSummary>(),
  ),
  /** The column mappings remembered in settings, per operation and header set. */
  importMappings: invoke('import:mappings', empty, returns<SavedMappingView[]>()),
  /** Forgets one saved column mapping; false when there was none. */
  importMappingRemove: invoke(
    'import:mapping-remove',
    z.object({ operation: operationIdSchema, fingerprint: z.string().min(1).max(100) }).strict(),
    returns<boolean>(),
  ),
  /** One page of a read's rows, optionally only valid, invalid or duplicate ones; `grouped` lists each order's rows together (in order of first appearance). */
  importRows: invoke(
    'import:rows',
    z.object({ importId: opaqueId, ...page, filter: z.enum(rowFilters).default('all'), grouped: z.boolean().default(false) }).strict(),
    returns<Page<ImportRowView>>(),
  ),
  /** Where a sheet row sits in importRows' list under the same filter and grouping (-1 when it is not in it). */
  importFindRow: invoke(
    'import:find-row',
    z.object({ importId: opaqueId, rowNumber: z.number().int().min(1).max(10_000_000), filter: z.enum(rowFilters).default('all'), grouped: z.boolean().default(false) }).strict(),
    returns<number>(),
  ),
  /** One page of a read's cell problems, errors and warnings (`severity`), in row order. */
  importProblems: invoke('import:problems', z.object({ importId: opaqueId, ...page }).strict(), returns<Page<CellProblem>>()),
  /** Writes a small sample cancel list of the sandbox's demo return numbers (a few with problems) and hands it over as a ticket; its read is sandbox-only. */
  importSample: invoke('import:sample', empty, returns<FileTicket>()),
  /** Saves a job's results workbook where the clerk chooses, opens it in the OS's spreadsheet app, and hands it over as a ticket naming its to-fix sheet (read it again once edited); null when the clerk cancelled. */
  importToFix: invoke('import:to-fix', z.object({ jobId }).strict(), returns<ToFixFile | null>()),
  /** Drains the files opened from the OS that the UI has not taken yet (one opened at launch arrives before the UI listens). */
  importTakePending: invoke('import:take-pending', empty, returns<FileTicket[]>()),
  /** Sets one cell of a read (the review grid's edit, undo or redo) and judges it again with the reader's rules: the row's order is regrouped; the new summary comes back. The file is never changed; setting the file's text again removes the edit. */
  importEdit: invoke(
    'import:edit',
    z.object({ importId: opaqueId, rowNumber: z.number().int().min(1).max(10_000_000), column: z.number().int().min(0).max(16_383), value: z.string().max(32_767) }).strict(),
    returns<ImportSummary>(),
  ),
  /** Forgets a read (the person closed it or started over). */
  importDiscard: invoke('import:discard', z.object({ importId: opaqueId }).strict(), returns<void>()),
} as const;

export const importEvents = {
  /** A file opened from the OS (double-click, "Open with", a second launch) arrived; take it with importTakePending. */
  onDidImportFile: event<FileTicket>('event:import-file'),
} as const;
