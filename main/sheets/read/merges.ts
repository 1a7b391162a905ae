// Merged ranges: the top-left value belongs to every cell of the range (clerks merge the 外部单号 cell across
// the detail rows of one order). The ranges sit after the rows in a worksheet's XML, so they come from the zip
// guard's pass over the zip (zip-guard.ts), which runs alongside the parser: a sheet's rows are held back
// until its ranges are known, then filled and let through as they stream.
import type { RawCell } from '../../../shared/operations/cells';
import { emptyCell } from './raw-cell';
import type { SourceRow } from './source';

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const colNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** "B2:C5" → 0-based columns, 1-based rows. */
export function parseRange(ref: string): Range | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const [a, b] = [colNumber(m[1] as string) - 1, colNumber(m[3] as string) - 1];
  const [r1, r2] = [Number(m[2]), Number(m[4])];
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(a, b), right: Math.max(a, b) };
}

/** Applies merged ranges to rows as they stream: the top-left value is remembered and copied down and across. */
class MergeFiller {
  private readonly values = new Map<Range, RawCell>();
  constructor(private readonly ranges: Range[]) {}

  fill(row: SourceRow): void {
    for (const range of this.ranges) {
      if (row.number < range.top || row.number > range.bottom) continue;
      if (row.number === range.top) this.values.set(range, row.cells[range.left] ?? emptyCell);
      const value = this.values.get(range);
      if (!value) continue;
      for (let c = range.left; c <= range.right; c++) row.cells[c] = value;
    }
  }
}

/**
 * A sheet's rows on their way out: held while its merged ranges are still being found, then filled.
 * `pass` takes each row in order and returns the rows that may go on (none while held, all the held ones
 * and this one once the ranges are known); `end` returns what is still held once the sheet has no more rows.
 */
export class MergeGate {
  private filler: MergeFiller | null = null;
  private failure: { error: unknown } | null = null;
  private held: SourceRow[] = [];
  private readonly ranges: Promise<string[]>;

  constructor(ranges: Promise<string[]>) {
    this.ranges = ranges;
    ranges.then(
      (refs) => (this.filler = fillerOf(refs)),
      (error: unknown) => (this.failure = { error }),
    );
  }

  /** The ranges are known and no row is held: rows may be filled and passed one by one (`fill`). */
  get open(): boolean {
    return this.filler !== null && this.held.length === 0;
  }

  fill(row: SourceRow): SourceRow {
    (this.filler as MergeFiller).fill(row);
    return row;
  }

  pass(row: SourceRow): SourceRow[] {
    if (this.failure) throw this.failure.error;
    this.held.push(row);
    return this.filler ? this.release(this.filler) : [];
  }

  async end(): Promise<SourceRow[]> {
    if (this.held.length === 0) return [];
    return this.release(this.filler ?? fillerOf(await this.ranges));
  }

  private release(filler: MergeFiller): SourceRow[] {
    const rows = this.held;
    this.held = [];
    for (const row of rows) filler.fill(row);
    return rows;
  }
}

const fillerOf = (refs: readonly string[]): MergeFiller => new MergeFiller(refs.map(parseRange).filter((r): r is Range => r !== null));
