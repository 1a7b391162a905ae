// The results workbook read back with exceljs: four sheets in order, counts that add up for jobs with every
// state, values and types as the clerk and the ERP gave them, formatting, and no formula/hyperlink/rich cell.
// Times are local with the zone: this file runs in Asia/Shanghai (set before any Date is made).
process.env.TZ = 'Asia/Shanghai';

import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalStates } from '../../../shared/states';
import type { JobReportSource } from '../../../main/jobs/report';
import { resultsSheetNames } from '../../../main/sheets/results/results-layout';
import { writeResults } from '../../../main/sheets/results/results-writer';
import { tempDir } from './fixtures';
import { cancelSource, createSource, makeSource, payloads } from './results-fixtures';

const names = [resultsSheetNames.summary, resultsSheetNames.results, resultsSheetNames.toFix, resultsSheetNames.calls];
async function written(source: JobReportSource, name: string): Promise<ExcelJS.Workbook> {
  const r = await writeResults(source, path.join(tempDir(), name), { now: () => new Date('2027-01-02T09:30:00+08:00') });
  if (!r.ok) throw new Error(r.error.message);
  expect(path.isAbsolute(r.value)).toBe(true);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(r.value);
  return book;
}

const sheet = (book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`missing sheet ${name}`);
  return ws;
};

/** A sheet's values as rows of plain values (index 0 = column A). */
const grid = (ws: ExcelJS.Worksheet): unknown[][] => {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
};

/** Summary facts by label. */
const facts = (ws: ExcelJS.Worksheet): Map<string, unknown> => new Map(grid(ws).filter((r) => r?.length).map((r) => [String(r[0]), r[1]]));

function expectOnlyPlainCells(book: ExcelJS.Workbook): number {
  let cells = 0;
  for (const ws of book.worksheets) {
    ws.eachRow((row) => row.eachCell((cell) => {
      cells += 1;
      expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number, ExcelJS.ValueType.Date, ExcelJS.ValueType.Null], `${ws.name}!${cell.address}`).toContain(cell.type);
      expect(cell.formula).toBeUndefined();
      expect(cell.hyperlink).toBeUndefined();
      expect(typeof cell.value === 'object' && cell.value !== null && !(cell.value instanceof Date)).toBe(false);
    }));
  }
  return cells;
}

