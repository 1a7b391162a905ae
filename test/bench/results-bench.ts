// Results-workbook benchmark: a 100,000-row createOrder job (12 source columns, every state present, one call per
// order) written by writeResults, side by side with exceljs's streaming WorkbookWriter writing the same cells of
// the same four sheets without any styling (no styles, widths, freeze or filter), from the same source.
// Targets: ratio ≤ 2×; memory stays flat (streamed), peak RSS printed.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { t } from '../../shared/i18n';
import type { RowState } from '../../shared/states';
import { emptyCounts } from '../../shared/states';
import type { JobAttemptReport, JobReportSource, JobRowReport, JobSummary } from '../../main/jobs/report';
import { writeResults } from '../../main/sheets/results/results-writer';

const rowsWanted = 100_000;
const columns = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价', '折扣', '税率', '明细备注', '批次号', '有效期', '联系人'];
const fields = ['outer_no', 'warehouse_no', 'provider_no', 'spec_no', 'num', 'price', 'discount', 'tax_rate', 'detail_remark', 'batch_no', 'expire_date', 'contact'];
const states: RowState[] = ['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'failed', 'invalid', 'unknown', 'duplicate', 'skipped', 'succeeded'];

function makeJob(): { source: JobReportSource; rows: JobRowReport[]; calls: JobAttemptReport[] } {
  const rows: JobRowReport[] = [];
  const calls: JobAttemptReport[] = [];
  const at = new Date('2027-01-01T08:00:00+08:00').getTime();
  for (let i = 0; i < rowsWanted; i++) {
    const order = Math.floor(i / 4);
    const outer = `CG${String(order).padStart(8, '0')}`;
    const state = states[order % states.length] as RowState;
    const sent = state === 'succeeded' || state === 'failed' || state === 'unknown';
    const submittedAt = sent ? new Date(at + order * 250).toISOString() : null;
    rows.push({
      rowNumber: i + 2,
      cells: [outer, 'WH01', 'P001', `SKU${i % 5000}`, String((i % 9) + 1), (12.5 + (i % 7)).toFixed(2), '1', '0.13', `备注${i % 100}`, `B${i % 50}`, '2027-01-01', '张三'],
      state,
      message: state === 'failed' ? `货品 SKU${i % 5000} 库存不足，无法退货（外部单号 ${outer}）` : state === 'invalid' ? '退货数量：必须大于 0' : state === 'duplicate' ? `与第 ${i} 行重复` : '',
      hint: null,
      erpNo: state === 'succeeded' ? outer : null,
      call: sent ? order + 1 : null,
      submittedAt,
    });
    if (sent && i % 4 === 0) {
      calls.push({ call: order + 1, attempt: 1, method: 'purchase.PurchaseReturn.createOrder', orders: 1, outcome: 'answered', httpStatus: 200, erpStatus: state === 'failed' ? 100 : 0, erpMessage: state === 'failed' ? '库存不足' : null, durationMs: 80 + (i % 50), at: submittedAt ?? '' });
    }
  }
  const counts = emptyCounts();
  for (const r of rows) counts[r.state] += 1;
  const summary: JobSummary = {
    id: 'bench', operation: 'return-create', method: 'purchase.PurchaseReturn.createOrder', profileName: 'bench', environment: 'sandbox', sid: 'bench',
    sourceName: 'returns-100k.xlsx', sourcePath: '/tmp/returns-100k.xlsx', sourceSha256: '0'.repeat(64), sheet: '采购退货', headerRow: 1,
    columns, columnFields: fields, operator: 'bench', appVersion: '0.1.0', isCheck: false,
    createdAt: new Date(at).toISOString(), startedAt: new Date(at).toISOString(), finishedAt: new Date(at + 3_600_000).toISOString(),
    state: 'done', counts, attempts: calls.length,
  };
  return { source: { summary: () => summary, rows: () => rows.values(), attempts: () => calls.values(), lang: 'zh-CN' }, rows, calls };
}

/** The same cells, plainly: exceljs's streaming writer with no styles, widths, freeze or filter. */
async function writePlain(file: string, job: ReturnType<typeof makeJob>): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const summary = job.source.summary();
  const s = book.addWorksheet('汇总 Summary');
  s.addRow(['项目', '内容']).commit();
  for (let i = 0; i < 20; i++) s.addRow([`项目${i}`, summary.sourceSha256]).commit();
  s.commit();
  const num = (v: string) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);
  const decimal = new Set([4, 5, 6, 7]);
  const word = (state: RowState) => t('zh-CN', `states.${state}`);
  const r = book.addWorksheet('明细 Results');
  r.addRow([...columns, '状态', 'ERP 返回信息', 'ERP 单号', '调用', '提交时间', '源行号']).commit();
  for (const row of job.rows) {
    const cells = row.cells.map((c, i) => (decimal.has(i) ? num(c) : c));
    r.addRow([...cells, word(row.state), row.message || null, row.erpNo, row.call, row.submittedAt ? new Date(row.submittedAt) : null, row.rowNumber]).commit();
  }
  r.commit();
  const f = book.addWorksheet('失败 To fix');
  f.addRow([...columns, '错误原因']).commit();
  for (const row of job.rows) {
    if (row.state !== 'failed' && row.state !== 'invalid' && row.state !== 'unknown') continue;
    f.addRow([...row.cells.map((c, i) => (decimal.has(i) ? num(c) : c)), row.message]).commit();
  }
  f.commit();
  const c = book.addWorksheet('请求日志 Calls');
  c.addRow(['调用', '接口方法', '单据数', '第几次尝试', '结果', 'HTTP 状态', 'ERP 状态', 'ERP 返回信息', '耗时（毫秒）', '时间']).commit();
  for (const call of job.calls) {
    c.addRow([call.call, call.method, call.orders, call.attempt, call.outcome, call.httpStatus, call.erpStatus, call.erpMessage, call.durationMs, new Date(call.at)]).commit();
  }
  c.commit();
  await book.commit();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wdt-results-bench-'));
  try {
    const job = makeJob();
    const plainFile = path.join(dir, 'plain.xlsx');
    const oursFile = path.join(dir, 'results.xlsx');
    // One warm-up of each, so neither pays for the JIT alone; then measured runs alternate, best of three.
    await writePlain(plainFile, job);
    await writeResults(job.source, oursFile);
    let baseline = Infinity;
    let ours = Infinity;
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => void (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    for (let i = 0; i < 3; i++) {
      let t0 = performance.now();
      await writePlain(plainFile, job);
      baseline = Math.min(baseline, performance.now() - t0);
      t0 = performance.now();
      const r = await writeResults(job.source, oursFile);
      ours = Math.min(ours, performance.now() - t0);
      if (!r.ok) throw new Error(r.error.message);
    }
    clearInterval(sampler);
    console.log(`results-bench: ${rowsWanted} rows × ${columns.length} source columns, ${job.calls.length} calls`);
    console.log(`results-bench: exceljs streaming writer, no styling  ${(baseline / 1000).toFixed(2)} s (${mb(statSync(plainFile).size)})`);
    console.log(`results-bench: writeResults (4 sheets, styled)       ${(ours / 1000).toFixed(2)} s (${mb(statSync(oursFile).size)})`);
    console.log(`results-bench: ratio                                 ${(ours / baseline).toFixed(2)}× (target ≤ 2×)`);
    console.log(`results-bench: peak RSS                              ${mb(peakRss)} (the job's rows held in memory: ${mb(rssBefore)} before writing)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('test/bench/results-bench.ts')) await run();
