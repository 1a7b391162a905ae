// The import template of one operation: a header row the reader recognises (required columns marked *,
// the API field name in each header's note), dropdowns for closed sets, one example row that the reader
// ignores (its first cell starts with 示例/Example, see sheet-rows.ts), and a sheet explaining every column.
// Columns follow the catalog's field order (main/sheets/template-layout.ts did not exist when this was written).
import ExcelJS from 'exceljs';
import { rename, rm } from 'node:fs/promises';
import { t } from '../../shared/i18n';
import type { Lang } from '../../shared/i18n';
import { booleanValues } from '../../shared/operations/field-kit';
import type { FieldDef, OperationDef } from '../../shared/operations/types';
import { appError, err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { columnLetter } from './sheet-rows';

const templateRows = 1000;

export const isRequiredColumn = (op: OperationDef, f: FieldDef): boolean => f.required || f.key === op.keyField;

/** The header cell text: the field's label, with a leading * when the column is required. */
export const templateHeader = (op: OperationDef, f: FieldDef, lang: Lang): string => `${isRequiredColumn(op, f) ? '*' : ''}${f.label[lang]}`;

/** Spellings offered in a dropdown: the first label of each value (是/否, 0/1…). */
function choicesOf(f: FieldDef): string[] | null {
  if (f.type === 'boolean') return (f.values ?? booleanValues()).map((v) => v.labels[0] ?? String(v.value));
  if (f.type === 'enum') return (f.values ?? []).map((v) => String(v.value));
  return null;
}

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
  const data = book.addWorksheet(t(lang, 'sheets.template.dataSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const fields = op.fields;
  data.columns = fields.map((f) => ({ width: Math.max(12, [...f.label[lang]].length * 2 + 4) }));
  const header = data.getRow(1);
  fields.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.value = templateHeader(op, f, lang);
    cell.note = f.apiName ?? f.key;
    cell.font = { bold: true, color: isRequiredColumn(op, f) ? { argb: 'FFC00000' } : undefined };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    const letter = columnLetter(i);
    // Identifiers are typed as text so Excel keeps leading zeros and long numbers exactly.
    if (f.type === 'id' || f.type === 'idList') data.getColumn(i + 1).numFmt = '@';
    const choices = choicesOf(f);
    if (choices) {
      for (let r = 2; r <= templateRows; r++) {
        data.getCell(`${letter}${r}`).dataValidation = {
          type: 'list', allowBlank: true, showErrorMessage: true, formulae: [`"${choices.join(',')}"`],
        };
      }
    }
  });
  const example = data.getRow(2);
  fields.forEach((f, i) => {
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
  for (const f of fields) {
    help.addRow([
      templateHeader(op, f, lang), f.apiName ?? f.key,
      t(lang, isRequiredColumn(op, f) ? 'sheets.template.yes' : 'sheets.template.no'),
      limitText(f, lang), f.description[lang], f.example ?? '',
    ]);
  }
  help.columns = [{ width: 18 }, { width: 20 }, { width: 10 }, { width: 40 }, { width: 60 }, { width: 20 }];
  return book;
}

/** Writes the template to a temporary file beside `outPath`, then renames it, so a half-written file never appears. */
export async function writeTemplate(op: OperationDef, lang: Lang, outPath: string): Promise<Result<string>> {
  const temp = `${outPath}.${process.pid}.tmp`;
  try {
    await buildTemplate(op, lang).xlsx.writeFile(temp);
    await rename(temp, outPath);
    return ok(outPath);
  } catch (e) {
    await rm(temp, { force: true });
    const reason = e instanceof Error ? e.message : String(e);
    return err(appError('INVALID_ARGUMENT', t(lang, 'sheets.cli.writeFailed', { path: outPath, reason }), { path: outPath }));
  }
}
