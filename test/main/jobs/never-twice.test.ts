// Issue 16 items 4 and 3 through the real services (createServices on a temp data folder, its SQLite
// store, the built-in sandbox ERP on loopback, real .xlsx files): a sheet submitted again skips what an
// earlier job already did and names it; a finished job's failed rows are resent as a linked follow-up.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specs } from '../../../main/sandbox/documents/specs';
import type { Services } from '../../../main/services';
import { readBook, sheetNames, bulkReturn, listBook } from '../cli/helpers';
import { testServices } from '../test-services';
import { createSheet } from './helpers';

let home: string;
let s: Services;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'wdt-never-twice-'));
  s = await testServices(path.join(home, 'data'));
});
afterAll(async () => {
  await s.close();
  await rm(home, { recursive: true, force: true });
});

async function submit(file: string, includeDone = false) {
  const sheet = await s.sheets.read(file, { lang: 'en', ...(file.includes('create') ? {} : { operation: 'return-cancel' as const }) });
  if (!sheet.ok) throw new Error(sheet.error.message);
  const resolved = await s.profiles.resolve(undefined, {});
  if (!resolved.ok) throw new Error(resolved.error.message);
  const meta = s.jobs.meta(sheet.value, resolved.value, false, 'en');
  const report = s.jobs.doneReport(sheet.value, meta, includeDone);
  const created = s.jobs.create({ sheet: sheet.value, meta, includeDone });
  if (!created.ok) throw new Error(created.error.message);
  const ran = await s.jobs.run(created.value);
  if (!ran.ok) throw new Error(ran.error.message);
  return { jobId: created.value, report };
}

const rowsOf = (jobId: string) => {
  const page = s.jobs.rows(jobId, 'en', 0, 100);
  if (!page.ok) throw new Error(page.error.message);
  return page.value.items;
};

const summaryOf = async (jobId: string, name: string) => {
  const written = await s.jobs.writeResults(jobId, 'en', path.join(home, name));
  if (!written.ok) throw new Error(written.error.message);
  const rows = (await readBook(written.value)).get(sheetNames.summary)!;
  return new Map(rows.map((r) => [String(r[0]), String(r[1])]));
};

describe('never twice by accident', () => {
  it('a cancel list submitted again sends nothing for the rows already done, names the job that did them, and --include-done sends them', async () => {
    const file = await listBook(path.join(home, 'cancel.xlsx'), [bulkReturn(21), bulkReturn(22), 'CR-NO-SUCH-21', bulkReturn(23)]);
    const first = await submit(file);
    expect(first.report.done).toEqual([]);
    expect(first.report.sameFile).toEqual([]);
    expect(s.jobs.counts(first.jobId)).toMatchObject({ succeeded: 3, failed: 1 });

    const second = await submit(file);
    expect(second.report.sameFile.map((j) => j.jobId)).toEqual([first.jobId]);
    expect(second.report.done).toHaveLength(1);
    expect(second.report.done[0]).toMatchObject({ jobId: first.jobId, orders: 3, rows: 3, rowNumbers: [2, 3, 5] });
    expect(second.report.doneRows).toBe(3);
    // Only the row that failed before went out: one attempt carrying one order, refused again.
    expect(s.jobs.counts(second.jobId)).toMatchObject({ skipped: 3, failed: 1, succeeded: 0 });
    const attempts = s.jobs.attempts(second.jobId, 0, 10);
    expect(attempts.ok && attempts.value.items.map((a) => a.orders)).toEqual([1]);
    const skipped = rowsOf(second.jobId).filter((r) => r.state === 'skipped');
    expect(skipped.map((r) => r.rowNumber)).toEqual([2, 3, 5]);
    for (const r of skipped) expect(r.message).toContain(`Already done by job ${first.jobId}`);
    expect(s.jobs.doneSkips(second.jobId)).toEqual([{ job: first.jobId, rows: [2, 3, 5] }]);
    // The workbook's rows say it too.
    const written = await s.jobs.writeResults(second.jobId, 'en', path.join(home, 'second.xlsx'));
    if (!written.ok) throw new Error(written.error.message);
    const results = (await readBook(written.value)).get(sheetNames.results)!;
    expect(results.filter((r) => r.some((c) => String(c).includes(`Already done by job ${first.jobId}`)))).toHaveLength(3);

    // The clerk includes them: sent, and the ERP refuses what is already cancelled.
    const third = await submit(file, true);
    expect(third.report.skip.size).toBe(0);
    expect(s.jobs.counts(third.jobId)).toMatchObject({ skipped: 0, failed: 4 });
  });

  it('a create whose outer_no already succeeded is skipped even when done rows are included', async () => {
    const file = await createSheet(path.join(home, 'create.xlsx'), [{ outer: 'NT-OUT-1' }, { outer: 'NT-OUT-2' }]);
    const first = await submit(file);
    expect(s.jobs.counts(first.jobId)).toMatchObject({ succeeded: 2 });
    const again = await submit(file, true);
    expect(again.report.alwaysSkip).toBe(true);
    expect(s.jobs.counts(again.jobId)).toMatchObject({ skipped: 2, succeeded: 0 });
    expect(s.jobs.attemptCount(again.jobId)).toBe(0);
    expect((await s.sandbox()).state.createAttemptsByOuterNo.get('NT-OUT-1')).toBe(1);
  });

  it('the same keys on another account (another sid) are not done there', async () => {
    const file = await listBook(path.join(home, 'other-account.xlsx'), [bulkReturn(31)]);
    const first = await submit(file);
    expect(s.jobs.counts(first.jobId).succeeded).toBe(1);
    const sheet = await s.sheets.read(file, { lang: 'en', operation: 'return-cancel' });
    const resolved = await s.profiles.resolve(undefined, {});
    if (!sheet.ok || !resolved.ok) throw new Error('read or resolve failed');
    const meta = s.jobs.meta(sheet.value, resolved.value, false, 'en');
    expect(s.jobs.doneReport(sheet.value, meta).doneRows).toBe(1);
    expect(s.jobs.doneReport(sheet.value, { ...meta, sid: 'another-seller' }).doneRows).toBe(0);
    expect(s.jobs.doneReport(sheet.value, { ...meta, operation: 'stockin-cancel' }).doneRows).toBe(0);
  });
});

