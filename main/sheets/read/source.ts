// What a parser hands on: sheets as streams of rows of RawCells, whatever the file format was.

import type { RawCell } from '../../../shared/operations/cells';

export interface SourceRow {
  /** Row number as Excel shows it (1-based). */
  number: number;
  /** Cells by 0-based column; holes are empty cells. */
  cells: RawCell[];
}

export interface SourceSheet {
  name: string;
  visible: boolean;
  /** Rows in order; blank rows may be missing. The consumer may stop early. */
  rows: AsyncIterable<SourceRow>;
  /**
   * The sheet's last row as the file's own `<dimension>` says, once known (by the first row at the latest):
   * an estimate for a progress bar only — writers may omit it or leave it stale; null when unknown.
   */
  lastRow?(): number | null;
  /**
   * The sheet's first rows as parsed while its merged ranges were not yet known (xlsx: the merges sit after
   * the rows), without them: for a provisional preview only (read-pipeline.ts), never part of the read's
   * result. Resolves once `rows` is being read: null when the merges came first (the rows themselves then
   * follow at once), or when the format has no such wait (csv). Never rejects.
   */
  early?: Promise<EarlyRows | null>;
}

/** SourceSheet.early: up to `earlyRowsCount` rows not yet filled by merges; `complete` when the sheet has no more. */
export interface EarlyRows {
  rows: SourceRow[];
  complete: boolean;
  /** How far the sheet goes at least, as far as anything has seen yet (a lower bound; null when unknown). */
  lastRowAtLeast: number | null;
}

/** Rows parsed ahead of a sheet's merges: the worker's first batch, enough for a header and the first 100 rows. */
export const earlyRowsCount = 128;

export interface SourceBook {
  /** Every sheet of the workbook in tab order (a CSV has one). */
  sheets: { name: string; visible: boolean }[];
  /** The sheets as they stream; stop early once the wanted sheet is read. */
  open(): AsyncIterable<SourceSheet>;
  /** Releases the file (called when the consumer stops early). */
  close(): void;
}

/**
 * A limit hit while streaming; the pipeline turns it into a FILE_TOO_LARGE result. 'rows' counts rows
 * holding a value (sheet-rows.ts); 'rawRows' every row element or record, blank ones too (the parsers).
 */
export class SheetLimitError extends Error {
  constructor(readonly limit: 'rows' | 'rawRows' | 'columns', readonly sheet: string, readonly row: number) {
    super(`sheet limit: ${limit}`);
  }
}
