// What a kind of sandbox document is: its table in the data file, its record (every field but the key
// with a default, so a data file written before a field existed still loads), its demo seed, and the API
// methods that act on it. One file under documents/ per kind, one line in documents/index.ts.
import type { z } from 'zod';
import { formatChinaTime, parseErpTime } from '../../../shared/operations/erp-time';
import type { MethodHandler } from '../handler-kit';

export interface DocumentKind<T = unknown> {
  /** Its key in the data file and in `GET /__sandbox/state` ('returns'). Unique among kinds. */
  table: string;
  /** One record, parsed from the data file (never trusted); defaults for every field but the key. */
  schema: z.ZodType<T>;
  /** A record's number, unique in its table. */
  keyOf(doc: T): string;
  /** The demo documents a fresh sandbox starts with; also what a data file without this table gets. */
  seed(): T[];
  /** The API methods that act on (or read) this kind, by method name. */
  methods: Readonly<Record<string, MethodHandler>>;
}

/** Names the record type once (TypeScript infers it from the schema). */
export const defineDocument = <T>(kind: DocumentKind<T>): DocumentKind<T> => kind;

/** Seeded documents were last changed on 2024-06-01 (China time), `minute` minutes after 10:00. */
export const seedTime = (minute: number): string => formatChinaTime(Date.UTC(2024, 5, 1, 2, minute, 0));

/** A change time a data file from before documents had times lacks: the seed's. */
export const seedTimeDefault = seedTime(0);

/** 'YYYY-MM-DD HH:mm:ss' in China time (UTC+8), as the ERP shows times; parsed back with the app's own reader. */
export { formatChinaTime };
export const parseChinaTime = (text: string): number | null => parseErpTime(text);
/** Epoch ms of a stored time (0 when unreadable), as the stock-in pages answer times. */
export const epochMs = (text: string): number => parseChinaTime(text) ?? 0;
