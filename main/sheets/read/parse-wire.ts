// What the parse thread sends the reading thread (parse-thread.ts): the cells of a run of rows exactly as
// exceljs gave them (cell.value and its number format), compactly: one byte per cell for its kind, typed
// arrays for the rest, each distinct text once per batch. The receiving thread turns them into RawCells
// with the same toRawCell the single-thread read uses, so both reads see the very same cells. The parse
// thread, the slower of the two, does as little per cell as it can: no RawCell, no number formatting.
// Each value is exactly what exceljs's cell.value would be (sheet-xml.ts).
import type { RawCell } from '../../../shared/operations/types';
import { emptyCell, toRawCell } from './raw-cell';
import type { CellSink } from './sheet-xml';
import { SheetLimitError } from './source';
import type { SourceRow } from './source';

/** A cell's kind on the wire. */
const enum Kind {
  Empty = 0,
  Text = 1,
  Number = 2,
  /** A Date exceljs made of a date-formatted number: its time value travels. */
  Date = 3,
  True = 4,
  False = 5,
  /** Anything else (formula, rich text, error, hyperlink…): structured-cloned as it is. */
  Other = 6,
  /** A shared string by its index (in `values`): the reading thread has the strings. */
  Shared = 7,
}

export interface CellsBatch {
  numbers: Int32Array;
  /** Cells per row (its last column); the row's cells are the next `width` slots. */
  widths: Uint32Array;
  kinds: Uint8Array;
  /** Per slot: Text → index of its text; Number/Date → index in `values`; Other → index in `others`. */
  refs: Uint32Array;
  /** Per slot: 0 for no number format, else 1 + its index in `formats`. */
  formats: Uint16Array;
  formatTexts: string[];
  /** The batch's distinct texts, concatenated, and each one's length. */
  dictionary: string;
  lengths: Uint32Array;
  values: Float64Array;
  others: unknown[];
}

/** The typed arrays of a batch, to transfer rather than copy. */
export const cellsBuffers = (b: CellsBatch): ArrayBuffer[] =>
  [b.numbers, b.widths, b.kinds, b.refs, b.formats, b.values, b.lengths].map((a) => a.buffer as ArrayBuffer);

/** Collects rows as they are parsed (a CellSink) and hands out a batch (`take`), in growable typed arrays. */
export class CellsEncoder implements CellSink {
  private numbers: number[] = [];
  private widths: number[] = [];
  private kinds = new Uint8Array(4096);
  private refs = new Uint32Array(4096);
  private formats = new Uint16Array(4096);
  private slots = 0;
  private base = 0;
  private width = 0;
  private number = 0;
  private readonly ready: CellsBatch[] = [];

  /** Batches are cut at the end of a row once they hold `size` rows (a chunk of XML may end mid-row). */
  constructor(private readonly size: number) {}
  private texts = new Map<string, number>();
  private formatIndex = new Map<string, number>();
  private values: number[] = [];
  private others: unknown[] = [];

  startRow(number: number): void {
    this.number = number;
    this.base = this.slots;
    this.width = 0;
  }

  cell(col: number, value: unknown, numFmt: string | undefined): void {
    const slot = this.base + col - 1;
    if (slot >= this.kinds.length) this.grow(slot + 1);
    if (col > this.width) this.width = col;
    this.formats[slot] = 0;
    if (typeof value === 'string') {
      let index = this.texts.get(value);
      if (index === undefined) this.texts.set(value, (index = this.texts.size));
      this.kinds[slot] = Kind.Text;
      this.refs[slot] = index;
      return;
    }
    if (typeof value === 'boolean') {
      this.kinds[slot] = value ? Kind.True : Kind.False;
      return;
    }
    if (value === null || value === undefined) {
      this.kinds[slot] = Kind.Empty; // the cell holds no value (after all)
      return;
    }
    if (numFmt !== undefined) {
      let f = this.formatIndex.get(numFmt);
      if (f === undefined) this.formatIndex.set(numFmt, (f = this.formatIndex.size));
      this.formats[slot] = f + 1;
    }
    if (typeof value === 'number') {
      this.kinds[slot] = Kind.Number;
      this.refs[slot] = this.values.push(value) - 1;
    } else if (value instanceof Date) {
      this.kinds[slot] = Kind.Date;
      this.refs[slot] = this.values.push(value.getTime()) - 1;
    } else {
      this.kinds[slot] = Kind.Other;
      this.refs[slot] = this.others.push(value) - 1;
    }
  }

