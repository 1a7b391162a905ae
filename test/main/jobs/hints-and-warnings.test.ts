// Issue 12 item 7 through the real engine and the sandbox ERP on loopback: a refusal the vendor documents
// (仓库不存在) gets a 处理建议 / What to do hint beside the ERP's verbatim words, in the Results and To-fix
// sheets of a real .xlsx; the To-fix sheet re-imports to the same orders, the hint column never sent.
// And item 6's warnings: a row sent with one keeps it in the store and the workbook, whatever the outcome.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../../shared/i18n';
import { resultsSheetNames } from '../../../main/sheets/results/results-layout';
import { writeResults } from '../../../main/sheets/results/results-writer';
import { createSheet, readImport, rig, submitFile, type Rig } from './helpers';
import { openJobDatabase } from '../../../main/jobs/database';
import { JobViews } from '../../../main/jobs/job-views';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

/** A sheet's rows as plain values, header first, each row as long as the header. */
async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const width = ws.getRow(1).cellCount;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null)));
  return rows;
}

describe('hints in the results workbook', () => {
  it('a known refusal gets its hint in both sheets (zh-CN and en); the To-fix sheet re-imports to the same orders', async () => {
    r = await rig();
    const file = await createSheet(path.join(r.dir, 'create.xlsx'), [
      { outer: 'HINT-OK' },
      { outer: 'HINT-WH', warehouse: 'NO-SUCH-WH', spec: 'SKU-TS-RED-M', num: 2 }, // the ERP: 仓库不存在
      { outer: 'HINT-NUM', num: -3 }, // never sent: invalid, our own words, no hint
    ]);
    const first = await submitFile(r, file);
    const views = r.views.rows(first.jobId, 'zh-CN', 0, 10).items;
    expect(views.map((v) => [v.state, v.message, v.hint])).toEqual([
      ['succeeded', '', null],
      ['failed', '仓库不存在', t('zh-CN', 'hints.warehouseMissing')],
      ['invalid', expect.stringContaining('退货数量'), null],
    ]);
    expect(r.views.rows(first.jobId, 'en', 1, 1).items[0]?.hint).toBe(t('en', 'hints.warehouseMissing'));

    const zhFile = path.join(r.dir, 'create.results.xlsx');
    expect((await writeResults(r.views.reportSource(r.store.job(first.jobId)!, 'zh-CN'), zhFile)).ok).toBe(true);
    const results = await sheetRows(zhFile, resultsSheetNames.results);
    const rh = results[0] as string[];
    // The ERP's words stay verbatim in their own column; the hint sits beside them.
    expect(rh.slice(rh.indexOf('ERP 返回信息'), rh.indexOf('ERP 返回信息') + 2)).toEqual(['ERP 返回信息', '处理建议']);
    expect(results.slice(1).map((row) => [row[rh.indexOf('ERP 返回信息')], row[rh.indexOf('处理建议')]])).toEqual([
      [null, null],
      ['仓库不存在', t('zh-CN', 'hints.warehouseMissing')],
      [expect.stringContaining('退货数量'), null],
    ]);
    const toFix = await sheetRows(zhFile, resultsSheetNames.toFix);
    const th = toFix[0] as string[];
    expect(th.slice(-2)).toEqual(['错误原因', '处理建议']);
    expect(toFix.slice(1).map((row) => [row[0], row.at(-2), row.at(-1)])).toEqual([
      ['HINT-WH', '仓库不存在', t('zh-CN', 'hints.warehouseMissing')],
      ['HINT-NUM', expect.stringContaining('退货数量'), null],
    ]);

    // Back in: the To-fix sheet reads as the same orders; 错误原因 and 处理建议 are unknown columns, never a problem, never sent.
    const again = await readImport(zhFile);
    expect(again.sheet).toBe(resultsSheetNames.toFix);
    expect(again.columns.slice(-2)).toEqual([
      expect.objectContaining({ header: '错误原因', field: null }),
      expect.objectContaining({ header: '处理建议', field: null }),
    ]);
    // They are listed as not sent, but they are the app's own words: the mapping step does not stop for them.
    expect(again.ignoredColumns).toEqual(['错误原因', '处理建议']);
    expect(again.unmapped).toEqual({ columns: [], fields: [] });
    const orderOf = (o: { key: string; header: object; lines: readonly object[] }) => ({ key: o.key, header: o.header, lines: o.lines });
    expect([...again.orders].map(orderOf)).toEqual([...first.sheet.orders].filter((o) => o.key === 'HINT-WH').map(orderOf));
    expect([...again.rows].map((x) => x.disposition.kind)).toEqual(['valid', 'invalid']);
    expect([...again.rows].flatMap((x) => x.problems.map((p) => p.field))).toEqual(['num']);
    // The order as it would be sent carries nothing of the hint.
    expect(JSON.stringify(again.orders)).not.toContain(t('zh-CN', 'hints.warehouseMissing'));

    // In English the column is "What to do" and the hint is English.
    const enFile = path.join(r.dir, 'create.results.en.xlsx');
    expect((await writeResults(r.views.reportSource(r.store.job(first.jobId)!, 'en'), enFile)).ok).toBe(true);
    const enFix = await sheetRows(enFile, resultsSheetNames.toFix);
    expect((enFix[0] as string[]).slice(-2)).toEqual(['Error reason', 'What to do']);
    expect(enFix[1]?.at(-1)).toBe(t('en', 'hints.warehouseMissing'));
    const enAgain = await readImport(enFile);
    expect([...enAgain.orders].map(orderOf)).toEqual([...again.orders].map(orderOf));
    expect(enAgain.unmapped.columns).toEqual([]);
  });
});

