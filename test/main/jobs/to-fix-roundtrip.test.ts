// Issue 5's round trip, through the real engine: a job with failed and invalid rows writes its results
// workbook; the clerk fixes the cells in the 失败 To fix sheet; the whole workbook dropped back in reads
// that sheet, and submitting it succeeds.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeResults } from '../../../main/sheets/results/results-writer';
import { editToFix } from '../sheets/results-fixtures';
import { createSheet, metaFor, readImport, rig, submitFile, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

describe('the to-fix sheet goes back in', () => {
  it('fix a cell in 失败 To fix, submit the workbook, and those rows succeed', async () => {
    r = await rig();
    const file = await createSheet(path.join(r.dir, 'create.xlsx'), [
      { outer: 'FIX-OK' },
      { outer: 'FIX-WH', warehouse: 'NO-SUCH-WH' }, // the ERP refuses: failed
      { outer: 'FIX-NUM', num: -3 }, // never sent: invalid
    ]);
    const first = await submitFile(r, file);
    expect(r.views.rows(first.jobId, 'zh-CN', 0, 5).items.map((x) => x.state)).toEqual(['succeeded', 'failed', 'invalid']);
    const results = path.join(r.dir, 'create.results.xlsx');
    const written = await writeResults(r.views.reportSource(r.store.job(first.jobId)!, 'zh-CN'), results);
    expect(written.ok).toBe(true);

    // The to-fix sheet holds the two rows that need action, in the template's layout (rows 0 and 1 below its header; * marks a required column).
    await editToFix(results, [
      { row: 0, header: '*仓库编码', value: 'WH002' },
      { row: 1, header: '*退货数量', value: 2 },
    ]);
    const again = await readImport(results);
    expect(again.sheet).toBe('失败 To fix');
    expect([...again.rows].map((x) => x.disposition.kind)).toEqual(['valid', 'valid']);
    const created = r.engine.create({ sheet: again, meta: metaFor(again) });
    const jobId = created.ok ? created.value : '';
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId)).toMatchObject({ succeeded: 2, failed: 0, invalid: 0 });
    expect(r.sandbox.state.returnByOuterNo('FIX-WH')?.warehouse_no).toBe('WH002');
    expect(r.sandbox.state.returnByOuterNo('FIX-NUM')?.detail_list[0]?.num).toBe('2');
  });
});
