// The worker path streams rows to the calling thread in batches (book-channel.ts), where they are checked and
// grouped: whatever the sheet holds, the import must be exactly what the in-process read gives, across batch
// boundaries too.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheet, readSheetInProcess, warmReadWorker } from '../../../main/sheets/read/reader';
import type { FirstRows } from '../../../main/sheets/read/types';
import { tempDir, writeUtf8Csv, writeXlsx } from './fixtures';
import type { CellInput } from './fixtures';

const dir = tempDir();
const at = (name: string) => path.join(dir, name);
const workerPath = path.resolve('out/node/read-worker.cjs');

const header = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价', '税率', '是否残次品', '审核失败是否取消单据', '引用的采购单号', '明细备注', '有效期'];

/** 4,500 create rows (three batches): valid orders, bad quantities, conflicts, values that differ from their text. */
function createRows(): CellInput[][] {
  const rows: CellInput[][] = [];
  for (let i = 0; i < 4500; i++) {
    const order = `CG${Math.floor(i / 3)}`;
    const qty: CellInput = i % 97 === 0 ? -1 : i % 89 === 0 ? '1.23456' : (i % 9) + 1;
    const warehouse = i % 211 === 0 ? 'OTHER' : 'WH01';
    const row: CellInput[] = [order, warehouse, 'P001', `SKU${i % 50}`, qty, 12.5 + (i % 7), i % 2 ? '13%' : 0.13, i % 3 ? '是' : '正品', i % 5 ? '不取消' : null, i % 4 ? 'RH1, RH2' : null, `说明\u00a0${i}`, i % 6 ? '2027/1/1' : new Date(Date.UTC(2027, 0, 1))];
    if (i % 500 === 0) row.push('额外列');
    rows.push(row);
  }
  return rows;
}

describe('the worker path gives exactly the in-process import', () => {
  it('a create sheet over several batches, with problems, conflicts, lists, choices and a wider row', async () => {
    const file = await writeXlsx(at('create.xlsx'), [{ name: 'S', rows: [['标题'], header, ...createRows()] }]);
    const inWorker = await readSheet(file, { workerPath });
    const inProcess = await readSheetInProcess(file);
    expect(inProcess.ok).toBe(true);
    expect(inWorker).toEqual(inProcess);
    if (!inProcess.ok) return;
    const kinds = new Set([...inProcess.value.rows].map((r) => r.disposition.kind));
    expect(kinds).toEqual(new Set(['valid', 'invalid']));
    expect(inProcess.value.columns.length).toBe(header.length + 1);
  }, 60_000);

  it('a cancel list with duplicates, blank and totals rows (CSV)', async () => {
    const lines = ['采购退货单号,备注'];
    for (let i = 0; i < 2500; i++) lines.push(i % 700 === 0 ? ',' : `CR${i % 2000},r${i}`);
    lines.push('合计,');
    writeUtf8Csv(at('cancel.csv'), `${lines.join('\r\n')}\r\n`);
    const inWorker = await readSheet(at('cancel.csv'), { workerPath, operation: 'return-cancel' });
    const inProcess = await readSheetInProcess(at('cancel.csv'), { operation: 'return-cancel' });
    expect(inWorker).toEqual(inProcess);
    expect(inProcess.ok && [...inProcess.value.rows].some((r) => r.disposition.kind === 'duplicate')).toBe(true);
  });

  it('refusals from the intake worker arrive as the same typed errors', async () => {
    writeFileSync(at('noise.xlsx'), Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const inWorker = await readSheet(at('noise.xlsx'), { workerPath });
    expect(inWorker).toEqual(await readSheetInProcess(at('noise.xlsx')));
    expect(!inWorker.ok && inWorker.error.code).toBe('FILE_UNREADABLE');
  });

  it('a warm worker, started before its file was known, reads the same; the next one is warmed after the read', async () => {
    const file = await writeXlsx(at('warm.xlsx'), [{ name: 'S', rows: [['标题'], header, ...createRows().slice(0, 1200)] }]);
    const ready = warmReadWorker(workerPath);
    await ready;
    const inWorker = await readSheet(file, { workerPath });
    expect(inWorker).toEqual(await readSheetInProcess(file));
    // The read took the warm worker (a fresh promise means a fresh worker), and the next read gets one too.
    const next = warmReadWorker(workerPath);
    expect(next).not.toBe(ready);
    await next;
    expect(await readSheet(at('noise.xlsx'), { workerPath })).toEqual(await readSheetInProcess(at('noise.xlsx')));
  }, 60_000);

  it('tells the first 100 rows, checked, before the read ends; a short sheet all its rows', async () => {
    const file = await writeXlsx(at('first.xlsx'), [{ name: 'S', rows: [['标题'], header, ...createRows()] }]);
    const told: FirstRows[] = [];
    let endedFirst = false;
    const reading = readSheet(file, { workerPath, onFirstRows: (first) => told.push(first) });
    const result = await reading.then((r) => ((endedFirst = told.length === 0), r));
    expect(endedFirst).toBe(false);
    expect(told.length).toBe(1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first] = told as [FirstRows];
    expect([first.sheet, first.headerRow, first.operation]).toEqual([result.value.sheet, result.value.headerRow, result.value.operation]);
    expect(first.rows.length).toBe(100);
    first.rows.forEach((row, i) => {
      const final = result.value.rows.at(i);
      expect(row.rowNumber).toBe(final?.rowNumber);
      expect(row.values).toEqual(final?.values);
      expect(row.cells.slice(0, header.length)).toEqual(final?.cells.slice(0, header.length));
      // Each row's own cell problems are in; the orders' (grouping) problems come with the whole sheet.
      expect(final?.problems.slice(0, row.problems.length)).toEqual(row.problems);
    });
    expect(first.rows.some((r) => r.problems.length > 0)).toBe(true);
    expect(first.columns.map((c) => c.header).slice(0, header.length)).toEqual(header);

    const short = await writeXlsx(at('short.xlsx'), [{ name: 'S', rows: [header, ...createRows().slice(0, 3)] }]);
    const few: FirstRows[] = [];
    const read = await readSheet(short, { workerPath, onFirstRows: (f) => few.push(f) });
    expect(few.map((f) => f.rows.map((r) => r.rowNumber))).toEqual([[2, 3, 4]]);
    expect(read.ok && read.value.rows.length).toBe(3);
  }, 60_000);
});
