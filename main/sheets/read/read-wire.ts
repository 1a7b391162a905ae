// What the read worker sends the main thread, and how. A structured clone of 100,000 row objects costs
// the worker more than reading them and stalls the receiving thread, so rows travel compactly, a batch at
// a time while the sheet is read: each batch's distinct texts as one string with their lengths, every cell
// as an index into them, and each value as a one-byte code when it is simply its cell's text (ids and text
// usually are), so the main thread's rows share those strings. Orders are not sent: the main thread rebuilds them from each row's
// disposition (which order it belongs to) and the rows' values.
import { z } from 'zod';
import { orderLines, validOrderHeader } from '../../../shared/operations/grouping';
import type { CellProblem, FieldValue, OperationDef, OrderDraft } from '../../../shared/operations/types';
import { errorCodes } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { operationIdSchema } from '../../../shared/operations/catalog';
import type { StreamedRow } from './sheet-rows';
import type { SheetImport } from './types';

/** Value codes: absent, its column's cell text, a text of the batch's dictionary, the next of `others`. */
const enum Code {
  Absent = 0,
  Cell = 1,
  Text = 2,
  Other = 3,
}

export interface RowsBatch {
  type: 'rows';
  numbers: Int32Array;
  /** Cells per row. */
  widths: Uint32Array;
  /** The batch's distinct texts (cells and text values), concatenated, and each one's length. */
  dictionary: string;
  lengths: Uint32Array;
  /** Every cell as its text's index in the dictionary. */
  cells: Uint32Array;
  /** The mapped fields and their columns. */
  fields: string[];
  columns: Int32Array;
  /** One Code per row and field. */
  codes: Uint8Array;
  /** Each Code.Text value as its index in the dictionary. */
  texts: Uint32Array;
  others: FieldValue[];
}

/** Every row's disposition, compactly: rows are matched by position with the streamed batches. */
export interface RowsSkeleton {
  count: number;
  /** 0 valid, 1 invalid, 2 duplicate. */
  kinds: Uint8Array;
  /** valid: index of the row's order (the orders are rebuilt from these); duplicate: the row it repeats. */
  refs: Int32Array;
}

export type DoneValue = Omit<SheetImport, 'rows' | 'orders'> & { rows: RowsSkeleton; orders: number };

/** What the worker sends, in this order: rows…, problems…, done. */
export type ReadWorkerMessage =
  | RowsBatch
  | { type: 'problems'; entries: [number, readonly CellProblem[]][] }
  | { type: 'done'; result: Result<DoneValue> };

/**
 * Collects rows as they are read and hands out a batch every `size` rows. Cells repeat down a column
 * (warehouses, suppliers, order numbers, dates), so each distinct text travels once per batch and the
 * receiving thread makes one string of it, however many cells show it.
 */
export class RowEncoder {
  private numbers: number[] = [];
  private widths: number[] = [];
  private dictionary = new Map<string, number>();
  private cells: number[] = [];
  private codes: number[] = [];
  private texts: number[] = [];
  private others: FieldValue[] = [];
  private fields: StreamedRow['fields'] = [];

  constructor(private readonly size: number, private readonly send: (batch: RowsBatch) => void) {}

  private indexOf(text: string): number {
    let index = this.dictionary.get(text);
    if (index === undefined) {
      index = this.dictionary.size;
      this.dictionary.set(text, index);
    }
    return index;
  }

  readonly take = (row: StreamedRow): void => {
    this.fields = row.fields;
    this.numbers.push(row.rowNumber);
    this.widths.push(row.cells.length);
    for (const text of row.cells) this.cells.push(this.indexOf(text));
    for (const { key, column } of row.fields) {
      const v = row.values[key];
      if (v === undefined) this.codes.push(Code.Absent);
      else if (v === row.cells[column]) this.codes.push(Code.Cell);
      else if (typeof v === 'string') {
        this.codes.push(Code.Text);
        this.texts.push(this.indexOf(v));
      } else {
        this.codes.push(Code.Other);
        this.others.push(v);
      }
    }
    if (this.numbers.length >= this.size) this.flush();
  };

  flush(): void {
    if (this.numbers.length === 0) return;
    const distinct = [...this.dictionary.keys()];
    this.send({
      type: 'rows',
      numbers: Int32Array.from(this.numbers),
      widths: Uint32Array.from(this.widths),
      dictionary: distinct.join(''),
      lengths: Uint32Array.from(distinct, (s) => s.length),
      cells: Uint32Array.from(this.cells),
      fields: this.fields.map((f) => f.key),
      columns: Int32Array.from(this.fields.map((f) => f.column)),
      codes: Uint8Array.from(this.codes),
      texts: Uint32Array.from(this.texts),
      others: this.others,
    });
    this.numbers = [];
    this.widths = [];
    this.dictionary = new Map();
    this.cells = [];
    this.codes = [];
    this.texts = [];
    this.others = [];
  }
}

