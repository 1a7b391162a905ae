// The to-fix round trip: write a job's results, fix a cell of 失败 To fix like a clerk, drop the whole
// workbook back into the reader — it reads the to-fix sheet (not 明细 Results), the fixed row validates, and
// the 错误原因 and 处理建议 columns are kept as unknown columns without causing a problem (never sent).
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getOperation } from '../../../shared/operations/catalog';
import { resultsSheetNames } from '../../../main/sheets/results/results-layout';
import { readSheet, readSheetInProcess } from '../../../main/sheets/read/reader';
import { writeTemplate } from '../../../main/sheets/templates/template';
import type { SheetImport } from '../../../main/sheets/read/types';
import { tempDir } from './fixtures';
import { cancelSource, createSource, editToFix, makeToFixFile } from './results-fixtures';

const workerPath = path.resolve('out/node/read-worker.cjs');

const imported = (r: Awaited<ReturnType<typeof readSheetInProcess>>): SheetImport => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

const problemColumns = (sheet: SheetImport) => [...sheet.rows].flatMap((r) => r.problems.map((p) => p.column));

describe('the to-fix sheet', () => {
  it('is laid out exactly like the import template, plus 错误原因 and 处理建议', async () => {
    const dir = tempDir();
    for (const [source, op] of [[createSource(), 'return-create'], [cancelSource('en'), 'return-cancel']] as const) {
      const def = getOperation(op);
      if (!def) throw new Error(op);
      const lang = source.lang;
      const template = path.join(dir, `${op}-template.xlsx`);
      expect((await writeTemplate(def, lang, template)).ok).toBe(true);
      const file = await makeToFixFile(source, path.join(dir, `${op}-results.xlsx`));
      const header = async (f: string, sheet?: string) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(f);
        const ws = sheet ? book.getWorksheet(sheet) : book.worksheets[0];
        return (ws?.getRow(1).values as unknown[]).slice(1);
      };
      const tail = lang === 'en' ? ['Error reason', 'What to do'] : ['错误原因', '处理建议'];
      expect(await header(file, resultsSheetNames.toFix)).toEqual([...(await header(template)), ...tail]);
      // Each header carries the API field name in its note, as the template's do.
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const notes = def.fields.map((_, i) => book.getWorksheet(resultsSheetNames.toFix)?.getRow(1).getCell(i + 1).note);
      expect(notes).toEqual(def.fields.map((f) => f.apiName ?? f.key));
      // And the same dropdowns for closed sets.
      const defect = def.fields.findIndex((f) => f.key === 'defect');
      if (defect >= 0) {
        const ws = book.getWorksheet(resultsSheetNames.toFix);
        expect(ws?.getRow(3).getCell(defect + 1).dataValidation?.formulae?.[0]).toBe('"是,否,残次品,正品"');
        expect(ws?.getRow(1000).getCell(defect + 1).dataValidation?.type).toBe('list');
      }
    }
  });

  it('round trip (create): the whole workbook re-imports as its to-fix rows; fixing the bad quantity makes every row valid', async () => {
    const dir = tempDir();
    const file = await makeToFixFile(createSource(), path.join(dir, 'create.results.xlsx'));

    const before = imported(await readSheetInProcess(file));
    expect(before.sheet).toBe(resultsSheetNames.toFix);
    expect(before.operation).toBe('return-create');
    expect(before.notices.map((n) => n.text.key)).toContain('workbook.reimport.toFix');
    // Only the failed, invalid and unknown rows: never the successes of 明细 Results.
    expect([...before.rows].map((r) => r.cells[0])).toEqual(['T002', 'T003', 'T004']);
    expect([...before.rows].map((r) => r.disposition.kind)).toEqual(['invalid', 'valid', 'valid']);
    expect(problemColumns(before)).toEqual(['*退货数量']);

    await editToFix(file, [{ row: 0, header: '*退货数量', value: 3 }]);
    const after = imported(await readSheetInProcess(file));
    expect([...after.rows].map((r) => r.disposition.kind)).toEqual(['valid', 'valid', 'valid']);
    expect([...after.rows].flatMap((r) => r.problems)).toEqual([]);
    expect([...after.orders].map((o) => o.key)).toEqual(['T002', 'T003', 'T004']);
    expect(after.orders.at(0)?.lines[0]?.num).toBe('3');
    expect(after.orders.at(2)?.lines[0]?.spec_no).toBe('00042');
    // 错误原因 and 处理建议 are unknown columns: kept (they travel to the next results), mapped to no field, never a problem.
    expect(after.columns.slice(-2)).toMatchObject([{ header: '错误原因', field: null }, { header: '处理建议', field: null }]);
    expect(after.rows.at(1)?.cells.at(-2)).toBe('供应商不存在 =HYPERLINK("http://x","y")');

    // The bundled worker (what the app and the CLI run) reads it the same way.
    const inWorker = imported(await readSheet(file, { workerPath }));
    expect(inWorker.sheet).toBe(resultsSheetNames.toFix);
    expect([...inWorker.rows].map((r) => r.disposition.kind)).toEqual(['valid', 'valid', 'valid']);
  });

  it('round trip (cancel, English): the number column fits cancel and pending, the sheet\'s mark says cancel; the fixed row validates', async () => {
    const dir = tempDir();
    const file = await makeToFixFile(cancelSource('en'), path.join(dir, 'cancel.results.xlsx'));
    // The header alone fits cancel and pending; the to-fix sheet carries its job's operation (operation-mark.ts).
    const marked = imported(await readSheetInProcess(file, { lang: 'en' }));
    expect(marked.operation).toBe('return-cancel');
    expect(marked.operationReason.key).toBe('sheets.operation.marked');

    const before = imported(await readSheetInProcess(file, { operation: 'return-cancel', lang: 'en' }));
    expect(before.sheet).toBe(resultsSheetNames.toFix);
    expect([...before.rows].map((r) => r.disposition.kind)).toEqual(['valid', 'invalid', 'valid']);

    await editToFix(file, [{ row: 1, header: '*Purchase return no.', value: 'CR0003' }]);
    // Saved again by another writer (exceljs here), the mark is still there: no operation needs naming.
    const after = imported(await readSheetInProcess(file, { lang: 'en' }));
    expect(after.operation).toBe('return-cancel');
    expect([...after.rows].map((r) => r.disposition.kind)).toEqual(['valid', 'valid', 'valid']);
    expect([...after.orders].map((o) => o.key)).toEqual(['CR0002', 'CR0003', '000123']);
    expect(after.columns.slice(-2)).toMatchObject([{ header: 'Error reason', field: null }, { header: 'What to do', field: null }]);
    expect(problemColumns(after)).toEqual([]);
  });

  it('still reads another sheet when the person names it', async () => {
    const dir = tempDir();
    const file = await makeToFixFile(createSource(), path.join(dir, 'named.results.xlsx'));
    const results = imported(await readSheetInProcess(file, { sheet: resultsSheetNames.results }));
    expect(results.sheet).toBe(resultsSheetNames.results);
    expect(results.rows).toHaveLength(7);
  });
});
