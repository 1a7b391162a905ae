// Writing a file so that a crash, a full disk or a thrown error leaves either the old file or the complete
// new one, never a torn one: write a temporary file in the same folder (same file system, so the rename is
// atomic), flush it to disk, rename it over the target, then flush the folder entry where the OS allows it.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { hostTag, sweepStaleTemps } from './stale-temps';

/**
 * A temporary name beside `target`: hidden, unique, and recognisably ours if a crash leaves it behind —
 * the writer's pid and computer are in it, so the next write can tell a dead write (stale-temps.ts).
 */
export const tempPathFor = (target: string): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${hostTag()}.${randomBytes(4).toString('hex')}.tmp`);

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; there the rename itself is what NTFS journals.
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the file itself is already on disk.
  } finally {
    await handle?.close();
  }
}

/**
 * Gives `write` a stream into a temporary file beside `target`; when it resolves, and the stream has been
 * ended and flushed, the file is fsynced and renamed over `target`. On any failure the temporary file is
 * removed, `target` is untouched, and the error is rethrown. Resolves to the absolute path written.
 * `write` must end the stream (exceljs's WorkbookWriter.commit() does).
 */
export async function safeWrite(target: string, write: (stream: Writable) => Promise<void>): Promise<string> {
  const absolute = path.resolve(target);
  // What a killed write left here goes first, so hidden half-files never pile up beside the clerk's sheets.
  await sweepStaleTemps(path.dirname(absolute));
  const temp = tempPathFor(absolute);
  // `flush`: the file descriptor is fsynced before it is closed, so the bytes are on disk before the rename.
  const stream = createWriteStream(temp, { flags: 'wx', flush: true });
  try {
    // A failure of the file stream (disk full…) rejects even if `write` never looks at it; `finished`
    // waits for the close, which comes after the fsync.
    await Promise.all([write(stream), finished(stream)]);
    await rename(temp, absolute);
    await syncFolder(path.dirname(absolute));
    return absolute;
  } catch (e) {
    stream.destroy();
    await finished(stream).catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
}
