// `wdt-bulk submit` never sends twice by accident (issue 16, docs/resend.md): the same cancel list
// submitted again to the built-in sandbox sends nothing for the rows already done, says which job did
// them (stderr and --json `earlier`), and `--include-done` sends them anyway. The CLI runs in-process
// through main() on a temp data folder; the sandbox is the real one on loopback.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkReturn, json, listBook, runCliInProcess, submitCommandKeys, tempDir, type SubmitJson } from './helpers';

const tmp = tempDir('wdt-cli-done-');
const env = { WDT_BULK_HOME: path.join(tmp.dir, 'home') };
const cli = (args: string[]) => runCliInProcess(args, { env, cwd: tmp.dir });
afterAll(() => tmp.cleanup());

describe('submit: rows an earlier job already did', () => {
  const numbers = [bulkReturn(41), bulkReturn(42), bulkReturn(43)];
  let first: SubmitJson;
  beforeAll(async () => {
    await listBook(path.join(tmp.dir, 'cancel.xlsx'), numbers);
  });

  it('the first submit cancels them all and has nothing earlier to say', async () => {
    const run = await cli(['submit', 'cancel.xlsx', '--op', 'return-cancel', '--json']);
    expect(run.code, run.stderr).toBe(0);
    first = json<SubmitJson>(run);
    expect(Object.keys(first).sort()).toEqual(submitCommandKeys);
    expect(first.counts.succeeded).toBe(3);
    expect(first.earlier).toEqual({ sameFile: [], skipped: { rows: 0, byJob: [] }, doneRows: 0, included: false, alwaysSkip: false });
  });

  it('the same list again sends nothing: every row skipped naming the first job, no ERP call, exit 1 (skipped rows, cli.md)', async () => {
    const run = await cli(['submit', 'cancel.xlsx', '--op', 'return-cancel', '--json', '--lang', 'en']);
    // Not 0: no row succeeded in this job (cli.md: skipped → 1, as a duplicate whose twin succeeded); docs/resend.md.
    expect(run.code, run.stderr).toBe(1);
    const out = json<SubmitJson>(run);
    expect(out.counts).toMatchObject({ skipped: 3, succeeded: 0, failed: 0 });
    expect(out.calls).toBe(0); // no attempt at all: the ERP refused nothing
    expect(out.earlier?.sameFile.map((j) => j.job)).toEqual([first.job]);
    expect(out.earlier?.skipped).toEqual({ rows: 3, byJob: [{ job: first.job, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), rows: [2, 3, 4] }] });
    expect(out.earlier?.included).toBe(false);
    expect(run.stderr).toContain(`3 of these were already done`);
    expect(run.stderr).toContain(`by job ${first.job}`);
    expect(run.stderr).toContain('This very file was submitted before');
  });

  it('says it in Chinese first, in prose', async () => {
    const run = await cli(['submit', 'cancel.xlsx', '--op', 'return-cancel']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`其中 3 行已由任务 ${first.job}`);
    expect(run.stderr).toContain('这些行默认跳过');
  });

  it('--include-done sends them: the ERP refuses what is already cancelled (exit 1)', async () => {
    const run = await cli(['submit', 'cancel.xlsx', '--op', 'return-cancel', '--json', '--include-done']);
    expect(run.code, run.stderr).toBe(1);
    const out = json<SubmitJson>(run);
    expect(out.counts).toMatchObject({ skipped: 0, failed: 3 });
    expect(out.calls).toBeGreaterThan(0);
    expect(out.earlier).toMatchObject({ doneRows: 3, included: true, skipped: { rows: 0, byJob: [] } });
  });
});
