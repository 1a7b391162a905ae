// The first rows of an .xlsx sheet are told before its merged ranges are known (first-rows.ts): a preview
// checked on the rows as parsed, told again, corrected, when a merge changes it. Whatever was previewed, the
// read's result and its last told first rows are exactly the read's with the merges applied.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../../../main/sheets/read/limits';
import { inspectFile } from '../../../main/sheets/read/intake';
import { understandSource } from '../../../main/sheets/read/read-pipeline';
import type { OpenedSource } from '../../../main/sheets/read/read-pipeline';
import { readSheet, readSheetInProcess } from '../../../main/sheets/read/reader';
import type { FirstRows, ReadProgress } from '../../../main/sheets/read/types';
import { parseWorkbookMeta } from '../../../main/sheets/read/workbook-meta';
import { openXlsx } from '../../../main/sheets/read/xlsx-source';
import type { SheetScan } from '../../../main/sheets/read/zip-guard';
import { tempDir, writeXlsx } from './fixtures';
import type { CellInput } from './fixtures';

const dir = tempDir();
const at = (name: string) => path.join(dir, name);
const workerPath = path.resolve('out/node/read-worker.cjs');
const header = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价', '税率', '明细备注'];

/** Orders of 3 lines each; the order number only on an order's first line when `sparse` (its merge gives it to the rest). */
const lines = (count: number, sparse: (i: number) => boolean): CellInput[][] =>
  Array.from({ length: count }, (_, i) => [sparse(i) && i % 3 !== 0 ? null : `CG${Math.floor(i / 3)}`, 'WH01', 'P001', `SKU${i}`, (i % 9) + 1, 12.5, 0.13, `备注${i}`]);

/**
 * The real read of `file` (intake guards, exceljs, the catalog's checks), but the zip guard's merges held back
 * until the first rows were told once: as when the worksheet is large and its scan still runs.
 */
async function readHoldingMerges(file: string): Promise<{ told: FirstRows[]; progress: ReadProgress[]; result: Awaited<ReturnType<typeof understandSource>> }> {
  const intake = await inspectFile(file, defaultLimits, 'zh-CN');
  if (!intake.ok || !intake.value.zip) throw new Error('not an xlsx');
  const { file: facts, zip, sha256 } = intake.value;
  const meta = parseWorkbookMeta(zip.parts.get('xl/workbook.xml') ?? '', zip.parts.get('xl/_rels/workbook.xml.rels') ?? '');
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  // Never held for ever: without a preview the read goes on (and the test's counts fail).
  const fallback = setTimeout(release, 3000);
  const scan = (part: string): Promise<SheetScan> => held.then(() => zip.sheetScan(part));
  const source: OpenedSource = { file: facts, marks: meta.marks, book: openXlsx(file, meta, scan, defaultLimits, zip.sheetSoFar), refusal: zip.rest, sha256 };
  const told: FirstRows[] = [];
  const progress: ReadProgress[] = [];
  const result = await understandSource(source, {
    onFirstRows: (first) => {
      told.push(first);
      release();
    },
    onProgress: (p) => progress.push(p),
  });
  clearTimeout(fallback);
  return { told, progress, result };
}

async function expected(file: string): Promise<{ first: FirstRows; result: Awaited<ReturnType<typeof readSheetInProcess>> }> {
  const told: FirstRows[] = [];
  const result = await readSheetInProcess(file, { onFirstRows: (f) => told.push(f) });
  // A small file's merges are known before its rows are parsed: no preview, told once.
  expect(told.length).toBe(1);
  return { first: told[0] as FirstRows, result };
}

describe('first rows before the merges are known', () => {
  it('a merge covering first rows: the preview is told, then the corrected rows; the result is the merged read', async () => {
    const file = await writeXlsx(at('merged-top.xlsx'), [{ name: '退货', rows: [header, ...lines(150, (i) => i < 3)], merges: ['A2:A4'] }]);
    const want = await expected(file);
    const { told, progress, result } = await readHoldingMerges(file);
    expect(told.length).toBe(2);
    const [preview, corrected] = told as [FirstRows, FirstRows];
    // The preview's report: how far the sheet goes as far as the guard's scan has come (150 rows below the
    // header once through); its problems are the read's to count, from its own rows.
    const [early] = progress;
    expect([early?.rows, early?.problems, early?.newProblems]).toEqual([100, 0, []]);
    expect(early?.total ?? 0).toBeGreaterThan(0);
    expect(early?.total ?? 0).toBeLessThanOrEqual(150);
    expect(progress.at(-1)?.problems).toBe(result.ok ? [...result.value.rows].reduce((n, r) => n + (r.ownProblems ?? r.problems).length, 0) : -1);
    // The preview saw row 3 as parsed: no order number.
    expect(preview.rows[1]?.cells[0]).toBe('');
    expect(preview.rows[1]?.values).not.toHaveProperty('outer_no');
    expect(corrected.rows[1]?.values).toHaveProperty('outer_no', 'CG0');
    expect(corrected.rows[1]?.cells[0]).toBe('CG0');
    expect(corrected.rows[1]?.problems).toEqual([]);
    expect(corrected).toEqual(want.first);
    expect(result).toEqual(want.result);
  }, 30_000);

  it('no merge among the first rows: told once, before the merges are known, and exactly the read\'s first rows', async () => {
    const file = await writeXlsx(at('merged-low.xlsx'), [{ name: '退货', rows: [header, ...lines(150, (i) => i >= 138 && i < 141)], merges: ['A140:A142'] }]);
    const want = await expected(file);
    const { told, result } = await readHoldingMerges(file);
    expect(told).toEqual([want.first]);
    expect(result).toEqual(want.result);
    expect(result.ok && result.value.rows.at(139)?.cells[0]).toBe('CG46');
  }, 30_000);

  it('a merged header cell: the preview guessed other columns, the corrected first rows are the merged header\'s', async () => {
    // 外部单号 merged across A1:B1: B is then also 外部单号 (a second column for one field), not 仓库编码.
    const rows: CellInput[][] = [['外部单号', null, ...header.slice(2)], ...lines(120, () => false)];
    const file = await writeXlsx(at('merged-header.xlsx'), [{ name: '退货', rows, merges: ['A1:B1'] }]);
    const want = await expected(file);
    const { told, result } = await readHoldingMerges(file);
    expect(told.length).toBe(2);
    expect(told[0]?.columns[1]?.header).toBe('');
    expect(told[1]?.columns[1]?.header).toBe('外部单号');
    expect(told[1]).toEqual(want.first);
    expect(result).toEqual(want.result);
  }, 30_000);

  it('through the read worker: the last first rows told are the merged read\'s, told at most twice', async () => {
    // Large enough that the guard's scan of the worksheet is usually still running when 128 rows are parsed.
    const file = await writeXlsx(at('merged-big.xlsx'), [{ name: '退货', rows: [header, ...lines(12_000, (i) => i < 3)], merges: ['A2:A4'] }]);
    const want = await expected(file);
    const told: FirstRows[] = [];
    const result = await readSheet(file, { workerPath, onFirstRows: (f) => told.push(f) });
    expect(told.length).toBeGreaterThanOrEqual(1);
    expect(told.length).toBeLessThanOrEqual(2);
    expect(told.at(-1)).toEqual(want.first);
    if (told.length === 2) expect(told[0]?.rows[1]?.cells[0]).toBe('');
    expect(result).toEqual(want.result);
  }, 60_000);
});
