// `wdt-bulk masterdata refresh|status|check` as a real child process (the bundle the global setup
// builds) against the sandbox on loopback: the --json shapes of docs/masterdata.md, and exit codes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/effects';
import { openJobDatabase } from '../../../main/jobs/database';
import { RefreshLease } from '../../../main/masterdata/md-lease';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { spawn } from 'node:child_process';
import { cleanEnv, cliBin, erpEnv, json, listBook, runCli, tempDir } from '../cli/helpers';
import { createSheet } from '../jobs/helpers';

let sandbox: Sandbox;
let tmp: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  sandbox = await startSandbox();
  tmp = tempDir('wdt-md-cli-');
  env = cleanEnv({ WDT_BULK_HOME: path.join(tmp.dir, 'home'), ...erpEnv(sandbox.url) });
});
afterEach(async () => {
  await sandbox.close();
  tmp.cleanup();
});

const warehouseMethod = 'setting.Warehouse.queryWarehouse';
const cli = (...args: string[]) => runCli(['masterdata', ...args, '--json'], { env, cwd: tmp.dir });

type StatusJson = { profile: string; lists: { list: string; state: string; count: number; asOf: string | null; ageSeconds: number | null; resumable: boolean; notice: string | null }[] };

describe('wdt-bulk masterdata', () => {
  it('refreshes from the configured start, tells each list\'s age, and checks a create sheet offline', async () => {
    // The settings file's masterdata key: the first refresh reads from 2023-01-01 (the default is 2019-01-01).
    mkdirSync(path.join(tmp.dir, 'home'), { recursive: true });
    writeFileSync(path.join(tmp.dir, 'home', 'settings.json'), JSON.stringify({ version: 1, profiles: [], masterdata: { startDate: '2023-01-01' } }));
    const before = json<StatusJson>(await cli('status'));
    expect(before.profile).toBe('@env');
    expect(before.lists.map((l) => [l.list, l.state, l.asOf])).toEqual([
      ['warehouses', 'never', null],
      ['providers', 'never', null],
      ['specs', 'never', null],
      ['providerGoods', 'never', null],
    ]);

    const refreshed = await cli('refresh');
    expect(refreshed.code).toBe(0);
    const r = json<{ profile: string; complete: boolean; lists: { list: string; outcome: string; calls: number; records: number; notice: string | null }[] }>(refreshed);
    expect(r.complete).toBe(true);
    // One call per 30 days since the start: the setting was read.
    expect(r.lists[0]!.calls).toBe(Math.ceil((Date.now() - Date.parse('2023-01-01T00:00:00+08:00')) / (30 * 24 * 3600_000)));
    expect(r.lists.map((l) => [l.list, l.outcome])).toEqual([
      ['warehouses', 'fresh'],
      ['providers', 'fresh'],
      ['specs', 'fresh'],
      ['providerGoods', 'fresh'],
    ]);

    const after = json<StatusJson>(await cli('status'));
    expect(after.lists.map((l) => [l.list, l.state, l.count])).toEqual([
      ['warehouses', 'fresh', 4],
      ['providers', 'fresh', 4],
      ['specs', 'fresh', 10],
      ['providerGoods', 'fresh', 12],
    ]);
    expect(after.lists[0]!.asOf).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(after.lists[0]!.ageSeconds).toBeLessThan(60);

    await sandbox.close(); // the check needs no ERP
    const file = await createSheet(path.join(tmp.dir, 'create.xlsx'), [
      { outer: 'O1', warehouse: 'WH001', provider: 'P001', spec: 'SKU-TS-RED-M' },
      { outer: 'O2', warehouse: 'ＷＨ００１', provider: 'P001', spec: 'SKU-CAP-01' },
    ]);
    const checked = await cli('check', file);
    expect(checked.code).toBe(1);
    const c = json<{ operation: string; warnings: { row: number; column: string; field: string; message: string }[]; names: Record<string, Record<string, string>>; missingLists: string[] }>(checked);
    expect(c.operation).toBe('return-create');
    expect(c.missingLists).toEqual([]);
    expect(c.warnings.map((w) => [w.row, w.column, w.field])).toEqual([[3, '仓库编码', 'warehouse_no']]);
    expect(c.warnings[0]!.message).toContain('“WH001”');
    expect(c.names.warehouse_no).toEqual({ WH001: '上海主仓' });
  });

  it('previews a cancel list with --query, marking the rows that cannot succeed', async () => {
    const file = await listBook(path.join(tmp.dir, 'cancel.xlsx'), ['CR202406010001', 'CR202406010006', 'CR209912319999']);
    const run = await cli('check', file, '--query', '--op', 'return-cancel');
    expect(run.code).toBe(1);
    const got = json<{ preview: { mode: string; complete: boolean; counts: Record<string, number>; rows: { key: string; rows: number[]; verdict: string; state: string; reason: string | null }[] } }>(run);
    expect(got.preview).toMatchObject({ mode: 'by-number', complete: true, counts: { ok: 1, blocked: 2, unknown: 0 } });
    expect(got.preview.rows.map((r) => [r.key, r.rows, r.verdict])).toEqual([
      ['CR202406010001', [2], 'ok'],
      ['CR202406010006', [3], 'blocked'],
      ['CR209912319999', [4], 'blocked'],
    ]);
    expect(got.preview.rows[1]!.state).toBe('已取消 / 未出库');
    expect(got.preview.rows[1]!.reason).toContain('已取消');
    // In prose: one line per document, naming its sheet row, then the summary.
    const prose = await runCli(['masterdata', 'check', file, '--query', '--op', 'return-cancel'], { env, cwd: tmp.dir });
    expect(prose.stdout).toContain('第 3 行 CR202406010006：已取消 / 未出库，不能成功 — 单据已取消，发送会失败。');
    expect(prose.stdout).toContain('预览了 3 张单据：可执行 1，不能成功 2，无法判断 0（3 次查询）');
  });

  it('skips a list the account may not read, with the notice, and still exits 0', async () => {
    sandbox.setOptions({ deniedMethods: ['purchase.ProviderGoods.queryDetail'] });
    const run = await cli('refresh', '--list', 'providerGoods', '--list', 'warehouses');
    expect(run.code).toBe(0);
    const r = json<{ lists: { list: string; outcome: string; notice: string | null }[] }>(run);
    expect(r.lists.map((l) => [l.list, l.outcome])).toEqual([
      ['providerGoods', 'denied'],
      ['warehouses', 'fresh'],
    ]);
    expect(r.lists[0]!.notice).toContain('权限不足');
    expect(r.lists[0]!.notice).toContain('purchase.ProviderGoods.queryDetail');
  });

  it('a refresh killed midway (SIGKILL) continues where it was in the next process', async () => {
    sandbox.setOptions({ latencyMs: 25 });
    const windows = Math.ceil((Date.now() - Date.parse('2019-01-01T00:00:00+08:00')) / (30 * 24 * 3600_000));
    const child = spawn(process.execPath, [cliBin, 'masterdata', 'refresh', '--list', 'warehouses', '--json'], { cwd: tmp.dir, env, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    while ((sandbox.state.counters.byMethod[warehouseMethod] ?? 0) < 20) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const killedAfter = sandbox.state.counters.byMethod[warehouseMethod]!;
    expect(killedAfter).toBeLessThan(windows);
    const status = json<StatusJson>(await cli('status'));
    expect(status.lists[0]).toMatchObject({ list: 'warehouses', state: 'partial', resumable: true });
    sandbox.setOptions({ latencyMs: 0 });
    const again = await cli('refresh', '--list', 'warehouses');
    expect(again.code).toBe(0);
    // Every window read once, but for at most the one whose answer the kill cut off.
    const total = sandbox.state.counters.byMethod[warehouseMethod]!;
    expect(total).toBeGreaterThanOrEqual(windows);
    expect(total).toBeLessThanOrEqual(windows + 1);
    expect(json<StatusJson>(await cli('status')).lists[0]).toMatchObject({ state: 'fresh', count: 4, resumable: false });
  });

  it('a refresh while another process refreshes the same profile says so and stops before any call', async () => {
    // This test process holds the profile's lease on the CLI's store file, as a running app would.
    mkdirSync(path.join(tmp.dir, 'home'), { recursive: true });
    const db = openJobDatabase(path.join(tmp.dir, 'home', 'jobs.sqlite'));
    try {
      const held = new RefreshLease(db, systemClock).take('@env', 'the-app');
      expect(held.ok).toBe(true);
      const busy = await cli('refresh');
      expect(busy.code).toBe(1);
      const r = json<{ complete: boolean; notice: string | null; lists: { outcome: string; calls: number }[] }>(busy);
      expect(r.complete).toBe(false);
      expect(r.notice).toContain(`正在由另一处刷新（进程 ${process.pid}`);
      expect(r.lists.map((l) => [l.outcome, l.calls])).toEqual(Array(4).fill(['not-run', 0]));
      expect(sandbox.state.counters.byMethod[warehouseMethod] ?? 0).toBe(0);
      expect(json<StatusJson>(await cli('status')).lists.map((l) => l.state)).toEqual(Array(4).fill('never'));
      if (held.ok) held.release();
      const after = await cli('refresh', '--list', 'warehouses');
      expect(after.code).toBe(0);
      expect(json<{ notice: string | null }>(after).notice).toBeNull();
    } finally {
      db.close();
    }
  });

  it('validate --check-erp adds the master-data warnings to the sheet\'s own, and previews a list with --query', async () => {
    expect((await cli('refresh', '--list', 'warehouses')).code).toBe(0);
    const file = await createSheet(path.join(tmp.dir, 'create.xlsx'), [
      { outer: 'O1', warehouse: 'WH001' },
      { outer: 'O2', warehouse: 'wh009' },
    ]);
    const run = await runCli(['validate', file, '--check-erp', '--json'], { env, cwd: tmp.dir });
    expect(run.code).toBe(0);
    const got = json<{ warnings: { row: number; field: string }[]; erp: { missingLists: string[] } }>(run);
    expect(got.warnings.map((w) => [w.row, w.field])).toEqual([[3, 'warehouse_no']]);
    expect(got.erp.missingLists).toEqual(['providers', 'specs', 'providerGoods']);
    const list = await listBook(path.join(tmp.dir, 'cancel.xlsx'), ['CR202406010001', 'CR202406010006']);
    const previewed = await runCli(['validate', list, '--op', 'return-cancel', '--check-erp', '--query', '--json'], { env, cwd: tmp.dir });
    expect(previewed.code).toBe(1);
    expect(json<{ erp: { preview: { counts: Record<string, number> } } }>(previewed).erp.preview.counts).toEqual({ ok: 1, blocked: 1, unknown: 0 });
  });

  it('names a bad argument and exits 2', async () => {
    const run = await cli('refresh', '--list', 'everything');
    expect(run.code).toBe(2);
    expect(json<{ error: { code: string; message: string } }>(run).error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(run.stdout).toContain('--list everything');
  });
});
