// Grouping 100,000 rows into orders takes longer than the main thread may stall in one go, and grouping
// is the catalog's pure, synchronous work (shared/operations/grouping.ts). Orders never share rows: the
// rows of one key form one order (or one list entry and its duplicates), whatever else the sheet holds.
// So the rows are handed to groupRows a few thousand at a time, each key's rows together and the keys in
// the order they first appear, with a turn of the event loop between slices: the same orders, in the same
// order, with the same dispositions and problems as one call over all rows.
import { groupRows } from '../../../shared/operations/grouping';
import type { GroupInputRow, GroupOptions, Grouped } from '../../../shared/operations/grouping';
import type { OperationDef } from '../../../shared/operations/types';
import { EventLoopYielder } from './event-loop-yielder';

/** Rows per groupRows call: a few milliseconds of work. */
const sliceRows = 2000;

export async function groupInSlices(op: OperationDef, rows: readonly GroupInputRow[], options: GroupOptions, yielder = new EventLoopYielder()): Promise<Grouped> {
  // Rows by key, keys in order of first appearance; rows without a usable key stand alone (each is invalid).
  const byKey = new Map<unknown, GroupInputRow[]>();
  const alone: GroupInputRow[][] = [];
  for (const row of rows) {
    const key = row.values[op.keyField];
    if (typeof key !== 'string' || key === '') {
      alone.push([row]);
      continue;
    }
    const members = byKey.get(key);
    if (members) members.push(row);
    else byKey.set(key, [row]);
  }
  const result: Grouped = { orders: [], dispositions: new Map(), problems: [] };
  let slice: GroupInputRow[] = [];
  const flush = async () => {
    if (slice.length === 0) return;
    const part = groupRows(op, slice, options);
    for (const order of part.orders) result.orders.push(order);
    for (const [row, disposition] of part.dispositions) result.dispositions.set(row, disposition);
    for (const problem of part.problems) result.problems.push(problem);
    slice = [];
    await yielder.giveTurn();
  };
  for (const members of [...byKey.values(), ...alone]) {
    for (const row of members) slice.push(row);
    if (slice.length >= sliceRows) await flush();
  }
  await flush();
  // Stable: a row's problems keep the order groupRows gave them (one row is never in two slices).
  result.problems.sort((a, b) => a.row - b.row);
  return result;
}
