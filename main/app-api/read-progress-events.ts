// A read's first rows and progress, as the renderer's events (read-progress.contract.ts): only what the
// review grid shows — the rows' texts and own problems — never their parsed values.
import type { EventSink, ReadProgressView } from '../../shared/contract';
import type { ReadWatchers } from '../sheets/read/types';

/** A sheet smaller than this reads in a blink: its review would follow a preview before anyone could look at it. */
export const previewRows = 1000;

export function readWatchers(token: string, emit: EventSink): Required<ReadWatchers> {
  let first: ReadProgressView['first'];
  return {
    onFirstRows(rows) {
      first = {
        sheet: rows.sheet,
        headerRow: rows.headerRow,
        operation: rows.operation,
        columns: rows.columns.map((c) => ({ ...c })),
        rows: rows.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells, problems: r.problems })),
      };
    },
    // The first rows go with the progress report told right after them (sheet-rows.ts), as one event.
    onProgress(progress) {
      if (Math.max(progress.rows, progress.total ?? 0) < previewRows) return;
      emit('onDidReadProgress', { token, ...progress, ...(first ? { first } : {}) });
      first = undefined;
    },
  };
}
