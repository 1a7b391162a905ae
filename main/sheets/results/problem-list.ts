// The review's problem list as a small workbook, before anything is sent (the review screen's export button,
// `validate --problems`): one line per error and warning, in the order the screen lists them, with the file,
// sheet, row, column, the cell's text, the same problem text the screen shows, and what to do — zh-CN first.
// Streamed like the results workbook (a 100,000-row sheet of bad rows never sits in memory as cells), into a
// temporary file that replaces the target only once complete (safe-write.ts).
import ExcelJS from 'exceljs';
import { render, t, type Lang } from '../../../shared/i18n';
import { isBlocking, type CellProblem } from '../../../shared/operations/types';
import { appError, err, ok, type Result } from '../../../shared/result';
import type { ImportColumn, ImportRow, SheetImport } from '../read/types';
import { safeWrite } from '../safe-write';

const headers = ['file', 'sheet', 'row', 'column', 'value', 'kind', 'problem', 'todo'] as const;
const widths = [24, 14, 8, 18, 24, 16, 60, 48];

/** The cell a problem is about (by header as written, else by field, as the review grid marks it); '' when the column is missing. */
function valueOf(columns: readonly ImportColumn[], row: ImportRow, p: CellProblem): string {
  const column = columns.find((c) => c.header === p.column) ?? columns.find((c) => c.field !== null && c.field === p.field);
  return column ? (row.cells[column.index] ?? '') : '';
}

/** Every problem of the sheet, as the screen lists them (importProblems pages the same sequence). */
export function* problemLines(sheet: SheetImport, lang: Lang): Generator<(string | number)[]> {
  for (const row of sheet.rows) {
    for (const p of row.problems) {
      const blocking = isBlocking(p);
      yield [
        sheet.file.name,
        sheet.sheet,
        p.row,
        p.column,
        valueOf(sheet.columns, row, p),
        t(lang, blocking ? 'problems.kind.error' : 'problems.kind.warning'),
        render(lang, p.text),
        t(lang, blocking ? 'problems.todo.error' : 'problems.todo.warning'),
      ];
    }
  }
}

/** Writes the problem list to `outPath`; resolves to the absolute path written. A file-system failure is a value. */
export async function writeProblemList(sheet: SheetImport, lang: Lang, outPath: string): Promise<Result<string>> {
  try {
    const written = await safeWrite(outPath, async (stream) => {
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
      book.creator = 'wdt-bulk';
      const ws = book.addWorksheet(t(lang, 'problems.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = widths.map((width) => ({ width }));
      const head = ws.addRow(headers.map((h) => t(lang, `problems.column.${h}`)));
      head.font = { bold: true };
      head.commit();
      // The cell's text stays text (a return number like 0012 must not turn into 12).
      for (const line of problemLines(sheet, lang)) ws.addRow(line).commit();
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
      ws.commit();
      await book.commit();
    });
    return ok(written);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw e;
    const params = { path: outPath, reason: (e as Error).message };
    return err(appError('INVALID_ARGUMENT', t(lang, 'problems.writeFailed', params), { path: outPath, code }));
  }
}
