// Zip-bomb guard: runs before exceljs sees a workbook. First the central directory (entry count, declared
// sizes, ratios), then every entry is really inflated with a running byte cap, because the directory can lie.
// The same pass keeps the few small XML parts the reader needs and the merged ranges of each worksheet,
// which exceljs's streaming reader does not report.
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { Readable } from 'node:stream';
import { appError, err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { t } from '../../shared/i18n';
import type { Lang } from '../../shared/i18n';
import { mib, ratioFloorBytes } from './limits';
import type { ReadLimits } from './limits';

export interface ZipFacts {
  /** Entry names in directory order. */
  entries: string[];
  /** Small parts kept as text: [Content_Types].xml, xl/workbook.xml, xl/_rels/workbook.xml.rels. */
  parts: Map<string, string>;
  /** Worksheet entry name → merged ranges ("A2:A4"). */
  merges: Map<string, string[]>;
}

const keptParts = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
const maxPartBytes = 16 * 1024 * 1024;
const worksheetEntry = /^xl\/worksheets\/[^/]+\.xml$/;

class Refusal extends Error {
  constructor(readonly key: 'entries' | 'total' | 'ratio', readonly entry: string) {
    super(key);
  }
}

const openZip = (path: string): Promise<ZipFile> =>
  new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: false, strictFileNames: false }, (e, zip) =>
      e || !zip ? reject(e ?? new Error('no zip')) : resolve(zip),
    ),
  );

const openEntry = (zip: ZipFile, entry: Entry): Promise<Readable> =>
  new Promise((resolve, reject) =>
    zip.openReadStream(entry, (e, stream) => (e || !stream ? reject(e ?? new Error('no stream')) : resolve(stream))),
  );

/** Finds `ref="…"` of every mergeCell once the mergeCells element has started (it sits after sheetData). */
class MergeScanner {
  private carry = Buffer.alloc(0);
  private section: Buffer[] = [];
  private sectionBytes = 0;
  private inSection = false;
  private static readonly marker = Buffer.from('mergeCells');

  push(chunk: Buffer): void {
    if (this.inSection) {
      if (this.sectionBytes < maxPartBytes) {
        this.section.push(chunk);
        this.sectionBytes += chunk.length;
      }
      return;
    }
    const joined = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const at = joined.indexOf(MergeScanner.marker);
    if (at >= 0) {
      this.inSection = true;
      this.section.push(joined.subarray(at));
      this.sectionBytes = joined.length - at;
    } else {
      this.carry = Buffer.from(joined.subarray(Math.max(0, joined.length - MergeScanner.marker.length)));
    }
  }

  ranges(): string[] {
    if (!this.inSection) return [];
    const text = Buffer.concat(this.section).toString('latin1');
    return [...text.matchAll(/<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+\d+:[A-Z]+\d+)"/g)].map((m) => m[1] as string);
  }
}

/** Inspects and fully inflates a zip within the limits. A refusal names the limit; a broken zip is FILE_UNREADABLE. */
export async function guardZip(path: string, fileName: string, limits: ReadLimits, lang: Lang): Promise<Result<ZipFacts>> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    return err(appError('FILE_UNREADABLE', t(lang, 'sheets.file.corruptZip', { file: fileName }), { file: fileName }));
  }
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close();
    return err(refusal(new Refusal('entries', ''), fileName, limits, lang));
  }
  const facts: ZipFacts = { entries: [], parts: new Map(), merges: new Map() };
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        void inflateEntry(entry).then(() => zip.readEntry(), (e: unknown) => {
          zip.close();
          reject(e);
        });
      });
      zip.readEntry();
    });
  } catch (e) {
    if (e instanceof Refusal) return err(refusal(e, fileName, limits, lang));
    return err(appError('FILE_UNREADABLE', t(lang, 'sheets.file.corruptZip', { file: fileName }), { file: fileName }));
  }
  return ok(facts);

  async function inflateEntry(entry: Entry): Promise<void> {
    const name = entry.fileName;
    facts.entries.push(name);
    if (name.endsWith('/')) return;
    total += entry.uncompressedSize;
    if (total > limits.maxUncompressedBytes) throw new Refusal('total', name);
    if (entry.uncompressedSize > ratioFloorBytes && entry.uncompressedSize > limits.maxCompressionRatio * Math.max(1, entry.compressedSize)) {
      throw new Refusal('ratio', name);
    }
    const keep = keptParts.has(name);
    const scanner = worksheetEntry.test(name) ? new MergeScanner() : null;
    const kept: Buffer[] = [];
    let inflated = 0;
    const stream = await openEntry(zip, entry);
    await new Promise<void>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => {
        inflated += chunk.length;
        // The declared sizes were checked above; this cap holds even when they lie.
        if (inflated > entry.uncompressedSize + 1 || (total - entry.uncompressedSize + inflated) > limits.maxUncompressedBytes) {
          stream.destroy();
          reject(new Refusal(inflated > limits.maxUncompressedBytes ? 'total' : 'ratio', name));
          return;
        }
        if (keep && inflated <= maxPartBytes) kept.push(chunk);
        scanner?.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve());
    });
    if (keep) facts.parts.set(name, Buffer.concat(kept).toString('utf8'));
    if (scanner) {
      const ranges = scanner.ranges();
      if (ranges.length) facts.merges.set(name, ranges);
    }
  }
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
