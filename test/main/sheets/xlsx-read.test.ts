// The reading contract (spreadsheets.md) rule by rule, on real .xlsx files written by exceljs.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheetInProcess } from '../../../main/sheets/read/read-pipeline';
import type { SheetImport } from '../../../main/sheets/read/types';
import { tempDir, writeXlsx } from './fixtures';
import type { SheetSpec } from './fixtures';
import type { ReadRequest } from '../../../main/sheets/read/read-pipeline';

const dir = tempDir();
let n = 0;

async function read(sheets: SheetSpec[], request: ReadRequest = {}, options: { date1904?: boolean } = {}): Promise<SheetImport> {
  const file = await writeXlsx(path.join(dir, `t${n++}.xlsx`), sheets, options);
  const r = await readSheetInProcess(file, request);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const createHeader = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量'];
const row = (s: SheetImport, n: number) => [...s.rows].find((r) => r.rowNumber === n);
const problemKeys = (s: SheetImport, n: number) => row(s, n)?.problems.map((p) => `${p.field}:${p.text.key}`) ?? [];

describe('header row and operation', () => {
  it('finds the header below title and note rows and infers createOrder', async () => {
    const s = await read([{ name: 'S', rows: [['采购退货导入'], ['说明：请勿修改表头'], [], createHeader, ['CG1', 'WH', 'P', 'SKU', 1]] }]);
    expect(s.headerRow).toBe(4);
    expect(s.operation).toBe('return-create');
    expect([...s.rows].map((r) => r.rowNumber)).toEqual([5]);
  });

  it('matches aliases, API names, * and (必填) markers, full-width and line breaks', async () => {
    const s = await read([{ name: 'S', rows: [['*outer_no', '仓库编码（必填）', '供应商\n编号', 'ＳＰＥＣ_ＮＯ', ' 退货 数量 ', '其他'], ['CG1', 'WH', 'P', 'SKU', 2, 'x']] }]);
    expect(s.columns.map((c) => c.field)).toEqual(['outer_no', 'warehouse_no', 'provider_no', 'spec_no', 'num', null]);
    expect(row(s, 2)?.cells[5]).toBe('x');
    expect(row(s, 2)?.disposition.kind).toBe('valid');
  });

  it('asks for the operation when headers fit several, and obeys --op', async () => {
    const file = await writeXlsx(path.join(dir, 'ambiguous.xlsx'), [{ name: 'S', rows: [['采购退货单号'], ['CR1']] }]);
    const r = await readSheetInProcess(file);
    expect(!r.ok && r.error.code).toBe('OPERATION_UNKNOWN');
    expect(!r.ok && r.error.message).toContain('return-cancel');
    const chosen = await readSheetInProcess(file, { operation: 'return-pending' });
    expect(chosen.ok && chosen.value.operation).toBe('return-pending');
  });

  it('skips hidden sheets, reads the one named, and lists the sheets when the name is wrong', async () => {
    const sheets: SheetSpec[] = [
      { name: '隐藏', state: 'hidden', rows: [['采购入库单号'], ['RK1']] },
      { name: '封面', rows: [['说明']] },
      { name: '取消', rows: [['returnNos'], ['CR9']] },
    ];
    const s = await read(sheets);
    expect(s.sheet).toBe('取消');
    expect(s.operation).toBe('return-cancel');
    expect(s.notices.some((x) => x.text.key === 'sheets.notice.hiddenSkipped')).toBe(true);
    const named = await read(sheets, { sheet: '隐藏' });
    expect(named.operation).toBe('stockin-cancel');
    const file = await writeXlsx(path.join(dir, 'named.xlsx'), sheets);
    const missing = await readSheetInProcess(file, { sheet: 'Nope' });
    expect(!missing.ok && missing.error.code).toBe('SHEET_NOT_FOUND');
    expect(!missing.ok && missing.error.message).toContain('封面');
  });
});

describe('cell values', () => {
  it('gives a merged 外部单号 to every detail row it covers', async () => {
    const s = await read([{ name: 'S', merges: ['A2:A4', 'B2:B4', 'C2:C4'], rows: [createHeader, ['CG1', 'WH', 'P', 'A', 1], [null, null, null, 'B', 2], [null, null, null, 'C', 3]] }]);
    expect(s.orders).toHaveLength(1);
    expect(s.orders.at(0)?.rows).toEqual([2, 3, 4]);
    expect([...s.rows].every((r) => r.cells[0] === 'CG1')).toBe(true);
  });

  it('uses formula cached results, and flags a formula without one', async () => {
    const s = await read([{ name: 'S', rows: [createHeader, ['CG1', 'WH', 'P', 'A', { formula: '1+1', result: 2 }], ['CG2', 'WH', 'P', 'B', { formula: '2+2' }]] }]);
    expect(row(s, 2)?.values.num).toBe('2');
    expect(problemKeys(s, 3)).toContain('num:operations.cell.noCachedResult');
  });

  it('reads dates in the 1904 system and text dates as YYYY-MM-DD HH:mm:ss', async () => {
    const header = [...createHeader, '有效期'];
    const date = new Date(Date.UTC(2027, 0, 1, 8, 0, 0));
    for (const date1904 of [false, true]) {
      const s = await read([{ name: 'S', formats: { F2: 'yyyy-mm-dd hh:mm' }, rows: [header, ['CG1', 'WH', 'P', 'A', 1, date], ['CG1', 'WH', 'P', 'B', 1, '2027/1/2']] }], {}, { date1904 });
      expect(row(s, 2)?.values.expire_date).toBe('2027-01-01 08:00:00');
      expect(row(s, 3)?.values.expire_date).toBe('2027-01-02 00:00:00');
    }
  });

  it('keeps identifiers as shown: 123, 000123, and refuses 1.23457E+17', async () => {
    const s = await read([{ name: 'S', formats: { D3: '000000' }, rows: [createHeader, ['CG1', 'WH', 'P', 123, 1], ['CG1', 'WH', 'P', 123, 1], ['CG2', 'WH', 'P', 123456789012345680, 1]] }]);
    expect(row(s, 2)?.values.spec_no).toBe('123');
    expect(row(s, 3)?.values.spec_no).toBe('000123');
    expect(row(s, 4)?.cells[3]).toBe('1.23457E+17');
    expect(problemKeys(s, 4)[0]).toMatch(/^spec_no:operations\.cell\.id/);
  });

  it('reads decimals with thousands separators and percentages as rates', async () => {
    const header = [...createHeader, '单价', '税率'];
    const s = await read([{ name: 'S', formats: { F2: '#,##0.00', G2: '0%', F3: '0.00000' }, rows: [header, ['CG1', 'WH', 'P', 'A', 1, 1234.5, 0.13], ['CG1', 'WH', 'P', 'B', 1, 1.23456, '13%']] }]);
    expect(row(s, 2)?.cells.slice(5)).toEqual(['1,234.50', '13%']);
    expect(row(s, 2)?.values.price).toBe('1234.5');
    expect(row(s, 2)?.values.tax_rate).toBe('0.13');
    expect(row(s, 3)?.values.tax_rate).toBe('0.13');
    expect(problemKeys(s, 3)).toContain('price:operations.cell.tooManyDecimals');
  });

  it('reads booleans: 是/否, TRUE cells, 残次品/正品', async () => {
    const header = [...createHeader, '是否残次品'];
    const s = await read([{ name: 'S', rows: [header, ['CG1', 'WH', 'P', 'A', 1, '是'], ['CG1', 'WH', 'P', 'B', 1, true], ['CG1', 'WH', 'P', 'C', 1, '正品'], ['CG1', 'WH', 'P', 'D', 1, '也许']] }]);
    expect([2, 3, 4].map((n) => row(s, n)?.values.defect)).toEqual([true, true, false]);
    expect(problemKeys(s, 5)).toContain('defect:operations.cell.notChoice');
  });
});

describe('rows to orders', () => {
  it('skips blank rows silently and repeated headers, 合计 rows and the example row with a notice', async () => {
    const s = await read([{ name: 'S', rows: [createHeader, ['示例：CG0', 'WH', 'P', 'A', 1], ['CG1', 'WH', 'P', 'A', 1], [], createHeader, ['CG2', 'WH', 'P', 'B', 2], ['合计', null, null, null, 3]] }]);
    expect([...s.rows].map((r) => r.rowNumber)).toEqual([3, 6]);
    expect(s.notices.map((x) => [x.row, x.text.key])).toEqual([
      [2, 'sheets.notice.example'], [5, 'sheets.notice.repeatedHeader'], [7, 'sheets.notice.totals'],
    ]);
  });

  it('reports a repeated document number as a duplicate of the first row', async () => {
    const s = await read([{ name: 'S', rows: [['returnNos'], ['CR1'], ['CR2'], ['CR1']] }]);
    expect(row(s, 4)?.disposition).toEqual({ kind: 'duplicate', ofRow: 2 });
    expect([...s.orders].map((o) => o.key)).toEqual(['CR1', 'CR2']);
  });

  it('groups non-adjacent create rows, and refuses an order whose order fields conflict', async () => {
    const s = await read([{ name: 'S', rows: [createHeader, ['CG1', 'WH', 'P', 'A', 1], ['CG2', 'WH', 'P', 'B', 1], ['CG1', '', '', 'C', 2], ['CG2', 'WH9', 'P', 'D', 1]] }]);
    const cg1 = [...s.orders].find((o) => o.key === 'CG1');
    expect(cg1?.rows).toEqual([2, 4]);
    expect([...s.orders].some((o) => o.key === 'CG2')).toBe(false);
    expect(row(s, 5)?.problems.some((p) => p.text.key === 'operations.order.conflict' && p.column === '仓库编码')).toBe(true);
  });

  it('names a missing required column on every row', async () => {
    const s = await read([{ name: 'S', rows: [['外部单号', '仓库编码', '商家编码', '退货数量'], ['CG1', 'WH', 'A', 1]] }], { operation: 'return-create' });
    const p = row(s, 2)?.problems.find((x) => x.field === 'provider_no');
    expect(p?.text.key).toBe('sheets.problem.missingColumn');
    expect(row(s, 2)?.disposition.kind).toBe('invalid');
  });
});
