// `wdt-bulk validate` and `wdt-bulk template`: in-process through main(), and once through the built CLI.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/index';
import { tempDir, writeXlsx } from './fixtures';

const dir = tempDir();

async function cli(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let errText = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (errText += d.toString()));
  const code = await main(args, { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: dir, interactive: false });
  return { code, out, err: errText };
}

describe('wdt-bulk validate', () => {
  it('prints the cli.md JSON shape and exits 1 when some rows are invalid or duplicate', async () => {
    await writeXlsx(path.join(dir, 'mixed.xlsx'), [{ name: '取消', rows: [['标题'], ['returnNos'], ['CR1'], ['CR1'], ['CR2']] }]);
    const r = await cli(['validate', 'mixed.xlsx', '--json']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.out);
    expect(body).toMatchObject({ operation: 'return-cancel', sheet: '取消', headerRow: 2, rows: 3, orders: 2, counts: { valid: 2, invalid: 0, duplicate: 1 } });
    expect(body.problems).toEqual([{ row: 4, column: 'returnNos', field: 'returnNos', message: expect.stringContaining('3') }]);
  });

  it('exits 0 when every row is valid, 2 with no valid rows, 2 with a typed error for an unreadable file', async () => {
    await writeXlsx(path.join(dir, 'good.xlsx'), [{ name: 'S', rows: [['采购入库单号'], ['RK1']] }]);
    expect((await cli(['validate', 'good.xlsx'])).code).toBe(0);
    await writeXlsx(path.join(dir, 'bad.xlsx'), [{ name: 'S', rows: [['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量'], ['CG1', 'W', 'P', 'A', -1]] }]);
    const bad = await cli(['validate', 'bad.xlsx', '--json', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).problems[0]).toMatchObject({ row: 2, column: '退货数量', field: 'num' });
    const missing = await cli(['validate', 'nope.xlsx', '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out)).toEqual({ error: { code: 'FILE_NOT_FOUND', message: expect.stringContaining('nope.xlsx') } });
    expect((await cli(['validate', 'good.xlsx', '--op', 'nonsense'])).code).toBe(2);
  });

  it('works through the built CLI with the bundled worker (template, then validate it)', async () => {
    const run = promisify(execFile);
    const bin = path.resolve('bin/wdt-bulk.mjs');
    const t = await run('node', [bin, 'template', 'purchase.PurchaseReturn.batchCancelOrder', '--out', path.join(dir, 'tpl.xlsx'), '--json']);
    expect(JSON.parse(t.stdout)).toMatchObject({ operation: 'return-cancel' });
    const v = await run('node', [bin, 'validate', path.join(dir, 'mixed.xlsx'), '--lang', 'en']).catch((e: { code: number; stdout: string }) => e);
    expect('code' in v ? v.code : 0).toBe(1);
    expect(v.stdout).toContain('Row 4');
  });
});
