// Grouping 100,000 rows into orders takes longer than the main thread may stall in one go, and grouping
// is the catalog's pure, synchronous work (shared/operations/grouping.ts). Orders never share rows: the
// rows of one key form one order (or one list entry and its duplicates), whatever else the sheet holds.
// So the rows are handed to groupRows a few thousand at a time, each key's rows together and the keys in
// the order they first appear (keyless rows, each alone, after them), with a turn of the event loop between
// slices: the same orders, in the same order, with the same dispositions and problems as one call over all rows.
//
// While a sheet streams in, most of it can be grouped before its last row arrives (`eager`): a sheet lists
// an order's rows together, so once a key gives way to another its rows are usually complete, and groups of
// such keys are grouped as they pile up — instead of all at the end, after the last row, where the clerk
// waits for it. Should a key grouped already come back further down, those results are dropped and the
// whole sheet is grouped at the end as before: never a different answer, at worst the work done twice.
import { groupRows } from '../../../shared/operations/grouping';
import type { GroupInputRow, GroupOptions, Grouped } from '../../../shared/operations/grouping';
import type { CellProblem, OperationDef, OrderDraft, RowDisposition } from '../../../shared/operations/types';
import { EventLoopYielder } from './event-loop-yielder';

/** Rows per groupRows call: a few milliseconds of work warm (≈ 6 µs a row), still within a slice while the code is cold. */
const sliceRows = 500;

const emptyGrouped = (): Grouped => ({ orders: [], dispositions: new Map(), problems: [] });

/**
 * Where grouping's word on each row goes as it comes, instead of into one Map for the whole sheet (the
 * reader's packed rows, row-store.ts): then the rows of a key already grouped need not be kept either.
 */
export interface GroupSink {
  dispose(dispositions: ReadonlyMap<number, RowDisposition>, problems: readonly CellProblem[]): void;
  /** Orders as they are made, in the order one groupRows call over all rows would list them (kept packed: order-store.ts). */
  orders(orders: readonly OrderDraft[]): void;
  /** Everything told so far is void: the sheet is grouped again from `again`. */
  forgetGrouping(): void;
  /** Every row again, in sheet order. */
  again(): Iterable<GroupInputRow>;
}

function groupInto(result: Grouped, op: OperationDef, slice: readonly GroupInputRow[], options: GroupOptions, sink?: GroupSink): void {
  const part = groupRows(op, slice, options);
  if (sink) {
    sink.orders(part.orders);
    return sink.dispose(part.dispositions, part.problems);
  }
  for (const order of part.orders) result.orders.push(order);
  for (const [row, disposition] of part.dispositions) result.dispositions.set(row, disposition);
  for (const problem of part.problems) result.problems.push(problem);
}

/**
 * Rows taken one by one in sheet order; `finish` gives what one groupRows call over all of them gives. With
 * a sink, orders, dispositions and problems go to it as they are made (`finish` returns none of them), and the
 * rows of keys grouped early are let go: should such a key come back, the sheet is grouped again from the sink.
 */
export class StreamingGroups {
  /** Every key's rows, keys in order of first appearance. */
  private readonly byKey = new Map<string, GroupInputRow[]>();
  private readonly alone: GroupInputRow[][] = [];
  /** Keys that gave way to another, not yet grouped, in order of first appearance. */
  private queue: string[] = [];
  private queued = new Set<string>();
  private queuedRows = 0;
  private readonly grouped = new Set<string>();
  private early: Grouped = emptyGrouped();
  /** A key grouped already came back: the early results cannot stand. */
  private spoiled = false;
  private runKey: string | null = null;
  /** Rows taken, and when the queue may be tried again (a key that keeps coming back holds it up). */
  private taken = 0;
  private tryAt = 0;

  constructor(
    private readonly op: OperationDef,
    private readonly options: GroupOptions,
    private readonly eager: boolean,
    private readonly sink?: GroupSink,
  ) {}

  add(row: GroupInputRow): void {
    this.taken++;
    if (this.sink && this.spoiled) return; // grouped again from the sink at the end
    const key = row.values[this.op.keyField];
    if (typeof key !== 'string' || key === '') {
      this.alone.push([row]);
      return;
    }
    const members = this.byKey.get(key);
    if (members) members.push(row);
    else this.byKey.set(key, [row]);
    if (!this.eager || this.spoiled) return;
    if (this.grouped.has(key)) {
      this.spoiled = true;
      this.early = emptyGrouped();
      if (this.sink) {
        // The early keys' rows are gone: all is grouped again from the sink at the end.
        this.sink.forgetGrouping();
        this.byKey.clear();
        this.alone.length = 0;
      }
      return;
    }
    if (key === this.runKey) return;
    if (this.runKey !== null) this.enqueue(this.runKey);
    this.runKey = key;
    if (this.queuedRows >= sliceRows && this.taken >= this.tryAt) {
      this.groupQueue();
      this.tryAt = this.taken + sliceRows / 4;
    }
  }

  /** Groups what is left, a slice at a time with the event loop's turns between. */
  async finish(yielder = new EventLoopYielder()): Promise<Grouped> {
    if (this.sink && this.spoiled) {
      const again = new StreamingGroups(this.op, this.options, false, this.sink);
      for (const row of this.sink.again()) again.add(row);
      return again.finish(yielder);
    }
    const result = this.eager && !this.spoiled ? this.early : emptyGrouped();
    const rest = this.eager && !this.spoiled ? [...this.byKey].filter(([key]) => !this.grouped.has(key)).map(([, rows]) => rows) : [...this.byKey.values()];
    let slice: GroupInputRow[] = [];
    const flush = async () => {
      if (slice.length === 0) return;
      groupInto(result, this.op, slice, this.options, this.sink);
      slice = [];
      await yielder.giveTurn();
    };
    for (const members of [...rest, ...this.alone]) {
      for (const row of members) slice.push(row);
      if (slice.length >= sliceRows) await flush();
    }
    await flush();
    // Stable: a row's problems keep the order groupRows gave them (one row is never in two slices).
    result.problems.sort((a, b) => a.row - b.row);
    return result;
  }

  private enqueue(key: string): void {
    if (this.spoiled) return;
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.queuedRows += (this.byKey.get(key) as GroupInputRow[]).length;
  }

  /**
   * Groups the keys that gave way, up to the one whose rows are coming in again (A, B, A: A may grow yet,
   * and the keys after it must wait for it, so the orders keep the order of first appearance).
   */
  private groupQueue(): void {
    const open = this.queue.indexOf(this.runKey as string);
    const ready = open < 0 ? this.queue : this.queue.slice(0, open);
    if (ready.length === 0) return;
    groupInto(this.early, this.op, ready.flatMap((key) => this.byKey.get(key) as GroupInputRow[]), this.options, this.sink);
    for (const key of ready) {
      this.grouped.add(key);
      this.queued.delete(key);
      // Told to the sink already; a key coming back regroups from the sink, not from these.
      if (this.sink) this.byKey.delete(key);
    }
    this.queue = open < 0 ? [] : this.queue.slice(open);
    this.queuedRows = this.queue.reduce((n, key) => n + (this.byKey.get(key) as GroupInputRow[]).length, 0);
  }
}

/** All the rows at once, grouped in slices (an edit's regrouping, tests). */
export async function groupInSlices(op: OperationDef, rows: readonly GroupInputRow[], options: GroupOptions, yielder = new EventLoopYielder()): Promise<Grouped> {
  const groups = new StreamingGroups(op, options, false);
  for (const row of rows) groups.add(row);
  return groups.finish(yielder);
}
