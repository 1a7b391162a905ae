// Another application opens the results workbook and sees the same values: LibreOffice converts every sheet
// to CSV, and each cell matches what exceljs reads back. A payload that had become a formula would show its
// result (1, 2, "y"…) in the CSV instead of its text.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobReportSource } from '../../../main/jobs/report';
import { resultsSheetNames } from '../../../main/sheets/results/results-layout';
import { writeResults } from '../../../main/sheets/results/results-writer';
import { tempDir } from './fixtures';
import { cancelSource, createSource, libreOfficeCsv, parseCsv, payloads } from './results-fixtures';

const names = [resultsSheetNames.summary, resultsSheetNames.results, resultsSheetNames.toFix, resultsSheetNames.calls];
const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as LibreOffice's CSV shows it (formatted): dates by their yyyy-mm-dd hh:mm:ss format, numbers by theirs. */
function shown(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
  }
  if (typeof v === 'number') {
    const decimals = /^0\.(0+)$/.exec(cell.numFmt ?? '')?.[1]?.length;
    return decimals ? v.toFixed(decimals) : String(v);
  }
  return String(v);
}

async function compare(source: JobReportSource, name: string): Promise<Map<string, string[][]>> {
  const dir = tempDir();
  const file = path.join(dir, `${name}.xlsx`);
  const r = await writeResults(source, file);
  if (!r.ok) throw new Error(r.error.message);
  const csv = await libreOfficeCsv(file, dir, names);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const out = new Map<string, string[][]>();
  for (const sheetName of names) {
    const text = csv.get(sheetName);
    expect(text, `LibreOffice exported ${sheetName}`).toBeDefined();
    const lo = parseCsv(text ?? '');
    const ws = book.getWorksheet(sheetName);
    if (!ws) throw new Error(`missing ${sheetName}`);
    const ours: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(shown(row.getCell(c)));
      ours[n - 1] = cells;
    });
    const width = Math.max(...lo.map((r) => r.length));
    const norm = (rows: string[][]) => rows.map((r) => Array.from({ length: width }, (_, i) => r?.[i] ?? '')).filter((r) => r.some((c) => c !== ''));
    expect(norm(lo), sheetName).toEqual(norm(ours));
    out.set(sheetName, lo);
  }
  return out;
}

describe('results workbook opened by LibreOffice', () => {
  it('shows the same values as exceljs reads, injection payloads literally (cancel)', { timeout: 60_000 }, async () => {
    const sheets = await compare(cancelSource(), 'cancel');
    const results = sheets.get(resultsSheetNames.results) ?? [];
    expect(results.slice(1, 4).map((r) => r[1])).toEqual([payloads[0], payloads[1], payloads[3]]);
    expect(results[2]?.[3]).toBe(payloads[2]);
    expect(results.slice(1).map((r) => r[2])).toEqual(['成功', '失败', '校验未通过', '重复', '未确认', '已跳过']);
    expect(results[5]?.[0]).toBe('000123');
    expect(sheets.get(resultsSheetNames.calls)?.[1]?.[7]).toBe(payloads[0]);
    const summary = sheets.get(resultsSheetNames.summary) ?? [];
    const total = summary.find((r) => r[0] === '合计（读取的行数）');
    expect(total?.[1]).toBe('6');
  });

  it('shows the same values for a create job in English, decimals as the clerk saw them', { timeout: 60_000 }, async () => {
    const sheets = await compare(createSource('en'), 'create-en');
    const results = sheets.get(resultsSheetNames.results) ?? [];
    expect(results[1]?.slice(4, 6)).toEqual(['3', '12.50']);
    expect(results[3]?.slice(4, 7)).toEqual(['-3', '12.50', payloads[1]]);
    expect(results.slice(1).map((r) => r[7])).toEqual(['succeeded', 'succeeded', 'invalid', 'failed', 'unknown', 'duplicate', 'skipped']);
    const toFix = sheets.get(resultsSheetNames.toFix) ?? [];
    expect(toFix[0]?.slice(-2)).toEqual(['Error reason', 'What to do']);
    expect(toFix[2]?.[(toFix[0] ?? []).indexOf('Error reason')]).toBe('供应商不存在 =HYPERLINK("http://x","y")');
  });
});
