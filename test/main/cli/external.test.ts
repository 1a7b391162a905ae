// `wdt-bulk submit` against an EXTERNAL ERP given by WDT_BASE_URL/WDT_SID/WDT_APPKEY/WDT_APPSECRET: the
// sandbox runs as its own process (`wdt-bulk sandbox --port 0 --json`) and is inspected over loopback.
import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bulkReturn,
  cancelledStatus,
  cleanEnv,
  countKeys,
  erpEnv,
  json,
  listBook,
  readBook,
  returnStatusOf,
  runCli,
  sandboxState,
  sheetNames,
  startSandboxProcess,
  submitCommandKeys,
  sum,
  tempDir,
  type JobsJson,
  type SandboxProcess,
  type SubmitJson,
} from './helpers';

let erp: SandboxProcess;
const tmp = tempDir();
let n = 0;
/** A fresh data folder for each test, so `jobs` shows only that test's jobs. */
const freshEnv = (extra: NodeJS.ProcessEnv = {}) => cleanEnv({ WDT_BULK_HOME: path.join(tmp.dir, `home-${++n}`), ...erpEnv(erp.url), ...extra });

beforeAll(async () => {
  erp = await startSandboxProcess();
});
afterAll(async () => {
  await erp?.stop();
  tmp.cleanup();
});

