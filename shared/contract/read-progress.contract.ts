// A read in progress, pushed to the renderer while importRead runs (issue 18 item 3): the first rows,
// checked, as soon as they are, then how far the read is, so the review grid shows rows and a progress
// bar long before a 100,000-row sheet is read. Nothing here can be submitted: the rows' dispositions and
// orders need the whole sheet, and come with importRead's summary.
import type { CellProblem, OperationId } from '../operations/types';
import { event } from './define';
import type { ImportColumnInfo } from './import.contract';

/** One of the first rows as read so far: its own cell problems in, its order and disposition not yet known. */
export interface ReadingRowView {
  rowNumber: number;
  cells: readonly string[];
  problems: readonly CellProblem[];
}

export interface ReadProgressView {
  /** The ticket being read (importRead's token). */
  token: string;
  /** Data rows checked so far. */
  rows: number;
  /** About how many rows the sheet holds below its header, as the file says; null when unknown. */
  total: number | null;
  /** Problems found so far, errors and warnings. */
  problems: number;
  /** Problems found since the last event (the first few hundred of the read at most). */
  newProblems: readonly CellProblem[];
  /** Once, as soon as they are checked: the first 100 rows, with the sheet, header row, operation and columns. */
  first?: {
    sheet: string;
    headerRow: number;
    operation: OperationId;
    columns: readonly ImportColumnInfo[];
    rows: readonly ReadingRowView[];
  };
}

export const readProgressEvents = {
  /** How far a read of importRead is (see ReadProgressView). */
  onDidReadProgress: event<ReadProgressView>('event:read-progress'),
} as const;
