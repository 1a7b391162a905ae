// Starts the job store's checkpoint thread (checkpoint.worker.ts) beside a connection, and turns that connection's
// automatic checkpoint off once the thread has its own connection open; if the thread cannot start, fails or ends,
// the connection checkpoints by itself again (SQLite's default), so the WAL never grows without bound.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../effects';
import type { CheckpointReport, CheckpointRequest } from './checkpoint-messages';
import type { JobDatabase } from './database';

export const checkpointWorkerFile = 'checkpoint-worker.cjs';
/** SQLite's default: a checkpoint inside the commit that takes the WAL past this many pages. */
const sqliteAutoCheckpoint = 1000;
/**
 * How often the thread looks whether the WAL was written. A run at 100 calls a second writes ~3 MB a second, so the
 * WAL stays under ~6 MB beyond what a checkpoint leaves; fewer, larger checkpoints copy a page touched by many calls
 * once (jobs bench, load ~3.5: client work a call 1.18 / 1.50 ms at every second, 0.91 / 1.25 at every 4 s, against
 * 1.04-1.36 with SQLite's own; noise ±0.3 ms).
 */
const everyMs = 2000;
const keptReports = 64;

/**
 * The bundled thread in a folder of bundles (scripts/build-node.mjs puts it in out/node, as the read worker),
 * or undefined when it is not built there: the connection then checkpoints by itself. Services created without
 * one (tests from sources) checkpoint as SQLite does. No `__dirname` here: this file is in the Electron main
 * bundle, an ES module, where electron-vite's CommonJS shim would be placed by a regex that text in our
 * strings can fool.
 */
export function checkpointWorkerIn(dir: string): string | undefined {
  const file = path.join(dir, checkpointWorkerFile);
  return existsSync(file) ? file : undefined;
}

/** The thread bundled beside a front end's read worker (the Electron app, the CLI, the test host), if any. */
export const checkpointWorkerBeside = (readWorker: string | undefined): string | undefined => (readWorker ? checkpointWorkerIn(path.dirname(readWorker)) : undefined);

export class Checkpointer {
  private closing: Promise<void> | null = null;
  private ended = false;
  /** The latest checkpoints the thread ran (tests, benches); a few, as the app may run for days. */
  readonly reports: Extract<CheckpointReport, { kind: 'checkpointed' }>[] = [];
  /** Resolves true once the thread checkpoints for this connection, false if it never will (it failed or ended first). */
  readonly ready: Promise<boolean>;
  private settleReady: (taken: boolean) => void = () => {};

  private constructor(
    private readonly db: JobDatabase,
    private readonly worker: Worker,
    private readonly logger?: Logger,
  ) {
    this.ready = new Promise((resolve) => (this.settleReady = resolve));
    worker.unref();
    worker.on('message', (m: CheckpointReport) => {
      if (m.kind === 'checkpointed') {
        if (this.reports.length >= keptReports) this.reports.shift();
        this.reports.push(m);
      }
      else if (m.kind === 'failed') this.fallBack(m.message);
      else if (!this.ended) {
        // The thread's connection is open: from now on it checkpoints, this connection's commits no longer do.
        this.setAuto(0);
        this.settleReady(true);
      }
    });
    worker.on('error', (e) => this.fallBack(e.message));
    worker.on('exit', () => this.fallBack(null));
  }

  /** The thread for `db` (a file-backed connection), or null when there is no bundled thread to start. */
  static start(db: JobDatabase, options: { workerPath: string | undefined; logger?: Logger; everyMs?: number }): Checkpointer | null {
    const file = options.workerPath;
    if (!file || db.memory) return null;
    const request: CheckpointRequest = { file: db.name, everyMs: options.everyMs ?? everyMs };
    // A bundled .cjs needs none of the parent's flags (a --import tsx loader would cost the thread ~0.25 s of CPU to start).
    return new Checkpointer(db, new Worker(file, { workerData: request, execArgv: [] }), options.logger);
  }

  /** Stops the thread (its connection closed first) and gives the connection its own checkpoints back. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.ended) return resolve();
      this.worker.once('exit', () => resolve());
      // Unref'd, the thread would not keep the process alive until it has closed its connection and exited.
      this.worker.ref();
      this.worker.postMessage('close');
    });
    return this.closing;
  }

  private setAuto(pages: number): void {
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${pages}`);
  }

  private fallBack(reason: string | null): void {
    if (this.ended) return;
    this.ended = true;
    this.settleReady(false);
    this.setAuto(sqliteAutoCheckpoint);
    if (reason !== null) this.logger?.warn('checkpoint thread failed; the job store checkpoints by itself', { reason });
  }
}
