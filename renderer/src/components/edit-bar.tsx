// The edit bar above a grid whose cells are edited in place (the review grid, the results screen's rows to
// resend): how many cells differ from the file, then undo and redo.
import { useT } from '../hooks/use-app';
import type { EditHistory } from '../hooks/use-edit-history';

export function EditBar({ editedCells, history }: { editedCells: number; history: EditHistory }) {
  const tr = useT();
  return (
    <span className="edit-bar">
      {editedCells > 0 && (
        <span className="muted" data-testid="edited-count">
          {tr('edit.ui.editedCount', { count: editedCells })}
        </span>
      )}
      <button type="button" disabled={!history.canUndo} title={tr('edit.ui.undoTitle')} onClick={() => void history.undo()} data-testid="undo">
        {tr('edit.ui.undo')}
      </button>
      <button type="button" disabled={!history.canRedo} title={tr('edit.ui.redoTitle')} onClick={() => void history.redo()} data-testid="redo">
        {tr('edit.ui.redo')}
      </button>
    </span>
  );
}
