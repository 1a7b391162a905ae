// Jobs as the results writer sees them (JobReportSource), built as plain objects: a cancel job and a create job
// with every final state present and injection payloads in source cells and ERP messages; plus helpers that
// make a to-fix file from a source and edit it like a clerk, and run LibreOffice on a workbook.
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Lang } from '../../../shared/i18n';
import type { OperationId } from '../../../shared/operations/types';
import { emptyCounts } from '../../../shared/states';
import type { JobAttemptReport, JobReportSource, JobRowReport, JobSummary } from '../../../main/jobs/report';
import { writeResults } from '../../../main/sheets/results/results-writer';
import { resultsSheetNames } from '../../../main/sheets/results/results-layout';

/** Text that a spreadsheet app would run or link if it were written as a formula. */
export const payloads = ['=HYPERLINK("http://x","y")', '+1+1', '@SUM(1)', '-2+3'] as const;

export interface SourceSpec {
  operation: OperationId;
  method: string;
  columns: string[];
  columnFields: (string | null)[];
  rows: JobRowReport[];
  attempts?: JobAttemptReport[];
  lang?: Lang;
}

const row = (rowNumber: number, cells: string[], state: JobRowReport['state'], message = '', extra: Partial<JobRowReport> = {}): JobRowReport => ({
  rowNumber, cells, state, message, hint: null, erpNo: null, call: null, submittedAt: null, ...extra,
});

export function makeSource(spec: SourceSpec): JobReportSource {
  const counts = emptyCounts();
  for (const r of spec.rows) counts[r.state] += 1;
  const attempts = spec.attempts ?? [];
  const summary: JobSummary = {
    id: 'job-0001', operation: spec.operation, method: spec.method, profileName: '测试账套', environment: 'test', sid: 'wdt-seller-01',
    sourceName: 'returns.xlsx', sourcePath: '/home/clerk/returns.xlsx', sourceSha256: 'a'.repeat(64), sheet: 'Sheet1', headerRow: 1,
    columns: spec.columns, columnFields: spec.columnFields, operator: 'clerk', appVersion: '0.1.0', isCheck: false,
    createdAt: '2027-01-01T08:00:00+08:00', startedAt: '2027-01-01T08:00:05+08:00', finishedAt: '2027-01-01T08:01:00+08:00',
    state: 'done', counts, attempts: attempts.length,
  };
  // Each call returns a fresh iterator, as the store does.
  return { summary: () => summary, rows: () => spec.rows.values(), attempts: () => attempts.values(), lang: spec.lang ?? 'zh-CN' };
}

const at = '2027-01-01T08:00:30+08:00';

/** batchCancelOrder: one row per state, payloads in an unknown column and in an ERP message. */
export function cancelSource(lang: Lang = 'zh-CN'): JobReportSource {
  return makeSource({
    lang, operation: 'return-cancel', method: 'purchase.PurchaseReturn.batchCancelOrder',
    columns: ['采购退货单号', '备注说明'], columnFields: ['returnNos', null],
    rows: [
      row(2, ['CR0001', payloads[0]], 'succeeded', '', { call: 1, submittedAt: at }),
      row(3, ['CR0002', payloads[1]], 'failed', payloads[2], { call: 1, submittedAt: at }),
      row(4, ['', payloads[3]], 'invalid', '采购退货单号：必填'),
      row(5, ['CR0001', ''], 'duplicate', '与第 2 行重复'),
      row(6, ['000123', 'x'], 'unknown', '结果未知：请在 ERP 中查看该单据', { call: 2, submittedAt: at }),
      row(7, ['CR0009', ''], 'skipped', '已撤回'),
    ],
    attempts: [
      { call: 1, attempt: 1, method: 'purchase.PurchaseReturn.batchCancelOrder', orders: 2, outcome: 'answered', httpStatus: 200, erpStatus: 0, erpMessage: payloads[0], durationMs: 120, at },
      { call: 2, attempt: 1, method: 'purchase.PurchaseReturn.batchCancelOrder', orders: 1, outcome: 'unknown', httpStatus: null, erpStatus: null, erpMessage: null, durationMs: 30_000, at },
      { call: 2, attempt: 2, method: 'purchase.PurchaseReturn.batchCancelOrder', orders: 1, outcome: 'reconciled', httpStatus: 200, erpStatus: 0, erpMessage: '', durationMs: 80, at },
    ],
  });
}

