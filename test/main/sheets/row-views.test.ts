// The review grid's pages come from views over the packed rows (main/app-api/row-views.ts): every view —
// each filter, in sheet order or each order's rows together — must list exactly the rows, in exactly the
// order, that the same walk over plain row objects lists; a row found by number must be where the page has it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderKeyOf, pageOf, problemsOf, rowView } from '../../../main/app-api/row-views';
import { readSheetInProcess } from '../../../main/sheets/read/reader';
import { SheetEditor } from '../../../main/sheets/read/revalidate';
import type { ImportRow, SheetImport } from '../../../main/sheets/read/types';
import { tempDir, writeXlsx } from './fixtures';

const dir = tempDir();
const header = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价'];

/** What the views used to be: arrays of row objects, filtered and grouped. */
function plainView(sheet: SheetImport, filter: string, grouped: boolean): number[] {
  const rows: ImportRow[] = [...sheet.rows];
  let list = rows;
  if (grouped) {
    const buckets = new Map<string, ImportRow[]>();
    const out: (ImportRow | ImportRow[])[] = [];
    for (const row of rows) {
      const key = orderKeyOf(sheet, row);
      if (key === null) out.push(row);
      else {
        let bucket = buckets.get(key);
        if (!bucket) buckets.set(key, (bucket = []));
        if (bucket.length === 0) out.push(bucket);
        bucket.push(row);
      }
    }
    list = out.flat();
  }
  return (filter === 'all' ? list : list.filter((r) => r.disposition.kind === filter)).map((r) => r.rowNumber);
}

describe('views of packed rows', () => {
  it('list every filter, in sheet order and grouped, as plain rows would; pages and finds agree', async () => {
    // Orders whose rows are scattered, a conflict, a bad quantity, keyless rows.
    const body = Array.from({ length: 60 }, (_, i) => [i % 7 === 0 ? '' : `CG${i % 9}`, 'W1', i === 13 ? 'P2' : 'P1', `SKU${i}`, i === 20 ? 'abc' : 1, 5]);
    const file = await writeXlsx(path.join(dir, 'views.xlsx'), [{ name: 'S', rows: [header, ...body] }]);
    const read = await readSheetInProcess(file);
    if (!read.ok) throw new Error(read.error.message);
    const editor = new SheetEditor(read.value);
    editor.set([{ rowNumber: 5, column: 0, value: 'CG-NEW' }]);
    for (const sheet of [read.value, editor.current()]) {
      const kinds = new Set([...sheet.rows].map((r) => r.disposition.kind));
      expect(kinds).toEqual(new Set(['valid', 'invalid']));
      for (const filter of ['all', 'valid', 'invalid', 'duplicate'] as const) {
        for (const grouped of [false, true]) {
          const view = rowView(sheet, filter, grouped);
          const want = plainView(sheet, filter, grouped);
          expect([...view.rowNumbers]).toEqual(want);
          expect(pageOf(sheet, view, 3, 7).map((r) => r.rowNumber)).toEqual(want.slice(3, 10));
          if (want.length > 4) expect(view.rowNumbers.indexOf(want[4] as number)).toBe(4);
        }
      }
      expect(problemsOf(sheet)).toEqual([...sheet.rows].flatMap((r) => r.problems));
    }
    // The edit shows in the edited sheet's views, not in the read's.
    expect(pageOf(editor.current(), rowView(editor.current(), 'all', false), 3, 1)[0]?.cells[0]).toBe('CG-NEW');
    expect(pageOf(read.value, rowView(read.value, 'all', false), 3, 1)[0]?.cells[0]).toBe('CG3');
  });
});