  sharedString(col: number, index: number, numFmt: string | undefined): void {
    this.cell(col, index, numFmt);
    this.kinds[this.base + col - 1] = Kind.Shared;
  }

  endRow(): void {
    // As exceljs's eachCell: a row's cells run to its last cell with a value; holes are empty.
    let width = this.width;
    while (width > 0 && this.kinds[this.base + width - 1] === Kind.Empty) width--;
    this.numbers.push(this.number);
    this.widths.push(width);
    this.slots = this.base + width;
    // Slots past the row's end may hold a dropped cell's kind: clear them for the next row.
    this.kinds.fill(Kind.Empty, this.slots, this.base + this.width);
    this.formats.fill(0, this.slots, this.base + this.width);
    this.width = 0;
    if (this.numbers.length >= this.size) this.ready.push(this.cut());
  }

  /** The batches cut so far. */
  take(): CellsBatch[] {
    return this.ready.splice(0);
  }

  /** The batches cut so far and the rows ended since (a row begun and never ended is dropped, as in a single-thread read). */
  flush(): CellsBatch[] {
    if (this.numbers.length > 0) this.ready.push(this.cut());
    return this.take();
  }

  private grow(need: number): void {
    let size = this.kinds.length;
    while (size < need) size *= 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const refs = new Uint32Array(size);
    refs.set(this.refs);
    const formats = new Uint16Array(size);
    formats.set(this.formats);
    [this.kinds, this.refs, this.formats] = [kinds, refs, formats];
  }

  private cut(): CellsBatch {
    const distinct = [...this.texts.keys()];
    const batch: CellsBatch = {
      numbers: Int32Array.from(this.numbers),
      widths: Uint32Array.from(this.widths),
      kinds: this.kinds.slice(0, this.slots),
      refs: this.refs.slice(0, this.slots),
      formats: this.formats.slice(0, this.slots),
      formatTexts: [...this.formatIndex.keys()],
      dictionary: distinct.join(''),
      lengths: Uint32Array.from(distinct, (s) => s.length),
      values: Float64Array.from(this.values),
      others: this.others,
    };
    // The slots were written sparsely (holes are empty cells): clear what was used before reuse, a row
    // begun and never ended included.
    const used = Math.max(this.slots, this.base + this.width);
    this.kinds.fill(0, 0, used);
    this.formats.fill(0, 0, used);
    this.base = 0;
    this.width = 0;
    this.numbers = [];
    this.widths = [];
    this.slots = 0;
    this.texts = new Map();
    this.formatIndex = new Map();
    this.values = [];
    this.others = [];
    return batch;
  }
}

/** The workbook's shared strings (the reading thread parses them) and their RawCells once made. */
export interface SharedCells {
  strings: unknown[] | undefined;
  cells: (RawCell | undefined)[];
}

/** A batch's rows; `failure` is a row past the column limit, once its shared strings are known (the rows before it come first). */
export interface DecodedCells {
  rows: SourceRow[];
  failure?: SheetLimitError;
}

/**
 * A batch's rows as RawCells. Cells of one batch with the same text share one RawCell, and cells of one
 * shared string one RawCell for the whole book (nothing writes to a RawCell: merged ranges copy the
 * reference). A shared string that is not there leaves no cell, as in exceljs, so a row may end sooner.
 * Throws when the batch does not add up (a bug).
 */
