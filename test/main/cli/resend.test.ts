// `wdt-bulk resend <job>` (issue 16 item 3, docs/resend.md): a finished job's failed, invalid and unknown rows
// as a follow-up job linked to it, through the same engine and done check as submit. The CLI runs in-process
// through main() on a temp data folder; the ERP is the built-in sandbox on loopback (its documents persist in
// the data folder, so the test fixes "the ERP" between commands as someone at the ERP would).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { specs } from '../../../main/sandbox/documents/specs';
import { createSheet } from '../jobs/helpers';
import { testServices } from '../test-services';
import { json, runCliInProcess, submitCommandKeys, tempDir, type SubmitJson } from './helpers';

const tmp = tempDir('wdt-cli-resend-');
const home = path.join(tmp.dir, 'home');
const env = { WDT_BULK_HOME: home };
const cli = (args: string[]) => runCliInProcess(args, { env, cwd: tmp.dir });
afterAll(() => tmp.cleanup());

type ResendJson = SubmitJson & { followsJob: string; mapping: null };

/** Someone adds the goods to the ERP: the row the ERP refused for it can now succeed. */
async function addGoods(spec: string): Promise<void> {
  const s = await testServices(home);
  try {
    const sandbox = await s.sandbox();
    sandbox.state.table(specs).set(spec, { spec_no: spec, goods_name: spec });
    sandbox.state.save();
  } finally {
    await s.close();
  }
}

describe('wdt-bulk resend', () => {
  let first: SubmitJson;
  let follow: ResendJson;

  it('an unknown job id: said plainly, nothing made (exit 2)', async () => {
    const run = await cli(['resend', 'job-no-such', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('job-no-such');
    expect(run.stdout).toBe('');
    const asJson = await cli(['resend', 'job-no-such', '--json']);
    expect(asJson.code).toBe(2);
    expect(json<{ error: { code: string } }>(asJson).error.code).toBe('JOB_NOT_FOUND');
  });

  it('resends the row the ERP refused, once the ERP is fixed: a linked job that succeeds (exit 0)', async () => {
    await createSheet(path.join(tmp.dir, 'create.xlsx'), [{ outer: 'CLI-RS-1' }, { outer: 'CLI-RS-2', spec: 'SKU-CLI-RESEND' }]);
    const submitted = await cli(['submit', 'create.xlsx', '--json']);
    expect(submitted.code, submitted.stderr).toBe(1);
    first = json<SubmitJson>(submitted);
    expect(first.counts).toMatchObject({ succeeded: 1, failed: 1 });

    await addGoods('SKU-CLI-RESEND');
    const run = await cli(['resend', first.job, '--json', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    follow = json<ResendJson>(run);
    expect(Object.keys(follow).sort()).toEqual([...submitCommandKeys, 'followsJob'].sort());
    expect(follow.followsJob).toBe(first.job);
    expect(follow.job).not.toBe(first.job);
    expect(follow.rows).toBe(1); // the row that succeeded is never resent
    expect(follow.counts).toMatchObject({ succeeded: 1, failed: 0 });
    expect(follow.mapping).toBeNull();
    expect(follow.earlier).toMatchObject({ skipped: { rows: 0, byJob: [] }, included: false, alwaysSkip: true });
    expect(follow.results).toMatch(/create\.results-\d{8}-\d{6}\.xlsx$/);
    expect(run.stderr).toContain(`Resending the 1 failed, invalid and unknown rows of job ${first.job}`);

    // Linked both ways in the store the app reads.
    const s = await testServices(home);
    try {
      const original = s.jobs.get(first.job);
      expect(original.ok && original.value.followUps).toEqual([follow.job]);
      const made = s.jobs.get(follow.job);
      expect(made.ok && made.value.followsJob).toBe(first.job);
    } finally {
      await s.close();
    }
  });

  it('says in prose, Chinese first, what it resends and where it goes', async () => {
    await createSheet(path.join(tmp.dir, 'create-zh.xlsx'), [{ outer: 'CLI-RS-ZH', spec: 'SKU-CLI-ZH' }]);
    const submitted = json<SubmitJson>(await cli(['submit', 'create-zh.xlsx', '--json']));
    const run = await cli(['resend', submitted.job]);
    expect(run.code).toBe(1); // the goods are still unknown to the ERP: refused again
    expect(run.stderr).toContain(`重新提交任务 ${submitted.job} 中失败、校验未通过和未确认的 1 行`);
    expect(run.stdout).toMatch(/任务 \S+：采购退货单新建/);
  });

  it('the same job resent again: the row its follow-up did is skipped, naming it, no ERP call (exit 1, as for submit)', async () => {
    const run = await cli(['resend', first.job, '--json', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(1);
    const again = json<ResendJson>(run);
    expect(again.counts).toMatchObject({ skipped: 1, succeeded: 0 });
    expect(again.calls).toBe(0);
    expect(again.earlier?.skipped).toEqual({ rows: 1, byJob: [{ job: follow.job, at: expect.stringMatching(/^\d{4}-/), rows: [3] }] });
    expect(run.stderr).toContain(`by job ${follow.job}`);
  });

  it('a job with nothing to resend: said, no job made (exit 2)', async () => {
    const run = await cli(['resend', follow.job, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Job ${follow.job} has no row to resend`);
    const asJson = json<{ error: { code: string } }>(await cli(['resend', follow.job, '--json']));
    expect(asJson.error.code).toBe('NO_VALID_ROWS');
  });

  it('a job whose rows to resend are all still invalid: said what to do, no job made (exit 2)', async () => {
    await createSheet(path.join(tmp.dir, 'invalid.xlsx'), [{ outer: 'CLI-RS-8' }, { outer: 'CLI-RS-9', num: 'many' }]);
    const submitted = json<SubmitJson>(await cli(['submit', 'invalid.xlsx', '--json']));
    expect(submitted.counts).toMatchObject({ succeeded: 1, invalid: 1 });
    const run = await cli(['resend', submitted.job, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('1 still invalid');
    expect(run.stderr).toContain('Fix them on the results screen first');
    const jobs = json<{ jobs: unknown[] }>(await cli(['jobs', '--json']));
    expect(jobs.jobs).toHaveLength(6); // the refusals made none
  });

  it('needs one job id', async () => {
    const run = await cli(['resend', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: wdt-bulk resend <job>');
  });
});
