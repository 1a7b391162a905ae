// readSheet: the reader's front door. The file's side of the read (intake guards, parser) runs in a worker
// thread with memory limits and a time limit, so a 100,000-row sheet (or a hostile file) never blocks or
// takes down the caller; its rows stream back (book-channel.ts) and the catalog's work runs here, a slice
// at a time (read-pipeline.ts understandSource), so the event loop keeps turning and an operation
// registered at runtime is understood. Without a worker path the whole read runs in-process.
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { defaultLang, t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import { appError, err } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { remoteSource } from './book-channel';
import type { WorkerMessage } from './book-channel';
import { defaultLimits } from './limits';
import type { ReadLimits } from './limits';
import { readSheetInProcess, understandSource } from './read-pipeline';
import type { ReadRequest, SourceRequest } from './read-pipeline';
import type { ReadOptions, SheetImport } from './types';

export { readSheetInProcess };

export interface ReadSheetOptions extends ReadOptions {
  /** The bundled worker (out/node/read-worker.cjs), or main/sheets/read/read.worker.ts under tsx. Without it the read runs in-process. */
  workerPath?: string;
  lang?: Lang;
  limits?: Partial<ReadLimits>;
  /** Heap ceiling of the worker, in MB. */
  workerHeapMb?: number;
}

export async function readSheet(filePath: string, options: ReadSheetOptions = {}): Promise<Result<SheetImport>> {
  const { workerPath, workerHeapMb, ...request } = options;
  const absolute = path.resolve(filePath);
  if (!workerPath) return readSheetInProcess(absolute, request);
  return readInWorker(absolute, workerPath, request, workerHeapMb ?? 1024);
}

async function readInWorker(absolute: string, workerPath: string, request: ReadRequest, heapMb: number): Promise<Result<SheetImport>> {
  const lang = request.lang ?? defaultLang;
  const timeoutMs = request.limits?.timeoutMs ?? defaultLimits.timeoutMs;
  const name = path.basename(absolute);
  const workerData: SourceRequest = { path: absolute, lang: request.lang, limits: request.limits };
  const worker = new Worker(workerPath, {
    workerData,
    // The bundle needs no loader: don't hand the worker this process's (tsx under the bench and tests).
    execArgv: workerPath.endsWith('.ts') ? ['--import', 'tsx'] : [],
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 },
  });
  const remote = remoteSource((c) => worker.postMessage(c));
  worker.on('message', (m: WorkerMessage) => remote.take(m));

  let timer: NodeJS.Timeout | undefined;
  let done = false;
  // The worker's end, when it comes before the read is understood: the time limit, its memory limit, a crash.
  const stopped = new Promise<Result<SheetImport>>((resolve) => {
    const stop = (result: Result<SheetImport>) => {
      resolve(result);
      remote.died();
    };
    timer = setTimeout(() => {
      const params = { file: name, seconds: Math.round(timeoutMs / 1000) };
      stop(err(appError('FILE_TOO_LARGE', t(lang, 'sheets.limit.timeout', params), params)));
    }, timeoutMs);
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') stop(err(appError('FILE_TOO_LARGE', t(lang, 'sheets.limit.memory', { file: name }), { file: name })));
      else stop(err(appError('INTERNAL', `read worker failed: ${e.message}`)));
    });
    worker.on('exit', (code) => {
      if (!done) stop(err(appError('INTERNAL', `read worker exited (${code}) without an answer`)));
    });
  });
  const understood = remote.opened.then((opened) => (opened.ok ? understandSource(opened.value, request) : opened));
  try {
    return await Promise.race([understood, stopped]);
  } finally {
    done = true;
    clearTimeout(timer);
    void worker.terminate();
  }
}
