// Cells edited in the review grid, judged at once by the reader's own rules: the edited cells through
// rowCheck (the reader's normalise + row schema), then the order(s) the row belongs to, before and after
// the edit, through the catalog's groupRows (conflicts, missing values, checkLines, duplicates). Only those
// orders' rows are looked at: an edit in a 100,000-row sheet costs one order, not the sheet.
// The file is never changed; every edit remembers the text the file has, and setting a cell back to that
// text restores exactly what the reader made of it (undo is exact, even for typed number or date cells).
import { textCell } from './raw-cell';
import { briefAt, PlacedList, RowsWithChanges } from '../../../shared/row-list';
import { groupRows } from '../../../shared/operations/grouping';
import type { GroupInputRow } from '../../../shared/operations/grouping';
import { getOperation } from '../../../shared/operations/catalog';
import type { CellProblem, FieldValue, OperationDef, OrderDraft } from '../../../shared/operations/types';
import { rowCheck, type RowCheck } from './row-check';
import { droppedProblem, isNotDataProblem, rowRules, type RowRules } from './row-rules';
import type { CellEdit, ImportOrders, ImportRow, ImportRows, OrderBrief, RowBrief, SheetImport } from './types';

/** A cell to set: the sheet row number, the 0-based sheet column, the new text. */
export interface CellChange {
  rowNumber: number;
  column: number;
  value: string;
}

export type EditRefusal = 'unknown-row' | 'unknown-column';

const ownOf = (row: ImportRow): readonly CellProblem[] => row.ownProblems ?? row.problems;
const asKey = (v: FieldValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);
const keyOf = (op: OperationDef, row: ImportRow): string | null => asKey(row.values[op.keyField]);

/** What a packed store (row-store.ts) answers without making the row; a plain array of rows is asked row by row. */
interface FastRows extends ImportRows {
  find(rowNumber: number): number;
  valueAt(i: number, key: string): FieldValue | undefined;
}
const isFast = (rows: ImportRows): rows is FastRows => 'find' in rows && 'valueAt' in rows;


export class SheetEditor {
  readonly #op: OperationDef;
  readonly #check: RowCheck;
  /** A follow-up's draft (`everyRow`): an edited row that is no longer data stays a row, invalid, saying why. */
  readonly #rules: RowRules | null;
  /** The rows as read (never changed), and the rows changed since, by index (the rest stand as read). */
  readonly #original: ImportRows;
  readonly #changed = new Map<number, ImportRow>();
  readonly #rows: RowsWithChanges<ImportRow, RowBrief>;
  /** A row's index by its number. */
  readonly #indexOf: (rowNumber: number) => number | undefined;
  /** Row indices by their current key, in source order; built at the first edit. */
  #byKey: Map<string, number[]> | null = null;
  /** The orders as read (packed: never made whole here, but the ones an edit regroups). */
  readonly #originalOrders: ImportOrders;
  /** Each valid order's first row number by its key, as the orders stand now. */
  readonly #firstRowOf = new Map<string, number>();
  /** The orders as they stand now, in the order their first row appears (as the reader lists them): an index of an order as read, or an order regrouped. */
  readonly #orderList: (number | OrderDraft)[];
  /** The same list read as orders (a live view: #orderList changes under it). */
  readonly #orderView: PlacedList<OrderDraft, OrderBrief>;
  #current: SheetImport;
  #edited = 0;

  constructor(readonly sheet: SheetImport) {
    const op = getOperation(sheet.operation);
    if (!op) throw new Error(`the read names an operation the catalog lacks: ${sheet.operation}`);
    this.#op = op;
    this.#check = rowCheck(op, sheet.columns);
    this.#rules = sheet.everyRow ? rowRules(op, sheet.columns.map((c) => c.header), sheet.columns, this.#check) : null;
    this.#original = sheet.rows;
    this.#rows = new RowsWithChanges(sheet.rows, this.#changed);
    this.#indexOf = indexOfRows(sheet.rows);
    this.#originalOrders = sheet.orders;
    this.#orderList = [];
    this.#orderView = new PlacedList(sheet.orders, this.#orderList);
    for (let i = 0; i < sheet.orders.length; i++) {
      const { key, rows } = briefAt(sheet.orders, i) as OrderBrief;
      this.#firstRowOf.set(key, rows[0] ?? 0);
      this.#orderList.push(i);
    }
    this.#current = sheet;
  }

