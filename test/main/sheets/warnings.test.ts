// Warnings (issue 12 item 6): a finding that shows cell by cell like a problem but does not stop the row.
// Real .xlsx files through `wdt-bulk validate --json` (in-process) and through the read worker (the wire
// between threads must keep the severity).
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/index';
import { readSheet, readSheetInProcess } from '../../../main/sheets/read/reader';
import { tempDir, writeXlsx } from './fixtures';

const dir = tempDir();
const header = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '批次号', '折扣', '联系电话'];

async function cli(args: string[]) {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await main(args, { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd: dir, interactive: false });
  return { code, out };
}

describe('validate --json with warnings', () => {
  it('the same item in two batches is a warning: the rows stay valid, exit 0, problems stays empty', async () => {
    await writeXlsx(path.join(dir, 'batches.xlsx'), [{ name: 'S', rows: [header, ['CG1', 'W1', 'P1', 'SKU-A', 1, 'B1'], ['CG1', 'W1', 'P1', 'SKU-A', 2, 'B2']] }]);
    const r = await cli(['validate', 'batches.xlsx', '--json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(body.counts).toEqual({ valid: 2, invalid: 0, duplicate: 0 });
    expect(body.problems).toEqual([]);
    expect(body.warnings).toEqual([{ row: 3, column: '商家编码', field: 'spec_no', message: expect.stringContaining('SKU-A') }]);
  });

  it('errors stay in problems: the same item twice, discount 0, a masked phone', async () => {
    await writeXlsx(path.join(dir, 'errors.xlsx'), [{
      name: 'S',
      rows: [
        header,
        ['CG1', 'W1', 'P1', 'SKU-A', 1],
        ['CG1', 'W1', 'P1', 'SKU-A', 2],
        ['CG2', 'W1', 'P1', 'SKU-B', 1, null, 0],
        ['CG3', 'W1', 'P1', 'SKU-C', 1, null, null, '138****1234'],
        ['CG4', 'W1', 'P1', 'SKU-D', 1, null, 0.8, '13800001234'],
      ],
    }]);
    const r = await cli(['validate', 'errors.xlsx', '--json']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.out);
    expect(body.counts).toEqual({ valid: 1, invalid: 4, duplicate: 0 });
    expect(body.warnings).toEqual([]);
    const byRow = (row: number) => body.problems.filter((p: { row: number }) => p.row === row).map((p: { field: string; message: string }) => [p.field, p.message]);
    expect(byRow(3)).toEqual([['spec_no', expect.stringContaining('与第 2 行重复')]]);
    expect(byRow(4)).toEqual([['discount', expect.stringContaining('必须大于 0')]]);
    expect(byRow(5)).toEqual([['telno', expect.stringContaining('*')]]);
  });

  it('the read worker passes the severity on exactly as the in-process read has it', async () => {
    const file = await writeXlsx(path.join(dir, 'wire.xlsx'), [{ name: 'S', rows: [header, ['CG1', 'W1', 'P1', 'SKU-A', 1, 'B1'], ['CG1', 'W1', 'P1', 'SKU-A', 2, 'B2']] }]);
    const inWorker = await readSheet(file, { workerPath: path.resolve('out/node/read-worker.cjs') });
    const inProcess = await readSheetInProcess(file);
    expect(inWorker).toEqual(inProcess);
    expect(inWorker.ok && inWorker.value.rows.at(1)?.problems).toEqual([expect.objectContaining({ severity: 'warning', field: 'spec_no' })]);
  });
});