export const createColumns = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价', '客户备注'];
export const createFields = ['outer_no', 'warehouse_no', 'provider_no', 'spec_no', 'num', 'price', null];

/** createOrder: several orders, every state present; row 4 has a negative quantity (fixable in the to-fix sheet). */
export function createSource(lang: Lang = 'zh-CN'): JobReportSource {
  const c = (outer: string, spec: string, num: string, note = '') => [outer, 'WH01', 'P001', spec, num, '12.50', note];
  return makeSource({
    lang, operation: 'return-create', method: 'purchase.PurchaseReturn.createOrder', columns: createColumns, columnFields: createFields,
    rows: [
      row(2, c('T001', 'SKU1', '3'), 'succeeded', '', { call: 1, submittedAt: at, erpNo: 'CT202701010001' }),
      row(3, c('T001', 'SKU2', '1.5'), 'succeeded', '', { call: 1, submittedAt: at, erpNo: 'CT202701010001' }),
      row(4, c('T002', 'SKU3', '-3', payloads[1]), 'invalid', '退货数量：不能为负数'),
      row(5, c('T003', 'SKU4', '2'), 'failed', '供应商不存在 =HYPERLINK("http://x","y")', { call: 2, submittedAt: at }),
      row(6, c('T004', '00042', '5'), 'unknown', '结果未知：请在 ERP 中按外部单号 T004 查询', { call: 3, submittedAt: at }),
      row(7, c('T003', 'SKU4', '2'), 'duplicate', '与第 5 行重复'),
      row(8, c('T005', 'SKU5', '1'), 'skipped', '已撤回'),
    ],
    attempts: [{ call: 1, attempt: 1, method: 'purchase.PurchaseReturn.createOrder', orders: 1, outcome: 'answered', httpStatus: 200, erpStatus: 0, erpMessage: null, durationMs: 95, at }],
  });
}

/** Writes the job's results workbook into `dir`; its to-fix sheet is what a clerk re-imports. */
export async function makeToFixFile(source: JobReportSource, file: string): Promise<string> {
  const written = await writeResults(source, file);
  if (!written.ok) throw new Error(written.error.message);
  return written.value;
}

/** Edits cells of the to-fix sheet as a clerk would (by header and 0-based data row), saving the whole workbook. */
export async function editToFix(file: string, edits: { row: number; header: string; value: ExcelJS.CellValue }[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet(resultsSheetNames.toFix);
  if (!ws) throw new Error('no to-fix sheet');
  const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  for (const e of edits) {
    const col = headers.indexOf(e.header);
    if (col < 1) throw new Error(`no column ${e.header}`);
    ws.getRow(e.row + 2).getCell(col).value = e.value;
  }
  await book.xlsx.writeFile(file);
}

/** Converts every sheet of a workbook to CSV with LibreOffice; returns the CSV texts by sheet name. */
export async function libreOfficeCsv(file: string, outDir: string, sheetNames: readonly string[]): Promise<Map<string, string>> {
  const profile = path.join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  try {
    // 44,34,76,1: comma, double quote, UTF-8, from line 1; 9th token: save cell contents as shown (formatted);
    // 10th: formulas not exported (a formula would show its result); 12th (-1): every sheet to its own file.
    await promisify(execFile)('soffice', [
      `-env:UserInstallation=file://${profile}`, '--headless',
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
      '--outdir', outDir, file,
    ], { timeout: 55_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const base = path.basename(file, '.xlsx');
  const files = readdirSync(outDir).filter((f) => f.startsWith(base) && f.endsWith('.csv'));
  const out = new Map<string, string>();
  for (const name of sheetNames) {
    const found = files.find((f) => f === `${base}-${name}.csv`);
    if (found) out.set(name, readFileSync(path.join(outDir, found), 'utf8'));
  }
  if (out.size === 0) throw new Error(`LibreOffice wrote no per-sheet CSV: ${files.join(', ')}`);
  return out;
}

/** Parses LibreOffice's CSV (RFC 4180 quoting) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell); rows.push(cells); cells = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) { cells.push(cell); rows.push(cells); }
  return rows;
}

/** A cell's note as exceljs reads it back (a string, or rich text runs). */
export const noteText = (cell: ExcelJS.Cell): string => {
  const note = cell.note as string | { texts?: { text: string }[] } | undefined;
  if (note === undefined) return '';
  return typeof note === 'string' ? note : (note.texts ?? []).map((x) => x.text).join('');
};
