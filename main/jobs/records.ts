// The store's rows as the rest of the engine sees them, parsed back with zod (rule 6: the database
// is a boundary too — a file from another version or a hand edit must not become a wrong outcome).
import { z } from 'zod';
import { jobStates, finalStates } from '../../shared/states';
import { operationIdSchema } from '../../shared/operations/catalog';
import { langs, type LocalizedText } from '../../shared/i18n';

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

/** A row's cells as stored (one schema, made once: building a zod schema per row cost ~50 µs a row). */
const cellsSchema = z.array(z.string());

export const cellEditsSchema = z.array(z.object({ column: z.number().int().min(0), original: z.string() }));

export const rowRecordSchema = z.object({
  seq: z.number().int(),
  row_number: z.number().int(),
  cells: z.string().transform((s) => cellsSchema.parse(JSON.parse(s))),
  order_key: z.string().nullable(),
  state: z.enum([...finalStates, 'pending']),
  erp_message: z.string().nullable(),
  notes: z
    .string()
    .nullable()
    .transform((s) => (s === null ? [] : notesSchema.parse(JSON.parse(s)))),
  warnings: z
    .string()
    .nullable()
    .transform((s) => (s === null ? [] : notesSchema.parse(JSON.parse(s)))),
  erp_no: z.string().nullable(),
  call: z.number().int().nullable(),
  submitted_at: z.string().nullable(),
  done_by: z.string().nullable(),
  /** Cells edited in the review grid (migration 6); absent in a store older than it. */
  edits: z
    .string()
    .nullish()
    .transform((s) => (s ? cellEditsSchema.parse(JSON.parse(s)) : [])),
});
export type RowRecord = z.output<typeof rowRecordSchema>;

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

const fieldValue = z.union([z.string(), z.boolean(), z.number(), z.array(z.string())]);
export const draftSchema = z.object({
  key: z.string(),
  rows: z.array(z.number().int()),
  header: z.record(z.string(), fieldValue),
  lines: z.array(z.record(z.string(), fieldValue)),
});
