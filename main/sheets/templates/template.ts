// The import template of one operation: a header row the reader recognises (required columns marked *,
// the API field name in each header's note), dropdowns for closed sets, one example row that the reader
// ignores (its first cell starts with 示例/Example, see sheet-rows.ts), and a sheet explaining every column.
// The columns come from template-layout.ts, which the results workbook's to-fix sheet shares.
import ExcelJS from 'exceljs';
import { t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import type { FieldDef, OperationDef } from '../../../shared/operations/types';
import { appError, err, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { markSheet } from '../operation-mark';
import { safeWrite } from '../safe-write';
import { columnLetter } from '../read/sheet-rows';
import { addChoiceValidations, choicesOf, templateLayout, templateRows } from './template-layout';
import type { ValidationSink } from './template-layout';

export { isRequiredColumn, templateHeader } from './template-layout';

function limitText(f: FieldDef, lang: Lang): string {
  const parts: string[] = [];
  if (f.type === 'id') parts.push(t(lang, 'sheets.template.idText'));
  if (f.type === 'text') parts.push(t(lang, 'sheets.template.text'));
  if (f.maxLength) parts.push(t(lang, 'sheets.template.maxLength', { max: f.maxLength }));
  if (f.type === 'decimal') parts.push(t(lang, f.positive ? 'sheets.template.positive' : 'sheets.template.decimal'));
  if (f.type === 'rate') parts.push(t(lang, 'sheets.template.rate'));
  if (f.type === 'datetime') parts.push(t(lang, 'sheets.template.datetime'));
  if (f.type === 'idList') parts.push(t(lang, 'sheets.template.list'));
  const choices = choicesOf(f);
  if (choices) {
    const spelled = f.type === 'enum' ? (f.values ?? []).map((v) => `${String(v.value)}=${v.labels[0] ?? ''}`) : choices;
    parts.push(t(lang, 'sheets.template.choices', { choices: spelled.join(' / ') }));
  }
  return parts.join('；');
}

export function buildTemplate(op: OperationDef, lang: Lang): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const dataName = t(lang, 'sheets.template.dataSheet');
  const data = book.addWorksheet(dataName, { views: [{ state: 'frozen', ySplit: 1 }] });
  markSheet(book, dataName, op.id);
  const layout = templateLayout(op, lang);
  data.columns = layout.map((c) => ({ width: c.width }));
  const header = data.getRow(1);
  layout.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.note = c.note;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    if (c.text) data.getColumn(i + 1).numFmt = '@';
  });
  // exceljs keeps dataValidations on every worksheet though its typings omit it.
  addChoiceValidations((data as unknown as { dataValidations: ValidationSink }).dataValidations, layout, templateRows, columnLetter);
  const example = data.getRow(2);
  layout.forEach(({ field: f }, i) => {
    const sample = f.example ?? '';
    const cell = example.getCell(i + 1);
    cell.value = i === 0 ? `${t(lang, 'sheets.template.example')}：${sample}` : sample;
    cell.font = { italic: true, color: { argb: 'FF808080' } };
  });

  const help = book.addWorksheet(t(lang, 'sheets.template.helpSheet'));
  help.addRow([t(lang, 'sheets.template.help.intro', { operation: op.label[lang], method: op.method })]);
  help.addRow([]);
  const keys = ['column', 'field', 'required', 'limit', 'description', 'example'] as const;
  const head = help.addRow(keys.map((k) => t(lang, `sheets.template.help.${k}`)));
  head.font = { bold: true };
  for (const { field: f, header: columnHeader, note, required } of layout) {
    help.addRow([
      columnHeader, note,
      t(lang, required ? 'sheets.template.yes' : 'sheets.template.no'),
      limitText(f, lang), f.description[lang], f.example ?? '',
    ]);
  }
  help.columns = [{ width: 18 }, { width: 20 }, { width: 10 }, { width: 40 }, { width: 60 }, { width: 20 }];
  return book;
}

/** Writes the template through safeWrite, so a half-written file never appears. Resolves to the absolute path. */
export async function writeTemplate(op: OperationDef, lang: Lang, outPath: string): Promise<Result<string>> {
  try {
    const book = buildTemplate(op, lang);
    // A template is small: build it in memory, then hand the bytes to the file in one piece.
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    return ok(await safeWrite(outPath, async (stream) => void stream.end(bytes)));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err(appError('INVALID_ARGUMENT', t(lang, 'sheets.cli.writeFailed', { path: outPath, reason }), { path: outPath }));
  }
}
