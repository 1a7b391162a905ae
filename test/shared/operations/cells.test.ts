import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { getOperation, operations } from '../../../shared/operations/catalog';
import { normaliseCell, plainDecimal } from '../../../shared/operations/cells';
import { normaliseDecimal } from '../../../shared/operations/cell-decimal';
import type { RawCell } from '../../../shared/operations/cells';
import type { FieldDef } from '../../../shared/operations/types';

const create = getOperation('return-create')!;
const f = (key: string): FieldDef => create.fields.find((x) => x.key === key)!;
const text = (t: string): RawCell => ({ kind: 'text', text: t });
const num = (n: number, shown = String(n)): RawCell => ({ kind: 'number', number: n, text: shown });
const value = (field: string, cell: RawCell) => normaliseCell(f(field), cell);
const problemKey = (field: string, cell: RawCell) => {
  const r = value(field, cell);
  return 'problem' in r ? r.problem.key : undefined;
};

describe('normaliseCell: ids', () => {
  it('uses the text the cell shows', () => {
    expect(value('outer_no', num(123))).toEqual({ value: '123' });
    expect(value('outer_no', num(123, '000123'))).toEqual({ value: '000123' });
    expect(value('outer_no', text('  CR001\u00a0\u200b '))).toEqual({ value: 'CR001' });
  });
  it('refuses numbers Excel has already mangled, telling the clerk to format the column as text', () => {
    expect(problemKey('outer_no', num(123456789012345680, '1.23457E+17'))).toBe('operations.cell.idScientific');
    expect(problemKey('outer_no', text('1.23457E+17'))).toBe('operations.cell.idScientific');
    expect(problemKey('spec_no', num(1234567890123456, '1234567890123456'))).toBe('operations.cell.idTooManyDigits');
    expect(value('spec_no', text('12345678901234567890'))).toEqual({ value: '12345678901234567890' });
  });
  it('counts length in characters as the API does, naming the limit', () => {
    expect(value('outer_no', text('𠮷'.repeat(20)))).toEqual({ value: '𠮷'.repeat(20) });
    expect(value('outer_no', text('𠮷'.repeat(21)))).toEqual({ problem: { key: 'operations.cell.tooLong', params: { max: 20, length: 21 } } });
  });
  it('treats empty and blank cells as empty', () => {
    expect(value('outer_no', { kind: 'empty', text: '' })).toEqual({ empty: true });
    expect(value('outer_no', text(' \u00a0\u200b '))).toEqual({ empty: true });
  });
});

describe('normaliseCell: text', () => {
  it('trims, drops zero-width characters, keeps a pasted NBSP as a space', () => {
    expect(value('remark', text('\u200b 退货\u00a0说明 '))).toEqual({ value: '退货 说明' });
    expect(problemKey('contact', text('a'.repeat(41)))).toBe('operations.cell.tooLong');
  });
});

/** 1234567.5 → "1,234,567.5", as Excel's thousands format shows it. */
const withThousands = (d: string): string => {
  const [int = '', frac] = d.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
};

describe('normaliseCell: decimals', () => {
  const ok: Array<[string, RawCell, string]> = [
    ['num', text('1,234.5'), '1234.5'],
    ['num', text('１２.５'), '12.5'],
    ['num', text('  3  '), '3'],
    ['num', text('12.3400'), '12.34'],
    ['num', num(0.1 + 0.2, '0.3'), '0.3'],
    ['num', num(12.3456), '12.3456'],
    ['price', text('0'), '0'],
    ['post_fee', text('100000000000000.0001'), '100000000000000.0001'],
    ['tax_rate', text('13%'), '0.13'],
    ['tax_rate', text('１３％'), '0.13'],
    ['tax_rate', num(0.13, '13%'), '0.13'],
    ['discount', text('0.8'), '0.8'],
  ];
  it.each(ok)('%s %j → %s', (field, cell, expected) => expect(value(field, cell)).toEqual({ value: expected }));

  const bad: Array<[string, RawCell, string]> = [
    ['num', text('1.23456'), 'operations.cell.tooManyDecimals'],
    ['num', text('-1'), 'operations.cell.negative'],
    ['price', text('-0.5'), 'operations.cell.negative'],
    ['num', text('0'), 'operations.cell.notPositive'],
    ['num', num(0), 'operations.cell.notPositive'],
    ['num', text('1000000000000000'), 'operations.cell.outOfRange'],
    ['num', text('abc'), 'operations.cell.notDecimal'],
    ['num', text('1,5'), 'operations.cell.notDecimal'],
    ['num', text('1e5'), 'operations.cell.notDecimal'],
    ['num', text('13%'), 'operations.cell.percentNotAllowed'],
    ['tax_rate', text('12.345%'), 'operations.cell.tooManyDecimals'],
    ['num', { kind: 'boolean', text: 'TRUE' }, 'operations.cell.notDecimal'],
  ];
  it.each(bad)('%s %j → %s', (field, cell, key) => expect(problemKey(field, cell)).toBe(key));

  it('round-trips every Decimal(19,4) value exactly (property)', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 9999 }))
      .map(([int, frac]) => `${int}.${String(frac).padStart(4, '0')}`);
    fc.assert(
      fc.property(decimal, fc.boolean(), (d, grouped) => {
        const shown = grouped ? withThousands(d) : d;
        const r = value('post_fee', text(shown));
        expect(r).toEqual({ value: new Decimal(d).toFixed() });
      }),
    );
  });
});

