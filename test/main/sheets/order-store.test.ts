// The reader keeps its orders packed (order-store.ts): an order is its key and its rows' indices, made an
// OrderDraft when asked for. Every order it hands out must be exactly the one grouping made — the same
// header (order-level values filled on any row), the same lines, the same rows, in the same order, the same
// JSON (the job store writes it) — also when a key comes back after its order was grouped early, and over
// the read worker.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheet, readSheetInProcess } from '../../../main/sheets/read/reader';
import type { SheetImport } from '../../../main/sheets/read/types';
import { getOperation } from '../../../shared/operations/catalog';
import { groupRows } from '../../../shared/operations/grouping';
import { briefsOf } from '../../../shared/row-list';
import { tempDir, writeUtf8Csv } from './fixtures';

const dir = tempDir();
const header = '外部单号,仓库编码,供应商编号,商家编码,退货数量,单价,明细备注,批次号';

/** Grouping over the read's own rows (their values and own problems), in one call: what the orders must be. */
function groupedAgain(sheet: SheetImport) {
  const op = getOperation(sheet.operation);
  if (!op) throw new Error('no operation');
  const columnOf = (key: string) => sheet.columns.find((c) => c.field === key)?.header;
  const inputs = [...sheet.rows].map((r) => ({ rowNumber: r.rowNumber, values: r.values, problems: r.ownProblems ?? r.problems }));
  return groupRows(op, inputs, { columnOf }).orders;
}

function expectGroupingsOrders(sheet: SheetImport) {
  const expected = groupedAgain(sheet);
  const made = [...sheet.orders];
  expect(made).toEqual(expected);
  expect(made.map((o) => JSON.stringify(o))).toEqual(expected.map((o) => JSON.stringify(o)));
  expect(briefsOf(sheet.orders)).toEqual(expected.map((o) => ({ key: o.key, rows: o.rows })));
  expect(sheet.orders.at(-1)).toEqual(expected.at(-1));
  expect(sheet.orders.at(expected.length)).toBeUndefined();
}

describe('the packed orders', () => {
  it('are grouping\'s orders: order-level values from any row, lines, an invalid order left out', async () => {
    const file = path.join(dir, 'small.csv');
    writeUtf8Csv(
      file,
      [
        header,
        'CG1,WH01,P001,SKU1,2,10.5,一,B1',
        ',,,,,,,', // blank: skipped
        'CG2,WH02,P002,SKU2,1,3,,',
        'CG1,,,SKU3,4,1.25,三,', // CG1's second line, its order-level cells left blank
        'CG3,WH01,P001,SKU4,abc,1,,', // invalid quantity: CG3 is not an order
        'CG2,WH02,P002,SKU5,7,2,五,B5',
      ].join('\n'),
    );
    const r = await readSheetInProcess(file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(briefsOf(r.value.orders)).toEqual([
      { key: 'CG1', rows: [2, 5] },
      { key: 'CG2', rows: [4, 7] },
    ]);
    expect(r.value.orders.at(0)?.header).toMatchObject({ outer_no: 'CG1' });
    expect(r.value.orders.at(0)?.lines).toHaveLength(2);
    expectGroupingsOrders(r.value);
  });

  it('are grouping\'s orders over 3,000 rows whose first key comes back at the end (grouped early, then again), in-process and over the worker', async () => {
    const file = path.join(dir, 'back.csv');
    const lines = [header];
    for (let i = 0; i < 3000; i++) lines.push(`CG${Math.floor(i / 3)},WH0${Math.floor(i / 3) % 2},P001,SKU${i % 70},${(i % 9) + 1},${12 + (i % 7) / 4},备注${i % 11},B${i % 5}`);
    lines.push('CG0,,,SKUX,1,1,,'); // CG0 again, long after its order was grouped
    writeUtf8Csv(file, lines.join('\n'));
    const inProcess = await readSheetInProcess(file);
    const inWorker = await readSheet(file, { workerPath: path.resolve('out/node/read-worker.cjs') });
    for (const r of [inProcess, inWorker]) {
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      // CG0's late row leaves its order-level cells blank: one order of 4 rows, its lines in row order.
      expect(r.value.orders.at(0)?.rows).toEqual([2, 3, 4, 3002]);
      expectGroupingsOrders(r.value);
    }
  });
});
