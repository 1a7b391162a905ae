// Worker-thread entry: the file's side of the read, off the calling thread (bundled to
// out/node/read-worker.cjs; under vitest the .ts runs through tsx). It starts loading exceljs while the
// intake guards run, opens the file once they passed, and streams its rows to the caller as asked
// (book-channel.ts). The catalog's work — which sheet and operation, checks, orders — is the caller's
// (read-pipeline.ts understandSource). Worker code imports no services (eslint.config.js).
import { parentPort, workerData } from 'node:worker_threads';
import { Inbox, serveSource } from './book-channel';
import type { CallerCommand, WorkerMessage } from './book-channel';
import { openSource, sourceRequestSchema } from './read-pipeline';
import { preloadXlsx } from './xlsx-source';

const post = (m: WorkerMessage) => parentPort?.postMessage(m);

async function run(): Promise<void> {
  const inbox = new Inbox<CallerCommand>();
  parentPort?.on('message', (m: CallerCommand) => inbox.put(m));
  const request = sourceRequestSchema.safeParse(workerData);
  if (!request.success) {
    post({ type: 'opened', result: { ok: false, error: { code: 'INVALID_ARGUMENT', message: request.error.message } } });
    return;
  }
  preloadXlsx().catch(() => undefined); // a failure to load shows where the workbook is opened
  const opened = await openSource(request.data);
  if (!opened.ok) {
    post({ type: 'opened', result: opened });
    return;
  }
  await serveSource(opened.value, inbox, post);
}

void run();
