// `wdt-bulk submit`, `jobs` and `export` (cli.md) through the built CLI against the built-in sandbox:
// exit statuses, the --json objects, and the results workbook beside the source and at --out.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bulkReturn,
  cleanEnv,
  countKeys,
  json,
  jobsKeys,
  listBook,
  localStamp,
  readBook,
  runCli,
  sheetNames,
  submitCommandKeys,
  submitKeys,
  sum,
  tempDir,
  type JobsJson,
  type SubmitJson,
} from './helpers';

const tmp = tempDir();
const home = path.join(tmp.dir, 'home');
const env = cleanEnv({ WDT_BULK_HOME: home });
const cli = (args: string[]) => runCli(args, { env, cwd: tmp.dir });

afterAll(() => tmp.cleanup());

/** Submit-style JSON: exactly cli.md's keys, counts that add up to the rows. */
function expectSubmitShape(out: SubmitJson, rows: number, keys = submitCommandKeys): void {
  expect(Object.keys(out).sort()).toEqual(keys);
  expect(Object.keys(out.counts).sort()).toEqual(countKeys);
  expect(out.operation).toBe('return-cancel');
  expect(out.method).toBe('purchase.PurchaseReturn.batchCancelOrder');
  expect(out.profile).toBe('sandbox');
  expect(out.rows).toBe(rows);
  expect(sum(out.counts)).toBe(rows);
  expect(out.job).toMatch(/\S/);
}

