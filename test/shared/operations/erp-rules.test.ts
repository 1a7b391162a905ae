// Issue 12 item 6: cells the ERP would refuse are caught before sending — discount 0 (折扣应大于0), a masked
// phone number (电话号码不能包含*), the same item twice in one order (货品 X 重复!), and every length the
// vendor's pages document, for createOrder and for the four list methods.
import { describe, expect, it } from 'vitest';
import { getOperation } from '../../../shared/operations/catalog';
import { normaliseCell } from '../../../shared/operations/cells';
import { groupRows, type GroupInputRow } from '../../../shared/operations/grouping';
import type { RawCell } from '../../../shared/operations/cells';
import type { FieldValue, OperationId } from '../../../shared/operations/types';

const text = (t: string): RawCell => ({ kind: 'text', text: t });
const num = (n: number): RawCell => ({ kind: 'number', text: String(n), number: n });
const cell = (op: OperationId, key: string, raw: RawCell) => {
  const def = getOperation(op)!.fields.find((f) => f.key === key);
  if (!def) throw new Error(`${op} has no field ${key}`);
  return normaliseCell(def, raw);
};

describe('discount must be more than 0', () => {
  it.each([text('0'), num(0), text('0.0000'), text('0%')])('refuses %j', (raw) => {
    expect(cell('return-create', 'discount', raw)).toMatchObject({ problem: { key: 'operations.cell.notPositive' } });
  });
  it('takes 1, 0.8, 80% and the smallest step 0.0001', () => {
    expect(cell('return-create', 'discount', text('1'))).toEqual({ value: '1' });
    expect(cell('return-create', 'discount', num(0.8))).toEqual({ value: '0.8' });
    expect(cell('return-create', 'discount', text('80%'))).toEqual({ value: '0.8' });
    expect(cell('return-create', 'discount', text('0.0001'))).toEqual({ value: '0.0001' });
  });
  it('the row schema refuses 0 too (the cell check is not the only guard); a tax rate of 0 stays fine', () => {
    const schema = getOperation('return-create')!.rowSchema;
    const row = { outer_no: 'O1', spec_no: 'S1', num: '1' };
    expect(schema.safeParse({ ...row, discount: '0' }).success).toBe(false);
    expect(schema.safeParse({ ...row, discount: '0.5' }).success).toBe(true);
    expect(schema.safeParse({ ...row, tax_rate: '0' }).success).toBe(true);
    expect(cell('return-create', 'tax_rate', text('0'))).toEqual({ value: '0' });
  });
});

describe('a phone number may not contain *', () => {
  it('refuses a masked number, naming the character', () => {
    expect(cell('return-create', 'telno', text('138****1234'))).toEqual({
      problem: { key: 'operations.cell.forbiddenChar', params: { char: '*', text: '138****1234' } },
    });
  });
  it('takes ordinary numbers with dashes, spaces and an extension', () => {
    expect(cell('return-create', 'telno', text('0571-8888 6666 转 8'))).toEqual({ value: '0571-8888 6666 转 8' });
    expect(cell('return-create', 'telno', num(13800001234))).toEqual({ value: '13800001234' });
  });
  it('other fields keep their * (a remark may say "*urgent*")', () => {
    expect(cell('return-create', 'remark', text('*urgent*'))).toEqual({ value: '*urgent*' });
  });
});

// The documented lengths, restated from the vendor's pages (seeds/003 for createOrder; the query pages for the
// number columns of the list methods), so a field that loses or changes its limit fails here.
const documented: [OperationId, string, number][] = [
  ['return-create', 'outer_no', 20],
  ['return-create', 'warehouse_no', 40],
  ['return-create', 'provider_no', 20],
  ['return-create', 'contact', 40],
  ['return-create', 'telno', 32],
  ['return-create', 'receive_address', 255],
  ['return-create', 'prop1', 255],
  ['return-create', 'prop2', 255],
  ['return-create', 'remark', 255],
  ['return-create', 'ref_purchase_nos', 20],
  ['return-create', 'spec_no', 40],
  ['return-create', 'unit_name', 40],
  ['return-create', 'detail_remark', 255],
  ['return-create', 'batch_no', 40],
  ['return-cancel', 'returnNos', 20],
  ['return-pending', 'purchaseReturnNos', 20],
  ['other-in-cancel', 'order_no_list', 40],
  ['stockin-cancel', 'stockin_no', 20],
];

