// Property tests: damaged files and random cell values end in a typed Result, never a crash or a hang.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSheetInProcess } from '../../../main/sheets/read/read-pipeline';
import Decimal from 'decimal.js';
import { fixedHalfUp, formatNumber } from '../../../main/sheets/read/number-format';
import { errorCodes } from '../../../shared/result';
import { tempDir, writeXlsx } from './fixtures';

const dir = tempDir();
let good: Buffer;
let n = 0;

beforeAll(async () => {
  const file = await writeXlsx(path.join(dir, 'seed.xlsx'), [
    { name: 'S', merges: ['A2:A3'], rows: [['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量'], ['CG1', 'W', 'P', 'A', 1], [null, 'W', 'P', 'B', 2]] },
  ]);
  good = readFileSync(file);
});

/** Resolves the read, or rejects after `ms`: a hang fails the property. */
async function readWithin(file: string, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`read hung over ${ms} ms`)), ms)));
  try {
    return await Promise.race([readSheetInProcess(file, { operation: 'return-create' }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const typed = (r: Awaited<ReturnType<typeof readSheetInProcess>>) =>
  r.ok ? Number.isInteger(r.value.rows.length) && r.value.rows.length === [...r.value.rows].length : (errorCodes as readonly string[]).includes(r.error.code) && r.error.message.length > 0;

describe('robustness', () => {
  it('truncated and byte-flipped workbooks give a typed error or a typed result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 8 }), fc.boolean(), async (cut, flips, truncate) => {
        const bytes = Buffer.from(good);
        for (const [at, x] of flips) {
          const i = at % bytes.length;
          bytes[i] = (bytes[i] ?? 0) ^ x;
        }
        const data = truncate ? bytes.subarray(0, cut % bytes.length) : bytes;
        const file = path.join(dir, `fuzz${n++}.xlsx`);
        writeFileSync(file, data);
        expect(typed(await readWithin(file, 10_000))).toBe(true);
      }),
      { numRuns: 50 },
    );
  }, 120_000);

  it('random cell values never crash the reader', async () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9000, 0, 1)), noInvalidDate: true }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 5, maxLength: 7 }), { maxLength: 6 }), async (rows) => {
        const file = await writeXlsx(path.join(dir, `cells${n++}.xlsx`), [{ name: 'S', rows: [['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量'], ...rows] }]);
        const r = await readWithin(file, 10_000);
        expect(typed(r)).toBe(true);
        if (r.ok) expect([...r.value.rows].every((x) => x.problems.length > 0 || x.disposition.kind !== 'invalid')).toBe(true);
      }),
      { numRuns: 50 },
    );
  }, 120_000);
});

describe('number formats', () => {
  it.each([
    [123, undefined, '123'],
    [123, '000000', '000123'],
    [1234.5, '#,##0.00', '1,234.50'],
    [0.13, '0%', '13%'],
    [0.135, '0.0%', '13.5%'],
    [1.005, '0.00', '1.01'],
    [-5, '0.00;(0.00)', '(5.00)'],
    [123456789012345680, 'General', '1.23457E+17'],
    [202006290001, undefined, '202006290001'],
    [0.1 + 0.2, undefined, '0.3'],
    [12.5, '"¥"#,##0.00', '¥12.50'],
    [12345, '0.00E+00', '1.23E+04'],
  ])('%s with %s shows %s', (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });

  it('the string fast path rounds exactly as decimal.js does (property)', () => {
    const value = fc.oneof(fc.double({ min: 0, max: 1e16, noNaN: true }), fc.integer({ min: 0, max: 1e9 }).map((n) => n / 1000), fc.constantFrom(0, 0.5, 0.05, 1.005, 9.995, 0.0005, 1e-7));
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 6 }), (v, shift, decimals) => {
        const fast = fixedHalfUp(v, shift, decimals);
        const exact = new Decimal(v.toPrecision(15)).times(new Decimal(10).pow(shift)).toFixed(decimals, Decimal.ROUND_HALF_UP);
        if (fast !== null) expect(fast).toBe(exact);
      }),
      { numRuns: 20_000 },
    );
  });
});