describe('wdt-bulk submit against the built-in sandbox (built CLI)', () => {
  const jobIds: string[] = [];
  let mixedJob: SubmitJson;
  const mixedNumbers = ['CR202406010001', 'CR202406010006', 'CR-NO-SUCH-1', bulkReturn(1), 'CR-NO-SUCH-2'];

  beforeAll(async () => {
    await listBook(path.join(tmp.dir, 'good.xlsx'), [bulkReturn(10), bulkReturn(11), bulkReturn(12)]);
    await listBook(path.join(tmp.dir, 'mixed.xlsx'), mixedNumbers);
  });

  it('exits 0 when every row succeeds and writes <name>.results-YYYYMMDD-HHmmss.xlsx beside the source', async () => {
    const before = Date.now();
    const run = await cli(['submit', 'good.xlsx', '--op', 'return-cancel', '--json']);
    const after = Date.now();
    expect(run.code, run.stderr).toBe(0);
    const out = json<SubmitJson>(run);
    expectSubmitShape(out, 3);
    expect(out.counts.succeeded).toBe(3);
    expect(out.calls).toBe(1);
    jobIds.push(out.job);

    const name = path.basename(out.results ?? '');
    const match = /^good\.results-(\d{8}-\d{6})\.xlsx$/.exec(name);
    expect(match, name).not.toBeNull();
    expect(match![1]! >= localStamp(before - 1000) && match![1]! <= localStamp(after)).toBe(true);
    expect(path.dirname(out.results!)).toBe(tmp.dir);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('good.results-'))).toEqual([name]);
    const results = (await readBook(out.results!)).get(sheetNames.results)!;
    expect(results.slice(1).map((r) => [r[0], r[1]])).toEqual([
      [bulkReturn(10), '成功'],
      [bulkReturn(11), '成功'],
      [bulkReturn(12), '成功'],
    ]);
  });

  it('exits 1 when some rows fail (already cancelled, not found) and writes the workbook at --out', async () => {
    const run = await cli(['submit', 'mixed.xlsx', '--op', 'return-cancel', '--json', '--out', 'mine.xlsx']);
    expect(run.code, run.stderr).toBe(1);
    const out = json<SubmitJson>(run);
    expectSubmitShape(out, 5);
    expect(out.counts).toMatchObject({ succeeded: 2, failed: 3, pending: 0, unknown: 0 });
    expect(out.results).toBe(path.join(tmp.dir, 'mine.xlsx'));
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('mixed.results-'))).toEqual([]);
    mixedJob = out;
    jobIds.push(out.job);

    const book = await readBook(out.results!);
    const results = book.get(sheetNames.results)!;
    expect(results.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['CR202406010001', '成功'],
      ['CR202406010006', '失败'],
      ['CR-NO-SUCH-1', '失败'],
      [bulkReturn(1), '成功'],
      ['CR-NO-SUCH-2', '失败'],
    ]);
    expect(String(results[2]![2])).toContain('不是待审核或者编辑中状态');
    expect(String(results[3]![2])).toContain('不存在');
    const toFix = book.get(sheetNames.toFix)!;
    expect(toFix.slice(1).map((r) => r[0])).toEqual(['CR202406010006', 'CR-NO-SUCH-1', 'CR-NO-SUCH-2']);
    expect(book.get(sheetNames.calls)!.length).toBe(2);
  });

  it('prints prose without --json, with the same exit status and a workbook', async () => {
    await listBook(path.join(tmp.dir, 'prose.xlsx'), ['CR202406010005', bulkReturn(13)]);
    const run = await cli(['submit', 'prose.xlsx', '--op', 'return-cancel', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(1);
    expect(() => JSON.parse(run.stdout) as unknown).toThrow();
    const written = readdirSync(tmp.dir).filter((f) => /^prose\.results-\d{8}-\d{6}\.xlsx$/.test(f));
    expect(written).toHaveLength(1);
    expect(run.stdout).toContain(written[0]);
  });

  it('refuses a sheet with no valid rows: exit 2, NO_VALID_ROWS, no job stored', async () => {
    // Number cells with more digits than a spreadsheet keeps, and scientific text: ids Excel already mangled.
    await listBook(path.join(tmp.dir, 'bad.xlsx'), [1.2345e18, '1.23E+17', 9.8765e16]);
    const jobsBefore = json<JobsJson>(await cli(['jobs', '--json'])).jobs.length;
    const run = await cli(['submit', 'bad.xlsx', '--op', 'return-cancel', '--json']);
    expect(run.code, run.stderr).toBe(2);
    const out = json<{ error: { code: string; message: string } }>(run);
    expect(Object.keys(out)).toEqual(['error']);
    expect(out.error.code).toBe('NO_VALID_ROWS');
    expect(out.error.message).toMatch(/\S/);
    expect(json<JobsJson>(await cli(['jobs', '--json'])).jobs).toHaveLength(jobsBefore);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('bad.results-'))).toEqual([]);
  });

  it('refuses an unknown --op with exit 2 and a JSON error', async () => {
    const run = await cli(['submit', 'good.xlsx', '--op', 'return-explode', '--json']);
    expect(run.code).toBe(2);
    const out = json<{ error: { code: string; message: string } }>(run);
    expect(out.error.code).toBe('OPERATION_UNKNOWN');
    expect(out.error.message).toContain('return-explode');
  });

  it('jobs --json lists every job newest first in the cli.md shape', async () => {
    const run = await cli(['jobs', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = json<JobsJson>(run);
    expect(Object.keys(out)).toEqual(['jobs']);
    expect(out.jobs).toHaveLength(3);
    expect(out.jobs.slice(1).map((j) => j.job)).toEqual([...jobIds].reverse());
    const created = out.jobs.map((j) => Date.parse(j.created));
    for (const c of created) expect(Number.isNaN(c)).toBe(false);
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    for (const j of out.jobs) {
      expect(Object.keys(j).sort()).toEqual(jobsKeys);
      expect(Object.keys(j.counts).sort()).toEqual(countKeys);
      expect(j.state).toBe('done');
      expect(j.operation).toBe('return-cancel');
      expect(sum(j.counts)).toBe(j.rows);
      expect(j.results && existsSync(j.results)).toBe(true);
    }
    const mixed = out.jobs.find((j) => j.job === mixedJob.job)!;
    expect(mixed).toMatchObject({ rows: 5, counts: mixedJob.counts, results: mixedJob.results });
  });

  it('export <job> --out rewrites the workbook with every row; an unknown job is exit 2', async () => {
    const run = await cli(['export', mixedJob.job, '--out', 'again.xlsx', '--json']);
    expect(run.code, run.stderr).toBe(1);
    const out = json<SubmitJson>(run);
    expectSubmitShape(out, 5, submitKeys);
    expect(out).toMatchObject({ job: mixedJob.job, counts: mixedJob.counts, calls: mixedJob.calls, results: path.join(tmp.dir, 'again.xlsx') });
    const results = (await readBook(path.join(tmp.dir, 'again.xlsx'))).get(sheetNames.results)!;
    expect(results).toHaveLength(1 + mixedNumbers.length);
    expect(results.slice(1).map((r) => r[0])).toEqual(mixedNumbers);
    expect(results.slice(1).map((r) => r[results[0]!.indexOf('源行号')])).toEqual([2, 3, 4, 5, 6]);
    // The store now points at the exported workbook.
    const listed = json<JobsJson>(await cli(['jobs', '--json'])).jobs.find((j) => j.job === mixedJob.job)!;
    expect(listed.results).toBe(path.join(tmp.dir, 'again.xlsx'));

    const missing = await cli(['export', 'no-such-job', '--out', 'x.xlsx', '--json']);
    expect(missing.code).toBe(2);
    expect(json<{ error: { code: string } }>(missing).error.code).toBe('JOB_NOT_FOUND');
    expect(existsSync(path.join(tmp.dir, 'x.xlsx'))).toBe(false);
  });
});
