// `wdt-bulk submit` options and edge cases (cli.md) through the built CLI against the built-in sandbox:
// the operation inferred from the headers or given as a full method name, duplicates, and an --out
// that cannot be written.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bulkReturn, cleanEnv, json, listBook, readBook, runCli, sheetNames, sum, tempDir, type JobsJson, type SubmitJson } from './helpers';

const tmp = tempDir();
const env = cleanEnv({ WDT_BULK_HOME: path.join(tmp.dir, 'home') });
const cli = (args: string[]) => runCli(args, { env, cwd: tmp.dir });
afterAll(() => tmp.cleanup());

describe('wdt-bulk submit: operation, duplicates, --out (built CLI)', () => {
  it('infers the operation from an unambiguous header, accepts the full method name, refuses an ambiguous header', async () => {
    await listBook(path.join(tmp.dir, 'api-header.xlsx'), [bulkReturn(20)], 'returnNos');
    const inferred = await cli(['submit', 'api-header.xlsx', '--json']);
    expect(inferred.code, inferred.stderr).toBe(0);
    expect(json<SubmitJson>(inferred)).toMatchObject({ operation: 'return-cancel', counts: { succeeded: 1 } });

    // 采购退货单号 heads both a cancel and a pending list.
    await listBook(path.join(tmp.dir, 'plain.xlsx'), [bulkReturn(21)]);
    const ambiguous = await cli(['submit', 'plain.xlsx', '--json']);
    expect(ambiguous.code).toBe(2);
    const error = json<{ error: { code: string; message: string } }>(ambiguous).error;
    expect(error.message).toContain('--op');
    expect(json<JobsJson>(await cli(['jobs', '--json'])).jobs).toHaveLength(1);

    const byMethod = await cli(['submit', 'plain.xlsx', '--op', 'purchase.PurchaseReturn.batchCancelOrder', '--json']);
    expect(byMethod.code, byMethod.stderr).toBe(0);
    expect(json<SubmitJson>(byMethod)).toMatchObject({ operation: 'return-cancel', method: 'purchase.PurchaseReturn.batchCancelOrder', rows: 1 });
  });

  it('exits 1 when a row is a duplicate even though every sent row succeeded; the duplicate is never sent', async () => {
    await listBook(path.join(tmp.dir, 'dups.xlsx'), [bulkReturn(22), bulkReturn(23), bulkReturn(22)]);
    const run = await cli(['submit', 'dups.xlsx', '--op', 'return-cancel', '--json']);
    expect(run.code, run.stderr).toBe(1);
    const out = json<SubmitJson>(run);
    expect(out.counts).toMatchObject({ succeeded: 2, duplicate: 1, failed: 0 });
    expect(sum(out.counts)).toBe(3);
    const book = await readBook(out.results!);
    const results = book.get(sheetNames.results)!;
    expect(results.slice(1).map((r) => [r[0], r[1]])).toEqual([
      [bulkReturn(22), '成功'],
      [bulkReturn(23), '成功'],
      [bulkReturn(22), '重复'],
    ]);
    const calls = book.get(sheetNames.calls)!;
    expect(calls).toHaveLength(2);
    expect(calls[1]![calls[0]!.indexOf('单据数')]).toBe(2);
  });

  it('an --out in a folder that cannot be written is refused before anything is sent', async () => {
    await listBook(path.join(tmp.dir, 'no-folder.xlsx'), [bulkReturn(24)]);
    const target = path.join(tmp.dir, 'no-such-folder', 'out.xlsx');
    const before = json<JobsJson>(await cli(['jobs', '--json'])).jobs.length;
    const run = await cli(['submit', 'no-folder.xlsx', '--op', 'return-cancel', '--json', '--out', target]);
    expect(run.code).toBe(2);
    const error = json<{ error: { code: string; message: string } }>(run).error;
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain(path.dirname(target));
    expect(existsSync(target)).toBe(false);
    expect(json<JobsJson>(await cli(['jobs', '--json'])).jobs).toHaveLength(before); // no job stored, nothing sent

    // The same list with a writable --out goes, and export writes the workbook again anywhere.
    const ok = await cli(['submit', 'no-folder.xlsx', '--op', 'return-cancel', '--json', '--out', 'first.xlsx']);
    expect(ok.code, ok.stderr).toBe(0);
    const out = json<SubmitJson>(ok);
    const exported = await cli(['export', out.job, '--out', 'recovered.xlsx', '--json']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(json<SubmitJson>(exported).results).toBe(path.join(tmp.dir, 'recovered.xlsx'));
    const results = (await readBook(path.join(tmp.dir, 'recovered.xlsx'))).get(sheetNames.results)!;
    expect(results.slice(1).map((r) => [r[0], r[1]])).toEqual([[bulkReturn(24), '成功']]);
  });
});
