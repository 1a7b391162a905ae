// The column layout of an operation's import template: which fields, in which order, under which header,
// how wide, typed as text or not, with which dropdown. The template (template.ts) and the results workbook's
// `失败 To fix` sheet (results-rows.ts) both lay their columns out from here, so a to-fix sheet is the template.
import type { DataValidation } from 'exceljs';
import type { Lang } from '../../../shared/i18n';
import { booleanValues, noLabels, yesLabels } from '../../../shared/operations/field-kit';
import type { FieldDef, OperationDef } from '../../../shared/operations/types';

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

/**
 * Spellings offered in a dropdown, each one the reader accepts: 是/否 for every yes/no column, then a
 * field's own words (残次品/正品) — a list of only the field's words would refuse the 是 clerks type.
 */
export function choicesOf(f: FieldDef): string[] | null {
  if (f.type === 'boolean') {
    const own = (f.values ?? booleanValues()).map((v) => v.labels[0] ?? String(v.value));
    return [...new Set([yesLabels[0], noLabels[0], ...own])];
  }
  if (f.type === 'enum') return (f.values ?? []).map((v) => String(v.value));
  return null;
}

/** What both the plain and the streaming exceljs worksheet offer (the streaming one's typings omit it). */
export interface ValidationSink {
  add(range: string, rule: DataValidation): void;
}

/**
 * One dropdown per closed-set column over rows 2..lastRow, given as a range: per-cell validations let
 * exceljs merge them itself, and its merge sorts addresses as text (Q10 before Q2) into overlapping ranges.
 */
export function addChoiceValidations(sink: ValidationSink, layout: readonly TemplateColumn[], lastRow: number, letterOf: (index: number) => string): void {
  layout.forEach((c, i) => {
    if (!c.choices) return;
    const letter = letterOf(i);
    sink.add(`${letter}2:${letter}${lastRow}`, { type: 'list', allowBlank: true, showErrorMessage: true, formulae: [`"${c.choices.join(',')}"`] });
  });
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
