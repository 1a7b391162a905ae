// Edits in the review grid (issue 16 item 2): an edited cell is judged by the reader's own rules, the
// order it belongs to is regrouped, and setting a cell back to the file's text restores the reader's verdict.
// Real .xlsx files read by the real reader; the editor's answer is compared with a fresh read of the fixed file.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheetInProcess } from '../../../main/sheets/read/reader';
import { SheetEditor } from '../../../main/sheets/read/revalidate';
import type { SheetImport } from '../../../main/sheets/read/types';
import { tempDir, writeXlsx, type CellInput } from './fixtures';
import { RowStoreBuilder } from '../../../main/sheets/read/row-store';

const dir = tempDir();
const header = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价', '邮费'];
let n = 0;

async function read(rows: CellInput[][]): Promise<SheetImport> {
  const file = await writeXlsx(path.join(dir, `s${++n}.xlsx`), [{ name: 'S', rows: [header, ...rows] }]);
  const got = await readSheetInProcess(file);
  if (!got.ok) throw new Error(JSON.stringify(got.error));
  return got.value;
}

/** What a person compares: each row's cells, disposition and problems (by field and message key), and the orders. */
const view = (sheet: SheetImport) => ({
  rows: [...sheet.rows].map((r) => ({ row: r.rowNumber, cells: r.cells, disposition: r.disposition, problems: r.problems.map((p) => `${p.field}:${p.text.key}`).sort() })),
  orders: [...sheet.orders],
});

const edit = (editor: SheetEditor, rowNumber: number, column: number, value: string) => {
  const got = editor.set([{ rowNumber, column, value }]);
  if ('refused' in got) throw new Error(got.refused);
  return got.rows;
};