describe('plainDecimal: the fast path agrees with decimal.js', () => {
  const decimalFields = operations.flatMap((op) => op.fields).filter((x) => x.type === 'decimal' || x.type === 'rate');
  /** What normaliseCell would say if the fast path did not exist. */
  const slow = (field: FieldDef, cell: RawCell) => normaliseDecimal(field, cell, cell.text.trim());

  it('number cells: whatever it answers, decimal.js answers the same (property)', () => {
    const number = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1e16, max: 1e16, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 10_000),
      fc.integer().map((n) => n / 100),
      fc.constantFrom(0, -0, 0.1 + 0.2, 1e15, 1e15 - 1, 999_999_999_999_999.5, 123_456_789_012.345, 5e-5, 1e-7, 0.00015),
    );
    fc.assert(
      fc.property(fc.constantFrom(...decimalFields), number, (field, n) => {
        const cell = num(n);
        const fast = plainDecimal(field, cell, cell.text);
        if (fast) expect(fast).toEqual(slow(field, cell));
      }),
      { numRuns: 20_000 },
    );
  });

  it('text cells: plain digits are canonicalised exactly as decimal.js does (property)', () => {
    const typed = fc.oneof(
      fc.tuple(fc.stringMatching(/^\d{1,16}$/), fc.option(fc.stringMatching(/^\d{0,5}$/))).map(([i, f]) => (f === null ? i : `${i}.${f}`)),
      fc.constantFrom('0', '000', '0.0000', '007.5000', '1.', '.5', '123456789012345', '1234567890123456'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...decimalFields), typed, (field, t) => {
        const fast = plainDecimal(field, text(t), t);
        if (fast) expect(fast).toEqual(slow(field, text(t)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('takes the common cells (so the read stays fast) and leaves the rest to decimal.js', () => {
    expect(plainDecimal(f('num'), num(3), '3')).toEqual({ value: '3' });
    expect(plainDecimal(f('price'), num(12.5), '12.5')).toEqual({ value: '12.5' });
    expect(plainDecimal(f('tax_rate'), num(0.13), '13%')).toEqual({ value: '0.13' });
    expect(plainDecimal(f('price'), text('0012.3400'), '0012.3400')).toEqual({ value: '12.34' });
    expect(plainDecimal(f('num'), num(0.1 + 0.2), '0.3')).toBeNull();
    expect(plainDecimal(f('num'), text('1,234.5'), '1,234.5')).toBeNull();
    expect(plainDecimal(f('tax_rate'), text('13%'), '13%')).toBeNull();
  });
});

describe('normaliseCell: dates', () => {
  const ok: Array<[RawCell, string]> = [
    [text('2027-01-01'), '2027-01-01 00:00:00'],
    [text('2027/1/1'), '2027-01-01 00:00:00'],
    [text('2027-01-01 08:00'), '2027-01-01 08:00:00'],
    [text('2027-1-1 8:05:09'), '2027-01-01 08:05:09'],
    [text('2027年1月1日'), '2027-01-01 00:00:00'],
    [text('２０２７年１月１日 8时30分'), '2027-01-01 08:30:00'],
    [text('20280229'), '2028-02-29 00:00:00'],
    [{ kind: 'date', text: '2027/1/1', date: '2027-01-01 00:00:00' }, '2027-01-01 00:00:00'],
  ];
  it.each(ok)('%j → %s', (cell, expected) => expect(value('expire_date', cell)).toEqual({ value: expected }));
  it.each([text('2027-02-30'), text('2027-13-01'), text('2027-01-01 24:00'), text('next week'), text('2027-1'), num(46388)])(
    'rejects %j',
    (cell) => expect(problemKey('expire_date', cell)).toBe('operations.cell.notDate'),
  );
});

describe('normaliseCell: booleans and enums', () => {
  it.each(['是', 'Y', 'y', 'yes', 'TRUE', 'true', '1', '残次品', ' 是 '])('defect %s → true', (t) => expect(value('defect', text(t))).toEqual({ value: true }));
  it.each(['否', 'N', 'no', 'FALSE', 'false', '0', '正品'])('defect %s → false', (t) => expect(value('defect', text(t))).toEqual({ value: false }));
  it('reads boolean and number cells by what they show', () => {
    expect(value('defect', { kind: 'boolean', text: 'TRUE' })).toEqual({ value: true });
    expect(value('defect', num(0))).toEqual({ value: false });
  });
  it('names the accepted spellings when it cannot understand one', () => {
    const r = value('defect', text('maybe'));
    expect(r).toMatchObject({ problem: { key: 'operations.cell.notChoice', params: { text: 'maybe' } } });
    expect('problem' in r && String(r.problem.params?.choices)).toContain('残次品');
  });
  it('check_fail_cancel by label or by value', () => {
    expect(value('check_fail_cancel', text('不取消'))).toEqual({ value: 0 });
    expect(value('check_fail_cancel', text('审核失败后取消'))).toEqual({ value: 1 });
    expect(value('check_fail_cancel', num(1))).toEqual({ value: 1 });
    expect(value('check_fail_cancel', text('0'))).toEqual({ value: 0 });
    expect(problemKey('check_fail_cancel', text('2'))).toBe('operations.cell.notChoice');
  });
});

describe('normaliseCell: lists and errors', () => {
  it('splits several numbers in one cell', () => {
    expect(value('ref_purchase_nos', text('RH23011110, RH22122901；RH3、RH4\nRH5'))).toEqual({ value: ['RH23011110', 'RH22122901', 'RH3', 'RH4', 'RH5'] });
    expect(value('ref_purchase_nos', text(' , '))).toEqual({ empty: true });
  });
  it('reports error cells and formulas without a cached result', () => {
    expect(value('num', { kind: 'error', text: '#N/A', error: '#N/A' })).toEqual({ problem: { key: 'operations.cell.error', params: { error: '#N/A' } } });
    expect(problemKey('outer_no', { kind: 'error', text: '', error: 'no-cached-result' })).toBe('operations.cell.noCachedResult');
  });
});

describe('normaliseCell never throws (property)', () => {
  const allFields = operations.flatMap((op) => op.fields);
  const cell: fc.Arbitrary<RawCell> = fc.oneof(
    fc.record({ kind: fc.constant('text' as const), text: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('1,234.5', '13%', '2027-02-30', '1.2E+17', '－1', '∞')) }),
    fc.record({ kind: fc.constant('number' as const), number: fc.double(), text: fc.string() }),
    fc.record({ kind: fc.constant('date' as const), text: fc.string(), date: fc.string() }, { requiredKeys: ['kind', 'text'] }),
    fc.record({ kind: fc.constantFrom('empty' as const, 'boolean' as const, 'error' as const), text: fc.string(), error: fc.string() }, { requiredKeys: ['kind', 'text'] }),
  );
  it('returns exactly one of value / empty / problem for any field and cell', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allFields), cell, (field, c) => {
        const r = normaliseCell(field, c);
        expect(Object.keys(r)).toHaveLength(1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normaliseCell under a % unit (issue 14, item 1)', () => {
  const rate = f('tax_rate');
  const percent = (cell: RawCell) => normaliseCell(rate, cell, true);
  it('reads bare numbers as percentages, in decimals', () => {
    expect(percent({ kind: 'number', text: '13', number: 13 })).toEqual({ value: '0.13' });
    expect(percent({ kind: 'text', text: '13' })).toEqual({ value: '0.13' });
    expect(percent({ kind: 'number', text: '0.1', number: 0.1 })).toEqual({ value: '0.001' });
    expect(percent({ kind: 'text', text: '６' })).toEqual({ value: '0.06' });
    expect(percent({ kind: 'number', text: '0', number: 0 })).toEqual({ value: '0' });
  });
  it('reads a cell that shows its own % as written', () => {
    expect(percent({ kind: 'text', text: '13%' })).toEqual({ value: '0.13' });
    expect(percent({ kind: 'number', text: '13%', number: 0.13 })).toEqual({ value: '0.13' });
  });
  it('says when the percentage needs more than 4 decimals, and leaves other fields alone', () => {
    expect(percent({ kind: 'number', text: '12.345', number: 12.345 })).toMatchObject({ problem: { key: 'operations.cell.percentTooPrecise', params: { value: '0.12345' } } });
    expect(normaliseCell(f('price'), { kind: 'number', text: '13', number: 13 }, true)).toEqual({ value: '13' });
  });
});
