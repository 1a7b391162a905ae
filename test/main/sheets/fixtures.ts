// Builders for the reader's test files, written into a temp folder by each test file. Real files only:
// exceljs writes workbooks, iconv-lite writes GBK, cfb writes OLE2 containers, a tiny zip writer makes bombs.
import ExcelJS from 'exceljs';
import CFB from 'cfb';
import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';

export const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'wdt-sheets-'));

export type CellInput = ExcelJS.CellValue;

export interface SheetSpec {
  name: string;
  rows: CellInput[][];
  state?: 'visible' | 'hidden';
  merges?: string[];
  /** Number formats by cell address. */
  formats?: Record<string, string>;
}

export async function writeXlsx(file: string, sheets: SheetSpec[], options: { date1904?: boolean } = {}): Promise<string> {
  const book = new ExcelJS.Workbook();
  if (options.date1904) book.properties.date1904 = true;
  for (const spec of sheets) {
    const ws = book.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
    spec.rows.forEach((row, i) => {
      const r = ws.getRow(i + 1);
      row.forEach((v, j) => {
        if (v !== undefined && v !== null) r.getCell(j + 1).value = v;
      });
    });
    for (const [address, fmt] of Object.entries(spec.formats ?? {})) ws.getCell(address).numFmt = fmt;
    for (const range of spec.merges ?? []) ws.mergeCells(range);
  }
  await book.xlsx.writeFile(file);
  return file;
}

export const writeGbkCsv = (file: string, text: string) => writeFileSync(file, iconv.encode(text, 'gbk'));
export const writeUtf8Csv = (file: string, text: string, bom = false) => writeFileSync(file, (bom ? '\ufeff' : '') + text, 'utf8');

/** An OLE2 container holding the named streams (EncryptionInfo/EncryptedPackage, or Workbook). */
export function writeCfb(file: string, streams: string[]): string {
  const container = CFB.utils.cfb_new();
  for (const name of streams) CFB.utils.cfb_add(container, `/${name}`, Buffer.from(`fake ${name} content`.repeat(50)));
  writeFileSync(file, CFB.write(container, { type: 'buffer' }) as Buffer);
  return file;
}

export interface ZipEntrySpec {
  name: string;
  /** Raw deflated bytes, and the true sizes. */
  deflated: Buffer;
  crc: number;
  size: number;
  /** The size written in the headers (a lie when it differs from `size`). */
  declaredSize?: number;
}

export function deflatedEntry(name: string, content: Buffer | string): ZipEntrySpec {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** Deflates `bytes` zeros chunk by chunk, so a multi-GB entry is built in bounded memory. */
export function zerosEntry(name: string, bytes: number, declaredSize?: number): ZipEntrySpec {
  const chunk = Buffer.alloc(1024 * 1024);
  const parts: Buffer[] = [];
  const deflate = deflateRawSync;
  // Deflate of 1 MiB of zeros is ~1 KB; the same block repeated with full flushes is a valid stream.
  let crc = 0;
  let remaining = bytes;
  while (remaining > 0) {
    const n = Math.min(chunk.length, remaining);
    crc = crc32(chunk.subarray(0, n), crc);
    remaining -= n;
  }
  const block = deflate(chunk, { finishFlush: zlibConstants.Z_FULL_FLUSH });
  const count = Math.floor(bytes / chunk.length);
  for (let i = 0; i < count; i++) parts.push(block);
  parts.push(deflate(chunk.subarray(0, bytes - count * chunk.length)));
  return { name, deflated: Buffer.concat(parts), crc, size: bytes, declaredSize };
}

/** A minimal zip writer (deflate only), enough to make honest and lying archives. */
export function writeZip(file: string, entries: ZipEntrySpec[]): string {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const declared = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, dir, end]));
  return file;
}

/** The parts every xlsx has, so a bomb passes the "is it a workbook" check and reaches the inflater. */
export const workbookShell = (): ZipEntrySpec[] => [
  deflatedEntry('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  deflatedEntry('xl/workbook.xml', '<?xml version="1.0"?><workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
];
