// Offline (cli.md, exit 3): submit to an ERP nobody answers on yet, the job is stored `waiting`; start the
// ERP (a sandbox process) on that very port, and `resume` finishes the job and writes its workbook.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bulkReturn,
  cancelledStatus,
  cleanEnv,
  erpEnv,
  freePort,
  json,
  listBook,
  readBook,
  returnStatusOf,
  runCli,
  sandboxState,
  sheetNames,
  startSandboxProcess,
  sum,
  tempDir,
  type JobsJson,
  type SandboxProcess,
  type SubmitJson,
} from './helpers';

const tmp = tempDir();
let erp: SandboxProcess | undefined;
afterAll(async () => {
  await erp?.stop();
  tmp.cleanup();
});

describe('wdt-bulk submit while the ERP is unreachable, then resume', () => {
  it('exits 3 with the job waiting, and resume finishes it once the ERP is up', async () => {
    const port = await freePort();
    const env = cleanEnv({ WDT_BULK_HOME: path.join(tmp.dir, 'home'), ...erpEnv(`http://127.0.0.1:${port}`) });
    const numbers = [bulkReturn(1), bulkReturn(2), 'CR202406010006'];
    const file = await listBook(path.join(tmp.dir, 'offline.xlsx'), numbers);

    const submitted = await runCli(['submit', file, '--op', 'return-cancel', '--json', '--wait', '2'], { env, cwd: tmp.dir });
    expect(submitted.code, submitted.stdout + submitted.stderr).toBe(3);
    const waiting = json<SubmitJson>(submitted);
    expect(waiting.rows).toBe(3);
    expect(waiting.counts.pending).toBe(3);
    expect(sum(waiting.counts)).toBe(3);
    expect(waiting.results).toBeNull();
    // It kept trying for about --wait seconds, not the default minute.
    expect(submitted.ms).toBeLessThan(20_000);

    const listed = json<JobsJson>(await runCli(['jobs', '--json'], { env, cwd: tmp.dir })).jobs;
    expect(listed.map((j) => [j.job, j.state, j.results])).toEqual([[waiting.job, 'waiting', null]]);

    erp = await startSandboxProcess({ port });
    expect(erp.port).toBe(port);
    const resumed = await runCli(['resume', '--json', '--wait', '5'], { env, cwd: tmp.dir });
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(1);
    const out = json<{ jobs: SubmitJson[] }>(resumed);
    expect(out.jobs).toHaveLength(1);
    const job = out.jobs[0]!;
    expect(job).toMatchObject({ job: waiting.job, rows: 3, counts: { succeeded: 2, failed: 1, pending: 0, unknown: 0 } });
    expect(job.results).toMatch(/offline\.results-\d{8}-\d{6}\.xlsx$/);
    expect(path.dirname(job.results!)).toBe(tmp.dir);
    expect(existsSync(job.results!)).toBe(true);
    expect((await readBook(job.results!)).get(sheetNames.results)!.slice(1).map((r) => r[0])).toEqual(numbers);

    const state = await sandboxState(erp.url);
    expect(returnStatusOf(state, bulkReturn(1))).toBe(cancelledStatus);
    expect(returnStatusOf(state, bulkReturn(2))).toBe(cancelledStatus);
    const after = json<JobsJson>(await runCli(['jobs', '--json'], { env, cwd: tmp.dir })).jobs;
    expect(after.map((j) => [j.job, j.state, j.results])).toEqual([[waiting.job, 'done', job.results]]);

    // Nothing left: resume has nothing to go on with.
    const again = await runCli(['resume', '--json'], { env, cwd: tmp.dir });
    expect(again.code, again.stderr).toBe(0);
    expect(json<{ jobs: unknown[] }>(again)).toEqual({ jobs: [] });
  });
});
