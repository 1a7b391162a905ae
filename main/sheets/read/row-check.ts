// One data row's own checks, as the reader makes them: each mapped cell normalised (shared/operations
// cells.ts), a problem for every required field without a column, then the operation's row schema over the
// values that parsed. The reader (sheet-rows.ts) runs it on every row; an edit in the review grid
// (revalidate.ts) runs it on the edited cells, so the two can never judge a cell differently.
import { normaliseCell } from '../../../shared/operations/cells';
import type { RawCell } from '../../../shared/operations/cells';
import type { CellProblem, FieldDef, FieldValue, OperationDef } from '../../../shared/operations/types';
import type { ImportColumn } from './types';

export interface RowCheck {
  /** Sheet column indices mapped to a field, left to right. */
  readonly mapped: readonly number[];
  /** The field a column is mapped to (undefined: an unknown column). */
  readonly defs: readonly (FieldDef | undefined)[];
  /** The header as written for a field's column. */
  readonly headerOf: ReadonlyMap<string, string>;
  /** Normalises one mapped cell into `values`, or reports its problem. */
  cell(rowNumber: number, index: number, cell: RawCell, values: Record<string, FieldValue>, found: (p: CellProblem) => void): void;
  /** After the cells: the missing columns' problems, then the row schema's word on the values that parsed. */
  finish(rowNumber: number, values: Readonly<Record<string, FieldValue>>, problemsNow: () => readonly CellProblem[] | null, found: (p: CellProblem) => void): void;
}

/** Required fields (and the order key) that no column names. */
export const missingFieldsOf = (op: OperationDef, columns: readonly ImportColumn[]): FieldDef[] => {
  const placed = new Set(columns.map((c) => c.field));
  return op.fields.filter((f) => (f.required || f.key === op.keyField) && !placed.has(f.key));
};

export function rowCheck(op: OperationDef, columns: readonly ImportColumn[]): RowCheck {
  const defs: (FieldDef | undefined)[] = columns.map((c) => (c.field ? op.fields.find((f) => f.key === c.field) : undefined));
  const mapped = defs.flatMap((d, i) => (d ? [i] : []));
  const headerOf = new Map(columns.filter((c) => c.field).map((c) => [c.field as string, c.header]));
  // A required field with no column at all: every row gets a problem naming it (the person adds the column).
  const missingColumns = missingFieldsOf(op, columns);
  return {
    mapped,
    defs,
    headerOf,
    cell(rowNumber, index, cell, values, found) {
      const def = defs[index];
      if (!def) return;
      const result = normaliseCell(def, cell, columns[index]?.percent === true);
      if ('value' in result) values[def.key] = result.value;
      else if ('problem' in result) found({ row: rowNumber, column: columns[index]?.header ?? def.key, field: def.key, text: result.problem });
    },
    finish(rowNumber, values, problemsNow, found) {
      for (const def of missingColumns) {
        found({ row: rowNumber, column: def.label['zh-CN'], field: def.key, text: { key: 'sheets.problem.missingColumn', params: { column: def.label['zh-CN'] } } });
      }
      // The operation's own row schema has the last word on the values that did parse.
      const checked = op.rowSchema.safeParse(values);
      if (checked.success) return;
      for (const issue of checked.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (!(key in values) || problemsNow()?.some((p) => p.field === key)) continue; // absent: grouping says "required"
        const column = headerOf.get(key) ?? key;
        found({ row: rowNumber, column, field: key, text: { key: 'sheets.problem.invalid', params: { column } } });
      }
    },
  };
}
