// Merged ranges: the top-left value belongs to every cell of the range (clerks merge the 外部单号 cell across
// the detail rows of one order). The ranges sit after the rows in a worksheet's XML, so they come from the zip
// guard's pass over the zip (zip-guard.ts): a sheet's rows are handed on once its ranges are known, filled as
// they stream.
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
 * The filler of a sheet's merged ranges, once they are known. The sheet's rows wait for it (xlsx-source.ts);
 * its parse does not: the first rows are parsed while the zip guard's scan runs, for a provisional preview.
 */
export const mergeFiller = async (ranges: Promise<string[]>): Promise<{ fill(row: SourceRow): SourceRow }> => {
  const filler = fillerOf(await ranges);
  return {
    fill(row) {
      filler.fill(row);
      return row;
    },
  };
};

const fillerOf = (refs: readonly string[]): MergeFiller => new MergeFiller(refs.map(parseRange).filter((r): r is Range => r !== null));
