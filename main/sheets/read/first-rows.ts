// The first rows told before the read ends (ReadWatchers.onFirstRows), as early as they can be: an .xlsx
// sheet's rows wait for its merged ranges, which sit after the rows (the zip guard's scan of the whole
// worksheet finds them), so its first rows are first checked as parsed before the merges are known — a
// provisional preview — and told again, corrected, only when the read's own first rows differ from it
// (a merge covering the header or a first row, or another choice of sheet).
import { isDeepStrictEqual } from 'node:util';
import type { ReadLimits } from './limits';
import type { EarlyPick } from './sheet-choose';
import { buildRows, firstRowsCount } from './sheet-rows';
import type { SourceRow } from './source';
import type { FirstRows, ReadProgress } from './types';

export class FirstRowsTeller {
  private told: FirstRows | null = null;
  private settled = false;

  constructor(private readonly tell: (first: FirstRows) => void) {}

  /** The provisional preview: told unless something was told already (then false). */
  early(first: FirstRows): boolean {
    if (this.settled || this.told) return false;
    this.told = first;
    this.tell(first);
    return true;
  }

  /** The read's own first rows: told unless the preview told exactly these. */
  final(first: FirstRows): void {
    this.settled = true;
    if (this.told && isDeepStrictEqual(this.told, first)) return;
    this.told = first;
    this.tell(first);
  }
}

async function* rowsOf(rows: readonly SourceRow[]): AsyncGenerator<SourceRow> {
  yield* rows;
}

/**
 * Checks a sheet's early rows as the read will check its rows, and tells the first of them as a preview;
 * `onProgress` is then told how far the sheet goes as far as known (a screen shows a preview only for a
 * sheet that will take a while). Its problem counts start with the read's own rows, not the preview's.
 */
export async function tellEarlyRows(pick: EarlyPick, limits: ReadLimits, teller: FirstRowsTeller, onProgress?: (progress: ReadProgress) => void): Promise<void> {
  const first = (columns: FirstRows['columns'], rows: FirstRows['rows']) => {
    // Fewer than the read will show (blank or totals rows among the early ones): the read's own come soon.
    if (rows.length < firstRowsCount && !pick.complete) return;
    if (!teller.early({ sheet: pick.sheet, headerRow: pick.headerRow, operation: pick.operation.id, columns, rows })) return;
    const last = pick.lastRowAtLeast;
    onProgress?.({ rows: rows.length, total: last !== null && last > pick.headerRow ? Math.max(rows.length, last - pick.headerRow) : null, problems: 0, newProblems: [] });
  };
  try {
    await buildRows(pick.operation, pick.headerRow, pick.headers, rowsOf(pick.rows), pick.sheet, limits, pick.mapping, { first });
  } catch {
    // Only a preview: whatever is wrong with these rows, the read itself finds and says.
  }
}
