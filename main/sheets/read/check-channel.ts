// The catalog's side of a read in a worker of its own (the check worker), for a catalog of built-in
// operations only: the parse worker streams its rows to the check worker over a MessageChannel
// (book-channel.ts, unchanged), and the check worker chooses the sheet, checks every cell, packs the rows and
// groups them (read-pipeline.ts understandSource, as on the calling thread). The calling thread is told the
// first rows and the progress as messages and gets the finished import: its packed rows and orders
// (row-store.ts, order-store.ts) cross as moved typed arrays, their lists in parts (import-parts.ts), and
// are wrapped again here, so the caller's thread stays idle while a sheet is read. An operation added to the catalog at runtime exists only on the
// calling thread: then the catalog's side runs there (reader.ts).
import type { MessagePort } from 'node:worker_threads';
import { getOperation } from '../../../shared/operations/catalog';
import type { AppError, Result } from '../../../shared/result';
import { OrderStore } from './order-store';
import type { ReadRequest, SourceRequest } from './read-pipeline';
import { RowStore } from './row-store';
import type { FirstRows, ReadProgress, SheetImport } from './types';

/** What the check worker needs of the read: the request without its watchers, and whether each is watched. */
export type CheckRequest = Omit<ReadRequest, 'onFirstRows' | 'onProgress'> & { watch: { first: boolean; progress: boolean } };

/** Caller → a worker: its part of a read (a warm worker gets it as a message; a fresh one as workerData). */
export type WorkerStart =
  | { role: 'parse'; request: SourceRequest; port?: MessagePort }
  | { role: 'check'; request: CheckRequest; port: MessagePort; results: MessagePort };

/** The import as it crosses: its stores as their packed data. */
export type ShippedImport = Omit<SheetImport, 'rows' | 'orders'> & { rows: RowStore['packed']; orders: OrderStore['packed'] };

/** Check worker → caller. */
export type CheckMessage =
  | { type: 'ready' }
  | { type: 'first'; first: FirstRows }
  | { type: 'progress'; progress: ReadProgress }
  /** A finished import's head, its `parts` already posted on the `results` port (import-parts.ts). */
  | { type: 'result'; result: Result<ShippedImport>; parts?: number }
  | { type: 'failed'; error: AppError }
  /** The parse worker ended before the read did: the calling thread takes the reason from that worker's end (reader.ts watchStops). */
  | { type: 'parser-ended' };

/** The import's packed stores as data, and the buffers to move rather than copy. */
export function ship(value: SheetImport): { shipped: ShippedImport; transfer: ArrayBuffer[] } {
  if (!(value.rows instanceof RowStore) || !(value.orders instanceof OrderStore)) throw new Error('a read makes packed rows and orders');
  const buffers = new Set<ArrayBuffer>();
  for (const part of [value.rows.packed, value.orders.packed]) {
    for (const v of Object.values(part)) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) buffers.add(v.buffer);
  }
  return { shipped: { ...value, rows: value.rows.packed, orders: value.orders.packed }, transfer: [...buffers] };
}

/** The import again, its stores wrapped around the moved data (the operation's definition is this thread's). */
export function unship(shipped: ShippedImport): SheetImport {
  const op = getOperation(shipped.operation);
  if (!op) throw new Error(`the check worker read an operation this catalog lacks: ${shipped.operation}`);
  const rows = new RowStore(shipped.rows);
  return { ...shipped, rows, orders: new OrderStore(rows, op, shipped.orders) };
}
