// The rows a read keeps, packed: a few typed arrays and one table of distinct texts instead of an object, a
// cells array, a values record and their strings per row. A 100,000-row sheet kept as ImportRow objects
// was about two million small objects that outlive the read: every scavenge of the main thread copied
// them (its worst stalls, 80–370 ms) and the old generation held them. Packed, what survives is a dozen
// typed arrays (their bytes off the JS heap) and the distinct texts; a row becomes an ImportRow only when
// a page, an edit, planning or the workbook asks for it (`at`, iteration), and that object dies young.
//
// Layout (row r, cell c, value slot s of `slots` — the fields the sheet's columns map to):
//   rowNumbers[r]               the row's number as Excel shows it (rows in sheet order)
//   cellEnds[r]                 one past row r's last cell in `cellTexts` (row r's cells start at cellEnds[r-1])
//   cellTexts[c]                index of the cell's text in `texts`
//   valueTags[r*slots+s]        absent / text / number / true / false / list (`tag`)
//   valueData[r*slots+s]        the number, or the index in `texts` (text) or in `lists` (list)
//   dispositions[r], ofRows[r]  invalid / valid / duplicate; a duplicate's first row, a valid row's order key (index in `texts`)
//   own / extra                 problems, only for rows that have them: the row's own, and grouping's
import { itemsOf, listIndex } from '../../../shared/row-list';
import type { CellProblem, FieldValue, RowDisposition } from '../../../shared/operations/types';
import type { ImportRow, ImportRows, RowBrief } from './types';

const tag = { absent: 0, text: 1, number: 2, yes: 3, no: 4, list: 5 } as const;
const disposed = { invalid: 0, valid: 1, duplicate: 2 } as const;
const noProblems: readonly CellProblem[] = Object.freeze([]);

/**
 * `a`, or a copy twice as large (or `need`, or `want`: what the sheet says it will need) when it is too small
 * to hold `need` items. One per element type, so each stays monomorphic.
 */
export const roomU32 = (a: Uint32Array, need: number, want = 0): Uint32Array => (need <= a.length ? a : copied(new Uint32Array(Math.max(need, a.length * 2, want)), a));
const roomU8 = (a: Uint8Array, need: number, want = 0): Uint8Array => (need <= a.length ? a : copied(new Uint8Array(Math.max(need, a.length * 2, want)), a));
const roomF64 = (a: Float64Array, need: number, want = 0): Float64Array => (need <= a.length ? a : copied(new Float64Array(Math.max(need, a.length * 2, want)), a));
/** The filled part of `a`: a view when little would be left over, else a copy of exactly that part (the doubling's slack is given back). */
const filled = <T extends Uint32Array | Uint8Array | Float64Array>(a: T, n: number): T => (n >= a.length * 0.75 ? (a.subarray(0, n) as T) : (a.slice(0, n) as T));
function copied<T extends Uint32Array | Uint8Array | Float64Array>(to: T, from: T): T {
  to.set(from);
  return to;
}

/** Collects checked rows as the reader makes them; `finish` hands the store over once grouping is done. */
export class RowStoreBuilder {
  private rows = 0;
  private cellCount = 0;
  private rowNumbers: Uint32Array = new Uint32Array(1024);
  private cellEnds: Uint32Array = new Uint32Array(1024);
  private cellTexts: Uint32Array = new Uint32Array(16_384);
  // New typed arrays are zeros: a slot no value is written to stays `tag.absent`.
  private valueTags: Uint8Array = new Uint8Array(16_384);
  private valueData: Float64Array = new Float64Array(16_384);
  private readonly texts: string[] = [''];
  private textIndex: Map<string, number> | null = new Map([['', 0]]);
  /** Each column's last text and its index: a column repeats itself down a sheet (a warehouse, an order's lines), and a repeat skips the Map. */
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastIndex: number[] = [];
  private readonly lastValue: (string | undefined)[] = [];
  private readonly lastValueIndex: number[] = [];
  private readonly lists: (readonly string[])[] = [];
  private readonly own = new Map<number, readonly CellProblem[]>();
  private readonly slotOf: ReadonlyMap<string, number>;
  private dispositions: Uint8Array | null = null;
  private ofRows: Uint32Array | null = null;
  private extra = new Map<number, CellProblem[]>();
  /** Rows come in sheet order: a row number is found by binary search (else through `indexOf`). */
  private ascending = true;
  private indexOf: Map<number, number> | null = null;

