// The column layout of an operation's import template: which fields, in which order, under which header,
// how wide, typed as text or not, with which dropdown. The template (template.ts) and the results workbook's
// `失败 To fix` sheet (results-rows.ts) both lay their columns out from here, so a to-fix sheet is the template.
import type { Lang } from '../../shared/i18n';
import { booleanValues } from '../../shared/operations/field-kit';
import type { FieldDef, OperationDef } from '../../shared/operations/types';

/** Rows of the template (and at least of a to-fix sheet) that carry the dropdowns. */
export const templateRows = 1000;

export interface TemplateColumn {
  field: FieldDef;
  /** The header cell text: the label, with a leading * when required. */
  header: string;
  required: boolean;
  /** The header cell's note: the API field name. */
  note: string;
  /** Column width in Excel character units. */
  width: number;
  /** Identifiers are typed as text so Excel keeps leading zeros and long numbers exactly. */
  text: boolean;
  /** Dropdown spellings for closed sets (是/否, 0/1…), or null. */
  choices: string[] | null;
}

export const isRequiredColumn = (op: OperationDef, f: FieldDef): boolean => f.required || f.key === op.keyField;

/** The header cell text: the field's label, with a leading * when the column is required. */
export const templateHeader = (op: OperationDef, f: FieldDef, lang: Lang): string => `${isRequiredColumn(op, f) ? '*' : ''}${f.label[lang]}`;

/** Spellings offered in a dropdown: the first label of each value (是/否, 0/1…). */
export function choicesOf(f: FieldDef): string[] | null {
  if (f.type === 'boolean') return (f.values ?? booleanValues()).map((v) => v.labels[0] ?? String(v.value));
  if (f.type === 'enum') return (f.values ?? []).map((v) => String(v.value));
  return null;
}

/** The template's columns in catalog field order. */
export function templateLayout(op: OperationDef, lang: Lang): TemplateColumn[] {
  return op.fields.map((f) => ({
    field: f,
    header: templateHeader(op, f, lang),
    required: isRequiredColumn(op, f),
    note: f.apiName ?? f.key,
    width: Math.max(12, [...f.label[lang]].length * 2 + 4),
    text: f.type === 'id' || f.type === 'idList',
    choices: choicesOf(f),
  }));
}
