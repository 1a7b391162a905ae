// The store's rows as the rest of the engine sees them, parsed back with zod (rule 6: the database
// is a boundary too — a file from another version or a hand edit must not become a wrong outcome).
import { z } from 'zod';
import { jobStates, finalStates, type RowState } from '../../shared/states';
import { operationIdSchema } from '../../shared/operations/catalog';
import { langs, type LocalizedText } from '../../shared/i18n';
import type { FieldValue, OrderDraft } from '../../shared/operations/types';

const localizedText = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

/** Our own words about a row (a problem with a column, why it was skipped…), rendered in the reader's language. */
export interface Note {
  column?: string;
  text: LocalizedText;
}
export const notesSchema = z.array(z.object({ column: z.string().optional(), text: localizedText })) as unknown as z.ZodType<Note[]>;

export const columnsSchema = z.array(z.object({ header: z.string(), field: z.string().nullable() }));

export const jobRecordSchema = z.object({
  id: z.string(),
  operation: operationIdSchema,
  method: z.string(),
  profile_name: z.string(),
  environment: z.enum(['sandbox', 'test', 'production']),
  sid: z.string(),
  base_url: z.string(),
  source_name: z.string(),
  source_path: z.string(),
  source_sha256: z.string(),
  sheet: z.string(),
  header_row: z.number().int(),
  columns: z.string().transform((s) => columnsSchema.parse(JSON.parse(s))),
  operator: z.string(),
  app_version: z.string(),
  is_check: z.number().transform((n) => n === 1),
  lang: z.enum(langs),
  per_call: z.number().int(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  state: z.enum(jobStates),
  state_reason: z
    .string()
    .nullable()
    .transform((s) => (s === null ? null : (localizedText.parse(JSON.parse(s)) as LocalizedText))),
  stop_requested: z.number().transform((n) => n === 1),
  results_path: z.string().nullable(),
  owner: z.string().nullable(),
  owner_until: z.number().nullable(),
  follows_job: z.string().nullable(),
});
export type JobRecord = z.output<typeof jobRecordSchema>;

export const cellEditsSchema = z.array(z.object({ column: z.number().int().min(0), original: z.string() }));

export interface RowRecord {
  seq: number;
  row_number: number;
  cells: string[];
  order_key: string | null;
  state: RowState;
  erp_message: string | null;
  notes: Note[];
  warnings: Note[];
  erp_no: string | null;
  call: number | null;
  submitted_at: string | null;
  done_by: string | null;
  /** Cells edited in the review grid (migration 6); absent in a store older than it. */
  edits: z.output<typeof cellEditsSchema>;
}

const rowStates: ReadonlySet<unknown> = new Set<RowState>([...finalStates, 'pending']);

/** A stored row column that is not what this build wrote: the same kind of refusal zod gives, naming the column. */
function badColumn(column: string, got: unknown): never {
  throw new Error(`job_rows.${column}: unexpected ${got === null ? 'null' : typeof got} in the job store`);
}
const text = (raw: Record<string, unknown>, column: string): string => (typeof raw[column] === 'string' ? (raw[column] as string) : badColumn(column, raw[column]));
const textOrNull = (raw: Record<string, unknown>, column: string): string | null => (raw[column] === null ? null : text(raw, column));
const int = (raw: Record<string, unknown>, column: string): number => (Number.isInteger(raw[column]) ? (raw[column] as number) : badColumn(column, raw[column]));
const notesOf = (json: string | null): Note[] => (json === null ? [] : notesSchema.parse(JSON.parse(json)));

/**
 * The columns a row record is read from, in order, for a statement in raw mode (`rowFromColumns`): better-sqlite3
 * makes an array per row ~2× faster than an object with named properties (10,000 rows: 27-39 ms against 47-86 ms,
 * the results workbook's read of a job).
 */
export const rowColumns = 'seq, row_number, cells, order_key, state, erp_message, notes, warnings, erp_no, call, submitted_at, done_by, edits';

/** A raw row of `rowColumns` as the object rowRecordSchema checks. */
export const rowFromColumns = (v: readonly unknown[]): Record<string, unknown> => ({
  seq: v[0], row_number: v[1], cells: v[2], order_key: v[3], state: v[4], erp_message: v[5], notes: v[6], warnings: v[7],
  erp_no: v[8], call: v[9], submitted_at: v[10], done_by: v[11], edits: v[12],
});

/**
 * A job_rows row, checked column by column. By hand rather than a zod object with transforms: this runs for every
 * row of every workbook pass and page (30,000 times for a 10,000-row workbook), and zod's object-with-pipes cost
 * ~30 µs a row over a process's first 10,000 rows (0.35 s of CPU for that workbook; ~1 µs once warm). The JSON
 * columns still go through their zod schemas, made once (notes, warnings, edits only when present).
 */
export const rowRecordSchema = {
  parse(value: unknown): RowRecord {
    if (typeof value !== 'object' || value === null) return badColumn('*', value);
    const raw = value as Record<string, unknown>;
    const cells: unknown = JSON.parse(text(raw, 'cells'));
    if (!Array.isArray(cells) || !cells.every((c) => typeof c === 'string')) badColumn('cells', cells);
    const state = raw.state;
    if (!rowStates.has(state)) badColumn('state', state);
    const call = raw.call === null ? null : int(raw, 'call');
    const edits = raw.edits === undefined || raw.edits === null || raw.edits === '' ? [] : cellEditsSchema.parse(JSON.parse(text(raw, 'edits')));
    return {
      seq: int(raw, 'seq'),
      row_number: int(raw, 'row_number'),
      cells: cells as string[],
      order_key: textOrNull(raw, 'order_key'),
      state: state as RowState,
      erp_message: textOrNull(raw, 'erp_message'),
      notes: notesOf(textOrNull(raw, 'notes')),
      warnings: notesOf(textOrNull(raw, 'warnings')),
      erp_no: textOrNull(raw, 'erp_no'),
      call,
      submitted_at: textOrNull(raw, 'submitted_at'),
      done_by: textOrNull(raw, 'done_by'),
      edits,
    };
  },
};

export const attemptRecordSchema = z.object({
  id: z.number().int(),
  call: z.number().int(),
  attempt: z.number().int(),
  method: z.string(),
  orders: z.number().int(),
  outcome: z.string(),
  http_status: z.number().int().nullable(),
  erp_status: z.number().int().nullable(),
  erp_message: z.string().nullable(),
  duration_ms: z.number().int().nullable(),
  at: z.string(),
});
export type AttemptRecord = z.output<typeof attemptRecordSchema>;

const isFieldValue = (v: unknown): v is FieldValue =>
  typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number' || (Array.isArray(v) && v.every((s) => typeof s === 'string'));
const isFieldRecord = (v: unknown): v is Record<string, FieldValue> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isFieldValue);

/**
 * An order's draft as stored (job_orders.draft, parsed JSON), checked by hand for the same reason as a row: the
 * runner reads every order of every call (10,000 drafts for a 10,000-order job, ~0.2 ms a call with zod, in its
 * warm-up). A draft not as this build wrote it is refused, naming the order.
 */
export const draftSchema = {
  parse(value: unknown): OrderDraft {
    const d = value as Partial<Record<keyof OrderDraft, unknown>> | null;
    const ok =
      typeof d === 'object' && d !== null && typeof d.key === 'string' &&
      Array.isArray(d.rows) && d.rows.every((r) => Number.isInteger(r)) &&
      isFieldRecord(d.header) && Array.isArray(d.lines) && d.lines.every(isFieldRecord);
    if (!ok) throw new Error(`job_orders.draft: not an order draft this build wrote${typeof d?.key === 'string' ? ` (order ${d.key})` : ''}`);
    return d as OrderDraft;
  },
};
