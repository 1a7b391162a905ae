// From the header row down: map columns, sort every row into data / blank / repeated header / totals /
// template example, normalise and validate each data cell, then group rows into orders (shared/operations).
import { mappedField, normaliseHeader, placeHeader } from '../../../shared/operations/headers';
import type { ColumnMapping } from '../../../shared/operations/headers';
import type { CellProblem, FieldDef, FieldValue, OperationDef } from '../../../shared/operations/types';
import type { ReadLimits } from './limits';
import { EventLoopYielder } from './event-loop-yielder';
import { StreamingGroups } from './group-slices';
import type { GroupSink } from './group-slices';
import { isOwnColumn } from './own-columns';
import { OrderStoreBuilder } from './order-store';
import type { OrderStore } from './order-store';
import { RowStoreBuilder } from './row-store';
import type { RowStore } from './row-store';
import { missingFieldsOf, rowCheck } from './row-check';
import { droppedProblem, notDataNotice, rowRules } from './row-rules';
import { SheetLimitError } from './source';
import type { SourceRow } from './source';
import type { ImportColumn, ImportRow, SheetNotice } from './types';
import type { ProgressTeller } from './read-progress';

export const columnLetter = (index: number): string => {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** A row's cells padded with '' to the sheet's width (every row has a cell for every column). */
const padCells = (cells: readonly string[], width: number): readonly string[] =>
  cells.length < width ? [...cells, ...Array<string>(width - cells.length).fill('')] : cells;

/** A % unit at the end of a mapped header (税(%)): its bare numbers are percentages, as placeHeader reads them. */
const percentSuffix = /\((%|百分比|percent)\)$/;

/** Where a header goes: the mapping's word first (a field, or null to ignore it), else the catalog's spellings. */
function placeColumn(op: OperationDef, header: string, mapping: ColumnMapping | null | undefined): { field: FieldDef; percent: boolean } | undefined {
  if (header === '') return undefined;
  const mapped = mappedField(op, mapping, header);
  if (mapped === null) return undefined;
  const place = placeHeader(op, header);
  if (mapped === undefined || place?.field === mapped) return place;
  return { field: mapped, percent: mapped.type === 'rate' && percentSuffix.test(normaliseHeader(header)) };
}

export function mapColumns(op: OperationDef, headers: readonly string[], mapping?: ColumnMapping | null): { columns: ImportColumn[]; notices: SheetNotice[] } {
  const taken = new Set<string>();
  const notices: SheetNotice[] = [];
  const columns = headers.map((header, index): ImportColumn => {
    const place = placeColumn(op, header, mapping);
    const def = place?.field;
    if (def && taken.has(def.key)) notices.push({ row: 0, text: { key: 'sheets.notice.columnTwice', params: { column: header } } });
    const field = def && !taken.has(def.key) ? def.key : null;
    if (field) taken.add(field);
    return { index, header, field, ...(field && place?.percent ? { percent: true } : {}) };
  });
  return { columns, notices };
}

/** Every non-empty header the app could not place, left to right: kept in the results, never sent (cli.md `ignoredColumns`). */
export const ignoredColumnsOf = (columns: readonly ImportColumn[]): string[] =>
  columns.filter((c) => c.field === null && c.header.trim() !== '').map((c) => c.header);


/** What the mapping step is for: headers nothing placed and no mapping set aside (nor the app's own, own-columns.ts), required fields without a column. */
export function unmappedOf(op: OperationDef, columns: readonly ImportColumn[], mapping: ColumnMapping | null | undefined): { columns: string[]; fields: string[] } {
  const setAside = (header: string) => mappedField(op, mapping, header) === null || isOwnColumn(header);
  return { columns: ignoredColumnsOf(columns).filter((h) => !setAside(h)), fields: missingFieldsOf(op, columns).map((f) => f.key) };
}

/** Who watches the rows as they are checked, long before the read ends. */
export interface RowsWatch {
  /** Told the first `firstRowsCount` checked rows (or all, when fewer) as soon as they are, with the columns so far. */
  first?: (columns: readonly ImportColumn[], rows: Omit<ImportRow, 'disposition'>[]) => void;
  /** Told how far the rows are (read-progress.ts). */
  progress?: ProgressTeller;
}

export interface BuildOptions {
  /**
   * Keep every row as a row: one the row rules would drop (blank, totals, example, repeated header) is
   * kept invalid with a problem saying why (row-rules.ts). A follow-up's rows are rows a job stored, each
   * offered again: none may vanish (main/jobs/follow-up.ts).
   */
  everyRow?: boolean;
  /** The sheet's last row as the file says (SourceSheet.lastRow; null while unknown): the packed rows are sized by it. */
  lastRow?: () => number | null;
}

export interface BuiltRows {
  columns: ImportColumn[];
  /** Headers written in the sheet that name no field of the operation (not the letters given to headerless columns). */
  ignoredColumns: string[];
  /** Packed (row-store.ts): a row is made when asked for. */
  rows: RowStore;
  /** Packed (order-store.ts): an order is made when asked for. */
  orders: OrderStore;
  notices: SheetNotice[];
}

const noProblems: readonly CellProblem[] = Object.freeze([]);

/** Rows the reader shows before the whole sheet is read (FirstRows). */
export const firstRowsCount = 100;

export async function buildRows(
  op: OperationDef,
  headerRow: number,
  headers: readonly string[],
  source: AsyncIterable<SourceRow>,
  sheet: string,
  limits: ReadLimits,
  mapping?: ColumnMapping | null,
  watch: RowsWatch = {},
  options: BuildOptions = {},
): Promise<BuiltRows> {
  const { first: onFirst } = watch;
  const { columns, notices } = mapColumns(op, headers, mapping);
  // Before columns past the header row get their letters: those have no header to name.
  const ignoredColumns = ignoredColumnsOf(columns);
  const check = rowCheck(op, columns);
  const { mapped, headerOf } = check;
  const rules = rowRules(op, headers, columns, check);

  // Kept packed (row-store.ts): only the first rows, told before the sheet is done, are kept as objects.
  const { lastRow } = options;
  // The dimension counts rows above the header and blank rows too: a little room to spare, never a copy short. Never past the row limit.
  const expectedRows = lastRow ? () => Math.min(Math.max(0, (lastRow() ?? 0) - headerRow), limits.maxRows) : undefined;
  const store = new RowStoreBuilder(
    mapped.map((i) => columns[i]?.field as string),
    expectedRows,
  );
  const firstRows: Omit<ImportRow, 'disposition'>[] = [];
  // Grouped as they come, most of it before the last row arrives (group-slices.ts); what grouping says of
  // each row goes straight into the store.
  const orders = new OrderStoreBuilder((rowNumber) => store.find(rowNumber));
  const sink: GroupSink = {
    dispose: (dispositions, problems) => store.dispose(dispositions, problems),
    orders: (made) => orders.add(made),
    forgetGrouping: () => {
      store.forgetGrouping();
      orders.forget();
    },
    again: function* () {
      for (let i = 0; i < store.length; i++) yield store.groupInput(i);
    },
  };
  const groups = new StreamingGroups(op, { columnOf: (key) => headerOf.get(key) }, true, sink);
  let width = columns.length;
  let told = !onFirst;
  const tellFirst = () => {
    if (told) return;
    told = true;
    const lettered = [...columns];
    for (let i = columns.length; i < width; i++) lettered.push({ index: i, header: columnLetter(i), field: null });
    onFirst?.(lettered, firstRows.map((r) => ({ ...r, cells: padCells(r.cells, width) })));
  };

  // The rows may come from the read worker faster than they are checked: give the event loop its turns.
  const yielder = new EventLoopYielder();
  // Choosing the sheet and setting up the checks ran in this task, on code still cold: the rows start a task of their own.
  await yielder.giveTurn();
  let seen = 0;
  for await (const row of source) {
    if (yielder.due(++seen)) await yielder.giveTurn();
    if (row.number <= headerRow) continue;
    const texts = row.cells.map((c) => c.text.trim());
    const notData = rules.notData(texts);
    if (notData && !options.everyRow) {
      const notice = notDataNotice(row.number, notData);
      if (notice) notices.push(notice); // blank rows are skipped silently
      continue;
    }
    if (store.length >= limits.maxRows) throw new SheetLimitError('rows', sheet, row.number);
    width = Math.max(width, row.cells.length);

    const values: Record<string, FieldValue> = {};
    // Most rows have no problem: they share one frozen empty list.
    let problems: CellProblem[] | null = null;
    const found = (p: CellProblem) => (problems ??= []).push(p);
    for (const i of mapped) {
      const cell = row.cells[i];
      if (cell) check.cell(row.number, i, cell, values, found);
    }
    check.finish(row.number, values, () => problems, found);
    if (notData) found(droppedProblem(op, columns, rules, row.number, texts, notData));
    const own = problems ?? noProblems;
    const count = store.add(row.number, texts, values, own) + 1;
    groups.add({ rowNumber: row.number, values, problems: own });
    if (firstRows.length < firstRowsCount) firstRows.push({ rowNumber: row.number, cells: texts, values, problems: own });
    watch.progress?.row(count, problems);
    if (count === firstRowsCount) {
      tellFirst();
      watch.progress?.report(count);
    }
  }
  tellFirst();
  watch.progress?.report(store.length);

  for (let i = columns.length; i < width; i++) columns.push({ index: i, header: columnLetter(i), field: null });
  await groups.finish(yielder);
  const rows = store.finish(width);
  return { columns, ignoredColumns, rows, orders: orders.finish(rows, op), notices };
}