  /** The sheet with every edit applied: what the review shows and what a job is made of. */
  current(): SheetImport {
    return this.#current;
  }

  /** Edited cells now (a cell set back to the file's text is not edited). */
  get editedCells(): number {
    return this.#edited;
  }

  /** Sets cells and revalidates their rows' orders; returns the rows whose state changed, or why it could not. */
  set(changes: readonly CellChange[]): { rows: ImportRow[] } | { refused: EditRefusal; change: CellChange } {
    const touched = new Set<number>();
    const keys = new Set<string>();
    for (const change of changes) {
      const at = this.#indexOf(change.rowNumber);
      if (at === undefined) return { refused: 'unknown-row', change };
      if (!Number.isInteger(change.column) || change.column < 0 || change.column >= this.sheet.columns.length) return { refused: 'unknown-column', change };
    }
    const byKey = this.#keys();
    for (const change of changes) {
      const at = this.#indexOf(change.rowNumber) as number;
      const before = this.#rows.at(at) as ImportRow;
      const oldKey = keyOf(this.#op, before);
      if (oldKey !== null) keys.add(oldKey);
      const row = this.#recheck(at, change.column, change.value.trim());
      this.#changed.set(at, row);
      touched.add(at);
      const newKey = keyOf(this.#op, row);
      if (newKey !== oldKey) {
        if (oldKey !== null) byKey.set(oldKey, (byKey.get(oldKey) ?? []).filter((i) => i !== at));
        if (newKey !== null) byKey.set(newKey, [...(byKey.get(newKey) ?? []), at].sort((a, b) => a - b));
      }
      if (newKey !== null) keys.add(newKey);
    }
    for (const key of keys) for (const i of byKey.get(key) ?? []) touched.add(i);
    const changed = this.#regroup([...touched].sort((a, b) => a - b), keys);
    this.#current = { ...this.sheet, rows: new RowsWithChanges(this.#original, this.#changed), orders: new PlacedList(this.#originalOrders, [...this.#orderList]) };
    return { rows: changed };
  }

  #keys(): Map<string, number[]> {
    if (this.#byKey) return this.#byKey;
    const byKey = new Map<string, number[]>();
    const rows = this.#original;
    const field = this.#op.keyField;
    // Packed rows answer a key without making the row: the first edit of a 100,000-row sheet stays quick.
    const keyAt = (i: number) => this.#changed.has(i) || !isFast(rows) ? keyOf(this.#op, this.#rows.at(i) as ImportRow) : asKey(rows.valueAt(i, field));
    for (let i = 0; i < rows.length; i++) {
      const key = keyAt(i);
      if (key === null) continue;
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
    return (this.#byKey = byKey);
  }

  /** One cell set: the row's values and own problems, from what the reader made of the unedited cells. */
  #recheck(at: number, column: number, value: string): ImportRow {
    const original = this.#original.at(at) as ImportRow;
    const now = this.#rows.at(at) as ImportRow;
    const originalText = original.cells[column] ?? '';
    const edits = new Map<number, CellEdit>((now.edits ?? []).map((e) => [e.column, e]));
    const wasEdited = edits.has(column);
    if (value === originalText) edits.delete(column);
    else edits.set(column, { column, original: originalText });
    this.#edited += (edits.has(column) ? 1 : 0) - (wasEdited ? 1 : 0);
    const cells = [...now.cells];
    cells[column] = value;

    // Fields of edited cells are judged again; the others keep the reader's verdict (values and cell problems).
    const editedFields = new Set<string>();
    for (const e of edits.values()) {
      const def = this.#check.defs[e.column];
      if (def) editedFields.add(def.key);
    }
    const values: Record<string, FieldValue> = {};
    for (const [k, v] of Object.entries(original.values)) if (!editedFields.has(k)) values[k] = v;
    // Kept: the cell problems of unedited mapped cells (a cell that failed to parse has no value). Missing
    // columns and the row schema's problems are made again by finish(), as the reader made them.
    let problems: CellProblem[] | null = ownOf(original).filter((p) => !editedFields.has(p.field) && !(p.field in original.values) && this.#check.headerOf.has(p.field) && !isNotDataProblem(p));
    const found = (p: CellProblem) => (problems ??= []).push(p);
    for (const e of edits.values()) {
      if (this.#check.defs[e.column]) this.#check.cell(original.rowNumber, e.column, textCell(cells[e.column] ?? ''), values, found);
    }
    this.#check.finish(original.rowNumber, values, () => problems, found);
    const notData = this.#rules?.notData(cells) ?? null;
    if (notData && this.#rules) found(droppedProblem(this.#op, this.sheet.columns, this.#rules, original.rowNumber, cells, notData));
    const kept = [...edits.values()].sort((a, b) => a.column - b.column);
    // Grouping's problems and the disposition are made again by #regroup.
    return { rowNumber: now.rowNumber, cells, values, problems, disposition: now.disposition, ...(kept.length > 0 ? { edits: kept } : {}) };
  }

  /** Regroups the touched rows' orders with the catalog's groupRows; returns the rows now differing. */
  #regroup(indices: readonly number[], keys: ReadonlySet<string>): ImportRow[] {
    const inputs: GroupInputRow[] = indices.map((i) => {
      const row = this.#rows.at(i) as ImportRow;
      return { rowNumber: row.rowNumber, values: row.values, problems: ownOf(row) };
    });
    const grouped = groupRows(this.#op, inputs, { columnOf: (key) => this.#check.headerOf.get(key) });
    for (const key of keys) {
      const firstRow = this.#firstRowOf.get(key);
      if (firstRow === undefined) continue;
      this.#firstRowOf.delete(key);
      this.#orderList.splice(this.#orderAt(firstRow), 1);
    }
    for (const order of grouped.orders) {
      this.#firstRowOf.set(order.key, order.rows[0] ?? 0);
      this.#orderList.splice(this.#orderAt(order.rows[0] ?? 0), 0, order);
    }
    const extra = new Map<number, CellProblem[]>();
    for (const p of grouped.problems) {
      const list = extra.get(p.row);
      if (list) list.push(p);
      else extra.set(p.row, [p]);
    }
    return indices.map((i) => {
      const row = this.#rows.at(i) as ImportRow;
      const own = ownOf(row);
      const more = extra.get(row.rowNumber);
      const next: ImportRow = {
        rowNumber: row.rowNumber,
        cells: row.cells,
        values: row.values,
        ...(row.edits ? { edits: row.edits } : {}),
        problems: more ? [...own, ...more] : own,
        ...(more ? { ownProblems: own } : {}),
        disposition: grouped.dispositions.get(row.rowNumber) ?? { kind: 'invalid' },
      };
      this.#changed.set(i, next);
      return next;
    });
  }

  /** Where the order whose first row is `rowNumber` sits (or would sit) in the list: rows are in source order. */
  #orderAt(rowNumber: number): number {
    const first = (o: number) => this.#indexOf((this.#orderView.brief(o) as OrderBrief).rows[0] ?? 0) ?? 0;
    const at = this.#indexOf(rowNumber) ?? 0;
    let lo = 0;
    let hi = this.#orderList.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (first(mid) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A row's index by its number: the packed store finds it; a plain array of rows is indexed once. */
function indexOfRows(rows: ImportRows): (rowNumber: number) => number | undefined {
  if (isFast(rows)) {
    return (rowNumber) => {
      const i = rows.find(rowNumber);
      return i < 0 ? undefined : i;
    };
  }
  const index = new Map<number, number>();
  let i = 0;
  for (const row of rows) index.set(row.rowNumber, i++);
  return (rowNumber) => index.get(rowNumber);
}