describe('writeResults (read back with exceljs)', () => {
  it('writes the four sheets in order, with the counts adding up to the rows read (cancel, every state)', async () => {
    const book = await written(cancelSource(), 'cancel.xlsx');
    expect(book.worksheets.map((w) => w.name)).toEqual(names);
    const summary = facts(sheet(book, resultsSheetNames.summary));
    const words = { succeeded: '成功', failed: '失败', invalid: '校验未通过', duplicate: '重复', unknown: '未确认', skipped: '已跳过' };
    const counted = finalStates.map((s) => summary.get(words[s]));
    expect(counted).toEqual([1, 1, 1, 1, 1, 1]);
    expect(summary.get('合计（读取的行数）')).toBe(6);
    expect(summary.get('源文件 SHA-256')).toBe('a'.repeat(64));
    expect(summary.get('环境')).toBe('TEST');
    expect(summary.get('配置')).toBe('测试账套');
    expect(summary.get('卖家账号（sid）')).toBe('wdt-seller-01');
    expect(summary.get('操作人（系统用户）')).toBe('clerk');
    expect(summary.get('应用版本')).toBe('0.1.0');
    expect(summary.get('接口方法')).toBe('purchase.PurchaseReturn.batchCancelOrder');
    expect(summary.get('开始时间')).toBe('2027-01-01 08:00:05 +08:00');
    expect(summary.get('结束时间')).toBe('2027-01-01 08:01:00 +08:00');
    expect(summary.get('本工作簿生成时间')).toBe('2027-01-02 09:30:00 +08:00');
    expect(String(summary.get('时区（本工作簿中的时间均为此时区的本地时间）'))).toBe('Asia/Shanghai (UTC+08:00)');
    expect(summary.get('接口请求次数')).toBe(3);
    // One line per call attempt; counts, statuses and durations are numbers, the time a local date cell.
    const calls = grid(sheet(book, resultsSheetNames.calls));
    expect(calls.slice(1)).toEqual([
      [1, 'purchase.PurchaseReturn.batchCancelOrder', 2, 1, '已应答', 200, 0, payloads[0], 120, new Date('2027-01-01T08:00:30Z')],
      [2, 'purchase.PurchaseReturn.batchCancelOrder', 1, 1, '结果未知', undefined, undefined, undefined, 30_000, new Date('2027-01-01T08:00:30Z')],
      [2, 'purchase.PurchaseReturn.batchCancelOrder', 1, 2, '已核对', 200, 0, undefined, 80, new Date('2027-01-01T08:00:30Z')],
    ]);
  });

  it('keeps every source row in source order with its columns as read, then the outcome', async () => {
    const book = await written(cancelSource(), 'cancel-rows.xlsx');
    const rows = grid(sheet(book, resultsSheetNames.results));
    expect(rows[0]).toEqual(['采购退货单号', '备注说明', '状态', 'ERP 返回信息', '处理建议', 'ERP 单号', '调用', '提交时间', '源行号']);
    expect(rows.slice(1).map((r) => r[8])).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['成功', '失败', '校验未通过', '重复', '未确认', '已跳过']);
    // Payloads from the sheet and from the ERP are strings, exactly as given.
    expect(rows.slice(1, 4).map((r) => r[1])).toEqual([payloads[0], payloads[1], payloads[3]]);
    expect(rows[2]?.[3]).toBe(payloads[2]);
    // Identifiers stay text ("000123"); call and source row are numbers; the submit time is a date cell in local time.
    expect(rows[5]?.[0]).toBe('000123');
    expect(rows[1]?.[6]).toBe(1);
    expect(rows[1]?.[7]).toEqual(new Date('2027-01-01T08:00:30Z'));
    expect(rows[3]?.[7]).toBeUndefined();
    expectOnlyPlainCells(book);
  });

  it('formats: bold frozen header, auto-filter over the data, widths, coloured states, wrapped messages', async () => {
    const book = await written(cancelSource(), 'cancel-format.xlsx');
    for (const name of names) {
      const ws = sheet(book, name);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    }
    const results = sheet(book, resultsSheetNames.results);
    expect(results.autoFilter).toBe('A1:I7');
    expect(sheet(book, resultsSheetNames.toFix).autoFilter).toBe('A1:C4');
    expect(sheet(book, resultsSheetNames.calls).autoFilter).toBe('A1:J4');
    const fills = [2, 3, 4, 5, 6, 7].map((r) => (results.getRow(r).getCell(3).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb);
    expect(fills).toEqual(['FFC6EFCE', 'FFFFC7CE', 'FFFFC7CE', 'FFD9D9D9', 'FFFFEB9C', 'FFD9D9D9']);
    expect(results.getRow(3).getCell(4).alignment?.wrapText).toBe(true);
    expect(results.getColumn(4).width).toBe(60);
    expect(results.getColumn(5).width).toBe(60);
    expect(results.getColumn(1).width).toBeGreaterThanOrEqual(12);
    expect(results.getRow(2).getCell(8).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
  });

  it('writes quantities and prices as numbers keeping the decimals seen, and the to-fix sheet in the template layout (create)', async () => {
    const book = await written(createSource(), 'create.xlsx');
    const rows = grid(sheet(book, resultsSheetNames.results));
    expect(rows[1]?.slice(0, 7)).toEqual(['T001', 'WH01', 'P001', 'SKU1', 3, 12.5, undefined]);
    expect(sheet(book, resultsSheetNames.results).getRow(2).getCell(6).numFmt).toBe('0.00');
    expect(rows[1]?.[10]).toBe('CT202701010001');
    expect(rows[3]?.slice(4, 7)).toEqual([-3, 12.5, payloads[1]]);
    const summary = facts(sheet(book, resultsSheetNames.summary));
    expect(summary.get('合计（读取的行数）')).toBe(7);
    expect(['成功', '失败', '校验未通过', '重复', '未确认', '已跳过'].map((w) => summary.get(w))).toEqual([2, 1, 1, 1, 1, 1]);
    expect(summary.get('提交时审核（is_check）')).toBe('否');

    const toFix = grid(sheet(book, resultsSheetNames.toFix));
    const header = toFix[0] as string[];
    expect(header.slice(0, 3)).toEqual(['*外部单号', '*仓库编码', '*供应商编号']);
    expect(header.slice(-2)).toEqual(['错误原因', '处理建议']);
    // Only failed, invalid and unknown rows, in source order; values moved under the template's columns.
    expect(toFix.slice(1).map((r) => r[0])).toEqual(['T002', 'T003', 'T004']);
    const col = (h: string) => header.indexOf(h);
    expect(toFix[1]?.[col('*退货数量')]).toBe(-3);
    expect(toFix[3]?.[col('*商家编码')]).toBe('00042');
    expect(toFix[2]?.[col('错误原因')]).toBe('供应商不存在 =HYPERLINK("http://x","y")');
    expect(toFix[2]?.[col('处理建议')]).toBeUndefined(); // an unknown message: no hint
    expect(sheet(book, resultsSheetNames.toFix).getRow(2).getCell(col('*外部单号') + 1).numFmt).toBe('@');
    expectOnlyPlainCells(book);
  });

  it('writes the whole workbook in English when the language is English (sheet names stay bilingual)', async () => {
    const book = await written(createSource('en'), 'create-en.xlsx');
    expect(book.worksheets.map((w) => w.name)).toEqual(names);
    const results = grid(sheet(book, resultsSheetNames.results));
    expect(results[0]?.slice(7)).toEqual(['State', 'ERP message', 'What to do', 'ERP number', 'Call', 'Submitted at', 'Source row']);
    expect(results.slice(1).map((r) => r[7])).toEqual(['succeeded', 'succeeded', 'invalid', 'failed', 'unknown', 'duplicate', 'skipped']);
    const summary = facts(sheet(book, resultsSheetNames.summary));
    expect(summary.get('Total (rows read)')).toBe(7);
    expect(summary.get('Operation')).toBe('Create purchase returns (return-create)');
    expect(summary.get('Job state')).toBe('done');
    const toFix = grid(sheet(book, resultsSheetNames.toFix));
    expect((toFix[0] as string[]).slice(0, 2)).toEqual(['*External no.', '*Warehouse code']);
    expect((toFix[0] as string[]).slice(-2)).toEqual(['Error reason', 'What to do']);
    expect(grid(sheet(book, resultsSheetNames.calls))[0]?.[0]).toBe('Call');
    expect(grid(sheet(book, resultsSheetNames.calls))[1]?.[4]).toBe('answered');
  });

  it('lists pending rows when an unfinished job is exported, so the counts still add up', async () => {
    const base = cancelSource();
    const rows = [...base.rows()].map((r, i) => (i === 0 ? { ...r, state: 'pending' as const } : r));
    const source: JobReportSource = { ...base, rows: () => rows.values() };
    const summary = facts(sheet(await written(source, 'pending.xlsx'), resultsSheetNames.summary));
    expect(summary.get('待提交')).toBe(1);
    expect(summary.get('成功')).toBe(0);
    expect(summary.get('合计（读取的行数）')).toBe(6);
  });

  it('keeps text writable: drops characters XML cannot hold and cuts at Excel’s 32,767 characters', async () => {
    const long = '长'.repeat(40_000);
    const source = makeSource({
      operation: 'return-cancel', method: 'purchase.PurchaseReturn.batchCancelOrder', columns: ['采购退货单号', '说明'], columnFields: ['returnNos', null],
      rows: [{ rowNumber: 2, cells: ['CR1', 'a\u0001b\u0000c'], state: 'failed', message: long, hint: null, erpNo: null, call: 1, submittedAt: 'not a time' }],
    });
    const rows = grid(sheet(await written(source, 'odd.xlsx'), resultsSheetNames.results));
    expect(rows[1]?.[1]).toBe('abc');
    expect(String(rows[1]?.[3]).length).toBe(32_767);
    expect(rows[1]?.[7]).toBe('not a time');
  });

  it('writes a job with no calls and no rows needing action (empty to-fix and calls sheets, header only)', async () => {
    const source = makeSource({
      operation: 'return-cancel', method: 'purchase.PurchaseReturn.batchCancelOrder', columns: ['采购退货单号'], columnFields: ['returnNos'],
      rows: [{ rowNumber: 2, cells: ['CR1'], state: 'succeeded', message: '', hint: null, erpNo: null, call: 1, submittedAt: null }],
    });
    const book = await written(source, 'clean.xlsx');
    expect(grid(sheet(book, resultsSheetNames.toFix))).toEqual([['*采购退货单号', '错误原因', '处理建议']]);
    expect(grid(sheet(book, resultsSheetNames.calls))).toHaveLength(1);
  });
});

describe('writeResults reads the rows', () => {
  /** The source with its rows() calls counted (each a read of every row from the store). */
  const counted = (source: JobReportSource) => {
    const reads = { n: 0 };
    return { reads, source: { ...source, rows: () => (reads.n++, source.rows()) } };
  };
  const failedRows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ rowNumber: i + 2, cells: [`CR${i}`], state: 'failed' as const, message: '单据不存在', hint: null, erpNo: null, call: 1, submittedAt: null }));
  const cancel = (n: number) =>
    makeSource({ operation: 'return-cancel', method: 'purchase.PurchaseReturn.batchCancelOrder', columns: ['采购退货单号'], columnFields: ['returnNos'], rows: failedRows(n) });

  it('once for a job of up to 20,000 rows (three passes replayed from memory), every time for a bigger one', async () => {
    const small = counted(cancelSource());
    const book = await written(small.source, 'read-once.xlsx');
    expect(small.reads.n).toBe(1);
    expect(grid(sheet(book, resultsSheetNames.results)).slice(1).map((r) => r[8])).toEqual([2, 3, 4, 5, 6, 7]);
    const edge = counted(cancel(20_000));
    expect((await writeResults(edge.source, path.join(tempDir(), 'edge.xlsx'))).ok).toBe(true);
    expect(edge.reads.n).toBe(1);
    const big = counted(cancel(20_001));
    expect((await writeResults(big.source, path.join(tempDir(), 'big.xlsx'))).ok).toBe(true);
    expect(big.reads.n).toBe(3);
  }, 60_000);
});
