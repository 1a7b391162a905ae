// The review grid's views of a read's rows (all, valid, invalid, duplicate; in sheet order or each order's
// rows together), served a page at a time. A read keeps its rows packed (main/sheets/read/row-store.ts), so
// a view is a list of row indices, worked out once per sheet and kept: a page makes only its own rows.
import type { RowFilter } from '../../shared/contract';
import { getOperation } from '../../shared/operations/catalog';
import type { CellProblem } from '../../shared/operations/types';
import { briefAt } from '../../shared/row-list';
import type { ImportRow, RowBrief, SheetImport } from '../sheets/read/types';

/** Rows of a view, by index into `sheet.rows`; their numbers beside them, to find a row without making them all. */
export interface RowView {
  readonly indices: Uint32Array;
  readonly rowNumbers: Uint32Array;
}

/** The order a row belongs to: its order's key when valid, else its own key field's value if it parsed. */
export const orderKeyOf = (sheet: SheetImport, row: RowBrief, whole: () => ImportRow | undefined = () => row as ImportRow): string | null => {
  if (row.disposition.kind === 'valid') return row.disposition.orderKey;
  const field = getOperation(sheet.operation)?.keyField;
  const value = field ? whole()?.values[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
};

/** Every row's index in view order: each order's rows together, orders in order of first appearance; keyless rows stay where they were. */
function groupedOrder(sheet: SheetImport): number[] {
  const buckets = new Map<string, number[]>();
  const list: (number | number[])[] = [];
  for (let i = 0; i < sheet.rows.length; i++) {
    // Only a row that is not valid is made whole: its key is in its values.
    const key = orderKeyOf(sheet, briefAt(sheet.rows, i) as RowBrief, () => sheet.rows.at(i));
    if (key === null) list.push(i);
    else {
      let bucket = buckets.get(key);
      if (!bucket) buckets.set(key, (bucket = []));
      if (bucket.length === 0) list.push(bucket);
      bucket.push(i);
    }
  }
  return list.flat();
}

const views = new WeakMap<SheetImport, Map<string, RowView>>();

/** The view's rows (cached per sheet: an edit makes a new sheet, and so new views). */
export function rowView(sheet: SheetImport, filter: RowFilter, group: boolean): RowView {
  let kept = views.get(sheet);
  if (!kept) views.set(sheet, (kept = new Map()));
  const name = `${filter}:${group ? 'grouped' : 'sheet'}`;
  const cached = kept.get(name);
  if (cached) return cached;
  const order = group ? groupedOrder(sheet) : null;
  const indices: number[] = [];
  const rowNumbers: number[] = [];
  const count = order ? order.length : sheet.rows.length;
  for (let n = 0; n < count; n++) {
    const i = order ? (order[n] as number) : n;
    const row = briefAt(sheet.rows, i) as RowBrief;
    if (filter !== 'all' && row.disposition.kind !== filter) continue;
    indices.push(i);
    rowNumbers.push(row.rowNumber);
  }
  const view = { indices: Uint32Array.from(indices), rowNumbers: Uint32Array.from(rowNumbers) };
  kept.set(name, view);
  return view;
}

/** The rows of one page of a view. */
export function pageOf(sheet: SheetImport, view: RowView, offset: number, limit: number): ImportRow[] {
  const out: ImportRow[] = [];
  const end = Math.min(view.indices.length, offset + limit);
  for (let n = Math.max(0, offset); n < end; n++) out.push(sheet.rows.at(view.indices[n] as number) as ImportRow);
  return out;
}

const problemLists = new WeakMap<SheetImport, CellProblem[]>();

/** Every row's problems, in row order (cached per sheet). */
export function problemsOf(sheet: SheetImport): readonly CellProblem[] {
  const cached = problemLists.get(sheet);
  if (cached) return cached;
  const problems: CellProblem[] = [];
  for (let i = 0; i < sheet.rows.length; i++) for (const p of (briefAt(sheet.rows, i) as RowBrief).problems) problems.push(p);
  problemLists.set(sheet, problems);
  return problems;
}
