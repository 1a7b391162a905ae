// Opening a zip and listing its directory (the guard and the parser both walk it by hand), and one zip
// entry's bytes, inflated by zlib in chunks of the size the reader asks for. yauzl inflates with
// zlib's default 16 KB chunks: each chunk is a turn of the event loop, so two entries read at once in one
// thread (the zip guard's pass and the parser) advance in lockstep, and the guard's scan, which needs far
// less work per byte, would finish only when the parser does. Bigger chunks let the scan run ahead.
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

/** Deflate, the method every .xlsx uses; anything else goes through yauzl (which refuses what it cannot read). */
const deflated = 8;

export function openInflated(zip: ZipFile, entry: Entry, chunkSize: number): Promise<Readable> {
  const raw = entry.compressionMethod === deflated && !entry.isEncrypted();
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, raw ? { decodeFileData: false } : {}, (e, stream) => {
      if (e || !stream) return reject(e ?? new Error('no stream'));
      if (!raw) return resolve(stream);
      const inflate = createInflateRaw({ chunkSize });
      // pipeline destroys the file stream when the reader destroys the inflated one, and forwards errors.
      pipeline(stream, inflate, () => undefined);
      resolve(inflate);
    }),
  );
}

/**
 * Opens a zip to walk its directory by hand. The guard inflates without yauzl's size check (it counts
 * bytes itself, to name the limit it refuses with); the parser's reads pass `validateEntrySizes`.
 */
export const openZip = (path: string, validateEntrySizes = false): Promise<ZipFile> =>
  new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes, strictFileNames: false }, (e, zip) =>
      e || !zip ? reject(e ?? new Error('no zip')) : resolve(zip),
    ),
  );

/** Every entry of the central directory, before anything is inflated. */
export function readDirectory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('error', reject);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}
