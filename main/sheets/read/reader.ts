// readSheet: the reader's front door. The file's side of the read (intake guards, parser) runs in a worker
// thread with memory limits and a time limit, so a 100,000-row sheet (or a hostile file) never blocks or
// takes down the caller; its rows stream (book-channel.ts) to the catalog's side (read-pipeline.ts
// understandSource: sheet choice, checks, orders). That runs in a second worker, the check worker, while the
// catalog holds only its built-in operations (check-channel.ts; the calling thread then only hears the
// first rows, the progress and the finished import), else here, a slice at a time, so the event loop keeps
// turning and an operation registered at runtime is understood. Without a worker path the whole read runs
// in-process.
import { MessageChannel, Worker } from 'node:worker_threads';
import type { MessagePort, Transferable } from 'node:worker_threads';
import { onlyBuiltIn } from '../../../shared/operations/catalog';
import path from 'node:path';
import { defaultLang, t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import { appError, err, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { remoteSource } from './book-channel';
import type { CallerCommand, WorkerMessage } from './book-channel';
import { unship } from './check-channel';
import type { CheckMessage, CheckRequest, ShippedImport, WorkerStart } from './check-channel';
import { assemble } from './import-parts';
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

type Role = WorkerStart['role'];

const startWorker = (workerPath: string, heapMb: number, workerData: WorkerStart | { warm: Role }, transferList?: Transferable[]): Worker =>
  new Worker(workerPath, {
    workerData,
    ...(transferList ? { transferList } : {}),
    // The bundle needs no loader: don't hand the worker this process's (tsx under the bench and tests).
    execArgv: workerPath.endsWith('.ts') ? ['--import', 'tsx'] : [],
    // A 16 MB young generation: the parser's garbage dies young either way, and the peak of the 100,000-row
    // read falls from about 300 MB (64 MB) to about 247 MB for no CPU time that the bench could tell apart.
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 },
  });

/** At most one worker per role and worker path, started before its read and waiting (a parse worker with exceljs loaded). */
const warm = new Map<string, { worker: Worker; heapMb: number; ready: Promise<void>; detach: () => void }>();
const warmKey = (role: Role, workerPath: string) => `${role}:${workerPath}`;

/** True when the catalog's side of a read runs in a check worker: the catalog holds only its built-in operations (check-channel.ts). */
export const checksInWorker = (): boolean => onlyBuiltIn();

/**
 * Starts the read workers ahead of the next read (the app: when it starts), so that read's first rows do not
 * wait for a worker to load exceljs — a quarter of a second on a quiet machine, over a second on a busy
 * one — nor for the check worker's start. Resolves once they are ready (or gone: the read then starts
 * workers of its own). Once a read has taken the warm workers, the next ones are started when that read
 * ends. Once ready they never keep the process alive.
 */
export function warmReadWorker(workerPath: string, heapMb = 1024): Promise<void> {
  const parse = warmOne('parse', workerPath, heapMb);
  if (!checksInWorker()) return parse;
  // Starting a worker costs this thread 5–10 ms: the second starts in a task of its own.
  const check = new Promise<void>((resolve) => setImmediate(() => resolve(warmOne('check', workerPath, heapMb))));
  return Promise.all([parse, check]).then(() => undefined);
}

function warmOne(role: Role, workerPath: string, heapMb: number): Promise<void> {
  const key = warmKey(role, workerPath);
  const known = warm.get(key);
  if (known?.heapMb === heapMb) return known.ready;
  if (known) void known.worker.terminate();
  const worker = startWorker(workerPath, heapMb, { warm: role });
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
      if (warm.get(key)?.worker === worker) warm.delete(key);
      resolve();
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    // Only these: the Worker's own listeners (which ref its port for 'message' listeners) must stay.
    detach = () => worker.off('message', onMessage).off('error', onError).off('exit', onExit);
  });
  warm.set(key, { worker, heapMb, ready, detach });
  return ready;
}

/** The warm worker of this role for this read, given its part; or a new one. */
function workerFor(workerPath: string, heapMb: number, start: WorkerStart): { worker: Worker; wasWarm: boolean } {
  const key = warmKey(start.role, workerPath);
  const ports = start.role === 'check' ? [start.port, start.results] : start.port ? [start.port] : [];
  const transfer = ports.length > 0 ? ports : undefined;
  const spare = warm.get(key);
  if (spare?.heapMb !== heapMb) return { worker: startWorker(workerPath, heapMb, start, transfer), wasWarm: false };
  warm.delete(key);
  const { worker } = spare;
  spare.detach();
  worker.ref();
  worker.postMessage({ type: 'start', start } satisfies CallerCommand, transfer);
  return { worker, wasWarm: true };
}