  /**
   * `expectedRows`: how many rows the sheet says it holds (its dimension; null while unknown). The arrays grow
   * to it at once instead of doubling: each doubling of a 100,000-row sheet's arrays was one copy of up to
   * 16 MB on the main thread (20–40 ms), and `finish` need not copy what fits.
   */
  constructor(
    readonly slots: readonly string[],
    private readonly expectedRows: () => number | null = () => null,
  ) {
    this.slotOf = new Map(slots.map((key, i) => [key, i]));
  }

  /** Rows to make room for when an array must grow (0: no estimate, double). */
  private wantRows(): number {
    return this.expectedRows() ?? 0;
  }

  get length(): number {
    return this.rows;
  }

  /** The text's index, through column `at`'s last text (cells and values keep one each). */
  private textOf(s: string, last: (string | undefined)[], lastIndex: number[], at: number): number {
    if (s === last[at]) return lastIndex[at] as number;
    const i = this.text(s);
    last[at] = s;
    lastIndex[at] = i;
    return i;
  }

  private text(s: string): number {
    const index = this.textIndex as Map<string, number>;
    let i = index.get(s);
    if (i === undefined) {
      i = this.texts.push(s) - 1;
      index.set(s, i);
    }
    return i;
  }

  /** One checked row: its cells' texts (trimmed), its values, its own problems. Returns its index. */
  add(rowNumber: number, cells: readonly string[], values: Readonly<Record<string, FieldValue>>, problems: readonly CellProblem[]): number {
    const at = this.rows;
    if (at > 0 && rowNumber <= (this.rowNumbers[at - 1] as number)) this.ascending = false;
    if (at >= this.rowNumbers.length) {
      const want = this.wantRows();
      this.rowNumbers = roomU32(this.rowNumbers, at + 1, want);
      this.cellEnds = roomU32(this.cellEnds, at + 1, want);
    }
    this.rowNumbers[at] = rowNumber;
    const count = cells.length;
    if (this.cellCount + count > this.cellTexts.length) {
      // As many cells a row as so far.
      this.cellTexts = roomU32(this.cellTexts, this.cellCount + count, Math.ceil((this.wantRows() * (this.cellCount + count)) / (at + 1)));
    }
    const texts = this.cellTexts;
    for (let c = 0; c < count; c++) {
      texts[this.cellCount++] = this.textOf(cells[c] as string, this.lastText, this.lastIndex, c);
    }
    this.cellEnds[at] = this.cellCount;
    const base = at * this.slots.length;
    if (base + this.slots.length > this.valueTags.length) {
      const want = this.wantRows() * this.slots.length;
      this.valueTags = roomU8(this.valueTags, base + this.slots.length, want);
      this.valueData = roomF64(this.valueData, base + this.slots.length, want);
    }
    const tags = this.valueTags;
    const data = this.valueData;
    for (const key in values) {
      const s = this.slotOf.get(key);
      if (s === undefined) throw new Error(`row ${rowNumber}: a value for ${key}, which no column maps to`);
      const v = values[key] as FieldValue;
      if (typeof v === 'string') {
        tags[base + s] = tag.text;
        data[base + s] = this.textOf(v, this.lastValue, this.lastValueIndex, s);
      } else if (typeof v === 'number') {
        tags[base + s] = tag.number;
        data[base + s] = v;
      } else if (typeof v === 'boolean') tags[base + s] = v ? tag.yes : tag.no;
      else {
        tags[base + s] = tag.list;
        data[base + s] = this.lists.push(v) - 1;
      }
    }
    if (problems.length > 0) this.own.set(at, problems);
    this.rows = at + 1;
    return at;
  }

