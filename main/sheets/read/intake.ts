// Intake guards: what a file really is, decided from its bytes (never its extension), and whether it is safe
// to hand to a parser. Runs before any parser; a refusal says what to do (save as .xlsx, remove the password…).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import CFB from 'cfb';
import { appError, err, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import { mib } from './limits';
import type { ReadLimits } from './limits';
import { guardZip } from './zip-guard';
import type { ZipFacts } from './zip-guard';
import type { SourceFile } from './types';

export interface Intake {
  /** The file, but its SHA-256: that is computed while the file is read (`sha256`). */
  file: Omit<SourceFile, 'sha256'>;
  /** The file's SHA-256, hashed alongside the guards and the read (it only feeds the results workbook). */
  sha256: Promise<string>;
  /** Present for xlsx/xlsm: what the zip guard learnt, and its pass over the rest of the zip, still running. */
  zip?: ZipFacts;
}

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const cfbMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function head(filePath: string, bytes: number): Promise<Buffer> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function sha256(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(filePath)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Text, as far as the first bytes tell: a BOM, or no NUL and few control characters. */
export function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return true;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control <= bytes.length / 100;
}

/** Looks inside an OLE2 container: encrypted OOXML, a legacy .xls/.et, or something else. */
function classifyCfb(bytes: Buffer): 'encrypted' | 'legacy' | 'other' {
  try {
    const container = CFB.read(bytes, { type: 'buffer' });
    const names = new Set(container.FileIndex.map((entry) => entry.name.toLowerCase()));
    if (names.has('encryptioninfo') || names.has('encryptedpackage')) return 'encrypted';
    if (names.has('workbook') || names.has('book')) return 'legacy';
    return 'other';
  } catch {
    return 'other';
  }
}

export async function inspectFile(filePath: string, limits: ReadLimits, lang: Lang): Promise<Result<Intake>> {
  const name = path.basename(filePath);
  const fail = (code: Parameters<typeof appError>[0], key: Parameters<typeof t>[1], extra: Record<string, string | number> = {}) =>
    err(appError(code, t(lang, key, { file: name, ...extra }), { file: name, ...extra }));
  let bytes: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return fail('FILE_NOT_FOUND', 'sheets.file.notFound');
    bytes = info.size;
  } catch {
    return fail('FILE_NOT_FOUND', 'sheets.file.notFound');
  }
  if (bytes > limits.maxFileBytes) return fail('FILE_TOO_LARGE', 'sheets.file.tooLarge', { limit: mib(limits.maxFileBytes) });
  if (bytes === 0) return fail('FILE_UNREADABLE', 'sheets.file.empty');

  const first = await head(filePath, 64 * 1024);
  // Hashing reads the whole file: it runs alongside the guards and the read rather than before them. A
  // refused file's hash is never asked for; its failure must not go unhandled.
  let hash: Promise<string> | null = null;
  const hashed = (): Promise<string> => {
    hash ??= sha256(filePath);
    hash.catch(() => undefined);
    return hash;
  };
  const file = (format: SourceFile['format']): Intake['file'] => ({ path: filePath, name, bytes, format });

  if (first.subarray(0, 4).equals(zipMagic)) {
    const sha = hashed();
    const guarded = await guardZip(filePath, name, limits, lang);
    if (!guarded.ok) return guarded;
    const entries = new Set(guarded.value.entries);
    if (!entries.has('xl/workbook.xml') || !entries.has('[Content_Types].xml')) return fail('FILE_UNREADABLE', 'sheets.file.notSpreadsheet');
    const macro = entries.has('xl/vbaProject.bin') || /macroEnabled/i.test(guarded.value.parts.get('[Content_Types].xml') ?? '');
    return ok({ file: file(macro ? 'xlsm' : 'xlsx'), sha256: sha, zip: guarded.value });
  }
  if (first.subarray(0, 8).equals(cfbMagic)) {
    const kind = classifyCfb(await readFile(filePath));
    if (kind === 'encrypted') return fail('FILE_ENCRYPTED', 'sheets.file.encrypted');
    if (kind === 'legacy') return fail('FILE_LEGACY_XLS', 'sheets.file.legacyXls');
    return fail('FILE_UNREADABLE', 'sheets.file.notSpreadsheet');
  }
  if (looksLikeText(first)) {
    // Some systems export an HTML or XML table named .xls; Excel opens it, we do not guess at it.
    const start = first.toString('latin1', 0, 512).replace(/^[\ufeff\u00ef\u00bb\u00bf\s]+/, '');
    if (/^<(\?xml|!doctype|html|table)/i.test(start)) return fail('FILE_UNREADABLE', 'sheets.file.markup');
    return ok({ file: file('csv'), sha256: hashed() });
  }
  return fail('FILE_UNREADABLE', 'sheets.file.notSpreadsheet');
}
