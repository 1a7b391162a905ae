// Zip-bomb guard: runs before exceljs sees a workbook. First the whole central directory (entry count,
// declared sizes, ratios), then every entry is really inflated with a running byte cap, because the
// directory can lie. The few small XML parts the reader needs are inflated (and kept) before anything
// else; the rest, worksheets included, is inflated in the background while the parser already reads, so
// the guard costs the read no time of its own. That pass also finds each worksheet's merged ranges, which
// exceljs's streaming reader does not report and which sit after the rows: the reader holds back a sheet's
// rows until its merges are known (the scan inflates far faster than the parser parses), parsing only its
// first rows meanwhile, for a provisional preview (xlsx-source.ts; the parser's own inflation is held to the
// declared sizes this guard passed). A refusal from
// the background pass wins over whatever the read produced (read-pipeline.ts waits for it).
import type { Entry, ZipFile } from 'yauzl';
import { appError, err, ok } from '../../../shared/result';
import type { AppError, Result } from '../../../shared/result';
import { t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import { mib, ratioFloorBytes } from './limits';
import type { ReadLimits } from './limits';
import { openInflated, openZip, readDirectory } from './zip-read';

export interface ZipFacts {
  /** Entry names in directory order. */
  entries: string[];
  /** Small parts kept as text: [Content_Types].xml, xl/workbook.xml, xl/_rels/workbook.xml.rels. */
  parts: Map<string, string>;
  /** A worksheet entry's merged ranges and dimension, once the background pass has inflated it; rejects with a GuardFailure. */
  sheetScan(entry: string): Promise<SheetScan>;
  /** A worksheet's last row as far as the background pass has inflated it (a lower bound while it runs); null before. */
  sheetSoFar(entry: string): number | null;
  /** The background pass: null once every entry inflated within the limits, else the refusal. Never rejects. */
  rest: Promise<AppError | null>;
}

/** What the guard's pass finds in a worksheet that exceljs's streaming reader does not report. */
export interface SheetScan {
  /** Merged ranges ("A2:A4"). */
  ranges: string[];
  /**
   * Its last row: the larger of its `<dimension ref="A1:L100001">` (the writer's word, which may be stale) and
   * its last `<row r="…">` as seen (a writer may leave the dimension out: exceljs's streaming writer does);
   * null when neither is there. An estimate, for a progress bar and the size of the reader's packed rows.
   */
  lastRow: number | null;
}

/** The background pass refused the file: carried through the parser's stream of rows as an exception. */
export class GuardFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

const noScan: SheetScan = { ranges: [], lastRow: null };
const keptParts = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
const maxPartBytes = 16 * 1024 * 1024;
const worksheetEntry = /^xl\/worksheets\/[^/]+\.xml$/;

class Refusal extends Error {
  constructor(readonly key: 'entries' | 'total' | 'ratio', readonly entry: string) {
    super(key);
  }
}

/** Inflated chunks of 1 MB: the pass keeps ahead of the parser when both run in one thread (zip-read.ts). */
const chunkBytes = 1024 * 1024;

/**
 * Finds `ref="…"` of every mergeCell once the mergeCells element has started (it sits after sheetData).
 * Until then each chunk is only searched: the marker is looked for across a chunk boundary in the few bytes
 * around it, never by copying the chunk (44 MB of worksheet go through here).
 */
export class MergeScanner {
  private tail = Buffer.alloc(0);
  private head: string | null = null;
  private section: Buffer[] = [];
  private sectionBytes = 0;
  private rowSeen: number | null = null;
  private static readonly marker = Buffer.from('mergeCells');

  push(chunk: Buffer): void {
    // The dimension sits before sheetData, in the first few hundred bytes.
    if (this.head === null || this.head.length < 4096) this.head = (this.head ?? '') + chunk.subarray(0, 4096).toString('latin1');
    if (this.sectionBytes === 0) this.rowSeen = lastRowIn(chunk) ?? this.rowSeen;
    if (this.sectionBytes > 0) {
      if (this.sectionBytes < maxPartBytes) {
        this.section.push(chunk);
        this.sectionBytes += chunk.length;
      }
      return;
    }
    const reach = MergeScanner.marker.length - 1;
    const seam = Buffer.concat([this.tail, chunk.subarray(0, reach)]);
    const atSeam = this.tail.length > 0 ? seam.indexOf(MergeScanner.marker) : -1;
    if (atSeam >= 0) return this.begin(Buffer.concat([seam.subarray(atSeam), chunk.subarray(reach)]));
    const at = chunk.indexOf(MergeScanner.marker);
    if (at >= 0) return this.begin(chunk.subarray(at));
    const last = chunk.length >= reach ? chunk : seam; // a chunk shorter than the marker extends the tail
    this.tail = Buffer.from(last.subarray(Math.max(0, last.length - reach)));
  }

  private begin(from: Buffer): void {
    this.section.push(from);
    this.sectionBytes = Math.max(1, from.length);
  }

  /** The sheet's last row as far as the scan has come (SheetScan.lastRow once it is through). */
  lastRow(): number | null {
    const dimension = /<(?:\w+:)?dimension\s[^>]*?ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(this.head ?? '');
    const declared = dimension?.[1] ? Number(dimension[1]) : null;
    return declared === null ? this.rowSeen : Math.max(declared, this.rowSeen ?? 0);
  }

  result(): SheetScan {
    const lastRow = this.lastRow();
    if (this.sectionBytes === 0) return { ranges: [], lastRow };
    const text = Buffer.concat(this.section).toString('latin1');
    return { ranges: [...text.matchAll(/<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+\d+:[A-Z]+\d+)"/g)].map((m) => m[1] as string), lastRow };
  }
}

const rowMarker = Buffer.from('row r="');
const [lt, colon, quote, zero, nine] = ['<', ':', '"', '0', '9'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number];

/**
 * The number of the last `<row r="…">` (or `<x:row r="…">`) wholly within the chunk, searched from its end:
 * a few hundred bytes a chunk. A row element cut by the chunk's end is not counted (an estimate may be one short).
 */
export function lastRowIn(chunk: Buffer): number | null {
  for (let at = chunk.lastIndexOf(rowMarker); at > 0; at = chunk.lastIndexOf(rowMarker, at - 1)) {
    const before = chunk[at - 1];
    if (before !== lt && before !== colon) continue;
    let n = 0;
    let i = at + rowMarker.length;
    for (; i < chunk.length && (chunk[i] as number) >= zero && (chunk[i] as number) <= nine; i++) n = n * 10 + (chunk[i] as number) - zero;
    if (i < chunk.length && chunk[i] === quote && i > at + rowMarker.length) return n;
  }
  return null;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(e: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may ever ask for a sheet's merges (a sheet that is not read): its failure must not go unhandled.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Checks the directory and inflates the small parts within the limits, then starts inflating the rest
 * (ZipFacts.rest). A refusal names the limit; a broken zip is FILE_UNREADABLE.
 */
export async function guardZip(path: string, fileName: string, limits: ReadLimits, lang: Lang): Promise<Result<ZipFacts>> {
  const corrupt = () => appError('FILE_UNREADABLE', t(lang, 'sheets.file.corruptZip', { file: fileName }), { file: fileName });
  const failure = (e: unknown): AppError => (e instanceof Refusal ? refusal(e, fileName, limits, lang) : corrupt());
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    return err(corrupt());
  }
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close();
    return err(refusal(new Refusal('entries', ''), fileName, limits, lang));
  }
  let directory: Entry[];
  try {
    directory = await readDirectory(zip);
    // The declared sizes, all of them, before a byte is inflated.
    let declared = 0;
    for (const entry of directory) {
      if (entry.fileName.endsWith('/')) continue;
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) throw new Refusal('total', entry.fileName);
      if (entry.uncompressedSize > ratioFloorBytes && entry.uncompressedSize > limits.maxCompressionRatio * Math.max(1, entry.compressedSize)) {
        throw new Refusal('ratio', entry.fileName);
      }
    }
  } catch (e) {
    zip.close();
    return err(failure(e));
  }

  /** Bytes really inflated so far, all entries together: the cap holds even when the declared sizes lie. */
  let total = 0;
  const opened = zip;
  async function inflate(entry: Entry, take: (chunk: Buffer) => void): Promise<void> {
    const name = entry.fileName;
    let inflated = 0;
    const stream = await openInflated(opened, entry, chunkBytes);
    await new Promise<void>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => {
        inflated += chunk.length;
        total += chunk.length;
        if (inflated > entry.uncompressedSize + 1 || total > limits.maxUncompressedBytes) {
          stream.destroy();
          reject(new Refusal(total > limits.maxUncompressedBytes ? 'total' : 'ratio', name));
          return;
        }
        take(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve());
    });
  }

  const facts: ZipFacts = { entries: directory.map((e) => e.fileName), parts: new Map(), sheetScan: () => Promise.resolve(noScan), sheetSoFar: () => null, rest: Promise.resolve(null) };
  try {
    for (const entry of directory) {
      if (!keptParts.has(entry.fileName)) continue;
      const kept: Buffer[] = [];
      let bytes = 0;
      await inflate(entry, (chunk) => {
        if ((bytes += chunk.length) <= maxPartBytes) kept.push(chunk);
      });
      facts.parts.set(entry.fileName, Buffer.concat(kept).toString('utf8'));
    }
  } catch (e) {
    zip.close();
    return err(failure(e));
  }

  const merges = new Map<string, Deferred<SheetScan>>();
  for (const entry of directory) if (worksheetEntry.test(entry.fileName)) merges.set(entry.fileName, deferred());
  facts.sheetScan = (name) => merges.get(name)?.promise ?? Promise.resolve(noScan);
  const scanners = new Map<string, MergeScanner>();
  facts.sheetSoFar = (name) => scanners.get(name)?.lastRow() ?? null;
  facts.rest = (async (): Promise<AppError | null> => {
    try {
      for (const entry of directory) {
        const name = entry.fileName;
        if (name.endsWith('/') || keptParts.has(name)) continue;
        const found = merges.get(name);
        const scanner = found ? new MergeScanner() : null;
        if (scanner) scanners.set(name, scanner);
        await inflate(entry, (chunk) => scanner?.push(chunk));
        if (found && scanner) found.resolve(scanner.result());
      }
      return null;
    } catch (e) {
      const error = failure(e);
      for (const d of merges.values()) d.reject(new GuardFailure(error));
      return error;
    } finally {
      zip.close();
    }
  })();
  return ok(facts);
}

function refusal(r: Refusal, file: string, limits: ReadLimits, lang: Lang) {
  const params = {
    file,
    entries: limits.maxZipEntries,
    total: mib(limits.maxUncompressedBytes),
    ratio: limits.maxCompressionRatio,
  };
  return appError('FILE_TOO_LARGE', t(lang, 'sheets.file.zipBomb', params), { file, entry: r.entry, limit: r.key });
}