  /** The index of the row with this number, or -1. */
  find(rowNumber: number): number {
    return findRow(this.rowNumbers, this.rows, rowNumber, this.ascending, () => (this.indexOf ??= indexRows(this.rowNumbers, this.rows)));
  }

  /** Grouping's word on some rows (any number of times while grouping runs; the last word on a row counts). */
  dispose(dispositions: ReadonlyMap<number, RowDisposition>, problems: readonly CellProblem[]): void {
    this.dispositions = roomU8(this.dispositions ?? new Uint8Array(this.rowNumbers.length), this.rowNumbers.length);
    this.ofRows = roomU32(this.ofRows ?? new Uint32Array(this.rowNumbers.length), this.rowNumbers.length);
    for (const [rowNumber, d] of dispositions) {
      const i = this.find(rowNumber);
      if (i < 0) continue;
      this.dispositions[i] = disposed[d.kind];
      this.ofRows[i] = d.kind === 'valid' ? this.text(d.orderKey) : d.kind === 'duplicate' ? d.ofRow : 0;
    }
    for (const p of problems) {
      const i = this.find(p.row);
      if (i < 0) continue;
      const list = this.extra.get(i);
      if (list) list.push(p);
      else this.extra.set(i, [p]);
    }
  }

  /** Grouping's words so far are void (a key came back after its order was made: the sheet is grouped again). */
  forgetGrouping(): void {
    this.dispositions?.fill(disposed.invalid);
    this.extra = new Map();
  }

  /** What grouping needs of row i again (the sheet grouped a second time). */
  groupInput(i: number): { rowNumber: number; values: Record<string, FieldValue>; problems: readonly CellProblem[] } {
    return { rowNumber: this.rowNumbers[i] as number, values: valuesAt(this.parts(), i), problems: this.own.get(i) ?? noProblems };
  }

  private parts(): StoreParts {
    return {
      slots: this.slots,
      rowNumbers: this.rowNumbers,
      cellEnds: this.cellEnds,
      cellTexts: this.cellTexts,
      valueTags: this.valueTags,
      valueData: this.valueData,
      texts: this.texts,
      lists: this.lists,
    };
  }

  /** The packed rows, padded to `width` cells each. The builder is spent. */
  finish(width: number): RowStore {
    const n = this.rows;
    const slots = this.slots.length;
    const kinds = new Uint8Array(n);
    const of = new Uint32Array(n);
    if (this.dispositions && this.ofRows) {
      kinds.set(this.dispositions.subarray(0, n));
      of.set(this.ofRows.subarray(0, n));
    }
    this.textIndex = null;
    return new RowStore({
      slots: this.slots,
      rowNumbers: filled(this.rowNumbers, n),
      cellEnds: filled(this.cellEnds, n),
      cellTexts: filled(this.cellTexts, this.cellCount),
      valueTags: filled(this.valueTags, n * slots),
      valueData: filled(this.valueData, n * slots),
      texts: this.texts,
      lists: this.lists,
      width,
      dispositions: kinds,
      ofRows: of,
      own: this.own,
      extra: this.extra,
      ascending: this.ascending,
    });
  }
}

interface StoreParts {
  slots: readonly string[];
  rowNumbers: Uint32Array;
  cellEnds: Uint32Array;
  cellTexts: Uint32Array;
  valueTags: Uint8Array;
  valueData: Float64Array;
  texts: readonly string[];
  lists: readonly (readonly string[])[];
}

interface StoreData extends StoreParts {
  width: number;
  dispositions: Uint8Array;
  ofRows: Uint32Array;
  own: ReadonlyMap<number, readonly CellProblem[]>;
  extra: ReadonlyMap<number, readonly CellProblem[]>;
  ascending: boolean;
}

/** The value packed at `at` (slot s of row r: r * slots + s), or undefined when absent. */
function valueOf(p: StoreParts, at: number): FieldValue | undefined {
  const t = p.valueTags[at] as number;
  const d = p.valueData[at] as number;
  return t === tag.absent ? undefined : t === tag.text ? (p.texts[d] as string) : t === tag.number ? d : t === tag.yes ? true : t === tag.no ? false : (p.lists[d] as readonly string[]);
}

