// The read worker's rows on their way to the caller, packed: a batch of rows as a few typed arrays (moved,
// not copied) and one array of the batch's distinct texts. Sent as plain RawCell objects, 100,000 rows are
// 1.2 million objects the caller's thread must deserialize and then collect; packed, a batch of 500 rows
// is six arrays, repeated texts (a warehouse code on every row) arrive once, and each row's cells are
// built only as the catalog takes the row, so they die young. The format (all per batch):
//   numbers[r]  row r's number as Excel shows it          ends[r]   one past row r's last cell (cells are r's from ends[r-1])
//   kinds[c]    cell c's kind (kindCodes)                   texts[c]  index of cell c's text in `strings`
//   values      one float per 'number' cell, in cell order  extras    one index into `strings` per 'date' or 'error' cell, in cell order
import type { RawCell } from '../../../shared/operations/cells';
import { emptyCell } from './raw-cell';
import type { SourceRow } from './source';

export interface PackedRows {
  numbers: Uint32Array;
  ends: Uint32Array;
  kinds: Uint8Array;
  texts: Uint32Array;
  values: Float64Array;
  extras: Uint32Array;
  strings: string[];
}

const kindCodes: readonly RawCell['kind'][] = ['empty', 'text', 'number', 'boolean', 'date', 'error'];
const codeOf = new Map(kindCodes.map((kind, code) => [kind, code]));
const [empty, , number, , date, error] = [0, 1, 2, 3, 4, 5];

/** Collects rows (the worker's side) and packs them into one batch. */
export class RowPacker {
  private numbers: number[] = [];
  private ends: number[] = [];
  private kinds: number[] = [];
  private texts: number[] = [];
  private values: number[] = [];
  private extras: number[] = [];
  private strings: string[] = [];
  private index = new Map<string, number>();

  get rows(): number {
    return this.numbers.length;
  }

  private stringAt(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }

  add(row: SourceRow): void {
    this.numbers.push(row.number);
    for (const cell of row.cells) {
      const code = codeOf.get(cell.kind) ?? empty;
      this.kinds.push(code);
      this.texts.push(this.stringAt(cell.text));
      if (code === number) this.values.push(cell.number ?? 0);
      else if (code === date) this.extras.push(this.stringAt(cell.date ?? ''));
      else if (code === error) this.extras.push(this.stringAt(cell.error ?? ''));
    }
    this.ends.push(this.kinds.length);
  }

  /** The batch so far, and a fresh start; the typed arrays' buffers are `transfer`. */
  take(): { packed: PackedRows; transfer: ArrayBuffer[] } {
    const packed: PackedRows = {
      numbers: Uint32Array.from(this.numbers),
      ends: Uint32Array.from(this.ends),
      kinds: Uint8Array.from(this.kinds),
      texts: Uint32Array.from(this.texts),
      values: Float64Array.from(this.values),
      extras: Uint32Array.from(this.extras),
      strings: this.strings,
    };
    this.numbers = [];
    this.ends = [];
    this.kinds = [];
    this.texts = [];
    this.values = [];
    this.extras = [];
    this.strings = [];
    this.index = new Map();
    const transfer = [packed.numbers, packed.ends, packed.kinds, packed.texts, packed.values, packed.extras].map((a) => a.buffer as ArrayBuffer);
    return { packed, transfer };
  }
}

/** The caller's side: the batch's rows, each built as it is taken. */
export function* unpackRows(p: PackedRows): Generator<SourceRow> {
  let value = 0;
  let extra = 0;
  let start = 0;
  for (let r = 0; r < p.numbers.length; r++) {
    const end = p.ends[r] as number;
    const cells = new Array<RawCell>(end - start);
    for (let c = start; c < end; c++) {
      const code = p.kinds[c] as number;
      const text = p.strings[p.texts[c] as number] as string;
      let cell: RawCell;
      if (code === empty) cell = text === '' ? emptyCell : { kind: 'empty', text };
      else if (code === number) cell = { kind: 'number', text, number: p.values[value++] as number };
      else if (code === date) cell = { kind: 'date', text, date: p.strings[p.extras[extra++] as number] as string };
      else if (code === error) cell = { kind: 'error', text, error: p.strings[p.extras[extra++] as number] as string };
      else cell = { kind: kindCodes[code] as RawCell['kind'], text };
      cells[c - start] = cell;
    }
    start = end;
    yield { number: p.numbers[r] as number, cells };
  }
}