/** The typed arrays of a message, to transfer rather than copy. */
export function buffersOf(message: ReadWorkerMessage): ArrayBuffer[] {
  const arrays = Object.values(message).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** The rows decoded so far, by position. */
export interface DecodedRows {
  numbers: number[];
  cells: string[][];
  values: Record<string, FieldValue>[];
}

/** Appends a batch's rows; throws when the batch does not add up (a bug, reported as INTERNAL). */
export function decodeRows(batch: RowsBatch, into: DecodedRows): void {
  const { numbers, widths, dictionary, lengths, cells: cellIndices, fields, columns, codes, texts, others } = batch;
  const n = numbers.length;
  const f = fields.length;
  if (widths.length !== n || codes.length !== n * f || columns.length !== f) throw new Error('rows batch: lengths differ');
  const words = new Array<string>(lengths.length);
  let at = 0;
  for (let w = 0; w < lengths.length; w++) {
    const length = lengths[w] as number;
    if (at + length > dictionary.length) throw new Error('rows batch: texts run short');
    words[w] = dictionary.slice(at, (at += length));
  }
  if (at !== dictionary.length) throw new Error('rows batch: texts left over');
  const word = (index: number | undefined): string => {
    const text = index === undefined ? undefined : words[index];
    if (text === undefined) throw new Error('rows batch: a text index out of range');
    return text;
  };
  let cell = 0;
  let text = 0;
  let other = 0;
  for (let i = 0; i < n; i++) {
    const width = widths[i] as number;
    if (cell + width > cellIndices.length) throw new Error('rows batch: cells run short');
    const cells = new Array<string>(width);
    for (let j = 0; j < width; j++) cells[j] = word(cellIndices[cell++]);
    const values: Record<string, FieldValue> = {};
    for (let k = 0; k < f; k++) {
      const code = codes[i * f + k];
      const key = fields[k] as string;
      if (code === Code.Cell) {
        const shown = cells[columns[k] as number];
        if (shown === undefined) throw new Error('rows batch: a value names a missing cell');
        values[key] = shown;
      } else if (code === Code.Text) {
        if (text >= texts.length) throw new Error('rows batch: value texts run short');
        values[key] = word(texts[text++]);
      } else if (code === Code.Other) {
        if (other >= others.length) throw new Error('rows batch: values run short');
        values[key] = others[other++] as FieldValue;
      } else if (code !== Code.Absent) throw new Error('rows batch: unknown value code');
    }
    into.numbers.push(numbers[i] as number);
    into.cells.push(cells);
    into.values.push(values);
  }
  if (cell !== cellIndices.length || text !== texts.length || other !== others.length) throw new Error('rows batch: cells or values left over');
}

/**
 * The orders, rebuilt from the skeleton and the rows' values: order i's rows are the valid rows whose ref is
 * i, in row order; its header and lines come from their values exactly as grouping made them. Orders go out
 * as no message of their own (25,000 order objects cloned at once stall the receiving thread).
 * Returns each order's member row indices; throws when the skeleton does not add up (a bug, reported as INTERNAL).
 */
export function orderMembers(skeleton: RowsSkeleton, orderCount: number): number[][] {
  const members: number[][] = Array.from({ length: orderCount }, () => []);
  for (let i = 0; i < skeleton.count; i++) {
    if (skeleton.kinds[i] !== 0) continue;
    const list = members[skeleton.refs[i] as number];
    if (!list) throw new Error(`orders: row ${i} names an unknown order`);
    list.push(i);
  }
  if (members.some((m) => m.length === 0)) throw new Error('orders: an order without rows');
  return members;
}

/** One order from its member rows (indices into the decoded rows). */
export function rebuildOrder(op: OperationDef, members: readonly number[], rows: DecodedRows): OrderDraft {
  const values = members.map((m) => rows.values[m] as Record<string, FieldValue>);
  const key = values[0]?.[op.keyField];
  if (typeof key !== 'string' || key === '') throw new Error('orders: a valid row without its key');
  return { key, rows: members.map((m) => rows.numbers[m] as number), header: validOrderHeader(op, key, values), lines: orderLines(op, values) };
}

const errorSchema = z.object({ code: z.enum(errorCodes), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });
const failure = z.object({ ok: z.literal(false), error: errorSchema });
const fieldValue = z.union([z.string(), z.boolean(), z.number(), z.array(z.string())]);

/**
 * The workers' messages, checked for shape (decodeRows and decodeOrders check that they add up). Values
 * are not re-validated cell by cell: the worker built them from our own types.
 */
export const messageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('rows'),
    numbers: z.instanceof(Int32Array),
    widths: z.instanceof(Uint32Array),
    dictionary: z.string(),
    lengths: z.instanceof(Uint32Array),
    cells: z.instanceof(Uint32Array),
    fields: z.array(z.string()),
    columns: z.instanceof(Int32Array),
    codes: z.instanceof(Uint8Array),
    texts: z.instanceof(Uint32Array),
    others: z.array(fieldValue),
  }),
  z.object({
    type: z.literal('problems'),
    entries: z.array(z.tuple([z.number().int().nonnegative(), z.array(z.object({ row: z.number(), column: z.string(), field: z.string(), text: z.object({ key: z.string() }).loose(), severity: z.enum(['error', 'warning']).optional() }))])),
  }),
  z.object({
    type: z.literal('done'),
    result: z.union([
      failure,
      z.object({
        ok: z.literal(true),
        value: z
          .object({
            sheet: z.string(),
            headerRow: z.number().int().positive(),
            operation: operationIdSchema,
            columns: z.array(z.object({ index: z.number(), header: z.string(), field: z.string().nullable(), percent: z.literal(true).optional() })),
            ignoredColumns: z.array(z.string()),
            rows: z.object({ count: z.number().int().nonnegative(), kinds: z.instanceof(Uint8Array), refs: z.instanceof(Int32Array) }),
            orders: z.number().int().nonnegative(),
          })
          .loose(),
      }),
    ]),
  }),
]);