function valuesAt(p: StoreParts, i: number): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  const width = p.slots.length;
  for (let s = 0; s < width; s++) {
    const v = valueOf(p, i * width + s);
    if (v !== undefined) values[p.slots[s] as string] = v;
  }
  return values;
}

function indexRows(rowNumbers: Uint32Array, n: number): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) map.set(rowNumbers[i] as number, i);
  return map;
}

function findRow(rowNumbers: Uint32Array, n: number, rowNumber: number, ascending: boolean, index: () => Map<number, number>): number {
  if (!ascending) return index().get(rowNumber) ?? -1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rowNumbers[mid] as number) < rowNumber) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && rowNumbers[lo] === rowNumber ? lo : -1;
}

/** A read's rows, packed (see the top of this file); each row is made an ImportRow when asked for. */
export class RowStore implements ImportRows {
  /** The packed rows (layout at the top of this file). Public, so two reads compare by their contents (tests' toEqual). */
  readonly packed: StoreData;
  #indexOf: Map<number, number> | null = null;

  constructor(data: StoreData) {
    this.packed = data;
  }

  get length(): number {
    return this.packed.rowNumbers.length;
  }

  at(index: number): ImportRow | undefined {
    const i = listIndex(index, this.length);
    if (i < 0) return undefined;
    const d = this.packed;
    const start = i === 0 ? 0 : (d.cellEnds[i - 1] as number);
    const end = d.cellEnds[i] as number;
    const cells = new Array<string>(Math.max(d.width, end - start));
    for (let c = start; c < end; c++) cells[c - start] = d.texts[d.cellTexts[c] as number] as string;
    cells.fill('', end - start);
    const { rowNumber, problems, disposition } = this.brief(i) as RowBrief;
    return {
      rowNumber,
      cells,
      values: valuesAt(d, i),
      problems,
      // The row's own problems, apart from grouping's: an edit (revalidate.ts) regroups from them.
      ...(d.extra.has(i) ? { ownProblems: d.own.get(i) ?? noProblems } : {}),
      disposition,
    };
  }

  /** Row i's number, disposition and problems, without making its cells and values. */
  brief(index: number): RowBrief | undefined {
    const i = listIndex(index, this.length);
    if (i < 0) return undefined;
    const d = this.packed;
    const own = d.own.get(i) ?? noProblems;
    const more = d.extra.get(i);
    return { rowNumber: d.rowNumbers[i] as number, problems: more ? [...own, ...more] : own, disposition: this.dispositionAt(i) };
  }

  /** Row i's values (a new record), without making its cells. */
  valuesOf(i: number): Record<string, FieldValue> {
    return valuesAt(this.packed, i);
  }

  /** One value of row i (undefined when absent), without making the row. */
  valueAt(i: number, key: string): FieldValue | undefined {
    const d = this.packed;
    const s = d.slots.indexOf(key);
    if (s < 0 || i < 0 || i >= this.length) return undefined;
    return valueOf(d, i * d.slots.length + s);
  }

  /** Row i's disposition, without making the row. */
  dispositionAt(i: number): RowDisposition {
    const d = this.packed;
    const kind = d.dispositions[i];
    if (kind === disposed.valid) return { kind: 'valid', orderKey: d.texts[d.ofRows[i] as number] as string };
    if (kind === disposed.duplicate) return { kind: 'duplicate', ofRow: d.ofRows[i] as number };
    return { kind: 'invalid' };
  }

  /** The index of the row with this number, or -1. */
  find(rowNumber: number): number {
    const d = this.packed;
    return findRow(d.rowNumbers, d.rowNumbers.length, rowNumber, d.ascending, () => (this.#indexOf ??= indexRows(d.rowNumbers, d.rowNumbers.length)));
  }

  [Symbol.iterator](): Iterator<ImportRow> {
    return itemsOf(this);
  }
}
