// The job store's SQLite file: opened with the durability the product promises, migrated by number.
// better-sqlite3 defaults WAL to synchronous=NORMAL, which can lose the last commits on power loss;
// we set FULL and check it took, because "a pulled cable never loses a row" depends on it.
import Database from 'better-sqlite3';
import { closeSync, openSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ensurePrivateFolder, privateFileMode, tightenFiles } from '../paths';
import { migrations, type Migration } from './migrations';
import { StoreError, storeFolder } from './store-failure';
import { keepReserve } from './store-reserve';

export type JobDatabase = Database.Database;

export interface OpenOptions {
  /** Migrations to apply (tests pass a prefix of the list to check upgrades). */
  migrations?: readonly Migration[];
}

/** Opens (creating if needed) and migrates the job store; throws when the file cannot give us durability. */
export function openJobDatabase(file: string, options: OpenOptions = {}): JobDatabase {
  ensurePrivateFolder(path.dirname(file));
  // SQLite creates the file 0644 and gives -wal/-shm the main file's mode: create it 0600 first.
  closeSync(openSync(file, 'a', privateFileMode));
  tightenFiles(file, `${file}-wal`, `${file}-shm`);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Another process (the app and the CLI share the file) may hold the write lock briefly.
    db.pragma('busy_timeout = 10000');
    assertDurable(db);
    migrate(db, options.migrations ?? migrations);
    keepReserve(file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** WAL + synchronous FULL (2) + foreign keys, or an exception: never run on weaker settings silently. */
export function assertDurable(db: JobDatabase): void {
  const mode = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  const sync = Number(db.pragma('synchronous', { simple: true }));
  const fk = Number(db.pragma('foreign_keys', { simple: true }));
  if (mode !== 'wal') throw new Error(`job store: journal_mode is ${mode}, expected wal`);
  if (sync !== 2) throw new Error(`job store: synchronous is ${sync}, expected 2 (FULL)`);
  if (fk !== 1) throw new Error('job store: foreign_keys is off');
}

/** Applies the migrations above user_version, each in its own BEGIN IMMEDIATE transaction. */
export function migrate(db: JobDatabase, list: readonly Migration[]): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  const newest = list.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > newest) {
    // Never touch a newer schema: this build cannot know what its tables mean. A typed refusal (exit 5), not a crash.
    throw new StoreError('newer', storeFolder(db), { found: current, known: newest });
  }
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    immediate(db, () => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
}

/** Runs fn in a BEGIN IMMEDIATE transaction (takes the write lock up front: no upgrade deadlocks). */
export function immediate<T>(db: JobDatabase, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * Runs fn in a BEGIN IMMEDIATE transaction committed without an fsync (synchronous NORMAL for this one commit):
 * the WAL frames reach the OS, so a killed process keeps them, and the next commit under FULL syncs them to disk
 * with its own. Only for writes whose loss in a power cut the store recovers from (job-store.ts says which).
 */
export function unsynced<T>(db: JobDatabase, fn: () => T): T {
  const sync = syncPragmas(db);
  sync.normal.run();
  try {
    return immediate(db, fn);
  } finally {
    sync.full.run();
  }
}

/** The two pragma statements `unsynced` runs around every commit, prepared once per connection (db.pragma prepares anew each time). */
const syncStatements = new WeakMap<JobDatabase, { normal: Database.Statement; full: Database.Statement }>();
function syncPragmas(db: JobDatabase): { normal: Database.Statement; full: Database.Statement } {
  let got = syncStatements.get(db);
  if (!got) syncStatements.set(db, (got = { normal: db.prepare('PRAGMA synchronous = NORMAL'), full: db.prepare('PRAGMA synchronous = FULL') }));
  return got;
}

/**
 * Syncs to disk what the store has committed so far — what a commit under synchronous FULL does at once — on the
 * thread pool, so the event loop goes on meanwhile. In WAL mode every commit is frames appended to the -wal
 * file (which lives as long as a connection is open), so an fdatasync of that file makes them all durable.
 */
export async function syncCommitted(db: JobDatabase): Promise<void> {
  const wal = await open(`${db.name}-wal`, 'r+');
  try {
    await wal.datasync();
  } finally {
    await wal.close();
  }
}

/**
 * syncCommitted for a run: one handle on the -wal file, opened at the first sync and closed when the run ends,
 * instead of an open and a close around every fdatasync (two more trips to the thread pool per call, and
 * ~0.1-0.3 ms of main-thread work each on the loaded build machine). The -wal file keeps its inode while this
 * connection is open (SQLite deletes it only when the last connection closes; a reset or truncate keeps it).
 */
export class WalSync {
  private handle: Promise<FileHandle> | null = null;
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: JobDatabase) {}

  sync(): Promise<void> {
    const handle = (this.handle ??= open(`${this.db.name}-wal`, 'r+'));
    // A failed open is not kept: this sync fails (the store failed), a later one tries again.
    handle.catch(() => {
      if (this.handle === handle) this.handle = null;
    });
    const done = handle.then((h) => h.datasync());
    this.last = done.catch(() => {});
    return done;
  }

  /** Waits for the syncs under way, then closes the handle. */
  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await this.last;
    if (handle) await handle.then((h) => h.close(), () => {});
  }
}
