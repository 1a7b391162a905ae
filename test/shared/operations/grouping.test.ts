import { describe, expect, it } from 'vitest';
import { getOperation } from '../../../shared/operations/catalog';
import { groupRows, type GroupInputRow } from '../../../shared/operations/grouping';
import type { FieldValue } from '../../../shared/operations/types';

const create = getOperation('return-create')!;
const cancel = getOperation('return-cancel')!;
const row = (rowNumber: number, values: Record<string, FieldValue>, problemFields: string[] = []): GroupInputRow => ({
  rowNumber,
  values,
  problems: problemFields.map((field) => ({ row: rowNumber, field })),
});
const head = { warehouse_no: 'W1', provider_no: 'P1' };

describe('groupRows: lists', () => {
  it('submits a repeated number once; the later row is a duplicate of the first', () => {
    const g = groupRows(cancel, [row(2, { returnNos: 'CR1' }), row(3, { returnNos: 'CR2' }), row(4, { returnNos: 'CR1' })]);
    expect(g.orders).toEqual([
      { key: 'CR1', rows: [2], header: { returnNos: 'CR1' }, lines: [] },
      { key: 'CR2', rows: [3], header: { returnNos: 'CR2' }, lines: [] },
    ]);
    expect(g.dispositions.get(4)).toEqual({ kind: 'duplicate', ofRow: 2 });
    expect(g.dispositions.get(2)).toEqual({ kind: 'valid', orderKey: 'CR1' });
    expect(g.problems).toEqual([
      { row: 4, column: '采购退货单号', field: 'returnNos', text: { key: 'operations.row.duplicate', params: { row: 2, key: 'CR1' } } },
    ]);
  });

  it('a row without its number is invalid, said once; a row with a bad number keeps only its own problem', () => {
    const g = groupRows(cancel, [row(2, {}), row(3, {}, ['returnNos'])], { columnOf: () => '退货单号' });
    expect([...g.dispositions.values()]).toEqual([{ kind: 'invalid' }, { kind: 'invalid' }]);
    expect(g.problems).toEqual([
      { row: 2, column: '退货单号', field: 'returnNos', text: { key: 'operations.row.missingRequired', params: { column: '退货单号' } } },
    ]);
    expect(g.orders).toEqual([]);
  });
});

describe('groupRows: createOrder', () => {
  it('rows sharing an outer_no form one order even when not adjacent; order fields on the first row only', () => {
    const g = groupRows(create, [
      row(2, { outer_no: 'A', ...head, remark: 'r', spec_no: 'S1', num: '1' }),
      row(3, { outer_no: 'B', ...head, spec_no: 'S9', num: '2', defect: true }),
      row(4, { outer_no: 'A', spec_no: 'S2', num: '3', detail_remark: 'x' }),
    ]);
    expect(g.problems).toEqual([]);
    expect(g.orders).toEqual([
      { key: 'A', rows: [2, 4], header: { outer_no: 'A', ...head, remark: 'r' }, lines: [{ spec_no: 'S1', num: '1' }, { spec_no: 'S2', num: '3', detail_remark: 'x' }] },
      { key: 'B', rows: [3], header: { outer_no: 'B', ...head }, lines: [{ spec_no: 'S9', num: '2', defect: true }] },
    ]);
    expect(g.dispositions.get(4)).toEqual({ kind: 'valid', orderKey: 'A' });
  });

  it('repeated equal order values are fine; two different values are a problem on each conflicting row, naming the column', () => {
    const same = groupRows(create, [row(2, { outer_no: 'A', ...head, spec_no: 'S1', num: '1' }), row(3, { outer_no: 'A', ...head, spec_no: 'S2', num: '1' })]);
    expect(same.problems).toEqual([]);
    const g = groupRows(
      create,
      [
        row(2, { outer_no: 'A', ...head, spec_no: 'S1', num: '1' }),
        row(3, { outer_no: 'A', spec_no: 'S2', num: '1' }),
        row(4, { outer_no: 'A', warehouse_no: 'W2', spec_no: 'S3', num: '1' }),
      ],
      { columnOf: (k) => (k === 'warehouse_no' ? '仓库' : undefined) },
    );
    expect(g.orders).toEqual([]);
    const conflict = { key: 'operations.order.conflict', params: { key: 'A', column: '仓库', values: 'W1 / W2' } };
    expect(g.problems).toEqual([
      { row: 2, column: '仓库', field: 'warehouse_no', text: conflict },
      { row: 3, column: '外部单号', field: 'outer_no', text: { key: 'operations.order.otherRowInvalid', params: { key: 'A', rows: '2, 4' } } },
      { row: 4, column: '仓库', field: 'warehouse_no', text: conflict },
    ]);
    expect([...g.dispositions.values()].every((d) => d.kind === 'invalid')).toBe(true);
  });

  it('an invalid row poisons its whole order, not the others', () => {
    const g = groupRows(create, [
      row(2, { outer_no: 'A', ...head, spec_no: 'S1', num: '1' }),
      row(3, { outer_no: 'A', spec_no: 'S2' }, ['num']),
      row(4, { outer_no: 'B', ...head, spec_no: 'S1', num: '1' }),
    ]);
    expect(g.orders.map((o) => o.key)).toEqual(['B']);
    expect(g.dispositions.get(2)).toEqual({ kind: 'invalid' });
    expect(g.dispositions.get(3)).toEqual({ kind: 'invalid' });
    expect(g.dispositions.get(4)).toEqual({ kind: 'valid', orderKey: 'B' });
    // Row 3 keeps only its own cell problem; row 2 learns why it is not sent.
    expect(g.problems).toEqual([
      { row: 2, column: '外部单号', field: 'outer_no', text: { key: 'operations.order.otherRowInvalid', params: { key: 'A', rows: '3' } } },
    ]);
  });

  it('reports missing required values: order fields once per order, line fields per row', () => {
    const g = groupRows(create, [row(2, { outer_no: 'A', provider_no: 'P', num: '1' }), row(3, { outer_no: 'A', spec_no: 'S', num: '1' }), row(4, { spec_no: 'S', num: '1' })]);
    expect(g.problems.map((p) => [p.row, p.field, p.text.key])).toEqual([
      [2, 'warehouse_no', 'operations.row.missingRequired'],
      [2, 'spec_no', 'operations.row.missingRequired'],
      [3, 'outer_no', 'operations.order.otherRowInvalid'],
      [4, 'outer_no', 'operations.row.missingRequired'],
    ]);
    expect(g.orders).toEqual([]);
    expect(g.dispositions.size).toBe(3);
  });

  it('gives every input row exactly one disposition', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(i + 2, i % 7 === 0 ? {} : { outer_no: `O${i % 4}`, ...head, spec_no: `S${i}`, num: '1' }));
    const g = groupRows(create, rows);
    expect([...g.dispositions.keys()].sort((a, b) => a - b)).toEqual(rows.map((r) => r.rowNumber));
    const inOrders = g.orders.flatMap((o) => o.rows);
    expect(inOrders.every((n) => g.dispositions.get(n)?.kind === 'valid')).toBe(true);
  });
});
