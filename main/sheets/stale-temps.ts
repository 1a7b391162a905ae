// Temporary files a killed workbook write left behind (safe-write.ts names them
// `.<target>.<pid>-<host>.<random>.tmp`): swept from a folder before the next write to it. Only ours
// are touched, and only when provably stale: written on this computer by a process that no longer
// exists, or by this very pid before this process started (the pid was reused after a reboot). A
// file from another computer sharing the folder (a network drive) goes only when a day old.
import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A short, stable tag of this computer, so another computer's writes in a shared folder are told apart. */
export const hostTag = (host = os.hostname()): string => createHash('sha256').update(host).digest('hex').slice(0, 6);

const tempName = /^\..+\.(\d+)-([0-9a-f]{6})\.[0-9a-f]{8}\.tmp$/;
const foreignMaxAgeMs = 24 * 60 * 60 * 1000;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a temp file of ours named `name`, last written at `mtimeMs`, can no longer be finished by anyone. */
export function isStaleTemp(name: string, mtimeMs: number, now = Date.now()): boolean {
  const m = tempName.exec(name);
  if (!m) return false;
  const pid = Number(m[1]);
  if (m[2] !== hostTag()) return now - mtimeMs > foreignMaxAgeMs;
  if (pid === process.pid) return mtimeMs < now - process.uptime() * 1000;
  return !pidAlive(pid);
}

/** Removes the stale temp files of `folder`; returns their names. Never throws: a sweep must not stop a write. */
export async function sweepStaleTemps(folder: string): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => tempName.test(n));
  } catch {
    return removed;
  }
  for (const name of names) {
    const file = path.join(folder, name);
    try {
      const info = await stat(file);
      if (!info.isFile() || !isStaleTemp(name, info.mtimeMs)) continue;
      await rm(file, { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
