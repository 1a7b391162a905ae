// Issue 16 item 3 through the real services and the app API (createServices on a temp data folder, its SQLite
// store, the built-in sandbox ERP on loopback over HTTP, real .xlsx files): the failed rows of a finished job
// are read again as an editable draft (jobsResendDraft), a failed row's cell is fixed there with the review
// grid's edit channel (importEdit, the reader's rules), and the follow-up made from it (jobsResend) succeeds,
// linked both ways, its workbook marking the edited cell with the file's text and naming the original job.
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppApi, type AppApi } from '../../../main/app-api';
import type { Services } from '../../../main/services';
import type { JobView } from '../../../shared/contract';
import { noteText } from '../sheets/results-fixtures';
import { nullDesktop } from '../null-desktop';
import { readBook, sheetNames } from '../cli/helpers';
import { testServices } from '../test-services';
import { createSheet } from './helpers';

let home: string;
let s: Services;
let app: AppApi;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'wdt-resend-edits-'));
  s = await testServices(path.join(home, 'data'));
  app = createAppApi(s, nullDesktop, () => {});
});
afterAll(async () => {
  app.dispose();
  await s.close();
  await rm(home, { recursive: true, force: true });
});

const value = <T>(got: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!got.ok) throw new Error(got.error.message);
  return got.value;
};

async function submit(file: string): Promise<string> {
  const sheet = value(await s.sheets.read(file, { lang: 'en' }));
  const resolved = value(await s.profiles.resolve(undefined, {}));
  const jobId = value(s.jobs.create({ sheet, meta: s.jobs.meta(sheet, resolved, false, 'en') }));
  value(await s.jobs.run(jobId));
  return jobId;
}

