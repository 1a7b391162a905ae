// The zip guard's scan for merged ranges sees a worksheet in inflated chunks: the <mergeCells> marker may
// fall anywhere, across a chunk boundary too, and chunks may be shorter than the marker.
import { describe, expect, it } from 'vitest';
import { MergeScanner } from '../../../main/sheets/read/zip-guard';

const sheet = (rows: number) =>
  `<worksheet><dimension ref="A1:C${rows}"/><sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(rows)}</sheetData>` +
  '<mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="B7:C9"/></mergeCells></worksheet>';

function scan(text: string, cut: (i: number) => number): string[] {
  return scanOf(text, cut).ranges;
}

function scanOf(text: string, cut: (i: number) => number) {
  const bytes = Buffer.from(text);
  const scanner = new MergeScanner();
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = Math.max(1, cut(i));
    scanner.push(bytes.subarray(at, at + size));
    at += size;
  }
  return scanner.result();
}

describe('MergeScanner', () => {
  it('finds the ranges whatever the chunks, the marker split at every offset included', () => {
    const text = sheet(20);
    const marker = text.indexOf('mergeCells');
    for (let split = marker - 2; split <= marker + 11; split++) {
      expect(scan(text, (i) => (i === 0 ? split : 1 << 20)), `split at ${split}`).toEqual(['A2:A4', 'B7:C9']);
    }
    expect(scan(text, () => 3)).toEqual(['A2:A4', 'B7:C9']);
    expect(scan(text, (i) => [1, 7, 2, 13][i % 4] as number)).toEqual(['A2:A4', 'B7:C9']);
  });

  it('finds none in a sheet without merges', () => {
    expect(scan('<worksheet><sheetData><row r="1"/></sheetData></worksheet>', () => 4)).toEqual([]);
  });

  it("reads the sheet's own dimension, for a progress bar, and null without one (nor a row)", () => {
    expect(scanOf(sheet(20), () => 5).lastRow).toBe(20);
    expect(scanOf('<worksheet><x:dimension ref="B2:K9001"/><sheetData/></worksheet>', () => 1 << 20).lastRow).toBe(9001);
    expect(scanOf('<worksheet><dimension ref="A1"/><sheetData/></worksheet>', () => 1 << 20).lastRow).toBeNull();
    expect(scanOf('<worksheet><sheetData/></worksheet>', () => 1 << 20).lastRow).toBeNull();
  });

  it('without a dimension (exceljs\'s streaming writer), takes the last row element seen; with a stale one, the larger', () => {
    const rows = (n: number, prefix = '') => Array.from({ length: n }, (_, i) => `<${prefix}row r="${i + 1}" spans="1:2"><${prefix}c r="A${i + 1}"><${prefix}v>1</${prefix}v></${prefix}c></${prefix}row>`).join('');
    const plain = `<worksheet><sheetData>${rows(300)}</sheetData></worksheet>`;
    // The inflated chunks are 1 MB: a row element cut by a chunk's end is not counted, so the estimate may be a row short.
    for (const size of [4096, 100]) expect([299, 300], `chunks of ${size}`).toContain(scanOf(plain, () => size).lastRow);
    expect(scanOf(plain, () => 7).lastRow).toBeNull(); // no row element whole in any chunk
    expect(scanOf(plain, () => 1 << 20).lastRow).toBe(300);
    expect(scanOf(`<x:worksheet><x:sheetData>${rows(40, 'x:')}</x:sheetData></x:worksheet>`, () => 1 << 20).lastRow).toBe(40);
    expect(scanOf(`<worksheet><dimension ref="A1:B10"/><sheetData>${rows(50)}</sheetData></worksheet>`, () => 1 << 20).lastRow).toBe(50);
    expect(scanOf(`<worksheet><dimension ref="A1:B90"/><sheetData>${rows(50)}</sheetData></worksheet>`, () => 1 << 20).lastRow).toBe(90);
    // A cell's r="…" or a merged range is not a row.
    expect(scanOf('<worksheet><sheetData><row r="3"><c r="A3"/></row></sheetData><mergeCells><mergeCell ref="A9:B9"/></mergeCells></worksheet>', () => 1 << 20).lastRow).toBe(3);
  });
});
