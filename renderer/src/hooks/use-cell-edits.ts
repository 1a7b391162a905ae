// One cell edit of a read, judged again by main with the reader's rules (importEdit): the review grid and the
// results screen's rows to resend edit through it alike, with undo and redo (use-edit-history). An edit comes
// back with the read's new summary; the rows shown are fetched again (only the pages in view).
import { useCallback, useState } from 'react';
import type { ImportSummary } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { useApp } from './use-app';
import { useEditHistory, type CellStep } from './use-edit-history';

export function useCellEdits(importId: string, onSummary: (summary: ImportSummary) => void, reload: () => void) {
  const { api } = useApp();
  const [error, setError] = useState<AppError | null>(null);
  /** Edits that took so far: lists keyed by it (the problems) start over after each. */
  const [serial, setSerial] = useState(0);
  const apply = useCallback(
    async (rowNumber: number, column: number, value: string) => {
      const got = await api.importEdit({ importId, rowNumber, column, value });
      if (!got.ok) {
        setError(got.error);
        return false;
      }
      setError(null);
      onSummary(got.value);
      setSerial((n) => n + 1);
      reload();
      return true;
    },
    [api, importId, onSummary, reload],
  );
  const history = useEditHistory(apply);
  /** What RowGrid needs to edit in place, undo and redo. */
  const grid = {
    onEdit: (step: CellStep) => void history.edit(step),
    onUndo: () => void history.undo(),
    onRedo: () => void history.redo(),
  };
  return { history, grid, error, serial };
}
