// A 3-row sheet followed by a million formatted empty rows (issue 13 item 5): what Excel saves after a
// clerk formats whole columns. Rows holding a value count against the 200,000-row limit; every row
// element only against a separate, higher bound on the work. Real .xlsx and .csv files, built fast.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../../main/sheets/read/reader';
import { readSheetInProcess } from '../../../main/sheets/read/read-pipeline';
import { deflatedEntry, tempDir, writeZip, type ZipEntrySpec } from './fixtures';

const dir = tempDir();
const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
// Style 1 is Text (@), as a clerk formats a column of document numbers.
const styles = `${xml}<styleSheet ${ns}><numFmts count="0"/><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr" s="1"><is><t>${value}</t></is></c>`;

/** The sheet part, deflated in blocks as it is made, so a hundred-MB part never sits in memory as one string. */
function sheetEntry(dataRows: readonly string[], blankRows: number): ZipEntrySpec {
  const blocks: Buffer[] = [];
  let crc = 0;
  let size = 0;
  const add = (s: string, last = false) => {
    const b = Buffer.from(s, 'utf8');
    crc = crc32(b, crc);
    size += b.length;
    blocks.push(deflateRawSync(b, { level: 1, ...(last ? {} : { finishFlush: zlibConstants.Z_FULL_FLUSH }) }));
  };
  add(`${xml}<worksheet ${ns}><dimension ref="A1:B${dataRows.length + 1 + blankRows}"/><sheetData><row r="1">${text('A1', '采购退货单号')}${text('B1', '备注')}</row>`);
  dataRows.forEach((no, i) => add(`<row r="${i + 2}">${text(`A${i + 2}`, no)}</row>`));
  const first = dataRows.length + 2;
  for (let start = first; start < first + blankRows; start += 50_000) {
    let s = '';
    // Excel's two shapes of a formatted empty row: styled empty cells, or the row's own style alone.
    for (let r = start; r < Math.min(start + 50_000, first + blankRows); r++) s += r % 2 ? `<row r="${r}" spans="1:2" s="1" customFormat="1"><c r="A${r}" s="1"/><c r="B${r}" s="1"/></row>` : `<row r="${r}" s="1" customFormat="1"/>`;
    add(s);
  }
  add('</sheetData></worksheet>', true);
  return { name: 'xl/worksheets/sheet1.xml', deflated: Buffer.concat(blocks), crc, size };
}

function workbook(name: string, dataRows: readonly string[], blankRows: number): string {
  return writeZip(path.join(dir, name), [
    deflatedEntry('[Content_Types].xml', `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
    deflatedEntry('xl/workbook.xml', `${xml}<workbook ${ns}><sheets><sheet name="退货" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    deflatedEntry(
      'xl/_rels/workbook.xml.rels',
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    deflatedEntry('xl/styles.xml', styles),
    sheetEntry(dataRows, blankRows),
  ]);
}

const three = ['CR202406010001', 'CR202406010002', 'CR202406010003'];

describe('blank formatted rows do not count as rows', () => {
  it('reads 3 rows above a million formatted empty rows, in the worker as the app does', async () => {
    const file = workbook('three-and-a-million.xlsx', three, 1_000_000);
    const started = Date.now();
    const read = await readSheet(file, { lang: 'zh-CN', operation: 'return-cancel' });
    const ms = Date.now() - started;
    expect(read.ok, read.ok ? '' : read.error.message).toBe(true);
    if (!read.ok) return;
    expect([...read.value.rows].map((r) => [r.rowNumber, r.cells[0]])).toEqual([
      [2, three[0]],
      [3, three[1]],
      [4, three[2]],
    ]);
    expect(read.value.orders).toHaveLength(3);
    console.info(`3 rows + 1,000,000 formatted empty rows read in ${ms} ms`);
  }, 120_000);

  it('still refuses more rows of data than the limit, naming it, and stops an endless sheet of blank rows', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `CR2024060100${String(i).padStart(2, '0')}`);
    const data = await readSheetInProcess(workbook('thirty.xlsx', many, 100), { operation: 'return-cancel', lang: 'en', limits: { maxRows: 20 } });
    expect(data).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', details: { limit: 20 } } });
    expect(!data.ok && data.error.message).toContain('more than 20 rows of data');

    const blank = await readSheetInProcess(workbook('blank.xlsx', three, 5_000), { operation: 'return-cancel', lang: 'en', limits: { maxRawRows: 1_000 } });
    expect(blank).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', details: { limit: 1_000, row: 1_001 } } });
    expect(!blank.ok && blank.error.message).toContain('blank and formatted-only rows included');
  });

  it('a CSV with a few rows and many empty lines is read; an endless one is stopped by the raw bound', async () => {
    const file = path.join(dir, 'few.csv');
    writeFileSync(file, `采购退货单号,备注\n${three.join(',\n')},\n${',\n'.repeat(300_000)}`);
    const read = await readSheetInProcess(file, { operation: 'return-cancel', lang: 'en', limits: { maxRows: 200 } });
    expect(read.ok && [...read.value.rows].map((r) => r.cells[0])).toEqual(three);
    const endless = await readSheetInProcess(file, { operation: 'return-cancel', lang: 'en', limits: { maxRawRows: 250_000 } });
    expect(endless).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', details: { limit: 250_000 } } });
  });
});
