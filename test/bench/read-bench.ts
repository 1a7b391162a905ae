// Reading benchmark: a 100,000-row, 12-column createOrder sheet. exceljs's own streaming reader merely walking
// the rows, side by side with our full read (intake guards + worker + normalise + validate + group).
// Targets: ratio ≤ 1.5×, peak RSS ≤ 400 MB, main-thread event-loop stall ≤ 50 ms.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { buildNode } from '../../scripts/build-node.mjs';
import { readSheet } from '../../main/sheets/reader';

const rowsWanted = 100_000;

async function makeSheet(file: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = book.addWorksheet('采购退货');
  ws.addRow(['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价', '折扣', '税率', '明细备注', '批次号', '有效期', '联系人']).commit();
  for (let i = 0; i < rowsWanted; i++) {
    const order = `CG${String(Math.floor(i / 4)).padStart(8, '0')}`;
    const row = ws.addRow([order, 'WH01', 'P001', `SKU${i % 5000}`, (i % 9) + 1, 12.5 + (i % 7), 1, 0.13, `备注${i % 100}`, `B${i % 50}`, '2027-01-01', '张三']);
    row.getCell(8).numFmt = '0%';
    row.commit();
  }
  ws.commit();
  await book.commit();
}

async function walkWithExceljs(file: string): Promise<number> {
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const ws of reader) {
    for await (const row of ws) row.eachCell(() => void cells++);
  }
  return cells;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function run(): Promise<void> {
  await buildNode({ quiet: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'wdt-read-bench-'));
  const file = path.join(dir, 'returns-100k.xlsx');
  try {
    let t = performance.now();
    await makeSheet(file);
    console.log(`read-bench: generated ${rowsWanted} rows × 12 columns in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    t = performance.now();
    const cells = await walkWithExceljs(file);
    const baseline = performance.now() - t;

    let peakRss = process.memoryUsage().rss;
    let peakMainHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakMainHeap = Math.max(peakMainHeap, m.heapUsed);
    }, 20);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    t = performance.now();
    const result = await readSheet(file, { workerPath: path.resolve('out/node/read-worker.cjs') });
    const ours = performance.now() - t;
    // A stall is recorded when the monitor's next tick comes late: let it tick once more, or a stall in the
    // very last task of the read (handing over the result) would go unmeasured.
    await new Promise((resolve) => setTimeout(resolve, 30));
    loop.disable();
    clearInterval(sampler);
    if (!result.ok) throw new Error(`read failed: ${result.error.message}`);
    const valid = result.value.rows.filter((r) => r.disposition.kind === 'valid').length;

    console.log(`read-bench: exceljs WorkbookReader walk   ${(baseline / 1000).toFixed(2)} s (${cells} cells)`);
    console.log(`read-bench: our full validate (worker)    ${(ours / 1000).toFixed(2)} s (${result.value.rows.length} rows, ${valid} valid, ${result.value.orders.length} orders)`);
    console.log(`read-bench: ratio                         ${(ours / baseline).toFixed(2)}× (target ≤ 1.5×)`);
    console.log(`read-bench: peak RSS (main + worker)      ${mb(peakRss)} (target ≤ 400 MB); peak main heap ${mb(peakMainHeap)}`);
    console.log(`read-bench: main event-loop max stall     ${(loop.max / 1e6).toFixed(1)} ms (target ≤ 50 ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('test/bench/read-bench.ts')) await run();
