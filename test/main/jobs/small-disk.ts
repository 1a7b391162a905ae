// A real small filesystem for the "disk full" tests: a tmpfs mounted on a temp folder (the tests run as
// root), filled to the last byte by one ballast file. SQLite then meets ENOSPC exactly as on a full disk.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Mounts a tmpfs of `size` (e.g. '1m') on `folder` (created); returns the unmount. 2 MB: the store's own
 * tables (migration 5 added the master-data copy's) and, once the ballast is gone, a resume still fit.
 */
export function mountSmallDisk(folder: string, size = '2m'): () => void {
  mkdirSync(folder, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder]);
  return () => execFileSync('umount', ['--lazy', folder]);
}

/** Fills the filesystem of `folder` until the OS says ENOSPC; returns the ballast file to delete to free it. */
export function fillDisk(folder: string): string {
  const file = path.join(folder, 'ballast.bin');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return file;
}
