// The results workbook reads one snapshot of the store (issue 18): the writer now waits for the zip between
// rows, so a run going on meanwhile must not change rows between the Summary's counts and the Results sheet.
// Real parts: a SQLite file, a second read-only connection, the workbook written and read back.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openReportSnapshot } from '../../../main/jobs/report-snapshot';
import { resultsSheetNames } from '../../../main/sheets/results/results-layout';
import { writeResults } from '../../../main/sheets/results/results-writer';
import { listSheet, metaFor, readImport, rig, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const numbers = ['CR202406020001', 'CR202406020002', 'CR202406020003'];

async function storedJob(x: Rig): Promise<string> {
  const sheet = await readImport(await listSheet(path.join(x.dir, 'cancel.xlsx'), '采购退货单号', numbers), 'return-cancel');
  const created = x.engine.create({ sheet, meta: metaFor(sheet) });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

describe('the report snapshot', () => {
  it('keeps reading the store as it was when taken, while the job changes under it', async () => {
    const x = (r = await rig());
    const jobId = await storedJob(x);
    const snapshot = openReportSnapshot(x.store.db, jobId, 'zh-CN');
    try {
      // The clerk withdraws a row after the write began: the store changes, the snapshot does not.
      expect(x.store.withdraw(jobId, [2])).toBe(1);
      expect(x.views.counts(jobId)).toMatchObject({ pending: 2, skipped: 1 });
      const source = snapshot.source!;
      expect(source.summary().counts).toMatchObject({ pending: 3, skipped: 0 });
      expect([...source.rows()].map((row) => row.state)).toEqual(['pending', 'pending', 'pending']);

      const file = path.join(x.dir, 'results.xlsx');
      expect((await writeResults(source, file)).ok).toBe(true);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const results = book.getWorksheet(resultsSheetNames.results)!;
      const state = (results.getRow(1).values as unknown[]).map(String).indexOf('状态');
      expect([2, 3, 4].map((i) => results.getRow(i).getCell(state).text)).toEqual(['待提交', '待提交', '待提交']);
    } finally {
      snapshot.close();
    }
    // A snapshot taken now sees the withdrawal.
    const later = openReportSnapshot(x.store.db, jobId, 'zh-CN');
    try {
      expect(later.source!.summary().counts).toMatchObject({ pending: 2, skipped: 1 });
    } finally {
      later.close();
    }
  });

  it('has no source for a job the store does not hold', async () => {
    const x = (r = await rig());
    const snapshot = openReportSnapshot(x.store.db, 'no-such-job', 'en');
    expect(snapshot.source).toBeNull();
    snapshot.close();
  });
});
