// Rows → orders, per spreadsheets.md "Rows to orders". Lists: one number per row, a repeated number
// is submitted once (the later row is a duplicate of the first). Creates: rows sharing the key
// (outer_no) form one order wherever they sit; order-level columns may be filled on the first row only
// or repeated, but must not disagree; an order with any invalid row is not submitted at all.
import type { LocalizedText } from '../i18n';
import { isBlocking } from './types';
import type { CellProblem, FieldDef, FieldValue, OperationDef, OrderDraft, RowDisposition } from './types';

/** What grouping needs to know of a row's own problems: which field each one is about, and whether it blocks. */
export type CellProblemLike = Pick<CellProblem, 'row' | 'field' | 'severity'>;

export interface GroupInputRow {
  rowNumber: number;
  /** Normalised values by field key (only cells that parsed and were not empty). */
  values: Readonly<Record<string, FieldValue>>;
  /** The row's own cell problems (from normaliseCell); any error among them makes the row invalid. */
  problems: readonly CellProblemLike[];
}

export interface GroupOptions {
  /** The header as written for a field's column; defaults to the field's Chinese label (column missing). */
  columnOf?: (fieldKey: string) => string | undefined;
}

export interface Grouped {
  /** Orders to submit, in the order their first row appears. */
  orders: OrderDraft[];
  /** Exactly one disposition per input row. */
  dispositions: Map<number, RowDisposition>;
  /** Problems grouping found (missing required values, conflicts, poisoned orders, duplicates, the operation's line checks), in row order; warnings among them. */
  problems: CellProblem[];
}

const same = (a: FieldValue, b: FieldValue): boolean => {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  const x: readonly string[] = a;
  const y: readonly string[] = b;
  return x.length === y.length && x.every((v, i) => v === y[i]);
};
const shown = (v: FieldValue): string => (Array.isArray(v) ? v.join(',') : String(v));