describe('SheetEditor', () => {
  it('a bad decimal fixed in the grid makes the row and its order valid, exactly as a read of the fixed file would', async () => {
    const sheet = await read([
      ['CG1', 'W1', 'P1', 'SKU-A', '1,2x', 5],
      ['CG1', 'W1', 'P1', 'SKU-B', 2, 5],
      ['CG2', 'W1', 'P1', 'SKU-C', 3, 5],
    ]);
    expect(sheet.rows.at(0)?.disposition.kind).toBe('invalid');
    expect(sheet.rows.at(1)?.disposition.kind).toBe('invalid'); // its order has a bad row
    expect([...sheet.orders].map((o) => o.key)).toEqual(['CG2']);
    const editor = new SheetEditor(sheet);
    const changed = edit(editor, 2, 4, '12');
    // Only the edited order's rows are looked at.
    expect(changed.map((r) => r.rowNumber)).toEqual([2, 3]);
    const fixed = await read([
      ['CG1', 'W1', 'P1', 'SKU-A', '12', 5],
      ['CG1', 'W1', 'P1', 'SKU-B', 2, 5],
      ['CG2', 'W1', 'P1', 'SKU-C', 3, 5],
    ]);
    expect(view(editor.current())).toEqual(view(fixed));
    expect(editor.current().rows.at(0)?.edits).toEqual([{ column: 4, original: '1,2x' }]);
    expect(editor.editedCells).toBe(1);
  });

  it('an edit that makes two rows of one order disagree makes both rows invalid, and the order is not sent', async () => {
    const sheet = await read([
      ['CG1', 'W1', 'P1', 'SKU-A', 1, 5, 10],
      ['CG1', 'W1', 'P1', 'SKU-B', 2, 5, 10],
    ]);
    expect([...sheet.orders].map((o) => o.key)).toEqual(['CG1']);
    const editor = new SheetEditor(sheet);
    edit(editor, 3, 6, '12');
    const now = editor.current();
    expect([...now.rows].map((r) => r.disposition.kind)).toEqual(['invalid', 'invalid']);
    expect([...now.rows].map((r) => r.problems.map((p) => p.text.key))).toEqual([['operations.order.conflict'], ['operations.order.conflict']]);
    expect([...now.orders]).toEqual([]);
  });

  it('a price that is no number and a too-long text are refused as the reader refuses them', async () => {
    const sheet = await read([['CG1', 'W1', 'P1', 'SKU-A', 1, 5]]);
    const editor = new SheetEditor(sheet);
    edit(editor, 2, 5, 'abc');
    expect(editor.current().rows.at(0)?.problems.map((p) => `${p.field}:${p.text.key}`)).toEqual(
      (await read([['CG1', 'W1', 'P1', 'SKU-A', 1, 'abc']])).rows.at(0)?.problems.map((p) => `${p.field}:${p.text.key}`),
    );
    expect(editor.current().rows.at(0)?.disposition.kind).toBe('invalid');
    edit(editor, 2, 3, 'x'.repeat(300));
    expect(editor.current().rows.at(0)?.problems.map((p) => p.field).sort()).toEqual(['price', 'spec_no']);
  });

  it('moving a row to another order (its key edited) regroups both orders', async () => {
    const sheet = await read([
      ['CG1', 'W1', 'P1', 'SKU-A', 1, 5],
      ['CG1', 'W2', 'P1', 'SKU-B', 2, 5],
      ['CG2', 'W1', 'P1', 'SKU-C', 3, 5],
    ]);
    expect([...sheet.orders].map((o) => o.key)).toEqual(['CG2']); // CG1's warehouses disagree
    const editor = new SheetEditor(sheet);
    const changed = edit(editor, 3, 0, 'CG2');
    expect(changed.map((r) => r.rowNumber).sort()).toEqual([2, 3, 4]);
    // CG1 is now row 2 alone (valid); CG2 holds rows 3 and 4, whose warehouses disagree.
    expect(view(editor.current())).toEqual(view(await read([
      ['CG1', 'W1', 'P1', 'SKU-A', 1, 5],
      ['CG2', 'W2', 'P1', 'SKU-B', 2, 5],
      ['CG2', 'W1', 'P1', 'SKU-C', 3, 5],
    ])));
  });

  it('undo: setting the cell back to the file\'s text restores the reader\'s verdict exactly, and no edit is left', async () => {
    const sheet = await read([
      ['CG1', 'W1', 'P1', 'SKU-A', 1, 5, 10],
      ['CG1', 'W1', 'P1', 'SKU-B', 2, 5, 10],
    ]);
    const editor = new SheetEditor(sheet);
    edit(editor, 3, 6, '12');
    edit(editor, 3, 6, '10');
    expect(view(editor.current())).toEqual(view(sheet));
    expect([...editor.current().rows].every((r) => r.edits === undefined)).toBe(true);
    expect(editor.editedCells).toBe(0);
  });

  it('a list operation: a number edited into one already listed becomes a duplicate; edited away, it is sent again', async () => {
    const file = await writeXlsx(path.join(dir, 'cancel.xlsx'), [{ name: 'S', rows: [['采购退货单号'], ['CT1'], ['CT2']] }]);
    const got = await readSheetInProcess(file, { operation: 'return-cancel' });
    if (!got.ok) throw new Error('read');
    const editor = new SheetEditor(got.value);
    edit(editor, 3, 0, 'CT1');
    expect([...editor.current().rows].map((r) => r.disposition)).toEqual([{ kind: 'valid', orderKey: 'CT1' }, { kind: 'duplicate', ofRow: 2 }]);
    expect([...editor.current().orders].map((o) => o.key)).toEqual(['CT1']);
    edit(editor, 3, 0, 'CT3');
    expect([...editor.current().orders].map((o) => o.key)).toEqual(['CT1', 'CT3']);
  });

  it('a 100,000-row list: an edit looks at its own order only', async () => {
    // The read of a small list gives the real columns and operation; its rows are multiplied by hand.
    const file = await writeXlsx(path.join(dir, 'big.xlsx'), [{ name: 'S', rows: [['采购退货单号'], ['CT1']] }]);
    const got = await readSheetInProcess(file, { operation: 'return-cancel' });
    if (!got.ok) throw new Error('read');
    const keys = Array.from({ length: 100_000 }, (_, i) => `CT${i + 1}`);
    // Packed, as the reader keeps them (row-store.ts).
    const store = new RowStoreBuilder(['returnNos']);
    keys.forEach((key, i) => store.add(i + 2, [key], { returnNos: key }, []));
    store.dispose(new Map(keys.map((key, i) => [i + 2, { kind: 'valid' as const, orderKey: key }])), []);
    const big: SheetImport = { ...got.value, rows: store.finish(1), orders: keys.map((key, i) => ({ key, rows: [i + 2], header: { returnNos: key }, lines: [] })) };
    const editor = new SheetEditor(big);
    const first = performance.now();
    edit(editor, 50_001, 0, 'CT7'); // builds the key index once, from the packed keys
    console.info(`first edit in a 100,000-row sheet (key index built): ${(performance.now() - first).toFixed(1)} ms`);
    const started = performance.now();
    const changed = edit(editor, 70_001, 0, 'CT-NEW');
    const ms = performance.now() - started;
    console.info(`one edit in a 100,000-row sheet: ${ms.toFixed(1)} ms`);
    expect(changed.map((r) => r.rowNumber)).toEqual([70_001]);
    expect(editor.current().orders).toHaveLength(99_999); // CT7 twice: row 50,001 is a duplicate
    expect(editor.current().rows.at(49_999)?.disposition).toEqual({ kind: 'duplicate', ofRow: 8 });
    expect(editor.current().rows.at(69_999)?.cells).toEqual(['CT-NEW']);
    expect(editor.current().rows.at(70_000)).toEqual({ rowNumber: 70_002, cells: ['CT70001'], values: { returnNos: 'CT70001' }, problems: [], disposition: { kind: 'valid', orderKey: 'CT70001' } });
    expect(got.value.rows.length).toBe(1); // the read itself is untouched
  });

  it('refuses a row or column the sheet does not have', async () => {
    const editor = new SheetEditor(await read([['CG1', 'W1', 'P1', 'SKU-A', 1, 5]]));
    expect(editor.set([{ rowNumber: 99, column: 0, value: 'x' }])).toMatchObject({ refused: 'unknown-row' });
    expect(editor.set([{ rowNumber: 2, column: 50, value: 'x' }])).toMatchObject({ refused: 'unknown-column' });
  });
});
