// From the header row down: map columns, sort every row into data / blank / repeated header / totals /
// template example, normalise and validate each data cell, then group rows into orders (shared/operations).
import { matchHeader } from '../../shared/operations/headers';
import { normaliseCell } from '../../shared/operations/cells';
import { groupRows } from '../../shared/operations/grouping';
import type { GroupInputRow } from '../../shared/operations/grouping';
import type { CellProblem, FieldDef, FieldValue, OperationDef, OrderDraft } from '../../shared/operations/types';
import type { Lang } from '../../shared/i18n';
import type { ReadLimits } from './limits';
import { SheetLimitError } from './source';
import type { SourceRow } from './source';
import type { ImportColumn, ImportRow, SheetNotice } from './types';

/** First non-empty cell of a totals line. */
const totalsMarker = /^(合计|总计|小计|共计|總計|合計|total|subtotal|sum)/i;
/** First non-empty cell of the template's example row (see template.ts). */
export const exampleMarker = /^(示例|example)/i;

export const columnLetter = (index: number): string => {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export function mapColumns(op: OperationDef, headers: readonly string[]): { columns: ImportColumn[]; notices: SheetNotice[] } {
  const taken = new Set<string>();
  const notices: SheetNotice[] = [];
  const columns = headers.map((header, index): ImportColumn => {
    const def = header === '' ? undefined : matchHeader(op, header);
    if (def && taken.has(def.key)) notices.push({ row: 0, text: { key: 'sheets.notice.columnTwice', params: { column: header } } });
    const field = def && !taken.has(def.key) ? def.key : null;
    if (field) taken.add(field);
    return { index, header, field };
  });
  return { columns, notices };
}

export interface BuiltRows {
  columns: ImportColumn[];
  rows: ImportRow[];
  orders: OrderDraft[];
  notices: SheetNotice[];
}

export async function buildRows(
  op: OperationDef,
  headerRow: number,
  headers: readonly string[],
  source: AsyncIterable<SourceRow>,
  sheet: string,
  limits: ReadLimits,
  _lang: Lang,
): Promise<BuiltRows> {
  const { columns, notices } = mapColumns(op, headers);
  const defs: (FieldDef | undefined)[] = columns.map((c) => (c.field ? op.fields.find((f) => f.key === c.field) : undefined));
  const mappedCount = defs.filter(Boolean).length;
  const headerOf = new Map(columns.filter((c) => c.field).map((c) => [c.field as string, c.header]));
  // A required field with no column at all: every row gets a problem naming it (the person adds the column).
  const missingColumns = op.fields.filter((f) => (f.required || f.key === op.keyField) && !headerOf.has(f.key));

  // A repeated header row: at least half the mapped columns hold their header again. Exact text is checked
  // first; the (costly) normalised match runs only when the key column already reads like a header.
  const keyIndex = columns.findIndex((c) => c.field === op.keyField);
  const looksLikeHeader = (texts: string[]): boolean => {
    const need = Math.max(1, Math.ceil(mappedCount / 2));
    if (defs.filter((d, i) => d && texts[i] === headers[i]).length >= need) return true;
    const keyText = keyIndex >= 0 ? texts[keyIndex] : undefined;
    if (!keyText || matchHeader(op, keyText)?.key !== op.keyField) return false;
    return defs.filter((d, i) => d && texts[i] && matchHeader(op, texts[i] as string)?.key === d.key).length >= need;
  };

  const rows: { rowNumber: number; cells: string[]; values: Record<string, FieldValue>; problems: CellProblem[] }[] = [];
  let width = columns.length;

  for await (const row of source) {
    if (row.number <= headerRow) continue;
    const texts = row.cells.map((c) => c.text.trim());
    const first = texts.find((s) => s !== '');
    if (first === undefined) continue; // blank rows are skipped silently
    const firstBare = first.normalize('NFKC').replace(/\s+/g, '');
    if (totalsMarker.test(firstBare)) {
      notices.push({ row: row.number, text: { key: 'sheets.notice.totals', params: { row: row.number, text: first } } });
      continue;
    }
    if (exampleMarker.test(firstBare)) {
      notices.push({ row: row.number, text: { key: 'sheets.notice.example', params: { row: row.number } } });
      continue;
    }
    if (mappedCount > 0 && looksLikeHeader(texts)) {
      notices.push({ row: row.number, text: { key: 'sheets.notice.repeatedHeader', params: { row: row.number } } });
      continue;
    }
    if (rows.length >= limits.maxRows) throw new SheetLimitError('rows', sheet, row.number);
    width = Math.max(width, row.cells.length);

    const values: Record<string, FieldValue> = {};
    const problems: CellProblem[] = [];
    defs.forEach((def, i) => {
      if (!def) return;
      const cell = row.cells[i];
      if (!cell) return;
      const result = normaliseCell(def, cell);
      if ('value' in result) values[def.key] = result.value;
      else if ('problem' in result) problems.push({ row: row.number, column: columns[i]?.header ?? def.key, field: def.key, text: result.problem });
    });
    for (const def of missingColumns) {
      problems.push({ row: row.number, column: def.label['zh-CN'], field: def.key, text: { key: 'sheets.problem.missingColumn', params: { column: def.label['zh-CN'] } } });
    }
    // The operation's own row schema has the last word on the values that did parse.
    const checked = op.rowSchema.safeParse(values);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (!(key in values) || problems.some((p) => p.field === key)) continue; // absent: grouping says "required"
        const column = headerOf.get(key) ?? key;
        problems.push({ row: row.number, column, field: key, text: { key: 'sheets.problem.invalid', params: { column } } });
      }
    }
    rows.push({ rowNumber: row.number, cells: texts, values, problems });
  }

  for (let i = columns.length; i < width; i++) columns.push({ index: i, header: columnLetter(i), field: null });
  const inputs: GroupInputRow[] = rows;
  const grouped = groupRows(op, inputs, { columnOf: (key) => headerOf.get(key) });
  const extra = new Map<number, CellProblem[]>();
  for (const p of grouped.problems) {
    const list = extra.get(p.row);
    if (list) list.push(p);
    else extra.set(p.row, [p]);
  }
  const importRows: ImportRow[] = rows.map((r) => {
    const cells = r.cells.length < width ? [...r.cells, ...Array<string>(width - r.cells.length).fill('')] : r.cells;
    return {
      rowNumber: r.rowNumber,
      cells,
      values: r.values,
      problems: [...r.problems, ...(extra.get(r.rowNumber) ?? [])],
      disposition: grouped.dispositions.get(r.rowNumber) ?? { kind: 'invalid' },
    };
  });
  return { columns, rows: importRows, orders: grouped.orders, notices };
}
