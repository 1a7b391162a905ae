// Worker-thread entry: runs the whole read off the main thread (the UI never waits) and posts back one
// Result. Bundled to out/node/read-worker.cjs; under vitest the .ts runs through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { readRequestSchema, readSheetInProcess } from './read-pipeline';

async function main(): Promise<void> {
  const parsed = readRequestSchema.safeParse(workerData);
  if (!parsed.success) {
    parentPort?.postMessage({ ok: false, error: { code: 'INVALID_ARGUMENT', message: parsed.error.message } });
    return;
  }
  const { path, ...request } = parsed.data;
  const result = await readSheetInProcess(path, request);
  parentPort?.postMessage(result);
}

void main();
