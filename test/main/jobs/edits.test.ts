// Cells edited in the review grid travel with the job (issue 16 item 2): the job is made of the edited sheet,
// its rows keep the file's text beside the edit in a real SQLite file (across a restart), the job runs against
// the sandbox over real HTTP, and the results workbook marks the edited cells with the original in a note.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { noteText } from '../sheets/results-fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import { openJobDatabase } from '../../../main/jobs/database';
import { JobViews } from '../../../main/jobs/job-views';
import { SheetEditor } from '../../../main/sheets/read/revalidate';
import { writeResults } from '../../../main/sheets/results/results-writer';
import { createSheet, metaFor, readImport, rig, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const fillOf = (cell: ExcelJS.Cell): string | undefined => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe('edits kept with the job', () => {
  it('a bad quantity fixed in the grid is sent and succeeds; the store and the workbook keep the original', async () => {
    r = await rig();
    const file = await createSheet(path.join(r.dir, 'create.xlsx'), [
      { outer: 'ED-NUM', num: -3 }, // invalid as read: fixed in the grid
      { outer: 'ED-WH' }, // valid as read: its warehouse edited to one the ERP refuses
    ]);
    const sheet = await readImport(file);
    expect([...sheet.rows].map((x) => x.disposition.kind)).toEqual(['invalid', 'valid']);
    const editor = new SheetEditor(sheet);
    expect(editor.set([{ rowNumber: 2, column: 4, value: '2' }])).not.toHaveProperty('refused');
    expect(editor.set([{ rowNumber: 3, column: 1, value: 'NO-SUCH-WH' }])).not.toHaveProperty('refused');
    const edited = editor.current();
    expect([...edited.rows].map((x) => x.disposition.kind)).toEqual(['valid', 'valid']);

    const created = r.engine.create({ sheet: edited, meta: metaFor(edited) });
    if (!created.ok) throw new Error(created.error.message);
    expect(await r.engine.run(created.value)).toMatchObject({ ok: true, value: { kind: 'done' } });

    // A restart: the same SQLite file opened again by a new connection.
    const db = openJobDatabase(r.dbFile);
    try {
      const views = new JobViews(db);
      const rows = views.rows(created.value, 'zh-CN', 0, 10).items;
      expect(rows.map((x) => [x.state, x.cells[4], x.cells[1]])).toEqual([['succeeded', '2', 'WH001'], ['failed', '1', 'NO-SUCH-WH']]);
      expect(rows.map((x) => x.edits)).toEqual([[{ column: 4, original: '-3' }], [{ column: 1, original: 'WH001' }]]);

      const out = path.join(r.dir, 'create.results.xlsx');
      expect(await writeResults(views.reportSource(r.store.job(created.value)!, 'zh-CN'), out)).toMatchObject({ ok: true });
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const results = book.getWorksheet('明细 Results')!;
      const qty = results.getRow(2).getCell(5);
      expect(qty.value).toBe(2);
      expect(noteText(qty)).toContain('-3');
      expect(fillOf(qty)).toBe('FFDDEBFF');
      // An unedited cell has neither.
      expect(noteText(results.getRow(2).getCell(1))).toBe('');
      const wh = results.getRow(3).getCell(2);
      expect([wh.value, noteText(wh), fillOf(wh)]).toEqual(['NO-SUCH-WH', '在本程序中修改过。原值：WH001', 'FFDDEBFF']);

      // The failed row goes to To fix: its edited warehouse is marked there too.
      const toFix = book.getWorksheet('失败 To fix')!;
      const header = (toFix.getRow(1).values as unknown[]).map(String);
      const col = header.indexOf('*仓库编码');
      expect(col).toBeGreaterThan(0);
      const fixCell = toFix.getRow(2).getCell(col);
      expect([fixCell.value, noteText(fixCell), fillOf(fixCell)]).toEqual(['NO-SUCH-WH', '在本程序中修改过。原值：WH001', 'FFDDEBFF']);
    } finally {
      db.close();
    }
  });
});
