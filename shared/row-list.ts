// A sheet's rows as the app passes them around: a length, a row by index and iteration. A read keeps its
// rows packed (main/sheets/read/row-store.ts) and makes a row object only when one is asked for, so code
// that walks rows takes one at a time and a view that changes a few rows lays them over the rest
// (`RowsWithChanges`) instead of copying the sheet. A plain array is a RowList too.

export interface RowList<R extends B, B = R> extends Iterable<R> {
  readonly length: number;
  at(index: number): R | undefined;
  /** What most walks need of a row (B, part of R), without making all of it: a packed store has it; else use `at`. */
  brief?(index: number): B | undefined;
}

/** `index` as `Array.prototype.at` reads it (a negative one counts from the end), or -1 when it names no item. */
export function listIndex(index: number, length: number): number {
  const i = index < 0 ? index + length : index;
  return Number.isInteger(i) && i >= 0 && i < length ? i : -1;
}

/** A list's items in order, each asked of `at`: the iteration every RowList gives. */
export function* itemsOf<R>(list: { readonly length: number; at(index: number): R | undefined }): Generator<R> {
  for (let i = 0; i < list.length; i++) yield list.at(i) as R;
}

/** Row i's brief: from `brief` when the list has one, else the whole row. */
export const briefAt = <R extends B, B>(rows: RowList<R, B>, index: number): B | undefined => (rows.brief ? rows.brief(index) : rows.at(index));

/** Every item's brief, in order: what a walk of keys and row numbers needs, as a plain array (each item's brief made once). */
export function briefsOf<R extends B, B>(list: RowList<R, B>): B[] {
  const out: B[] = new Array<B>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = briefAt(list, i) as B;
  return out;
}

/** `base` with some rows replaced, by index; every other row is asked of `base` when wanted. */
export class RowsWithChanges<R extends B, B = R> implements RowList<R, B> {
  constructor(
    private readonly base: RowList<R, B>,
    private readonly changed: ReadonlyMap<number, R>,
  ) {}

  get length(): number {
    return this.base.length;
  }

  at(index: number): R | undefined {
    const i = listIndex(index, this.length);
    return i < 0 ? undefined : (this.changed.get(i) ?? this.base.at(i));
  }

  brief(index: number): B | undefined {
    const i = listIndex(index, this.length);
    return i < 0 ? undefined : (this.changed.get(i) ?? briefAt(this.base, i));
  }

  [Symbol.iterator](): Iterator<R> {
    return itemsOf(this);
  }
}

/**
 * A list made of `base`'s items, each named by its index in `base`, and items of its own, in an order of its
 * own: an edit's regrouped orders among the rest of a read's, without making the rest.
 */
export class PlacedList<R extends B, B = R> implements RowList<R, B> {
  constructor(
    private readonly base: RowList<R, B>,
    private readonly items: readonly (number | R)[],
  ) {}

  get length(): number {
    return this.items.length;
  }

  at(index: number): R | undefined {
    const item = this.items.at(index);
    return typeof item === 'number' ? this.base.at(item) : item;
  }

  brief(index: number): B | undefined {
    const item = this.items.at(index);
    return typeof item === 'number' ? briefAt(this.base, item) : item;
  }

  [Symbol.iterator](): Iterator<R> {
    return itemsOf(this);
  }
}
