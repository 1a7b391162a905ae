// A little disk space kept aside beside the job store (`jobs.sqlite-reserve`). When the disk fills up
// mid-job, the engine gives it back so that the job's interruption and the release of its lease can
// still be committed: the store then says `interrupted` and why, not a `running` nobody runs. The
// reserve is laid down again whenever the store is opened with room for it.
import { closeSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';

/** Room for a few WAL frames (state, lease) and the log line that tells the failure. */
export const reserveBytes = 128 * 1024;

export const reserveFile = (databaseFile: string): string => `${databaseFile}-reserve`;

/** Lays the reserve down when it is missing or short; on a disk too full for it, goes on without (never throws). */
export function keepReserve(databaseFile: string): boolean {
  const file = reserveFile(databaseFile);
  try {
    if (statSync(file).size >= reserveBytes) return true;
  } catch {
    // missing: written below
  }
  let fd: number | null = null;
  try {
    fd = openSync(file, 'w', 0o600);
    // Real bytes, not a sparse file: the space must be allocated now to be given back later.
    const chunk = Buffer.alloc(16 * 1024);
    for (let written = 0; written < reserveBytes; written += chunk.length) writeSync(fd, chunk);
    return true;
  } catch {
    if (fd !== null) closeSync(fd);
    fd = null;
    spendReserve(databaseFile);
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Gives the reserve back to the disk; false when there was none. */
export function spendReserve(databaseFile: string): boolean {
  try {
    unlinkSync(reserveFile(databaseFile));
    return true;
  } catch {
    return false;
  }
}
