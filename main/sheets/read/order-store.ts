// The orders a read keeps, packed beside its rows (row-store.ts): an order is its key and the indices of its
// member rows in the row store, nothing else. As objects, 25,000 orders of a 100,000-row create sheet were
// about 200,000 small objects and their strings (each line a record of its row's values) that outlived the
// read: what the main thread's scavenges copied and promoted while the sheet streamed in (≈ 0.75 MB per
// scavenge), and most of its heap after the read. An order becomes an OrderDraft only when asked for (`at`,
// iteration): its header and lines are made from its rows' packed values exactly as grouping made them
// (grouping.ts validOrderHeader, orderLines: a valid order's rows never disagree), and that object dies young.
import { orderLines, validOrderHeader } from '../../../shared/operations/grouping';
import type { OperationDef, OrderDraft } from '../../../shared/operations/types';
import { itemsOf, listIndex } from '../../../shared/row-list';
import { roomU32 } from './row-store';
import type { RowStore } from './row-store';
import type { ImportOrders, OrderBrief } from './types';

/** Collects grouping's orders as they are made; `finish` ties them to the finished row store. */
export class OrderStoreBuilder {
  private readonly keys: string[] = [];
  /** One past order o's last member in `members` (order o's members start at ends[o-1]). */
  private ends: Uint32Array = new Uint32Array(1024);
  private members: Uint32Array = new Uint32Array(4096);
  private memberCount = 0;

  /** `indexOf`: a row number's index in the row store (every member row is there). */
  constructor(private readonly indexOf: (rowNumber: number) => number) {}

  get length(): number {
    return this.keys.length;
  }

  add(orders: readonly OrderDraft[]): void {
    for (const order of orders) {
      const o = this.keys.length;
      this.ends = roomU32(this.ends, o + 1);
      this.members = roomU32(this.members, this.memberCount + order.rows.length);
      for (const rowNumber of order.rows) {
        const i = this.indexOf(rowNumber);
        if (i < 0) throw new Error(`order ${order.key}: row ${rowNumber} is not among the rows read`);
        this.members[this.memberCount++] = i;
      }
      this.ends[o] = this.memberCount;
      this.keys.push(order.key);
    }
  }

  /** Every order told so far is void (the sheet is grouped again). */
  forget(): void {
    this.keys.length = 0;
    this.memberCount = 0;
  }

  /** The packed orders over `rows` (the store the member indices point into). The builder is spent. */
  finish(rows: RowStore, op: OperationDef): OrderStore {
    const n = this.keys.length;
    return new OrderStore(rows, op, { keys: this.keys, ends: this.ends.slice(0, n), members: this.members.slice(0, this.memberCount) });
  }
}

interface OrderData {
  keys: readonly string[];
  ends: Uint32Array;
  members: Uint32Array;
}

/** A read's orders, packed (see the top of this file); each is made an OrderDraft when asked for. */
export class OrderStore implements ImportOrders {
  /** The packed orders. Public, so two reads compare by their contents (tests' toEqual). */
  readonly packed: OrderData;
  readonly #rows: RowStore;
  readonly #op: OperationDef;

  constructor(rows: RowStore, op: OperationDef, data: OrderData) {
    this.#rows = rows;
    this.#op = op;
    this.packed = data;
  }

  get length(): number {
    return this.packed.keys.length;
  }

  at(index: number): OrderDraft | undefined {
    const i = listIndex(index, this.length);
    if (i < 0) return undefined;
    const { keys } = this.packed;
    const key = keys[i] as string;
    const values = this.#memberIndices(i).map((m) => this.#rows.valuesOf(m));
    // The property order grouping gives an OrderDraft (the job store writes it as JSON).
    return { key, rows: this.#rowNumbers(i), header: validOrderHeader(this.#op, key, values), lines: orderLines(this.#op, values) };
  }

  /** Order i's key and row numbers, without making its header and lines. */
  brief(index: number): OrderBrief | undefined {
    const i = listIndex(index, this.length);
    return i < 0 ? undefined : { key: this.packed.keys[i] as string, rows: this.#rowNumbers(i) };
  }

  [Symbol.iterator](): Iterator<OrderDraft> {
    return itemsOf(this);
  }

  #memberIndices(i: number): number[] {
    const { ends, members } = this.packed;
    return Array.from(members.subarray(i === 0 ? 0 : (ends[i - 1] as number), ends[i] as number));
  }

  #rowNumbers(i: number): number[] {
    const numbers = this.#rows.packed.rowNumbers;
    return this.#memberIndices(i).map((m) => numbers[m] as number);
  }
}