export function decodeCells(batch: CellsBatch, date1904: boolean, shared: SharedCells, sheet: string, maxColumns: number): DecodedCells {
  const { numbers, widths, kinds, refs, formats, formatTexts, dictionary, lengths, values, others } = batch;
  if (widths.length !== numbers.length || refs.length !== kinds.length || formats.length !== kinds.length) throw new Error('cells batch: lengths differ');
  const texts = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) texts[i] = dictionary.slice(at, (at += lengths[i] as number));
  if (at !== dictionary.length) throw new Error('cells batch: texts do not add up');
  const textCells = new Array<RawCell | undefined>(texts.length);
  /** [number | date][format + 1] → value → its RawCell. */
  const numberCells: [Map<number, RawCell>[], Map<number, RawCell>[]] = [[], []];
  const rows: SourceRow[] = [];
  let slot = 0;
  for (let r = 0; r < numbers.length; r++) {
    const width = widths[r] as number;
    if (slot + width > kinds.length) throw new Error('cells batch: cells run short');
    const cells = new Array<RawCell | undefined>(width);
    let missing = false;
    for (let c = 0; c < width; c++, slot++) {
      const kind = kinds[slot] as Kind;
      const ref = refs[slot] as number;
      if (kind === Kind.Empty) {
        cells[c] = undefined; // a hole: an empty cell, unless the row ends before it (below)
      } else if (kind === Kind.Text) {
        const text = texts[ref];
        if (text === undefined) throw new Error('cells batch: a text out of range');
        cells[c] = textCells[ref] ??= toRawCell(text, undefined, date1904);
      } else if (kind === Kind.True || kind === Kind.False) {
        cells[c] = toRawCell(kind === Kind.True, undefined, date1904);
      } else {
        const f = formats[slot] as number;
        const numFmt = f === 0 ? undefined : formatTexts[f - 1];
        if (kind === Kind.Other) {
          if (ref >= others.length) throw new Error('cells batch: a value out of range');
          cells[c] = toRawCell(others[ref], numFmt, date1904);
        } else if (kind === Kind.Shared) {
          const index = values[ref] as number;
          // What exceljs's reader puts in the cell: the string (or rich text), or a reference without strings.
          const value: unknown = shared.strings ? shared.strings[index] : { sharedString: index };
          if (value === undefined || value === null) {
            cells[c] = undefined;
            missing = true;
          } else if (typeof value === 'string' && Number.isInteger(index) && index >= 0) {
            cells[c] = shared.cells[index] ??= toRawCell(value, numFmt, date1904);
          } else {
            cells[c] = toRawCell(value, numFmt, date1904);
          }
        } else {
          const value = values[ref];
          if (value === undefined) throw new Error('cells batch: a number out of range');
          // Quantities, prices and dates repeat down a column: format each (value, format) once per batch.
          // (-0 is kept out: a Map takes it for 0.)
          const byValue = (numberCells[kind === Kind.Date ? 1 : 0][f] ??= new Map<number, RawCell>());
          let cell = byValue.get(value);
          if (cell === undefined || Object.is(value, -0)) {
            cell = toRawCell(kind === Kind.Date ? new Date(value) : value, numFmt, date1904);
            if (!Object.is(value, -0)) byValue.set(value, cell);
          }
          cells[c] = cell;
        }
      }
    }
    // As exceljs's eachCell: the row runs to its last cell with a value (a missing shared string is none);
    // holes are empty cells.
    if (missing) while (cells.length > 0 && cells[cells.length - 1] === undefined) cells.length--;
    for (let c = 0; c < cells.length; c++) cells[c] ??= emptyCell;
    const number = numbers[r] as number;
    // Shared strings beyond the column limit are known only now: the limit is checked where they are.
    if (cells.length > maxColumns) return { rows, failure: new SheetLimitError('columns', sheet, number) };
    rows.push({ number, cells: cells as RawCell[] });
  }
  if (slot !== kinds.length) throw new Error('cells batch: cells left over');
  return { rows };
}
