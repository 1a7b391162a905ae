// The sample a newcomer can try on the built-in sandbox: a cancel list of the sandbox's seeded return
// numbers (main/sandbox/seed.ts), so one run shows every outcome — cancelled, refused by the ERP for
// its state, not found — plus a duplicate row and a number Excel can't hold, which review flags.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { t, type Lang } from '../../shared/i18n';
import { returnCancel } from '../../shared/operations/return-cancel';

/** The sample is a cancel list: its header 采购退货单号 heads both cancel and pending lists. */
export const sampleOperation = returnCancel.id;

/** [cell of 采购退货单号, note] rows; a number cell on purpose for the too-long-number problem. */
const sampleRows = (lang: Lang): [string | number, string][] => [
  ['CR202406010001', t(lang, 'ui.sample.editing')],
  ['CR202406010002', t(lang, 'ui.sample.pendingCheck')],
  ['CR202406010003', t(lang, 'ui.sample.checked')],
  ['CR202406010004', t(lang, 'ui.sample.partlyShipped')],
  ['CR202406010005', t(lang, 'ui.sample.done')],
  ['CR202406010006', t(lang, 'ui.sample.cancelled')],
  ['CR202406010002', t(lang, 'ui.sample.duplicate')],
  ['CR209912319999', t(lang, 'ui.sample.notFound')],
  // 18 digits: more than a spreadsheet number holds exactly, as when Excel turns a pasted number into 1.23457E+17.
  [Number('123456789012345678'), t(lang, 'ui.sample.tooLong')],
  ...Array.from({ length: 12 }, (_, i): [string, string] => [`CR20240602${String(i + 1).padStart(4, '0')}`, t(lang, 'ui.sample.bulk')]),
];

/** Writes the sample workbook into a fresh temp folder and returns its path. */
export async function writeSampleFile(lang: Lang): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'wdt-bulk-sample-'));
  const file = path.join(folder, t(lang, 'ui.sample.fileName'));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t(lang, 'ui.sample.sheetName'));
  // A title row and a blank row above the headers, as clerks' own lists often have.
  sheet.addRow([t(lang, 'ui.sample.title')]);
  sheet.addRow([]);
  sheet.addRow(['采购退货单号', t(lang, 'ui.sample.noteHeader')]).font = { bold: true };
  for (const row of sampleRows(lang)) sheet.addRow(row);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 36;
  await book.xlsx.writeFile(file);
  return file;
}

/** The name suggested for a job's rows to fix (the results workbook, read again from its to-fix sheet). */
export const toFixName = (sourceName: string, lang: Lang): string => t(lang, 'ui.file.toFixName', { source: path.basename(sourceName).replace(/\.[^.]+$/, '') });

/** The results workbook's to-fix sheet (`失败 To fix`, docs/spreadsheets.md): the third sheet, or one named so. */
export async function toFixSheet(file: string): Promise<string | null> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const names = book.worksheets.map((s) => s.name);
  return names.find((n) => /失败|to\s*fix/i.test(n)) ?? names[2] ?? null;
}
