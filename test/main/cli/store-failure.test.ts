// The app's own storage fails (cli.md, exit 5; issue 13 item 2): a data folder on a real 1 MB tmpfs
// fills up while a job runs; the CLI ends with exit 5 and a JSON error naming the folder and the reason,
// never a stack trace; once space is freed, `resume` finishes the job with nothing lost, sent once.
// Also: a store written by a newer build, and a damaged store file, are refused the same way.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJobDatabase } from '../../../main/jobs/database';
import { fillDisk, mountSmallDisk } from '../jobs/small-disk';
import {
  bulkReturn,
  cancelledStatus,
  cleanEnv,
  erpEnv,
  json,
  listBook,
  returnStatusOf,
  runCli,
  sandboxState,
  startSandboxProcess,
  sum,
  tempDir,
  type JobsJson,
  type SandboxProcess,
  type SubmitJson,
} from './helpers';

const tmp = tempDir('wdt-store-full-');
const home = path.join(tmp.dir, 'home');
let erp: SandboxProcess | undefined;

let unmount = () => {};
beforeAll(() => {
  // 2 MB: after the ballast goes, resume has room to reconcile what was in flight or committed ahead, then send the rest.
  unmount = mountSmallDisk(home, '2m');
});
afterAll(async () => {
  await erp?.stop();
  unmount();
  tmp.cleanup();
});

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+|SqliteError|TypeError/);

describe('wdt-bulk on a data folder that fills up', () => {
  it('exits 5 naming the folder and "disk full"; resume finishes the job once space is freed', async () => {
    erp = await startSandboxProcess({ dataFile: path.join(tmp.dir, 'sandbox.json') });
    // Slow answers, one call at a time: the disk fills while the job is between calls.
    await fetch(`${erp.url}/__sandbox/options`, { method: 'POST', body: JSON.stringify({ latencyMs: 400 }) });
    const env = cleanEnv({ WDT_BULK_HOME: home, ...erpEnv(erp.url, { WDT_CONCURRENCY: '1', WDT_CALLS_PER_MINUTE: '0' }) });
    const numbers = Array.from({ length: 60 }, (_, i) => bulkReturn(i + 1));
    const file = await listBook(path.join(tmp.dir, 'cancel.xlsx'), numbers);
    const before = (await sandboxState(erp.url)).counters.handled;

    const running = runCli(['submit', file, '--op', 'return-cancel', '--json', '--wait', '5', '--out', path.join(tmp.dir, 'r.xlsx')], { env, cwd: tmp.dir });
    const deadline = Date.now() + 20_000;
    while ((await sandboxState(erp.url)).counters.handled - before < 1) {
      if (Date.now() > deadline) throw new Error(`the job never reached the ERP: ${JSON.stringify(await running)}`);
      await new Promise((res) => setTimeout(res, 20));
    }
    const ballast = fillDisk(home);
    const failed = await running;

    expect(failed.code, failed.stdout + failed.stderr).toBe(5);
    const out = json<SubmitJson & { error: { code: string; message: string } }>(failed);
    expect(out.error.code).toBe('STORE_FAILED');
    expect(out.error.message).toContain(home);
    expect(out.error.message).toContain('磁盘已满');
    noStack(failed.stdout + failed.stderr);
    const handled = (await sandboxState(erp.url)).counters.handled - before;

    rmSync(ballast);
    // The job stopped where the store stopped: every call the ERP handled had its attempt committed before it
    // left. (How many calls still went out after the disk filled depends on the room SQLite finds in pages it
    // already has — a full disk fails only a write that needs a new block — so the count itself is not fixed.)
    const stopped = new Database(path.join(home, 'jobs.sqlite'), { readonly: true });
    try {
      const committed = (stopped.prepare('SELECT COUNT(DISTINCT call) AS n FROM call_attempts WHERE job_id = ?').get(out.job) as { n: number }).n;
      expect(handled).toBeGreaterThan(0);
      expect(handled).toBeLessThanOrEqual(committed);
    } finally {
      stopped.close();
    }
    // The answer to the call in flight was never recorded: resume settles it by query (fast now).
    await fetch(`${erp.url}/__sandbox/options`, { method: 'POST', body: JSON.stringify({ latencyMs: 0 }) });
    const listed = json<JobsJson>(await runCli(['jobs', '--json'], { env, cwd: tmp.dir })).jobs;
    expect(listed.map((j) => [j.job, j.state])).toEqual([[out.job, 'interrupted']]);

    const resumed = await runCli(['resume', '--json', '--wait', '5', '--out', path.join(tmp.dir, 'r.xlsx')], { env, cwd: tmp.dir });
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    const job = json<{ jobs: SubmitJson[] }>(resumed).jobs[0]!;
    expect(job.job).toBe(out.job);
    expect(job.counts).toMatchObject({ succeeded: 60, failed: 0, unknown: 0, pending: 0 });
    expect(sum(job.counts)).toBe(60);
    const state = await sandboxState(erp.url);
    for (const no of numbers) expect(returnStatusOf(state, no), no).toBe(cancelledStatus);

    const db = new Database(path.join(home, 'jobs.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare('SELECT COUNT(*) AS n FROM job_rows WHERE job_id = ?').get(out.job) as { n: number }).n).toBe(60);
    } finally {
      db.close();
    }
    // The log in the data folder says what happened, without a secret.
    const logs = readdirSync(path.join(home, 'logs')).map((f) => readFileSync(path.join(home, 'logs', f), 'utf8')).join('');
    expect(logs).toContain('"reason":"full"');
    expect(logs).not.toContain(erpEnv(erp.url).WDT_APPSECRET!);
  }, 60_000);

  it('refuses a store written by a newer version, and a damaged one: exit 5, the folder named, never a crash', async () => {
    const newer = path.join(tmp.dir, 'newer');
    openJobDatabase(path.join(newer, 'jobs.sqlite')).pragma('user_version = 99');
    const refused = await runCli(['jobs', '--json'], { env: cleanEnv({ WDT_BULK_HOME: newer }), cwd: tmp.dir });
    expect(refused.code, refused.stdout + refused.stderr).toBe(5);
    expect(json<{ error: { code: string; message: string } }>(refused).error).toMatchObject({ code: 'STORE_FAILED' });
    expect(json<{ error: { message: string } }>(refused).error.message).toMatch(new RegExp(`${newer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*更新版本.*99`));
    noStack(refused.stdout + refused.stderr);

    const damaged = path.join(tmp.dir, 'damaged');
    mkdirSync(damaged);
    writeFileSync(path.join(damaged, 'jobs.sqlite'), Buffer.alloc(8192, 7));
    const prose = await runCli(['jobs', '--lang', 'en'], { env: cleanEnv({ WDT_BULK_HOME: damaged }), cwd: tmp.dir });
    expect(prose.code, prose.stdout + prose.stderr).toBe(5);
    expect(prose.stderr).toContain(`The job store jobs.sqlite in the data folder ${damaged} is damaged (SQLITE_NOTADB)`);
    expect(prose.stderr.trim().split('\n')).toHaveLength(1);
    noStack(prose.stdout + prose.stderr);
  });
});
