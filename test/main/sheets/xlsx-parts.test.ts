// How the xlsx parts reach exceljs's parsers: Chinese text that straddles two inflated chunks stays whole,
// a workbook whose zip lists its worksheets before xl/workbook.xml and the shared strings reads the same
// every time (the unzipper exceljs brings lost the later entries when its consumer was slow), the sheets
// come in tab order, and worksheet parts are found through the workbook's relationships, whatever their names.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheetInProcess } from '../../../main/sheets/read/read-pipeline';
import { readSheet } from '../../../main/sheets/read/reader';
import { deflatedEntry, tempDir, writeZip } from './fixtures';

const dir = tempDir();
/** The bundled worker the app and CLI use (test/global-build.ts builds it from the sources). */
const workerPath = path.resolve('out/node/read-worker.cjs');

const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const relType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A worksheet of shared-string cells: rows[r][c] is an index into the shared strings. */
const sheetXml = (rows: number[][]) =>
  `${xml}<worksheet ${ns}><sheetData>${rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((s, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><v>${s}</v></c>`).join('')}</row>`)
    .join('')}</sheetData></worksheet>`;

const stringsXml = (strings: string[]) => `${xml}<sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;

describe('xlsx parts', () => {
  it('keeps every Chinese character whole, however the inflated chunks fall', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('采购退货');
    ws.addRow(['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '备注']);
    // Long runs of three-byte characters: with 16 KiB chunks, thousands of boundaries fall inside one.
    const notes = Array.from({ length: 5000 }, (_, i) => `退货备注第${i}条：质量问题，包装破损，请联系供应商处理`);
    notes.forEach((note, i) => ws.addRow([`OUT${i}`, 'WH001', 'P001', 'SKU-TS-RED-M', 1, note]));
    const file = path.join(dir, 'chinese.xlsx');
    await book.xlsx.writeFile(file);
    for (const read of [() => readSheetInProcess(file), () => readSheet(file, { workerPath })]) {
      const got = await read();
      if (!got.ok) throw new Error(got.error.message);
      const wrong = [...got.value.rows].filter((row, i) => row.cells[5] !== notes[i]);
      expect(wrong.map((r) => r.cells[5])).toEqual([]);
      expect(got.value.rows).toHaveLength(5000);
    }
  });

  it('reads a workbook whose worksheets come first in the zip, the same way every time, sheets in tab order', async () => {
    const strings = ['采购退货单号', 'CR202406010001', 'CR202406010002', '说明', '这一页不是清单'];
    // Tab order: 清单 (sheet2.xml) first, then 说明 (sheet1.xml); the zip lists the worksheets before
    // the shared strings and xl/workbook.xml, as exceljs and some other writers do.
    const file = writeZip(path.join(dir, 'worksheets-first.xlsx'), [
      deflatedEntry('[Content_Types].xml', `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
      deflatedEntry('xl/worksheets/sheet1.xml', sheetXml([[3], [4]])),
      deflatedEntry('xl/worksheets/sheet2.xml', sheetXml([[0], [1], [2]])),
      deflatedEntry('xl/sharedStrings.xml', stringsXml(strings)),
      deflatedEntry(
        'xl/_rels/workbook.xml.rels',
        `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${relType}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${relType}/worksheet" Target="worksheets/sheet2.xml"/>` +
          `<Relationship Id="rId3" Type="${relType}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
      deflatedEntry('xl/workbook.xml', `${xml}<workbook ${ns}><sheets><sheet name="清单" sheetId="2" r:id="rId2"/><sheet name="说明" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    ]);
    const results = await Promise.all(Array.from({ length: 12 }, () => readSheet(file, { workerPath, operation: 'return-cancel' })));
    for (const got of results) {
      if (!got.ok) throw new Error(got.error.message);
      expect(got.value.sheets.map((s) => s.name)).toEqual(['清单', '说明']);
      expect(got.value.sheet).toBe('清单');
      expect([...got.value.rows].map((r) => r.cells[0])).toEqual(['CR202406010001', 'CR202406010002']);
    }
    // Twelve workers at once each load exceljs (about a second of CPU apiece on the shared 2-core machine).
  }, 90_000);

  it('finds worksheet and shared-string parts by the relationships, whatever they are named', async () => {
    const file = writeZip(path.join(dir, 'odd-names.xlsx'), [
      deflatedEntry('[Content_Types].xml', `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
      deflatedEntry(
        'xl/_rels/workbook.xml.rels',
        `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId7" Type="${relType}/worksheet" Target="/xl/worksheets/data.xml"/>` +
          `<Relationship Id="rId8" Type="${relType}/sharedStrings" Target="strings/text.xml"/></Relationships>`,
      ),
      deflatedEntry('xl/workbook.xml', `${xml}<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${relType}"><x:sheets><x:sheet name="退货" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>`),
      deflatedEntry('xl/strings/text.xml', stringsXml(['采购退货单号', 'CR202406010003'])),
      deflatedEntry('xl/worksheets/data.xml', sheetXml([[0], [1]])),
    ]);
    const got = await readSheetInProcess(file, { operation: 'return-pending' });
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value.sheet).toBe('退货');
    expect([...got.value.rows].map((r) => [r.rowNumber, r.cells[0]])).toEqual([[2, 'CR202406010003']]);
  });
});
