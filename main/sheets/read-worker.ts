// Worker-thread entry: runs the read off the main thread (the UI never waits). Bundled to
// out/node/read-worker.cjs; under vitest the .ts runs through tsx. One worker does the whole read: it
// starts loading exceljs while the intake guards run, and exceljs sees the file only once the guards
// passed (the zip's directory and its small parts; the worksheets are inflated by the guard alongside the
// parser, and the file is hashed alongside too). Rows stream out in batches as they are read, then orders,
// then the rest of the import. The messages and their compact form are in read-wire.ts.
import { parentPort, workerData } from 'node:worker_threads';
import type { RowDisposition } from '../../shared/operations/types';
import { inspectRequested, readInspected, readRequestSchema } from './read-pipeline';
import type { ReadRequest } from './read-pipeline';
import { buffersOf, RowEncoder } from './read-wire';
import type { ReadWorkerMessage, RowsSkeleton } from './read-wire';
import type { SheetImport } from './types';
import { preloadXlsx } from './xlsx-source';

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

async function read(path: string, request: ReadRequest): Promise<void> {
  const loading = preloadXlsx().catch(() => undefined); // a failure to load shows where the workbook is opened
  const intake = await inspectRequested(path, request);
  if (!intake.ok) {
    post({ type: 'done', result: intake });
    return;
  }
  if (intake.value.zip) await loading;
  const encoder = new RowEncoder(perMessage, post);
  const result = await readInspected(path, intake.value, request, { takeRow: encoder.take });
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

async function main(): Promise<void> {
  const parsed = workerDataSchema.safeParse(workerData);
  if (!parsed.success) {
    post({ type: 'done', result: { ok: false, error: { code: 'INVALID_ARGUMENT', message: parsed.error.message } } });
    return;
  }
  const { path, ...request } = parsed.data;
  await read(path, request);
}

void main();
