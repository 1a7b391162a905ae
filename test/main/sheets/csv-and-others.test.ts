// CSV encodings and delimiters, a LibreOffice-written workbook, the template round trip, and the worker.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readSheet, readSheetInProcess } from '../../../main/sheets/read/reader';
import { writeTemplate } from '../../../main/sheets/templates/template';
import { t } from '../../../shared/i18n';
import { getOperation } from '../../../shared/operations/catalog';
import { tempDir, writeGbkCsv, writeUtf8Csv, writeXlsx } from './fixtures';

const dir = tempDir();
const at = (name: string) => path.join(dir, name);
const workerPath = path.resolve('out/node/read-worker.cjs');
const csvText = '采购退货单号,备注\r\nCR000123,退回\r\n,\r\nCR2,"含,逗号"\r\n';

beforeAll(() => {
  writeUtf8Csv(at('lo.csv'), '标题：取消采购入库单\n\n采购入库单号,说明\n000123,一\nRK2,二\n');
  execFileSync('soffice', ['--headless', '--infilter=CSV:44,34,76,1,1/2/2/2', '--convert-to', 'xlsx', '--outdir', dir, at('lo.csv')], { stdio: 'ignore', timeout: 60_000 });
}, 90_000);

describe('CSV', () => {
  it.each([
    ['gbk', (f: string) => writeGbkCsv(f, csvText)],
    ['utf-8', (f: string) => writeUtf8Csv(f, csvText)],
    ['utf-8 with BOM', (f: string) => writeUtf8Csv(f, csvText, true)],
  ])('decodes %s and keeps every value as written', async (name, write) => {
    const file = at(`${name}.csv`);
    write(file);
    const r = await readSheetInProcess(file, { operation: 'return-cancel' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.columns.map((c) => c.header)).toEqual(['采购退货单号', '备注']);
    expect([...r.value.rows].map((x) => x.cells)).toEqual([['CR000123', '退回'], ['CR2', '含,逗号']]);
    expect([...r.value.rows].map((x) => x.rowNumber)).toEqual([2, 4]);
  });

  it('detects semicolon and tab delimiters', async () => {
    for (const [name, d] of [['semi', ';'], ['tab', '\t']] as const) {
      writeUtf8Csv(at(`${name}.csv`), `外部单号${d}仓库编码${d}供应商编号${d}商家编码${d}退货数量\nCG1${d}WH${d}P${d}A${d}1,5\n`);
      const r = await readSheetInProcess(at(`${name}.csv`));
      expect(r.ok && r.value.operation).toBe('return-create');
      expect(r.ok && r.value.rows.at(0)?.cells[4]).toBe('1,5');
    }
  });
});

describe('other writers and the worker', () => {
  it('reads a LibreOffice-written .xlsx (title row, text column keeps 000123)', async () => {
    const r = await readSheetInProcess(at('lo.xlsx'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.operation).toBe('stockin-cancel');
    expect(r.value.headerRow).toBe(3);
    expect([...r.value.orders].map((o) => o.key)).toEqual(['000123', 'RK2']);
  });

  it('runs the read in the bundled worker thread and returns the same import', async () => {
    const file = await writeXlsx(at('w.xlsx'), [{ name: 'S', rows: [['returnNos'], ['CR1'], ['CR1']] }]);
    const inWorker = await readSheet(file, { workerPath });
    const inProcess = await readSheetInProcess(file);
    expect(inWorker).toEqual(inProcess);
    expect(inWorker.ok && inWorker.value.rows.at(1)?.disposition.kind).toBe('duplicate');
  });

  it('stops a worker that runs over its time limit with a typed error', async () => {
    const file = await writeXlsx(at('slow.xlsx'), [{ name: 'S', rows: [['returnNos'], ['CR1']] }]);
    const r = await readSheet(file, { workerPath, limits: { timeoutMs: 1 } });
    expect(!r.ok && r.error.code).toBe('FILE_TOO_LARGE');
  });

  it('stops a read whose worker runs out of its memory with the clerk\'s message', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`CG${i}`, 'WH01', 'P001', `SKU${i}`, 2, 12.5, `备注${i}`.repeat(20)]);
    const file = await writeXlsx(at('big.xlsx'), [{ name: 'S', rows: [['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价', '明细备注'], ...rows] }]);
    // With a check worker, the parse worker's end also ends the check worker's rows: its view must not answer first.
    const r = await readSheet(file, { workerPath, workerHeapMb: 16 });
    expect(!r.ok && r.error).toEqual({ code: 'FILE_TOO_LARGE', message: t('zh-CN', 'sheets.limit.memory', { file: 'big.xlsx' }), details: { file: 'big.xlsx' } });
  }, 60_000);
});

describe('template', () => {
  it('writes headers with * and notes, dropdowns, an example row that the reader ignores, and a help sheet', async () => {
    const op = getOperation('return-create');
    if (!op) throw new Error('catalog lacks return-create');
    const out = at('template.xlsx');
    expect((await writeTemplate(op, 'zh-CN', out)).ok).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const data = book.worksheets[0];
    expect(data?.getCell('A1').value).toBe('*外部单号');
    expect(data?.getCell('A1').note).toBe('outer_no');
    const defect = op.fields.findIndex((f) => f.key === 'defect') + 1;
    expect(data?.getRow(2).getCell(defect).dataValidation?.formulae?.[0]).toBe('"是,否,残次品,正品"');
    const cancel = op.fields.findIndex((f) => f.key === 'check_fail_cancel') + 1;
    expect(data?.getRow(5).getCell(cancel).dataValidation?.formulae?.[0]).toBe('"0,1"');
    expect(book.worksheets[1]?.rowCount).toBeGreaterThan(op.fields.length);
    const r = await readSheetInProcess(out);
    expect(r.ok && [...r.value.rows]).toEqual([]);
    expect(r.ok && r.value.notices.map((n) => n.text.key)).toContain('sheets.notice.example');
  });
});
