import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonDecimal, serializeArgs } from '../../../shared/operations/json-body';

describe('serializeArgs', () => {
  it('writes decimals as bare number tokens, digit for digit', () => {
    expect(serializeArgs([{ num: jsonDecimal('12.3456') }])).toBe('[{"num":12.3456}]');
    expect(serializeArgs([jsonDecimal('100000000000000.0001')])).toBe('[100000000000000.0001]');
    expect(serializeArgs([jsonDecimal('12.3400')])).toBe('[12.3400]');
    // The float the same text would become is not exact: the point of JsonDecimal.
    expect(JSON.stringify([Number('100000000000000.0001')])).not.toBe('[100000000000000.0001]');
  });

  it('matches JSON.stringify for everything else', () => {
    const args = [{ a: 'x"y', b: [1, true, null], c: undefined, d: '中文' }, ['CR1', 'CR2'], false];
    expect(serializeArgs(args)).toBe(JSON.stringify(args));
    expect(serializeArgs([['CR202006290001']])).toBe('[["CR202006290001"]]');
  });

  it('refuses what is not a plain decimal (a bug upstream)', () => {
    for (const bad of ['1e5', '', '.5', '1.', '007', 'NaN', '1,000']) expect(() => jsonDecimal(bad)).toThrow();
  });

  it('round-trips any Decimal(19,4) text exactly (property)', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 9999 }))
      .map(([neg, int, frac]) => `${neg && (int > 0n || frac > 0) ? '-' : ''}${int}${frac ? `.${String(frac).padStart(4, '0')}` : ''}`);
    fc.assert(
      fc.property(decimal, fc.json(), (d, other) => {
        const body = serializeArgs([{ n: jsonDecimal(d), other: JSON.parse(other) as unknown }]);
        expect(body).toContain(`"n":${d}`);
        // Still valid JSON, with the other value exactly as JSON.stringify writes it.
        expect(JSON.parse(body)).toBeTruthy();
        expect(body.endsWith(`"other":${JSON.stringify(JSON.parse(other))}}]`)).toBe(true);
      }),
    );
  });
});