describe('warnings in the job and the results workbook', () => {
  it('a row sent with a warning keeps it in the store and in 明细 Results, whatever the outcome said; the row is sent', async () => {
    r = await rig();
    const file = path.join(r.dir, 'batches.xlsx');
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('采购退货');
    ws.addRow(['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '批次号']);
    ws.addRow(['WARN-1', 'WH001', 'P001', 'SKU-TS-RED-M', 1, 'B1']);
    ws.addRow(['WARN-1', 'WH001', 'P001', 'SKU-TS-RED-M', 2, 'B2']);
    await book.xlsx.writeFile(file);

    const { jobId, sheet } = await submitFile(r, file);
    expect([...sheet.rows].map((x) => x.disposition.kind)).toEqual(['valid', 'valid']);
    expect(r.sandbox.state.returnByOuterNo('WARN-1')?.detail_list).toHaveLength(2);
    const rows = r.views.rows(jobId, 'zh-CN', 0, 5).items;
    expect(rows[0]?.message).toBe('');
    expect(rows[1]?.message).toMatch(/^提醒（提交前已提示，仍已提交）：商家编码：单据 WARN-1 中商家编码 SKU-TS-RED-M 也在第 2 行/);
    expect(r.views.rows(jobId, 'en', 1, 1).items[0]?.message).toMatch(/^Warning \(shown before sending; sent anyway\): 商家编码: Order WARN-1 has item SKU-TS-RED-M on row 2/);

    // The store file read afresh (another process, a later export) still has it.
    const again = openJobDatabase(r.dbFile);
    try {
      expect(new JobViews(again).rows(jobId, 'zh-CN', 1, 1).items[0]?.message).toContain('SKU-TS-RED-M 也在第 2 行');
    } finally {
      again.close();
    }

    const out = path.join(r.dir, 'batches.results.xlsx');
    expect((await writeResults(r.views.reportSource(r.store.job(jobId)!, 'zh-CN'), out)).ok).toBe(true);
    const results = await sheetRows(out, resultsSheetNames.results);
    const at = (results[0] as string[]).indexOf('ERP 返回信息');
    expect(results[2]?.[at]).toEqual(expect.stringContaining('提醒（提交前已提示，仍已提交）'));
  });
});
