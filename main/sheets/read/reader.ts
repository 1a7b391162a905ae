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
import type { CallerCommand, WorkerMessage } from './book-channel';
import { defaultLimits } from './limits';
import type { ReadLimits } from './limits';
import { readSheetInProcess, understandSource } from './read-pipeline';
import type { ReadRequest, SourceRequest } from './read-pipeline';
import type { ReadOptions, ReadWatchers, SheetImport } from './types';

export { readSheetInProcess };

export interface ReadSheetOptions extends ReadOptions, ReadWatchers {
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

const startWorker = (workerPath: string, heapMb: number, workerData: SourceRequest | null): Worker =>
  new Worker(workerPath, {
    workerData,
    // The bundle needs no loader: don't hand the worker this process's (tsx under the bench and tests).
    execArgv: workerPath.endsWith('.ts') ? ['--import', 'tsx'] : [],
    // A 16 MB young generation: the parser's garbage dies young either way, and the peak of the 100,000-row
    // read falls from about 300 MB (64 MB) to about 247 MB for no CPU time that the bench could tell apart.
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 },
  });

/** At most one worker per worker path, started before its read and waiting with exceljs loaded. */
const warm = new Map<string, { worker: Worker; heapMb: number; ready: Promise<void>; detach: () => void }>();

/**
 * Starts a read worker ahead of the next read (the app: when it starts), so that read's first rows do not
 * wait for the worker to load exceljs — a quarter of a second on a quiet machine, over a second on a busy
 * one. Resolves once the worker is ready (or gone: the read then starts a worker of its own). Once a read has
 * taken the warm worker, the next one is started when that read ends. Once ready it never keeps the process alive.
 */
export function warmReadWorker(workerPath: string, heapMb = 1024): Promise<void> {
  const known = warm.get(workerPath);
  if (known?.heapMb === heapMb) return known.ready;
  if (known) void known.worker.terminate();
  const worker = startWorker(workerPath, heapMb, null);
  let detach = () => undefined as void;
  const ready = new Promise<void>((resolve) => {
    const onMessage = (m: WorkerMessage) => {
      if (m.type !== 'ready') return;
      // Ready and waiting: from now on it never keeps the process alive (until a read takes it).
      worker.unref();
      resolve();
    };
    const onError = () => undefined; // a worker that fails here is simply not used
    const onExit = () => {
      if (warm.get(workerPath)?.worker === worker) warm.delete(workerPath);
      resolve();
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    // Only these: the Worker's own listeners (which ref its port for 'message' listeners) must stay.
    detach = () => worker.off('message', onMessage).off('error', onError).off('exit', onExit);
  });
  warm.set(workerPath, { worker, heapMb, ready, detach });
  return ready;
}

/** The warm worker for this read, given its file; or a new one. */
function workerFor(workerPath: string, heapMb: number, request: SourceRequest): { worker: Worker; wasWarm: boolean } {
  const spare = warm.get(workerPath);
  if (spare?.heapMb !== heapMb) return { worker: startWorker(workerPath, heapMb, request), wasWarm: false };
  warm.delete(workerPath);
  const { worker } = spare;
  spare.detach();
  worker.ref();
  worker.postMessage({ type: 'start', request } satisfies CallerCommand);
  return { worker, wasWarm: true };
}

async function readInWorker(absolute: string, workerPath: string, request: ReadRequest, heapMb: number): Promise<Result<SheetImport>> {
  const lang = request.lang ?? defaultLang;
  const timeoutMs = request.limits?.timeoutMs ?? defaultLimits.timeoutMs;
  const name = path.basename(absolute);
  const { worker, wasWarm } = workerFor(workerPath, heapMb, { path: absolute, lang: request.lang, limits: request.limits });
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
    if (wasWarm) void warmReadWorker(workerPath, heapMb);
  }
}
