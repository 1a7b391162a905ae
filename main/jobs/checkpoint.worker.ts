// The job store's WAL checkpoints, on a thread of their own (issue 18). SQLite's automatic checkpoint runs inside
// the commit that crosses ~1000 WAL pages, on the thread that commits: during a run that is the main thread, 4-7 ms
// (two fsyncs) every ~45 calls, with the four slots waiting. Here a connection of its own checkpoints PASSIVE (never
// waits for, nor blocks, the writer or a reader) whenever the -wal file was written since it last looked. Durability
// is the commits' own (WAL, synchronous FULL, the attempt committed before its request leaves): a checkpoint only
// copies committed pages into the database file, and a kill at any moment of it is SQLite's to recover.
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointReport, CheckpointRequest } from './checkpoint-messages';

const { file, everyMs } = workerData as CheckpointRequest;
const port = parentPort!;
const db = new Database(file, { fileMustExist: true });
// The checkpoint fsyncs the WAL before copying and the database file after, as the main connection's would.
db.pragma('synchronous = FULL');

/**
 * A file's modification time is coarse (Linux stamps it from a clock that moves once a jiffy, 1-10 ms; FAT
 * in steps of 2 s): a commit that ends just after a look can leave the time that look saw. So a time this
 * recent is looked at again on the next tick; only an older one counts as seen.
 */
const settledMs = 2000;
let seen = -1;
function tick(): void {
  let written: number;
  try {
    written = statSync(`${file}-wal`).mtimeMs;
  } catch {
    return; // No -wal file: nothing committed since the last connection closed.
  }
  if (written === seen) return;
  if (Date.now() - written > settledMs) seen = written;
  const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  port.postMessage({ kind: 'checkpointed', log: r?.log ?? 0, checkpointed: r?.checkpointed ?? 0 } satisfies CheckpointReport);
}

const timer = setInterval(() => {
  try {
    tick();
  } catch (e) {
    // A failing checkpoint (disk full, the file gone) ends this thread; the main connection checkpoints again itself.
    clearInterval(timer);
    db.close();
    port.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies CheckpointReport);
    port.close();
  }
}, everyMs);

port.on('message', (m: 'close') => {
  if (m !== 'close') return;
  clearInterval(timer);
  db.close();
  port.close();
});
port.postMessage({ kind: 'ready' } satisfies CheckpointReport);
