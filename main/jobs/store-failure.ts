// When the job store itself fails (disk full, folder unwritable, a damaged file, a file from a newer
// build): the failure is told by SQLite's result code or the OS's errno, never by message text, and
// becomes one typed STORE_FAILED error that names the data folder, the reason and what to do.
import Database from 'better-sqlite3';
import path from 'node:path';
import { render, type Lang, type LocalizedText } from '../../shared/i18n';
import { appError, type AppError } from '../../shared/result';

export type StoreFailureReason = 'full' | 'readOnly' | 'corrupt' | 'busy' | 'io' | 'newer';

/** A refusal of our own: the store cannot be used as it is (today: a schema newer than this build knows). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly reason: StoreFailureReason,
    readonly folder: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`job store in ${folder}: ${reason} ${JSON.stringify(params)}`);
  }
}

// SQLite's primary result codes (extended ones like SQLITE_IOERR_WRITE carry the primary as prefix).
const sqliteReasons: [prefix: string, reason: StoreFailureReason][] = [
  ['SQLITE_FULL', 'full'],
  ['SQLITE_READONLY', 'readOnly'],
  ['SQLITE_CANTOPEN', 'readOnly'],
  ['SQLITE_PERM', 'readOnly'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_NOTADB', 'corrupt'],
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_IOERR', 'io'],
];
const errnoReasons: Record<string, StoreFailureReason> = { ENOSPC: 'full', EDQUOT: 'full', EACCES: 'readOnly', EPERM: 'readOnly', EROFS: 'readOnly', EIO: 'io' };

const inside = (file: string, folder: string) => {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** What failed, when `error` is the store's (a SQLite error, or an OS error on a path in the data folder); null for anything else. */
export function storeFailureOf(error: unknown, folder: string): StoreError | null {
  if (error instanceof StoreError) return error;
  if (error instanceof Database.SqliteError) {
    const found = sqliteReasons.find(([prefix]) => error.code === prefix || error.code.startsWith(`${prefix}_`));
    return new StoreError(found?.[1] ?? 'io', folder, { code: error.code });
  }
  const e = error as NodeJS.ErrnoException | null;
  if (e && typeof e.code === 'string' && typeof e.path === 'string' && inside(path.resolve(e.path), path.resolve(folder))) {
    const reason = errnoReasons[e.code];
    if (reason) return new StoreError(reason, folder, { code: e.code });
  }
  return null;
}

/** The job's interruption reason, kept in the store when it can still be written. */
export const storeFailureText = (f: StoreError): LocalizedText => ({ key: `jobs.store.${f.reason}`, params: { folder: f.folder, ...f.params } });

export const storeAppError = (f: StoreError, lang: Lang): AppError =>
  appError('STORE_FAILED', render(lang, storeFailureText(f)), { folder: f.folder, reason: f.reason, ...f.params });

/** The data folder of an open store (better-sqlite3 keeps the file name it was opened with). */
export const storeFolder = (db: Database.Database): string => path.dirname(path.resolve(db.name));