/** The worker's end before the read is understood, as the clerk's error: the time limit, its memory limit, a crash. */
function watchStops(workers: Worker[], name: string, lang: Lang, timeoutMs: number, stop: (result: Result<SheetImport>) => void): { done(): void } {
  let done = false;
  const timer = setTimeout(() => {
    const params = { file: name, seconds: Math.round(timeoutMs / 1000) };
    stop(err(appError('FILE_TOO_LARGE', t(lang, 'sheets.limit.timeout', params), params)));
  }, timeoutMs);
  for (const worker of workers) {
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') stop(err(appError('FILE_TOO_LARGE', t(lang, 'sheets.limit.memory', { file: name }), { file: name })));
      else stop(err(appError('INTERNAL', `read worker failed: ${e.message}`)));
    });
    worker.on('exit', (code) => {
      if (!done) stop(err(appError('INTERNAL', `read worker exited (${code}) without an answer`)));
    });
  }
  return {
    done() {
      done = true;
      clearTimeout(timer);
    },
  };
}

async function readInWorker(absolute: string, workerPath: string, request: ReadRequest, heapMb: number): Promise<Result<SheetImport>> {
  const lang = request.lang ?? defaultLang;
  const timeoutMs = request.limits?.timeoutMs ?? defaultLimits.timeoutMs;
  const name = path.basename(absolute);
  const source: SourceRequest = { path: absolute, lang: request.lang, limits: request.limits };
  const inWorker = checksInWorker();
  const channel = inWorker ? new MessageChannel() : null;
  const parser = workerFor(workerPath, heapMb, { role: 'parse', request: source, ...(channel ? { port: channel.port1 } : {}) });
  // The finished import's parts come on a port of their own (import-parts.ts).
  const results = channel ? new MessageChannel() : null;
  const checker = channel && results ? workerFor(workerPath, heapMb, { role: 'check', request: checkRequest(request), port: channel.port2, results: results.port2 }) : null;
  const over = new AbortController();
  const workers = checker ? [parser.worker, checker.worker] : [parser.worker];

  // When a worker stops first, nothing on this thread may wait for it any more.
  let died = () => undefined as void;
  let stop: (result: Result<SheetImport>) => void = () => undefined;
  const stopped = new Promise<Result<SheetImport>>((resolve) => (stop = (result) => (resolve(result), died())));
  const understood = checker && results ? checkedIn(checker.worker, request, results.port1, over.signal) : understoodHere(parser.worker, request, (d) => (died = d));
  const watch = watchStops(workers, name, lang, timeoutMs, (r) => stop(r));
  try {
    return await Promise.race([understood, stopped]);
  } finally {
    watch.done();
    over.abort();
    results?.port1.close();
    for (const w of workers) void w.terminate();
    // Not in the task that hands over the result: starting a worker costs this thread 5–10 ms.
    if (parser.wasWarm || checker?.wasWarm) setImmediate(() => void warmReadWorker(workerPath, heapMb));
  }
}

const checkRequest = ({ onFirstRows, onProgress, ...rest }: ReadRequest): CheckRequest => ({ ...rest, watch: { first: onFirstRows !== undefined, progress: onProgress !== undefined } });

/** The catalog's side on this thread, over the parse worker's rows; `whenDied` is given what to do when the worker stops first. */
function understoodHere(worker: Worker, request: ReadRequest, whenDied: (died: () => void) => void): Promise<Result<SheetImport>> {
  const remote = remoteSource((c) => worker.postMessage(c));
  worker.on('message', (m: WorkerMessage) => remote.take(m));
  whenDied(() => remote.died());
  return remote.opened.then((opened) => (opened.ok ? understandSource(opened.value, request) : opened));
}

/** The catalog's side in the check worker: its first rows and progress told here, its import put together (`parts` from `results`) and wrapped again. */
function checkedIn(worker: Worker, request: ReadRequest, results: MessagePort, over: AbortSignal): Promise<Result<SheetImport>> {
  return new Promise((resolve) => {
    worker.on('message', (m: CheckMessage) => {
      if (m.type === 'first') request.onFirstRows?.(m.first);
      else if (m.type === 'progress') request.onProgress?.(m.progress);
      else if (m.type === 'failed') resolve(err(m.error));
      // 'parser-ended' too: the parse worker's own end (watchStops) is the read's answer.
      else if (m.type !== 'result') return;
      else if (!m.result.ok) resolve(m.result);
      else {
        assemble(m.result.value, m.parts ?? 0, results, over).then(
          (whole) => whole && resolve(unshipped(whole)),
          (e: unknown) => resolve(err(appError('INTERNAL', `read worker's import could not be put together: ${e instanceof Error ? e.message : String(e)}`))),
        );
      }
    });
  });
}

/** The check worker's import on this thread; never a throw in a message handler (the catalog may have changed meanwhile). */
function unshipped(shipped: ShippedImport): Result<SheetImport> {
  try {
    return ok(unship(shipped));
  } catch (e) {
    return err(appError('INTERNAL', `read worker answered what this thread cannot take: ${e instanceof Error ? e.message : String(e)}`));
  }
}
