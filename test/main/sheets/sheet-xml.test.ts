// sheet-xml.ts reads worksheet rows from exceljs's SAX events under its WorksheetReader's rules, without its
// document model: every cell must hold exactly the value (and number format) exceljs's own stream reader
// gives it, quirks included (a formula's falsy result dropped, a shared formula's follower kept as a plain
// object, a styled empty cell absent, a row's style inherited), on workbooks from exceljs and from
// hand-written XML (inline strings, entities, row styles, cells without values, booleans, errors).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../../../main/sheets/read/limits';
import { parseWorkbookMeta } from '../../../main/sheets/read/workbook-meta';
import type { CellSink } from '../../../main/sheets/read/sheet-xml';
import { openWorksheets } from '../../../main/sheets/read/xlsx-source';
import { deflatedEntry, tempDir, writeXlsx, writeZip } from './fixtures';
import type { CellInput } from './fixtures';

const dir = tempDir();
const at = (name: string) => path.join(dir, name);

type Seen = [number, number, unknown, string | undefined][];

/** Every cell exceljs's own stream reader gives: row, column, value, number format. */
async function exceljsCells(file: string): Promise<Seen> {
  const seen: Seen = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const ws of reader) {
    for await (const row of ws) {
      row.eachCell((cell, col) => {
        const numFmt = (cell.style as { numFmt?: unknown } | undefined)?.numFmt;
        seen.push([row.number, col, cell.value, typeof numFmt === 'string' ? numFmt : undefined]);
      });
    }
  }
  return seen;
}

/** Every cell sheet-xml gives (the last value of each column in a row, as exceljs's cells keep it). */
async function ourCells(file: string, workbookXml: string, relsXml: string): Promise<Seen> {
  const seen: Seen = [];
  let row = 0;
  let cells = new Map<number, [unknown, string | undefined]>();
  const sink: CellSink = {
    startRow: (n) => {
      row = n;
      cells = new Map();
    },
    cell: (col, value, numFmt) => void (value === undefined ? cells.delete(col) : cells.set(col, [value, numFmt])),
    endRow: () => {
      for (const [col, [value, numFmt]] of [...cells].sort((a, b) => a[0] - b[0])) seen.push([row, col, value, numFmt]);
    },
  };
  const books = openWorksheets(file, parseWorkbookMeta(workbookXml, relsXml), defaultLimits);
  try {
    for await (const sheet of books.sheets()) for await (const _ of sheet.parse(sink)) void _;
  } finally {
    books.close();
  }
  return seen;
}

/** xl/workbook.xml and its relationships, as the zip guard keeps them. */
const partsOf = (file: string) => {
  const text = (name: string) => execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
  return [text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')] as const;
};

describe('worksheet rows from exceljs SAX events, as exceljs reads them', () => {
  it('a workbook exceljs wrote: every kind of value and format', async () => {
    const kinds: CellInput[] = [
      { formula: 'A1', result: 7 },
      { formula: 'A1', result: 0 },
      { formula: 'A1' } as CellInput,
      { formula: 'B1', result: 'txt' },
      { error: '#N/A' } as CellInput,
      { richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] },
      { text: '链接', hyperlink: 'https://example.com' },
      true,
      false,
      new Date(Date.UTC(2027, 0, 1, 8)),
      1.2345678901234568e17,
      '',
      ' a&b<c> "q" ',
      0,
      -1.5,
    ];
    const rows: CellInput[][] = Array.from({ length: 40 }, (_, r) => kinds.map((_, c) => kinds[(r + c) % kinds.length] ?? null));
    const formats: Record<string, string> = { A1: '0.00', B2: 'yyyy-mm-dd', C3: '0%', D4: '@', E5: '000000', K1: 'yyyy/m/d h:mm' };
    const file = await writeXlsx(at('kinds.xlsx'), [{ name: 'S', rows, formats, merges: ['A30:B31'] }, { name: 'T', rows: rows.slice(0, 5) }], { date1904: true });
    const [workbookXml, relsXml] = partsOf(file);
    expect(await ourCells(file, workbookXml, relsXml)).toEqual(await exceljsCells(file));
  });

  it('hand-written XML: inline strings, entities, row styles, styled empty cells, booleans, errors, repeats', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const workbookXml = `${xml}<workbook ${ns}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const relsXml = `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/></Relationships>`;
    const styles = `${xml}<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    const strings = `${xml}<sst ${ns} count="2" uniqueCount="2"><si><t>甲</t></si><si><r><t>富</t></r><r><t>文本</t></r></si></sst>`;
    const sheet = `${xml}<worksheet ${ns}><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>9</v></c><c r="D1" t="inlineStr"><is><t>x &amp;amp; y</t></is></c></row>
      <row r="2" s="1" customFormat="1"><c r="A2"><v>45000</v></c><c r="B2" s="2"><v>1.5</v></c><c r="C2" s="0"><v>45000.5</v></c><c r="E2" s="2"/></row>
      <row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#REF!</v></c><c r="D3" t="str"><f>A1</f><v>a&amp;lt;b</v></c><c r="E3"><f>1/0</f><v>#DIV/0!</v></c></row>
      <row r="4"><c r="B4"><v>2</v></c><c r="B4"><v>3</v></c><c r="$C$4"><v>4</v></c><c r="D4"><f t="shared" si="0"/><v>8</v></c></row>
    </sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    const file = writeZip(at('hand.xlsx'), [
      deflatedEntry('[Content_Types].xml', `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
      deflatedEntry('xl/workbook.xml', workbookXml),
      deflatedEntry('xl/_rels/workbook.xml.rels', relsXml),
      deflatedEntry('xl/styles.xml', styles),
      deflatedEntry('xl/sharedStrings.xml', strings),
      deflatedEntry('xl/worksheets/sheet1.xml', sheet),
    ]);
    const ours = await ourCells(file, workbookXml, relsXml);
    expect(ours).toEqual(await exceljsCells(file));
    expect(ours.length).toBeGreaterThan(12);
  });
});
