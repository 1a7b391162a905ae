// The read worker's own work (read-worker.ts starts it): intake guards, then the rows from its parse thread
// (or from exceljs in this thread), checked and grouped, streamed to the main thread in batches as they
// are read, then the problems, then the rest of the import (read-wire.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { RowDisposition } from '../../../shared/operations/types';
import { connectParseThread } from './parse-thread';
import { inspectRequested, readInspected, readRequestSchema } from './read-pipeline';
import type { ReadRequest, XlsxOpener } from './read-pipeline';
import { buffersOf, RowEncoder } from './read-wire';
import type { ReadWorkerMessage, RowsSkeleton } from './read-wire';
import type { SheetImport } from './types';
import { preloadSharedStrings, preloadXlsx } from './xlsx-source';

/** Rows (problem lists) per message: small enough that the main thread takes one in a few milliseconds. */
const perMessage = 2000;

const workerDataSchema = readRequestSchema;

const post = (message: ReadWorkerMessage) => parentPort?.postMessage(message, buffersOf(message));

const dispositionKinds: Record<RowDisposition['kind'], number> = { valid: 0, invalid: 1, duplicate: 2 };

function skeletonOf(rows: SheetImport['rows'], orderIndex: ReadonlyMap<string, number>): RowsSkeleton {
  const kinds = new Uint8Array(rows.length);
  const refs = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    const d = row.disposition;
    kinds[i] = dispositionKinds[d.kind];
    if (d.kind === 'valid') refs[i] = orderIndex.get(d.orderKey) ?? -1;
    else if (d.kind === 'duplicate') refs[i] = d.ofRow;
  });
  return { count: rows.length, kinds, refs };
}

async function read(path: string, request: ReadRequest, parsePort: MessagePort | undefined): Promise<void> {
  // The parse thread, started beside this one, is loading exceljs while the intake guards run (without
  // one, this thread loads it). It sees the file only once they passed. With a parse thread, this thread
  // parses only the shared strings (parse-thread.ts), and loads the parser of those meanwhile.
  const thread = parsePort ? connectParseThread(parsePort) : null;
  const loading = (thread ? preloadSharedStrings() : preloadXlsx()).catch(() => undefined); // a failure to load shows where the workbook is opened
  const intake = await inspectRequested(path, request);
  if (!intake.ok || !intake.value.zip) thread?.stop();
  if (!intake.ok) {
    post({ type: 'done', result: intake });
    return;
  }
  if (intake.value.zip && !thread) await loading; // the parse thread is told of the file at once
  const open: XlsxOpener | undefined = thread ? (file, meta, merges, limits) => thread.open(file, meta, merges, limits) : undefined;
  const encoder = new RowEncoder(perMessage, post);
  const result = await readInspected(path, intake.value, request, { takeRow: encoder.take }, open);
  thread?.stop();
  encoder.flush();
  if (!result.ok) {
    post({ type: 'done', result });
    return;
  }
  const { rows, orders, ...rest } = result.value;
  const problems = rows.flatMap((r, i): [number, SheetImport['rows'][number]['problems']][] => (r.problems.length > 0 ? [[i, r.problems]] : []));
  for (let i = 0; i < problems.length; i += perMessage) post({ type: 'problems', entries: problems.slice(i, i + perMessage) });
  const skeleton = skeletonOf(rows, new Map(orders.map((o, i) => [o.key, i])));
  post({ type: 'done', result: { ok: true, value: { ...rest, rows: skeleton, orders: orders.length } } });
}

/** The read worker's whole read: the request is this thread's workerData. */
export async function runRead(): Promise<void> {
  const parsed = workerDataSchema.safeParse(workerData);
  if (!parsed.success) {
    post({ type: 'done', result: { ok: false, error: { code: 'INVALID_ARGUMENT', message: parsed.error.message } } });
    return;
  }
  const { path, parsePort, ...request } = parsed.data;
  await read(path, request, parsePort);
}