export function groupRows(op: OperationDef, rows: readonly GroupInputRow[], options: GroupOptions = {}): Grouped {
  const fieldOf = (key: string): FieldDef | undefined => op.fields.find((f) => f.key === key);
  const columnOf = (key: string): string => options.columnOf?.(key) ?? fieldOf(key)?.label['zh-CN'] ?? key;
  const problemAt = (row: number, field: string, text: LocalizedText): CellProblem => ({ row, column: columnOf(field), field, text });

  const problems: CellProblem[] = [];
  const dispositions = new Map<number, RowDisposition>();
  const groups = new Map<string, GroupInputRow[]>();
  const firstRowOf = new Map<string, number>();

  for (const row of rows) {
    const key = row.values[op.keyField];
    if (typeof key !== 'string' || key === '') {
      // A key cell that failed to parse already carries its own problem; don't say "empty" on top of it.
      if (!row.problems.some((p) => p.field === op.keyField)) {
        problems.push(problemAt(row.rowNumber, op.keyField, { key: 'operations.row.missingRequired', params: { column: columnOf(op.keyField) } }));
      }
      dispositions.set(row.rowNumber, { kind: 'invalid' });
      continue;
    }
    const first = firstRowOf.get(key);
    if (op.grouping === 'one-per-row' && first !== undefined) {
      dispositions.set(row.rowNumber, { kind: 'duplicate', ofRow: first });
      problems.push(problemAt(row.rowNumber, op.keyField, { key: 'operations.row.duplicate', params: { row: first, key } }));
      continue;
    }
    if (first === undefined) firstRowOf.set(key, row.rowNumber);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }

  const orders: OrderDraft[] = [];
  const scopes: FieldScopes = { order: orderFieldsOf(op), line: lineFieldsOf(op) };
  for (const [key, members] of groups) {
    const found = checkOrder(op, scopes, key, members, problemAt, columnOf);
    for (const p of found.problems) problems.push(p);
    const errors = found.problems.filter(isBlocking);
    const flagged = errors.length > 0 ? new Set(errors.map((p) => p.row)) : null;
    const bad = members.filter((r) => (r.problems.length > 0 && r.problems.some(isBlocking)) || (flagged !== null && flagged.has(r.rowNumber)));
    if (bad.length === 0) {
      for (const r of members) dispositions.set(r.rowNumber, { kind: 'valid', orderKey: key });
      orders.push({ key, rows: members.map((r) => r.rowNumber), header: found.header, lines: found.lines });
      continue;
    }
    const badRows = bad.map((r) => r.rowNumber).join(', ');
    for (const r of members) {
      dispositions.set(r.rowNumber, { kind: 'invalid' });
      // Every row says why it is not sent, even when its own cells are fine.
      if (!bad.includes(r)) {
        problems.push(problemAt(r.rowNumber, op.keyField, { key: 'operations.order.otherRowInvalid', params: { key, rows: badRows } }));
      }
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { orders, dispositions, problems };
}

type ProblemAt = (row: number, field: string, text: LocalizedText) => CellProblem;

/** The operation's order-level fields (without the key) and line-level fields, found once per grouping. */
interface FieldScopes {
  order: readonly FieldDef[];
  line: readonly FieldDef[];
}

/** Merges an order's header, collects its lines, and finds missing and conflicting values. */
function checkOrder(op: OperationDef, scopes: FieldScopes, key: string, members: readonly GroupInputRow[], problemAt: ProblemAt, columnOf: (field: string) => string) {
  const missing = (field: string): LocalizedText => ({ key: 'operations.row.missingRequired', params: { column: columnOf(field) } });
  const problems: CellProblem[] = [];
  const header: Record<string, FieldValue> = { [op.keyField]: key };
  const hasOwnProblem = (r: GroupInputRow, field: string) => r.problems.length > 0 && r.problems.some((p) => p.field === field);
  const [firstRow] = members;

  for (const def of scopes.order) {
    // Usually every row agrees (or only the first is filled): one pass finds the value; the lists only on a conflict.
    let first: FieldValue | undefined;
    let conflict = false;
    for (const r of members) {
      const v = r.values[def.key];
      if (v === undefined) continue;
      if (first === undefined) first = v;
      else if (!same(first, v)) conflict = true;
    }
    if (conflict) {
      const filled = members.filter((r) => r.values[def.key] !== undefined);
      const distinct: FieldValue[] = [];
      for (const r of filled) {
        const v = r.values[def.key] as FieldValue;
        if (!distinct.some((d) => same(d, v))) distinct.push(v);
      }
      const values = distinct.map(shown).join(' / ');
      for (const r of filled) {
        problems.push(problemAt(r.rowNumber, def.key, { key: 'operations.order.conflict', params: { key, column: columnOf(def.key), values } }));
      }
    } else if (first !== undefined) {
      header[def.key] = first;
    } else if (def.required && firstRow && !members.some((r) => hasOwnProblem(r, def.key))) {
      problems.push(problemAt(firstRow.rowNumber, def.key, missing(def.key)));
    }
  }

  for (const r of members) {
    for (const def of scopes.line) {
      if (def.required && r.values[def.key] === undefined && !hasOwnProblem(r, def.key)) problems.push(problemAt(r.rowNumber, def.key, missing(def.key)));
    }
  }
  if (op.checkLines && members.length > 1) {
    for (const f of op.checkLines(key, members.map((r) => ({ row: r.rowNumber, values: r.values })))) {
      const p = problemAt(f.row, f.field, f.text);
      problems.push(f.severity === 'warning' ? { ...p, severity: 'warning' } : p);
    }
  }
  return { problems, header, lines: orderLines(op, members.map((r) => r.values)) };
}

/**
 * An order's lines: each member row's line-level values, in row order (none for list operations).
 * Exported so that whoever holds the rows' values can rebuild an order's lines exactly as grouping made them.
 */
export function orderLines(op: OperationDef, rows: readonly Readonly<Record<string, FieldValue>>[]): Record<string, FieldValue>[] {
  const lineFields = lineFieldsOf(op);
  if (lineFields.length === 0) return [];
  return rows.map((values) => {
    const line: Record<string, FieldValue> = {};
    for (const def of lineFields) {
      const v = values[def.key];
      if (v !== undefined) line[def.key] = v;
    }
    return line;
  });
}

/**
 * A valid order's header from its member rows' values: the key, and each order-level field's value from
 * the first row that has it (a valid order's rows never disagree). Equals the header grouping made.
 */
export function validOrderHeader(op: OperationDef, key: string, rows: readonly Readonly<Record<string, FieldValue>>[]): Record<string, FieldValue> {
  const header: Record<string, FieldValue> = { [op.keyField]: key };
  for (const def of orderFieldsOf(op)) {
    for (const values of rows) {
      const v = values[def.key];
      if (v !== undefined) {
        header[def.key] = v;
        break;
      }
    }
  }
  return header;
}

const orderFieldCache = new WeakMap<OperationDef, readonly FieldDef[]>();
function orderFieldsOf(op: OperationDef): readonly FieldDef[] {
  let fields = orderFieldCache.get(op);
  if (!fields) {
    fields = op.fields.filter((f) => f.scope === 'order' && f.key !== op.keyField);
    orderFieldCache.set(op, fields);
  }
  return fields;
}

const lineFieldCache = new WeakMap<OperationDef, readonly FieldDef[]>();
function lineFieldsOf(op: OperationDef): readonly FieldDef[] {
  let fields = lineFieldCache.get(op);
  if (!fields) {
    fields = op.fields.filter((f) => f.scope === 'line');
    lineFieldCache.set(op, fields);
  }
  return fields;
}

