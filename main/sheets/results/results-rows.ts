// `明细 Results` (every source row in source order, all its columns as read, then the outcome) and
// `失败 To fix` (the rows that need action, in the import template's layout, plus 错误原因 and 处理建议), streamed row by
// row from the job store. A first pass counts the states and the reasons for failure (the Summary, written first,
// needs them) and sizes the columns; each sheet is one more pass. The To fix sheet cannot share the Results pass:
// the zip takes sheets one after the other, so its rows would wait in memory until Results was done.
import { t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n';
import { getOperation } from '../../../shared/operations/catalog';
import type { FieldType, OperationDef } from '../../../shared/operations/types';
import { emptyCounts } from '../../../shared/states';
import type { RowState, StateCounts } from '../../../shared/states';
import { ReasonTally, type ReasonCount } from '../../../shared/top-reasons';
import type { JobReportSource, JobRowReport, JobSummary } from '../../jobs/report';
import { markSheet } from '../operation-mark';
import { WidthTracker, localDateValue, numberOrNull, plainText, sourceValue } from './results-cells';
import type { PlainValue } from './results-cells';
import { dateStyle, goesToFix, numberStyle, resultsSheetNames, stateStyle, stateWord, textStyle, wrapStyle } from './results-layout';
import { editedNote, editedStyle, editsByColumn } from './results-edits';
import { SheetStream } from './results-sheet';
import type { CellStyle, StreamBook } from './results-sheet';
import { columnLetter } from '../read/sheet-rows';
import { addChoiceValidations, templateRows, templateLayout } from '../templates/template-layout';
import type { TemplateColumn, ValidationSink } from '../templates/template-layout';

/** Rows sampled to size the columns: enough to be representative, few enough to cost nothing. */
const widthSample = 2_000;
const messageWidth = 60;

export interface RowsPlan {
  counts: StateCounts;
  rows: number;
  /** The most common reasons for failure (shared/top-reasons.ts), for the Summary. */
  reasons: ReasonCount[];
  resultsWidths: number[];
  toFixWidths: number[];
}

export function operationOf(summary: JobSummary): OperationDef {
  const op = getOperation(summary.operation);
  if (!op) throw new Error(`job ${summary.id} names an operation the catalog lacks: ${summary.operation}`);
  return op;
}

const outcomeHeaders = (lang: Lang): string[] =>
  (['state', 'message', 'hint', 'erpNo', 'call', 'submittedAt', 'sourceRow'] as const).map((k) => t(lang, `workbook.results.${k}`));

/** The to-fix sheet's columns after the template's: the reason, then what to do (never read back: unknown columns). */
const toFixTail = (lang: Lang): string[] => [t(lang, 'workbook.toFix.reason'), t(lang, 'workbook.results.hint')];

/** For each to-fix column, where its value sits in a row's cells (the source column mapped to its field), or -1. */
function toFixSources(summary: JobSummary, layout: readonly TemplateColumn[]): number[] {
  return layout.map((c) => summary.columnFields.indexOf(c.field.key));
}

/** The field type of each source column (null: an unknown column), so decimals can be written as numbers. */
function sourceTypes(summary: JobSummary, op: OperationDef): (FieldType | undefined)[] {
  return summary.columnFields.map((key) => (key === null ? undefined : op.fields.find((f) => f.key === key)?.type));
}

/** Pass 1: counts per state (they add up to the rows by construction), the reasons for failure, column widths from a sample. */
export function scanRows(source: JobReportSource, summary: JobSummary): RowsPlan {
  const { lang } = source;
  const op = operationOf(summary);
  const layout = templateLayout(op, lang);
  const n = summary.columns.length;
  const results = new WidthTracker([...summary.columns, ...outcomeHeaders(lang)]);
  const toFix = new WidthTracker([...layout.map((c) => c.header), ...toFixTail(lang)]);
  const from = toFixSources(summary, layout);
  const counts = emptyCounts();
  const reasons = new ReasonTally();
  let rows = 0;
  let toFixRows = 0;
  for (const row of source.rows()) {
    counts[row.state] += 1;
    reasons.see(row);
    rows += 1;
    const action = goesToFix(row);
    if (action) toFixRows += 1;
    if (rows <= widthSample) {
      for (let i = 0; i < n; i++) results.see(i, row.cells[i]);
      results.see(n, stateWord(lang, row.state));
      results.see(n + 3, row.erpNo ?? undefined);
    }
    if (action && toFixRows <= widthSample) from.forEach((at, i) => at >= 0 && toFix.see(i, row.cells[at]));
  }
  results.see(n + 5, '2000-01-01 00:00:00');
  const resultsWidths = results.widths();
  resultsWidths[n + 1] = messageWidth;
  resultsWidths[n + 2] = messageWidth;
  const toFixWidths = toFix.widths().map((w, i) => Math.max(w, layout[i]?.width ?? 0));
  toFixWidths[layout.length] = messageWidth;
  toFixWidths[layout.length + 1] = messageWidth;
  return { counts, rows, reasons: reasons.top(), resultsWidths, toFixWidths };
}

/** The state word per state, rendered once. */
const wordsOf = (lang: Lang): Record<RowState, string> =>
  Object.fromEntries((['succeeded', 'failed', 'invalid', 'duplicate', 'unknown', 'skipped', 'pending'] as const).map((s) => [s, stateWord(lang, s)])) as Record<RowState, string>;

const textOrNull = (s: string | null | undefined): PlainValue => (s ? plainText(s) : null);

export async function writeResultsSheet(book: StreamBook, source: JobReportSource, summary: JobSummary, plan: RowsPlan): Promise<void> {
  const { lang } = source;
  const types = sourceTypes(summary, operationOf(summary));
  const n = summary.columns.length;
  const words = wordsOf(lang);
  const sheet = SheetStream.open(book, {
    name: resultsSheetNames.results,
    headers: [...summary.columns.map(plainText), ...outcomeHeaders(lang)],
    widths: plan.resultsWidths,
    filter: true,
  });
  for (const row of source.rows()) {
    const values: PlainValue[] = new Array<PlainValue>(n + 7);
    const styles: (CellStyle | undefined)[] = new Array<CellStyle | undefined>(n + 7);
    for (let i = 0; i < n; i++) {
      const cell = sourceValue(row.cells[i], types[i]);
      values[i] = cell.value;
      if (cell.numFmt) styles[i] = numberStyle(cell.numFmt);
    }
    values[n] = words[row.state];
    styles[n] = stateStyle[row.state];
    values[n + 1] = textOrNull(row.message);
    styles[n + 1] = wrapStyle;
    values[n + 2] = textOrNull(row.hint);
    styles[n + 2] = wrapStyle;
    values[n + 3] = textOrNull(row.erpNo);
    values[n + 4] = numberOrNull(row.call);
    values[n + 5] = localDateValue(row.submittedAt);
    if (values[n + 5] instanceof Date) styles[n + 5] = dateStyle;
    values[n + 6] = numberOrNull(row.rowNumber);
    // Cells edited in the review grid: marked, with the file's text in a note.
    const edits = editsByColumn(row);
    let notes: Map<number, string> | undefined;
    if (edits) {
      notes = new Map();
      for (const [i, original] of edits) {
        if (i >= n) continue;
        styles[i] = editedStyle(styles[i]);
        notes.set(i, editedNote(lang, original));
      }
    }
    await sheet.write(values, styles, notes);
  }
  sheet.commit();
}

/** A to-fix row: the row's cells moved into the template's columns, then the reason and the hint. */
function toFixRow(row: JobRowReport, layout: readonly TemplateColumn[], from: readonly number[], lang: Lang) {
  const values: PlainValue[] = [];
  const styles: (CellStyle | undefined)[] = [];
  const edits = editsByColumn(row);
  let notes: Map<number, string> | undefined;
  layout.forEach((c, i) => {
    const at = from[i] ?? -1;
    const cell = sourceValue(at >= 0 ? row.cells[at] : undefined, c.field.type);
    values.push(cell.value);
    const style = cell.numFmt ? numberStyle(cell.numFmt) : c.text ? textStyle : undefined;
    const original = at >= 0 ? edits?.get(at) : undefined;
    if (original === undefined) styles.push(style);
    else {
      // Edited in the review grid: the same mark and note as on the Results sheet.
      styles.push(editedStyle(style));
      (notes ??= new Map()).set(i, editedNote(lang, original));
    }
  });
  values.push(textOrNull(row.message), textOrNull(row.hint));
  styles.push(wrapStyle, wrapStyle);
  return { values, styles, notes };
}

export async function writeToFixSheet(book: StreamBook, source: JobReportSource, summary: JobSummary, plan: RowsPlan): Promise<void> {
  const { lang } = source;
  const layout = templateLayout(operationOf(summary), lang);
  const from = toFixSources(summary, layout);
  // Dropped back in, the sheet says which operation it is for (cancel and pending share their header).
  markSheet(book, resultsSheetNames.toFix, summary.operation);
  const sheet = SheetStream.open(book, {
    name: resultsSheetNames.toFix,
    headers: [...layout.map((c) => c.header), ...toFixTail(lang)],
    widths: plan.toFixWidths,
    filter: true,
    columnStyles: layout.map((c) => (c.text ? textStyle : undefined)),
    notes: layout.map((c) => c.note),
  });
  for (const row of source.rows()) {
    if (!goesToFix(row)) continue;
    const { values, styles, notes } = toFixRow(row, layout, from, lang);
    await sheet.write(values, styles, notes);
  }
  // The template's dropdowns for closed sets (是/否…), over the rows written and room for more, one range each.
  const last = Math.max(sheet.rows, templateRows) + 1;
  // The streaming worksheet has dataValidations (written on commit) though exceljs's typings omit it.
  addChoiceValidations((sheet.ws as unknown as { dataValidations: ValidationSink }).dataValidations, layout, last, columnLetter);
  sheet.commit();
}
