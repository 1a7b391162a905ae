// Small walks over a read's rows (ImportRows: packed, each row made as it is reached), for the consumers
// that used to call an array's filter: one row object at a time, dying young, never the whole sheet at once.
import { briefAt } from '../../../shared/row-list';
import type { ImportRow, ImportRows, RowBrief } from './types';

/** How many rows pass (judged by their briefs: a packed row's cells and values are not made). */
export function countRows(rows: ImportRows, pass: (row: RowBrief) => boolean): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (pass(briefAt(rows, i) as RowBrief)) n++;
  return n;
}

/** The rows that pass, in source order (only they are kept). */
export function rowsWhere(rows: ImportRows, pass: (row: ImportRow) => boolean): ImportRow[] {
  const out: ImportRow[] = [];
  for (const row of rows) if (pass(row)) out.push(row);
  return out;
}
