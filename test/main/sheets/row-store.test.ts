// The reader keeps its rows packed (row-store.ts): every row it hands out must be exactly the row it was
// given — texts padded to the sheet's width, every kind of value, own problems and grouping's, each
// disposition — and the store must answer by row number whatever order the rows came in (a follow-up's).
import { describe, expect, it } from 'vitest';
import { RowStoreBuilder } from '../../../main/sheets/read/row-store';
import type { CellProblem, FieldValue } from '../../../shared/operations/types';

const problem = (row: number, field: string): CellProblem => ({ row, column: field, field, text: { key: 'sheets.problem.invalid', params: { column: field } } });

describe('the packed row store', () => {
  it('gives back every row as it was given, with grouping\'s word', () => {
    const store = new RowStoreBuilder(['outer_no', 'num', 'defect', 'returnNos']);
    const rows: { n: number; cells: string[]; values: Record<string, FieldValue>; problems: CellProblem[] }[] = [
      { n: 2, cells: ['A1', '3', '是'], values: { outer_no: 'A1', num: 3, defect: true }, problems: [] },
      { n: 3, cells: ['A1', '-0.5', '否', 'X'], values: { outer_no: 'A1', num: -0.5, defect: false, returnNos: ['R1', 'R2'] }, problems: [] },
      { n: 5, cells: ['', 'abc'], values: {}, problems: [problem(5, 'num')] },
      { n: 6, cells: ['B 2', '1e300'], values: { outer_no: 'B 2', num: 1e300 }, problems: [] },
    ];
    for (const r of rows) store.add(r.n, r.cells, r.values, r.problems);
    const grouping = problem(6, 'outer_no');
    store.dispose(
      new Map([
        [2, { kind: 'valid' as const, orderKey: 'A1' }],
        [3, { kind: 'valid' as const, orderKey: 'A1' }],
        [6, { kind: 'duplicate' as const, ofRow: 2 }],
      ]),
      [grouping],
    );
    const packed = store.finish(5);
    expect(packed.length).toBe(4);
    expect(packed.at(0)).toEqual({ rowNumber: 2, cells: ['A1', '3', '是', '', ''], values: { outer_no: 'A1', num: 3, defect: true }, problems: [], disposition: { kind: 'valid', orderKey: 'A1' } });
    expect(packed.at(1)?.values).toEqual(rows[1]?.values);
    expect(Object.keys(packed.at(1)?.values ?? {})).toEqual(['outer_no', 'num', 'defect', 'returnNos']); // the reader's order
    expect(packed.at(2)).toEqual({ rowNumber: 5, cells: ['', 'abc', '', '', ''], values: {}, problems: [problem(5, 'num')], disposition: { kind: 'invalid' } });
    expect(packed.at(-1)).toEqual({ rowNumber: 6, cells: ['B 2', '1e300', '', '', ''], values: { outer_no: 'B 2', num: 1e300 }, problems: [grouping], ownProblems: [], disposition: { kind: 'duplicate', ofRow: 2 } });
    expect(packed.at(4)).toBeUndefined();
    expect([...packed].map((r) => r.rowNumber)).toEqual([2, 3, 5, 6]);
    expect(packed.brief(3)).toEqual({ rowNumber: 6, problems: [grouping], disposition: { kind: 'duplicate', ofRow: 2 } });
    expect(packed.valueAt(1, 'returnNos')).toEqual(['R1', 'R2']);
    expect(packed.valueAt(2, 'outer_no')).toBeUndefined();
    expect(packed.find(5)).toBe(2);
    expect(packed.find(4)).toBe(-1);
  });

  it('finds rows that came out of order, and forgets grouping that was voided', () => {
    const store = new RowStoreBuilder(['outer_no']);
    for (const n of [9, 4, 7]) store.add(n, [`K${n}`], { outer_no: `K${n}` }, []);
    store.dispose(new Map([[4, { kind: 'valid' as const, orderKey: 'K4' }]]), [problem(7, 'outer_no')]);
    store.forgetGrouping();
    store.dispose(new Map([[7, { kind: 'valid' as const, orderKey: 'K7' }]]), []);
    const packed = store.finish(1);
    expect(packed.find(4)).toBe(1);
    expect(packed.find(7)).toBe(2);
    expect(packed.at(1)?.disposition).toEqual({ kind: 'invalid' });
    expect(packed.at(2)).toEqual({ rowNumber: 7, cells: ['K7'], values: { outer_no: 'K7' }, problems: [], disposition: { kind: 'valid', orderKey: 'K7' } });
  });

  it('sized by the sheet\'s own estimate: its arrays grow once, are handed over without a copy, and hold the same rows', () => {
    const fill = (store: RowStoreBuilder) => {
      for (let i = 0; i < 5000; i++) store.add(i + 2, [`K${i}`, String(i)], { outer_no: `K${i}`, num: i }, []);
      return store.finish(2);
    };
    let asked = 0;
    const sized = fill(new RowStoreBuilder(['outer_no', 'num'], () => (asked++, 5000)));
    const doubled = fill(new RowStoreBuilder(['outer_no', 'num']));
    expect(sized).toEqual(doubled);
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThan(10); // asked when an array must grow, not per row
    // One growth to exactly the estimate: the store views that buffer (no copy at the end).
    expect(sized.packed.valueData.buffer.byteLength).toBe(5000 * 2 * 8);
    expect(sized.packed.rowNumbers.buffer.byteLength).toBe(5000 * 4);
    // Without an estimate the arrays doubled past it (8,192 rows): the filled part is copied out, the slack given back.
    expect(doubled.packed.rowNumbers.buffer.byteLength).toBe(5000 * 4);
    expect([...sized].at(-1)).toEqual({ rowNumber: 5001, cells: ['K4999', '4999'], values: { outer_no: 'K4999', num: 4999 }, problems: [], disposition: { kind: 'invalid' } });
  });

  it('refuses a value no column maps to', () => {
    const store = new RowStoreBuilder(['num']);
    expect(() => store.add(2, ['x'], { outer_no: 'x' }, [])).toThrow(/outer_no/);
  });

  it('two stores are equal (toEqual) exactly when their rows are', () => {
    const make = (text: string, kind: 'valid' | 'invalid') => {
      const store = new RowStoreBuilder(['outer_no']);
      store.add(2, [text], { outer_no: text }, []);
      if (kind === 'valid') store.dispose(new Map([[2, { kind, orderKey: text }]]), []);
      return store.finish(1);
    };
    expect(make('A', 'valid')).toEqual(make('A', 'valid'));
    expect(make('A', 'valid')).not.toEqual(make('B', 'valid'));
    expect(make('A', 'valid')).not.toEqual(make('A', 'invalid'));
  });
});