describe('wdt-bulk submit to an external ERP (sandbox in its own process)', () => {
  it('cancels 45 returns in 20+20+5 and the ERP shows them cancelled', async () => {
    const numbers = Array.from({ length: 45 }, (_, i) => bulkReturn(i + 1));
    const file = await listBook(path.join(tmp.dir, 'forty-five.xlsx'), numbers);
    const before = await sandboxState(erp.url);
    for (const no of numbers) expect(returnStatusOf(before, no)).not.toBe(cancelledStatus);
    const cancelsBefore = before.counters.byMethod['purchase.PurchaseReturn.batchCancelOrder'] ?? 0;

    const env = freshEnv();
    const run = await runCli(['submit', file, '--op', 'return-cancel', '--json', '--wait', '2'], { env, cwd: tmp.dir });
    expect(run.code, run.stderr).toBe(0);
    const out = json<SubmitJson>(run);
    expect(Object.keys(out).sort()).toEqual(submitCommandKeys);
    expect(Object.keys(out.counts).sort()).toEqual(countKeys);
    expect(out).toMatchObject({ operation: 'return-cancel', method: 'purchase.PurchaseReturn.batchCancelOrder', rows: 45, calls: 3 });
    expect(out.profile).not.toBe('sandbox');
    expect(out.counts.succeeded).toBe(45);
    expect(sum(out.counts)).toBe(45);

    const after = await sandboxState(erp.url);
    for (const no of numbers) expect(returnStatusOf(after, no), no).toBe(cancelledStatus);
    expect(returnStatusOf(after, bulkReturn(46))).not.toBe(cancelledStatus);
    expect((after.counters.byMethod['purchase.PurchaseReturn.batchCancelOrder'] ?? 0) - cancelsBefore).toBe(3);

    const book = await readBook(out.results!);
    const calls = book.get(sheetNames.calls)!;
    const ordersCol = calls[0]!.indexOf('单据数');
    expect(ordersCol).toBeGreaterThanOrEqual(0);
    expect(calls.slice(1).map((r) => r[ordersCol]).sort()).toEqual([20, 20, 5].sort());
    expect(book.get(sheetNames.results)!.slice(1).map((r) => r[0])).toEqual(numbers);

    const jobs = json<JobsJson>(await runCli(['jobs', '--json'], { env, cwd: tmp.dir })).jobs;
    expect(jobs.map((j) => [j.job, j.state, j.rows])).toEqual([[out.job, 'done', 45]]);
    // The secret of the environment's profile is written nowhere: not in the output, not in the workbook.
    const secret = erpEnv(erp.url).WDT_APPSECRET!.split(':')[0]!;
    expect(run.stdout + run.stderr).not.toContain(secret);
    expect(JSON.stringify([...book.values()])).not.toContain(secret);
  });

  it('exits 4 when the ERP refuses the credentials, stores the job interrupted, and changes nothing', async () => {
    const no = bulkReturn(46);
    const file = await listBook(path.join(tmp.dir, 'refused.xlsx'), [no, bulkReturn(47)]);
    const before = await sandboxState(erp.url);
    const env = freshEnv({ WDT_APPSECRET: 'wrong-secret-x9:wrong-salt-x9' });
    const run = await runCli(['submit', file, '--op', 'return-cancel', '--json', '--wait', '2'], { env, cwd: tmp.dir });
    expect(run.code, run.stdout + run.stderr).toBe(4);
    const out = json<SubmitJson>(run);
    expect(out.counts.succeeded).toBe(0);
    expect(sum(out.counts)).toBe(2);

    const after = await sandboxState(erp.url);
    expect(after.counters.signRefused).toBeGreaterThan(before.counters.signRefused);
    expect(after.counters.handled).toBe(before.counters.handled);
    expect(returnStatusOf(after, no)).toBe(returnStatusOf(before, no));

    const jobs = json<JobsJson>(await runCli(['jobs', '--json'], { env, cwd: tmp.dir })).jobs;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ job: out.job, state: 'interrupted', rows: 2 });
    expect(run.stdout + run.stderr).not.toContain('wrong-secret-x9');

    // Still refused on resume: 4 again; with the right secret the interrupted job goes on and ends done.
    const again = await runCli(['resume', out.job, '--json', '--wait', '2'], { env, cwd: tmp.dir });
    expect(again.code, again.stdout + again.stderr).toBe(4);
    const fixedEnv = { ...env, WDT_APPSECRET: erpEnv(erp.url).WDT_APPSECRET };
    const resumed = await runCli(['resume', out.job, '--json', '--wait', '2'], { env: fixedEnv, cwd: tmp.dir });
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    const jobJson = json<{ jobs: SubmitJson[] }>(resumed).jobs;
    expect(jobJson.map((j) => [j.job, j.counts.succeeded, j.rows])).toEqual([[out.job, 2, 2]]);
    expect(returnStatusOf(await sandboxState(erp.url), no)).toBe(cancelledStatus);
    expect(json<JobsJson>(await runCli(['jobs', '--json'], { env, cwd: tmp.dir })).jobs[0]).toMatchObject({ job: out.job, state: 'done' });
  });

  it('a wrong secret on 100 cancels: at most 2 calls, no row failed, exit 4; fixed, resume finishes the job', async () => {
    const numbers = Array.from({ length: 100 }, (_, i) => `CR-WS-${String(i).padStart(3, '0')}`);
    const file = await listBook(path.join(tmp.dir, 'wrong-secret-100.xlsx'), numbers);
    const before = await sandboxState(erp.url);
    const env = freshEnv({ WDT_APPSECRET: 'wrong-secret-y7:wrong-salt-y7' });
    const run = await runCli(['submit', file, '--op', 'return-cancel', '--json', '--wait', '2'], { env, cwd: tmp.dir });
    expect(run.code, run.stdout + run.stderr).toBe(4);
    const out = json<SubmitJson>(run);
    expect(out.calls).toBeLessThanOrEqual(2);
    expect(out.counts).toMatchObject({ failed: 0, succeeded: 0, unknown: 0, pending: 100 });
    const after = await sandboxState(erp.url);
    expect(after.counters.requests - before.counters.requests).toBeLessThanOrEqual(2);
    const prose = await runCli(['resume', out.job, '--lang', 'en', '--wait', '2'], { env, cwd: tmp.dir });
    expect(prose.code).toBe(4);
    expect(prose.stdout + prose.stderr).toMatch(/app secret is wrong/);
    const fixed = await runCli(['resume', out.job, '--json', '--wait', '2'], { env: { ...env, WDT_APPSECRET: erpEnv(erp.url).WDT_APPSECRET }, cwd: tmp.dir });
    // None of these numbers exists in the ERP: the job finishes, every row failed by the ERP's own answer.
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(1);
    expect(json<{ jobs: SubmitJson[] }>(fixed).jobs[0]).toMatchObject({ job: out.job, counts: { failed: 100, pending: 0 } });
  });

  it('a base URL ending in /openapi works; a wrong address stops within --wait, exit 4, naming the URL tried', async () => {
    const ok = await runCli(['submit', await listBook(path.join(tmp.dir, 'openapi.xlsx'), [bulkReturn(52)]), '--op', 'return-cancel', '--json', '--wait', '2'], {
      env: freshEnv({ WDT_BASE_URL: `${erp.url}/openapi` }),
      cwd: tmp.dir,
    });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const started = Date.now();
    const wrong = await runCli(['submit', await listBook(path.join(tmp.dir, 'wrong-url.xlsx'), [bulkReturn(53)]), '--op', 'return-cancel', '--lang', 'en', '--wait', '3'], {
      env: freshEnv({ WDT_BASE_URL: `${erp.url}/erp/api` }),
      cwd: tmp.dir,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(wrong.code, wrong.stdout + wrong.stderr).toBe(4);
    expect(wrong.stdout + wrong.stderr).toContain(`${erp.url}/erp/api/openapi`);
    expect(returnStatusOf(await sandboxState(erp.url), bulkReturn(53))).not.toBe(cancelledStatus);
  });

  it('settles a call whose answer was lost (502 after acting) by query, without sending the cancel twice', async () => {
    const nos = [bulkReturn(50), bulkReturn(51), 'CR-NOT-THERE-7'];
    const file = await listBook(path.join(tmp.dir, 'lost-answer.xlsx'), nos);
    const before = await sandboxState(erp.url);
    const set = await request(`${erp.url}/__sandbox/options`, { method: 'POST', body: JSON.stringify({ faults: [{ kind: '502-after-acting', count: 1 }] }) });
    expect(set.statusCode).toBe(200);
    await set.body.text();

    const run = await runCli(['submit', file, '--op', 'return-cancel', '--json', '--wait', '2'], { env: freshEnv(), cwd: tmp.dir });
    const after = await sandboxState(erp.url);
    const cancels = (s: typeof after) => s.counters.byMethod['purchase.PurchaseReturn.batchCancelOrder'] ?? 0;
    const queries = (s: typeof after) => s.counters.byMethod['purchase.PurchaseReturn.queryWithDetail'] ?? 0;
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const out = json<SubmitJson>(run);
    // The two cancelled returns are settled by the query; the number the ERP does not know was provably not
    // acted on, so it alone is sent again and refused.
    expect(out.counts).toMatchObject({ succeeded: 2, failed: 1, unknown: 0, pending: 0 });
    expect(queries(after) - queries(before)).toBeGreaterThanOrEqual(3);
    expect(cancels(after) - cancels(before)).toBe(2);
    for (const no of nos.slice(0, 2)) expect(returnStatusOf(after, no)).toBe(cancelledStatus);
    const results = (await readBook(out.results!)).get(sheetNames.results)!;
    expect(results.slice(1).map((r) => [r[0], r[1]])).toEqual([
      [nos[0], '成功'],
      [nos[1], '成功'],
      [nos[2], '失败'],
    ]);
  });

  it('production without a terminal: exit 2 CONFIRMATION_REQUIRED and nothing sent; with --yes it goes', async () => {
    const nos = [bulkReturn(48), bulkReturn(49)];
    const file = await listBook(path.join(tmp.dir, 'prod.xlsx'), nos);
    const env = freshEnv({ WDT_ENV: 'production' });
    const before = await sandboxState(erp.url);

    const refused = await runCli(['submit', file, '--op', 'return-cancel', '--json'], { env, cwd: tmp.dir });
    expect(refused.code, refused.stderr).toBe(2);
    const error = json<{ error: { code: string; message: string } }>(refused);
    expect(error.error.code).toBe('CONFIRMATION_REQUIRED');
    expect(error.error.message).toContain('--yes');
    const unchanged = await sandboxState(erp.url);
    expect(unchanged.counters.requests).toBe(before.counters.requests);
    for (const no of nos) expect(returnStatusOf(unchanged, no)).toBe(returnStatusOf(before, no));
    expect(json<JobsJson>(await runCli(['jobs', '--json'], { env, cwd: tmp.dir })).jobs).toEqual([]);

    // Prose mode says so on stderr, and also sends nothing.
    const prose = await runCli(['submit', file, '--op', 'return-cancel', '--lang', 'en'], { env, cwd: tmp.dir });
    expect(prose.code).toBe(2);
    expect(prose.stderr).toContain('--yes');
    expect((await sandboxState(erp.url)).counters.requests).toBe(before.counters.requests);

    const confirmed = await runCli(['submit', file, '--op', 'return-cancel', '--json', '--yes'], { env, cwd: tmp.dir });
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(json<SubmitJson>(confirmed).counts.succeeded).toBe(2);
    const after = await sandboxState(erp.url);
    for (const no of nos) expect(returnStatusOf(after, no)).toBe(cancelledStatus);
  });
});
