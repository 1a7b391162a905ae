// CSV/TXT: the encoding is detected, never asked (BOM → UTF-8/UTF-16; else strict UTF-8; else GB18030,
// which is what Chinese Excel writes by default), the delimiter is guessed from the first lines, and every
// value stays the exact string the file holds.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import type { ReadLimits } from './limits';
import { textCell } from './raw-cell';
import { SheetLimitError } from './source';
import type { SourceBook, SourceRow, SourceSheet } from './source';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

/** The delimiter that splits the first lines most consistently into more than one column. */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 10);
  let best = ',';
  let bestScore = 0;
  for (const d of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const min = Math.min(...counts);
    const total = counts.reduce((a, b) => a + b, 0);
    // Consistent columns matter more than many; a title line with no delimiter lowers `min`, so use the mode.
    const score = min > 0 ? total * 2 : total;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let quoted = false;
  let n = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

export async function openCsv(filePath: string, limits: ReadLimits): Promise<SourceBook & { encoding: TextEncoding }> {
  const { text, encoding } = decodeText(await readFile(filePath));
  const name = path.basename(filePath).replace(/\.[^.]*$/, '') || 'CSV';
  const records = parse(text, {
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
  async function* rows(): AsyncGenerator<SourceRow> {
    let count = 0;
    for (const [index, record] of records.entries()) {
      // A CSV row's number is its record number, as Excel shows it when it opens the file.
      const number = index + 1;
      // Every record counts here, empty ones too (a bound on the work); rows with a value count against maxRows in sheet-rows.ts.
      if (++count > limits.maxRawRows) throw new SheetLimitError('rawRows', name, number);
      if (record.length > limits.maxColumns && record.slice(limits.maxColumns).some((v) => v.trim() !== '')) {
        throw new SheetLimitError('columns', name, number);
      }
      yield { number, cells: record.slice(0, limits.maxColumns).map(textCell) };
    }
  }
  async function* sheets(): AsyncGenerator<SourceSheet> {
    yield { name, visible: true, rows: rows() };
  }
  return { sheets: [{ name, visible: true }], open: sheets, close: () => {}, encoding };
}