describe('every documented length is enforced', () => {
  it.each(documented)('%s %s: %i characters pass, one more is refused naming the limit', (op, key, max) => {
    const fits = 'A'.repeat(max - 1) + '货';
    const value = cell(op, key, text(fits));
    expect(value).toEqual({ value: key === 'ref_purchase_nos' ? [fits] : fits });
    expect(cell(op, key, text(`${fits}B`))).toEqual({ problem: { key: 'operations.cell.tooLong', params: { max, length: max + 1 } } });
    // The row schema agrees with the cell check at the limit.
    const schema = getOperation(op)!.rowSchema;
    const row: Record<string, FieldValue> = { outer_no: 'O1', spec_no: 'S1', num: '1', [getOperation(op)!.keyField]: 'K1' };
    expect(schema.safeParse({ ...row, [key]: key === 'ref_purchase_nos' ? [fits] : fits }).success).toBe(true);
  });

  it('each number in a list cell is held to the limit on its own', () => {
    expect(cell('return-create', 'ref_purchase_nos', text(`RH1,${'9'.repeat(21)}`))).toMatchObject({ problem: { key: 'operations.cell.tooLong', params: { max: 20 } } });
  });

  it('no createOrder field the page gives a length to is without one', () => {
    const limited = new Set(documented.filter(([op]) => op === 'return-create').map(([, key]) => key));
    const create = getOperation('return-create')!;
    const withLimit = create.fields.filter((f) => f.maxLength !== undefined).map((f) => f.key);
    expect(new Set(withLimit)).toEqual(limited);
  });
});

describe('the same item twice in one order', () => {
  const create = getOperation('return-create')!;
  const head = { warehouse_no: 'W1', provider_no: 'P1' };
  const line = (rowNumber: number, outer: string, spec: string, extra: Record<string, FieldValue> = {}): GroupInputRow => ({
    rowNumber,
    values: { outer_no: outer, spec_no: spec, num: '1', ...(rowNumber === 2 ? head : {}), ...extra },
    problems: [],
  });

  it('identical lines are an error: the whole order is held back, the repeat names the first row', () => {
    const g = groupRows(create, [line(2, 'R1', 'SKU-A'), line(3, 'R1', 'SKU-B'), line(4, 'R1', 'SKU-A')]);
    expect(g.orders).toEqual([]);
    expect([2, 3, 4].map((n) => g.dispositions.get(n)?.kind)).toEqual(['invalid', 'invalid', 'invalid']);
    const repeat = g.problems.find((p) => p.row === 4);
    expect(repeat).toEqual({ row: 4, column: '商家编码', field: 'spec_no', text: { key: 'operations.order.sameItem', params: { key: 'R1', spec: 'SKU-A', row: 2 } } });
    expect(repeat?.severity).toBeUndefined(); // an error: absent severity
  });

  it('lines that differ in batch or expiry are a warning: the order is still sent', () => {
    const g = groupRows(create, [
      line(2, 'R1', 'SKU-A', { batch_no: 'B1' }),
      line(3, 'R1', 'SKU-A', { batch_no: 'B2' }),
      line(4, 'R1', 'SKU-A', { batch_no: 'B1', expire_date: '2027-01-01 00:00:00' }),
    ]);
    expect(g.orders.map((o) => [o.key, o.rows])).toEqual([['R1', [2, 3, 4]]]);
    expect([2, 3, 4].map((n) => g.dispositions.get(n)?.kind)).toEqual(['valid', 'valid', 'valid']);
    expect(g.problems).toEqual([
      { row: 3, column: '商家编码', field: 'spec_no', severity: 'warning', text: { key: 'operations.order.sameItemOtherBatch', params: { key: 'R1', spec: 'SKU-A', row: 2 } } },
      { row: 4, column: '商家编码', field: 'spec_no', severity: 'warning', text: { key: 'operations.order.sameItemOtherBatch', params: { key: 'R1', spec: 'SKU-A', row: 2 } } },
    ]);
  });

  it('a batch repeated among several variants is still an error on the repeat', () => {
    const g = groupRows(create, [line(2, 'R1', 'SKU-A', { batch_no: 'B1' }), line(3, 'R1', 'SKU-A', { batch_no: 'B2' }), line(4, 'R1', 'SKU-A', { batch_no: 'B2' })]);
    expect(g.orders).toEqual([]);
    expect(g.problems.filter((p) => p.severity !== 'warning').map((p) => [p.row, p.text.key])).toContainEqual([4, 'operations.order.sameItem']);
  });

  it('the same item in two different orders is fine', () => {
    const g = groupRows(create, [line(2, 'R1', 'SKU-A'), { ...line(3, 'R2', 'SKU-A'), values: { outer_no: 'R2', spec_no: 'SKU-A', num: '1', ...head } }]);
    expect(g.orders.map((o) => o.key)).toEqual(['R1', 'R2']);
    expect(g.problems).toEqual([]);
  });
});
