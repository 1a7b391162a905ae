// Worker-thread entry (bundled to out/node/read-worker.cjs; under vitest the .ts runs through tsx), in one
// of two roles, given at its start (workerData) or, to a warm worker started before its file was known, by
// its 'start' message (reader.ts warmReadWorker):
//   parse — the file's side of the read: it starts loading exceljs while the intake guards run, opens the
//           file once they passed, and streams its rows as asked (book-channel.ts), to the calling thread or,
//           over a MessagePort, to a check worker;
//   check — the catalog's side (read-pipeline.ts understandSource: sheet choice, checks, orders) over a parse
//           worker's rows, its first rows, progress and finished import told to the calling thread
//           (check-channel.ts; the import's lists in parts, import-parts.ts). Only for a catalog of built-in operations: this thread's catalog has no other.
// Worker code imports no services (eslint.config.js).
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { ok } from '../../../shared/result';
import { Inbox, remoteSource, serveSource } from './book-channel';
import type { CallerCommand, WorkerMessage } from './book-channel';
import { ship } from './check-channel';
import { partsOf } from './import-parts';
import type { CheckMessage, WorkerStart } from './check-channel';
import { openSource, sourceRequestSchema, understandSource } from './read-pipeline';
import { preloadXlsx } from './xlsx-source';

type Message = WorkerMessage | CheckMessage;
const post = (m: Message, transfer?: ArrayBuffer[]) => parentPort?.postMessage(m, transfer);

/** A warm worker's workerData: the role it will be given ('check' loads no exceljs). */
type Warm = { warm: 'parse' | 'check' };
const isWarm = (data: unknown): data is Warm => typeof data === 'object' && data !== null && 'warm' in data;

/** This worker's part of the read: given at the start, or, for a warm worker, once it is ready. */
async function started(inbox: Inbox<CallerCommand>): Promise<WorkerStart | null> {
  const data: unknown = workerData;
  if (!isWarm(data)) return data as WorkerStart | null;
  if (data.warm === 'parse') await preloadXlsx().catch(() => undefined);
  post({ type: 'ready' });
  for (;;) {
    const m = await inbox.take();
    if (m.type === 'start') return m.start;
  }
}

/** The parse worker's channel: the calling thread, or a check worker's port. */
function channelOf(port: MessagePort | undefined, inbox: Inbox<CallerCommand>) {
  if (!port) return { inbox, send: post };
  const fromPort = new Inbox<CallerCommand>();
  port.on('message', (m: CallerCommand) => fromPort.put(m));
  return { inbox: fromPort, send: (m: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer) };
}

async function parse(start: Extract<WorkerStart, { role: 'parse' }>, inbox: Inbox<CallerCommand>): Promise<void> {
  const { inbox: commands, send } = channelOf(start.port, inbox);
  const request = sourceRequestSchema.safeParse(start.request);
  if (!request.success) {
    send({ type: 'opened', result: { ok: false, error: { code: 'INVALID_ARGUMENT', message: request.error.message } } });
    return;
  }
  preloadXlsx().catch(() => undefined); // a failure to load shows where the workbook is opened
  const opened = await openSource(request.data);
  if (!opened.ok) {
    send({ type: 'opened', result: opened });
    return;
  }
  await serveSource(opened.value, commands, send);
}

async function check(start: Extract<WorkerStart, { role: 'check' }>): Promise<void> {
  const { request, port, results } = start;
  const remote = remoteSource((c) => port.postMessage(c));
  let parserEnded = false;
  port.on('message', (m: WorkerMessage) => remote.take(m));
  port.on('close', () => ((parserEnded = true), remote.died()));
  const opened = await remote.opened;
  const result = opened.ok
    ? await understandSource(opened.value, {
        ...request,
        ...(request.watch.first ? { onFirstRows: (first) => post({ type: 'first', first }) } : {}),
        ...(request.watch.progress ? { onProgress: (progress) => post({ type: 'progress', progress }) } : {}),
      })
    : opened;
  // A read cut short by the parse worker's end (its memory limit, a crash) fails for that reason, which the
  // calling thread hears from the parse worker itself; this thread would only know that its rows stopped.
  if (!result.ok) return post(parserEnded ? { type: 'parser-ended' } : { type: 'result', result });
  const { shipped, transfer } = ship(result.value);
  // Its lists in parts first, on their own port; then the head, with the moved arrays (import-parts.ts).
  const { head, parts } = partsOf(shipped);
  for (const part of parts) results.postMessage(part);
  post({ type: 'result', result: ok(head), parts: parts.length }, transfer);
}

async function run(): Promise<void> {
  const inbox = new Inbox<CallerCommand>();
  parentPort?.on('message', (m: CallerCommand) => inbox.put(m));
  const start = await started(inbox);
  if (start?.role !== 'check') return parse(start ?? { role: 'parse', request: null as never }, inbox);
  // The calling thread waits for the check worker's answer: a failure is one (a parse worker's failure ends
  // the worker, which the calling thread sees).
  await check(start).catch((e: unknown) => post({ type: 'failed', error: { code: 'INTERNAL', message: e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200) } }));
}

void run();