/** jobsResend starts the follow-up in the background, as the app does: wait for it to end. */
async function ended(jobId: string): Promise<JobView> {
  for (let i = 0; i < 200; i++) {
    const job = value(await app.api.jobsGet({ jobId }));
    if (job.state === 'done') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} did not end`);
}

const rowsOf = (jobId: string) => value(s.jobs.rows(jobId, 'en', 0, 100)).items;

describe('resend failed rows edited on the results screen', () => {
  it('a failed row fixed in the draft is resent and succeeds; the link shows both ways and the workbook marks the edit', async () => {
    const file = await createSheet(path.join(home, 'create.xlsx'), [
      { outer: 'RE-OUT-1' },
      { outer: 'RE-OUT-2', spec: 'SKU-NOT-THERE' },
      { outer: 'RE-OUT-3', num: 'lots' },
    ]);
    const first = await submit(file);
    expect(s.jobs.counts(first)).toMatchObject({ succeeded: 1, failed: 1, invalid: 1 });

    // The draft offers the failed and the invalid row, never the one that succeeded, judged by the reader's rules.
    const draft = value(await app.api.jobsResendDraft({ jobId: first }));
    expect(draft.counts).toMatchObject({ rows: 2, valid: 1, invalid: 1 });
    const rows = value(await app.api.importRows({ importId: draft.importId, offset: 0, limit: 10, filter: 'all', grouped: true }));
    expect(rows.items.map((r) => [r.rowNumber, r.disposition.kind])).toEqual([
      [3, 'valid'],
      [4, 'invalid'],
    ]);
    const spec = draft.columns.findIndex((c) => c.field === 'spec_no');
    const num = draft.columns.findIndex((c) => c.field === 'num');

    // An edit is judged at once: a still-bad quantity stays invalid, a good one makes the row valid.
    const bad = value(await app.api.importEdit({ importId: draft.importId, rowNumber: 4, column: num, value: '-1' }));
    expect(bad.counts.invalid).toBe(1);
    const fixed = value(await app.api.importEdit({ importId: draft.importId, rowNumber: 4, column: num, value: '2' }));
    expect(fixed.counts).toMatchObject({ valid: 2, invalid: 0 });
    // The failed row: the goods code the ERP did not know, corrected.
    const both = value(await app.api.importEdit({ importId: draft.importId, rowNumber: 3, column: spec, value: 'SKU-TS-RED-M' }));
    expect(both.editedCells).toBe(2);

    // A row that succeeded can never be resent, even through the edits seam.
    const stray = await s.jobs.followUp(first, new Map([[2, ['RE-OUT-1', 'WH001', 'P001', 'SKU-TS-RED-M', '1']]]));
    expect(!stray.ok && stray.error.code).toBe('INVALID_ARGUMENT');

    const follow = value(await app.api.jobsResend({ jobId: first, importId: draft.importId, withdrawnRows: [] }));
    const done = await ended(follow.jobId);
    expect(done.followsJob).toBe(first);
    expect(done.counts).toMatchObject({ succeeded: 2, failed: 0, invalid: 0 });
    expect(rowsOf(follow.jobId).map((r) => [r.rowNumber, r.state, r.edits])).toEqual([
      [3, 'succeeded', [{ column: spec, original: 'SKU-NOT-THERE' }]],
      [4, 'succeeded', [{ column: num, original: 'lots' }]],
    ]);
    expect(value(await app.api.jobsGet({ jobId: first })).followUps).toEqual([follow.jobId]);
    // The draft is gone once resent: it cannot be sent twice.
    const again = await app.api.jobsResend({ jobId: first, importId: draft.importId, withdrawnRows: [] });
    expect(!again.ok && again.error.code).toBe('INVALID_ARGUMENT');

    // The follow-up's workbook: the edited cells carry the file's text in a note; the Summary names the original.
    const out = value(await s.jobs.writeResults(follow.jobId, 'en', path.join(home, 'follow.xlsx')));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const results = book.getWorksheet(sheetNames.results)!;
    expect(String(results.getRow(2).getCell(spec + 1).value)).toBe('SKU-TS-RED-M');
    expect(noteText(results.getRow(2).getCell(spec + 1))).toBe('Edited in this app. The file had: SKU-NOT-THERE');
    expect(noteText(results.getRow(3).getCell(num + 1))).toBe('Edited in this app. The file had: lots');
    const summary = new Map((await readBook(out)).get(sheetNames.summary)!.map((r) => [String(r[0]), String(r[1])]));
    expect(summary.get('Resends rows of job (original)')).toBe(first);
  });

  it('a follow-up of a follow-up still names the file’s text, and a draft of the wrong job is refused', async () => {
    const file = await createSheet(path.join(home, 'create-2.xlsx'), [{ outer: 'RE-OUT-9', spec: 'SKU-NOT-THERE-2' }]);
    const first = await submit(file);
    const draft = value(await app.api.jobsResendDraft({ jobId: first }));
    const spec = draft.columns.findIndex((c) => c.field === 'spec_no');
    // Still a goods code the ERP does not know: the follow-up fails again, its row marked edited.
    value(await app.api.importEdit({ importId: draft.importId, rowNumber: 2, column: spec, value: 'SKU-STILL-NOT' }));
    const other = await app.api.jobsResend({ jobId: 'job-not-this-one', importId: draft.importId, withdrawnRows: [] });
    expect(!other.ok && other.error.code).toBe('INVALID_ARGUMENT');
    const second = (await ended(value(await app.api.jobsResend({ jobId: first, importId: draft.importId, withdrawnRows: [] })).jobId)).id;
    expect(s.jobs.counts(second)).toMatchObject({ failed: 1 });
    expect(rowsOf(second)[0]?.edits).toEqual([{ column: spec, original: 'SKU-NOT-THERE-2' }]);
    // Resent again without edits (the CLI's way): the cell still differs from the file, so it is still marked.
    const third = value(await s.jobs.followUp(second));
    value(await s.jobs.run(third));
    expect(rowsOf(third)[0]?.edits).toEqual([{ column: spec, original: 'SKU-NOT-THERE-2' }]);
    expect(rowsOf(third)[0]?.cells[spec]).toBe('SKU-STILL-NOT');
  });

  it('a row edited to look blank, like a header or like a totals line stays in the follow-up, invalid, saying why', async () => {
    const file = await createSheet(path.join(home, 'create-4.xlsx'), [
      { outer: 'RE-GONE-1', spec: 'SKU-NOT-THERE' },
      { outer: 'RE-GONE-2', spec: 'SKU-NOT-THERE' },
      { outer: 'RE-GONE-3', spec: 'SKU-NOT-THERE' },
      { outer: 'RE-GONE-4', spec: 'SKU-NOT-THERE' },
    ]);
    const first = await submit(file);
    expect(s.jobs.counts(first)).toMatchObject({ failed: 4 });
    const draft = value(await app.api.jobsResendDraft({ jobId: first }));
    const width = draft.columns.length;
    const set = async (rowNumber: number, cells: readonly string[]) => {
      for (let column = 0; column < width; column++) {
        value(await app.api.importEdit({ importId: draft.importId, rowNumber, column, value: cells[column] ?? '' }));
      }
    };
    const header = draft.columns.map((c) => c.header);
    await set(2, []);
    await set(3, header);
    await set(4, ['合计', '', '', '', '4']);
    const spec = draft.columns.findIndex((c) => c.field === 'spec_no');
    value(await app.api.importEdit({ importId: draft.importId, rowNumber: 5, column: spec, value: 'SKU-TS-RED-M' }));

    // The draft shows them before anything is sent: still rows, invalid, each with its reason.
    const seen = value(await app.api.importRows({ importId: draft.importId, offset: 0, limit: 10, filter: 'all', grouped: false }));
    expect(seen.items.map((r) => [r.rowNumber, r.disposition.kind, r.problems.map((p) => p.text.key)])).toEqual([
      [2, 'invalid', ['sheets.problem.blankRow']],
      [3, 'invalid', expect.arrayContaining(['sheets.problem.headerRow'])],
      [4, 'invalid', expect.arrayContaining(['sheets.problem.totalsRow'])],
      [5, 'valid', []],
    ]);

    const follow = value(await app.api.jobsResend({ jobId: first, importId: draft.importId, withdrawnRows: [] }));
    const done = await ended(follow.jobId);
    expect(done.counts).toMatchObject({ succeeded: 1, invalid: 3, failed: 0 });
    const rows = rowsOf(follow.jobId);
    expect(rows.map((r) => [r.rowNumber, r.state])).toEqual([
      [2, 'invalid'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'succeeded'],
    ]);
    expect(rows[0]?.message).toContain('Row 2 is blank: its required columns (外部单号、仓库编码、供应商编号、商家编码、退货数量) are empty');
    expect(rows[1]?.message).toContain('Row 3 looks like the header row');
    expect(rows[2]?.message).toContain('Row 4 looks like a totals row ("外部单号" says "合计")');

    // The workbook lists every offered row, the three kept ones with their reason.
    const out = value(await s.jobs.writeResults(follow.jobId, 'zh-CN', path.join(home, 'follow-4.xlsx')));
    const results = (await readBook(out)).get(sheetNames.results)!;
    const lines = results.slice(1).map((r) => r.map(String).join(' | '));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('第 2 行是空行：必填列（外部单号、仓库编码、供应商编号、商家编码、退货数量）都没有填写');
    expect(lines[1]).toContain('第 3 行看起来像表头');
    expect(lines[2]).toContain('第 4 行看起来像合计行');
    expect(lines[3]).toContain('RE-GONE-4');
  });

  it('in the draft, a row blanked then filled in again loses the blank-row problem and can be sent', async () => {
    const file = await createSheet(path.join(home, 'create-6.xlsx'), [{ outer: 'RE-BACK-1', spec: 'SKU-NOT-THERE' }]);
    const first = await submit(file);
    const draft = value(await app.api.jobsResendDraft({ jobId: first }));
    const fill = async (cells: readonly string[]) => {
      let summary = draft;
      for (let column = 0; column < draft.columns.length; column++) {
        summary = value(await app.api.importEdit({ importId: draft.importId, rowNumber: 2, column, value: cells[column] ?? '' }));
      }
      return summary;
    };
    expect((await fill([])).counts).toMatchObject({ valid: 0, invalid: 1 });
    const problems = async () => value(await app.api.importRows({ importId: draft.importId, offset: 0, limit: 1, filter: 'all', grouped: false })).items[0]?.problems.map((p) => p.text.key);
    expect(await problems()).toEqual(['sheets.problem.blankRow']);
    expect((await fill(['RE-BACK-1', 'WH001', 'P001', 'SKU-TS-RED-M', '1'])).counts).toMatchObject({ valid: 1, invalid: 0 });
    expect(await problems()).toEqual([]);
  });

  it('the edits seam alone (the CLI has no draft) keeps a row edited to blank as an invalid row', async () => {
    const file = await createSheet(path.join(home, 'create-5.xlsx'), [
      { outer: 'RE-SEAM-1', spec: 'SKU-NOT-THERE' },
      { outer: 'RE-SEAM-2', spec: 'SKU-NOT-THERE' },
    ]);
    const first = await submit(file);
    const next = value(await s.jobs.followUp(first, new Map([[2, ['', '', '', '', '']], [3, ['RE-SEAM-2', 'WH001', 'P001', 'SKU-TS-RED-M', '1']]])));
    value(await s.jobs.run(next));
    expect(rowsOf(next).map((r) => [r.rowNumber, r.state])).toEqual([
      [2, 'invalid'],
      [3, 'succeeded'],
    ]);
    expect(rowsOf(next)[0]?.edits?.length).toBe(5);
  });

  it('every row still invalid: no follow-up is made, and the message says what to do', async () => {
    const file = await createSheet(path.join(home, 'create-3.xlsx'), [{ outer: 'RE-OUT-5', num: 'many' }]);
    const first = await submit(file);
    const refused = await s.jobs.followUp(first);
    expect(!refused.ok && refused.error.code).toBe('NO_VALID_ROWS');
    expect(!refused.ok && refused.error.message).toContain('1 still invalid');
    expect(value(await app.api.jobsGet({ jobId: first })).followUps).toEqual([]);
  });
});
