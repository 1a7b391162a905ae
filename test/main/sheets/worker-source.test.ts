// The worker path parses the file in the read worker and streams its rows to the caller, which chooses the
// sheet as they come (book-channel.ts): whatever the workbook holds, the import must be exactly the single-thread read's,
// including sheets that are skipped part-way through their rows, every kind of cell, merges and limits.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheet, readSheetInProcess } from '../../../main/sheets/read/reader';
import type { ReadSheetOptions } from '../../../main/sheets/read/reader';
import { deflatedEntry, tempDir, writeXlsx, writeZip } from './fixtures';
import type { CellInput } from './fixtures';

const dir = tempDir();
const at = (name: string) => path.join(dir, name);
const workerPath = path.resolve('out/node/read-worker.cjs');

const header = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价', '税率', '是否残次品', '明细备注', '有效期'];

async function same(file: string, options: Omit<ReadSheetOptions, 'workerPath'> = {}) {
  const inProcess = await readSheetInProcess(file, options);
  const inWorker = await readSheet(file, { ...options, workerPath });
  expect(inWorker).toEqual(inProcess);
  return inProcess;
}

/** Every shape of cell exceljs gives, on rows of one create sheet. */
function mixedRows(count: number): CellInput[][] {
  const rows: CellInput[][] = [];
  for (let i = 0; i < count; i++) {
    const kinds: CellInput[] = [
      { formula: 'A1', result: 7 },
      { formula: 'A1' } as CellInput,
      { error: '#N/A' } as CellInput,
      { richText: [{ text: '富' }, { text: '文本' }] },
      { text: '链接', hyperlink: 'https://example.com' },
      true,
      new Date(Date.UTC(2027, 0, 1 + (i % 28), 8)),
      1.2345678901234568e17,
      '',
    ];
    rows.push([`CG${Math.floor(i / 3)}`, i % 50 === 0 ? kinds[i % kinds.length] ?? null : 'WH01', 'P001', `SKU${i}`, i % 7 === 0 ? kinds[(i / 7) % kinds.length] ?? null : (i % 9) + 1, 12.5 + (i % 7), i % 2 ? '13%' : 0.13, i % 3 ? '是' : false, kinds[i % kinds.length] ?? null, i % 5 ? '2027/1/1' : new Date(Date.UTC(2027, 0, 1))]);
  }
  return rows;
}

describe('the read worker gives exactly the single-thread read', () => {
  it('skips a hidden sheet and a sheet without headers (mid-stream), reads every kind of cell, merges and formats', async () => {
    const noise: CellInput[][] = Array.from({ length: 12_000 }, (_, i) => [`噪声${i}`, i, i % 2 === 0]);
    const file = await writeXlsx(at('mixed.xlsx'), [
      { name: '隐藏', state: 'hidden', rows: [header, ...mixedRows(30)] },
      { name: '说明', rows: noise },
      { name: '数据', rows: [['标题'], header, ...mixedRows(3000)], merges: ['A3:A5', 'B3:C4'], formats: { F3: '0.00', F4: '#,##0.000', G5: '0%', J6: 'yyyy-mm-dd hh:mm', E7: '000000' } },
    ]);
    const r = await same(file);
    expect(r.ok && r.value.sheet).toBe('数据');
    expect(r.ok && r.value.rows.length).toBe(3000);
  }, 60_000);

  it('a chosen sheet and operation, and a date1904 workbook', async () => {
    const file = await writeXlsx(at('1904.xlsx'), [{ name: 'A', rows: [header, ...mixedRows(200)] }, { name: 'B', rows: [header, ...mixedRows(700)] }], { date1904: true });
    await same(file, { sheet: 'B', operation: 'return-create' });
    await same(file, { sheet: 'A' });
  }, 30_000);

  it('the row and column limits end both reads alike', async () => {
    const file = await writeXlsx(at('wide.xlsx'), [{ name: 'S', rows: [[...header, '多1', '多2'], ...mixedRows(1500).map((r, i) => (i === 1200 ? [...r, 'x', 'y', 'z'] : r))] }]);
    const columns = await same(file, { limits: { maxColumns: 12 } });
    expect(!columns.ok && columns.error.code).toBe('FILE_TOO_LARGE');
    const rows = await same(file, { limits: { maxRows: 1000 } });
    expect(!rows.ok && rows.error.code).toBe('FILE_TOO_LARGE');
  }, 30_000);

  it('a worksheet that is not well-formed XML ends both reads alike', async () => {
    const rels = '<?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>';
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>CR${i}</t></is></c></row>`).join('');
    const file = writeZip(at('broken.xlsx'), [
      deflatedEntry('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      deflatedEntry('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      deflatedEntry('xl/_rels/workbook.xml.rels', rels),
      deflatedEntry('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>采购退货单号</t></is></c></row>${rows}<row r="9999"><c r="A9999"</sheetData></worksheet>`),
    ]);
    const r = await same(file, { operation: 'return-cancel' });
    expect(!r.ok && r.error.code).toBe('FILE_UNREADABLE');
  }, 30_000);

  it('shared strings: missing ones, rich ones, past the column limit, or no strings part at all', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const relsXml = (strings: boolean) =>
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>${strings ? `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`;
    const strings = `${xml}<sst ${ns}><si><t>采购退货单号</t></si><si><t>备注</t></si><si><r><t>CR</t></r><r><t>9</t></r></si><si><t>CR1</t></si></sst>`;
    const s = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
    const rows = [`<row r="1">${s('A1', 0)}${s('B1', 1)}</row>`];
    // Rows whose last cells name strings that are not there: they end sooner (and are the same in both reads).
    for (let r = 2; r < 1200; r++) rows.push(`<row r="${r}">${s(`A${r}`, r % 3 === 0 ? 2 : 3)}${r % 5 === 0 ? s(`C${r}`, 99) : s(`B${r}`, 1)}${r % 7 === 0 ? s(`E${r}`, 42) : ''}</row>`);
    rows.push(`<row r="1200">${s('A1200', 3)}${s('H1200', 1)}</row>`);
    const sheet = `${xml}<worksheet ${ns}><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const book = (name: string, withStrings: boolean) =>
      writeZip(at(name), [
        deflatedEntry('[Content_Types].xml', `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
        deflatedEntry('xl/workbook.xml', `${xml}<workbook ${ns}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
        deflatedEntry('xl/_rels/workbook.xml.rels', relsXml(withStrings)),
        ...(withStrings ? [deflatedEntry('xl/sharedStrings.xml', strings)] : []),
        deflatedEntry('xl/worksheets/sheet1.xml', sheet),
      ]);
    const file = book('shared.xlsx', true);
    const read = await same(file, { operation: 'return-cancel' });
    expect(read.ok && read.value.rows.length).toBe(1199);
    const wide = await same(file, { operation: 'return-cancel', limits: { maxColumns: 4 } });
    expect(!wide.ok && wide.error.code).toBe('FILE_TOO_LARGE');
    expect(!wide.ok && wide.error.details?.row).toBe(1200);
    await same(book('no-strings.xlsx', false), { operation: 'return-cancel' });
  }, 30_000);

  it('a CSV streams through the worker too, and gets the same import', async () => {
    writeFileSync(at('c.csv'), `采购退货单号\n${Array.from({ length: 900 }, (_, i) => `CR${i}`).join('\n')}\n`);
    const r = await same(at('c.csv'), { operation: 'return-cancel' });
    expect(r.ok && r.value.rows.length).toBe(900);
  });
});