describe('resend only what failed', () => {
  it('a failed row is resent as a follow-up linked both ways once the ERP is fixed; succeeded rows are never resent', async () => {
    const file = await createSheet(path.join(home, 'create-fail.xlsx'), [
      { outer: 'RS-OUT-1' },
      { outer: 'RS-OUT-2', spec: 'SKU-RESEND-NEW' },
      { outer: 'RS-OUT-3', num: 'lots' },
    ]);
    const first = await submit(file);
    expect(s.jobs.counts(first.jobId)).toMatchObject({ succeeded: 1, failed: 1, invalid: 1 });

    // Fix the ERP: the goods now exist there.
    (await s.sandbox()).state.table(specs).set('SKU-RESEND-NEW', { spec_no: 'SKU-RESEND-NEW', goods_name: 'new' });
    const follow = await s.jobs.followUp(first.jobId);
    if (!follow.ok) throw new Error(follow.error.message);
    const ran = await s.jobs.run(follow.value);
    expect(ran.ok).toBe(true);
    const rows = rowsOf(follow.value);
    // Row 2 (succeeded) is not in it; row 3 failed and is now created; row 4 is still invalid, never sent.
    expect(rows.map((r) => [r.rowNumber, r.state])).toEqual([
      [3, 'succeeded'],
      [4, 'invalid'],
    ]);
    const original = s.jobs.get(first.jobId);
    const followUp = s.jobs.get(follow.value);
    expect(original.ok && original.value.followUps).toEqual([follow.value]);
    expect(followUp.ok && followUp.value.followsJob).toBe(first.jobId);
    expect((await s.sandbox()).state.createAttemptsByOuterNo.get('RS-OUT-1')).toBe(1);

    // Both Summary sheets name the link.
    expect((await summaryOf(follow.value, 'follow.xlsx')).get('Resends rows of job (original)')).toBe(first.jobId);
    expect((await summaryOf(first.jobId, 'original.xlsx')).get('Follow-up jobs (resent rows)')).toBe(follow.value);

    // The edit seam: the invalid row, with its cell fixed, goes in the next follow-up.
    const cells = rows.find((r) => r.rowNumber === 4)!.cells;
    const fixed = cells.map((c) => (c === 'lots' ? '2' : c));
    const second = await s.jobs.followUp(follow.value, new Map([[4, fixed]]));
    if (!second.ok) throw new Error(second.error.message);
    await s.jobs.run(second.value);
    expect(rowsOf(second.value).map((r) => [r.rowNumber, r.state])).toEqual([[4, 'succeeded']]);

    // Nothing left to resend: said, not an empty job.
    const none = await s.jobs.followUp(second.value);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.error.code).toBe('NO_VALID_ROWS');
  });
});
