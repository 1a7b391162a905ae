// The WAI-ARIA grid pattern for the review grid: the grid is one tab stop; arrow keys, Home/End,
// Ctrl+Home/End and PageUp/PageDown move the active cell inside it (aria-activedescendant, because a
// virtualized grid drops rows that scroll away, and a roving tabindex would lose its element).
import { useCallback, useState, type KeyboardEvent } from 'react';

export interface ActiveCell {
  index: number;
  col: number;
}

const page = 10;

export function useGridKeys(rows: number, cols: number, onActivate: (cell: ActiveCell) => void) {
  const [active, setActive] = useState<ActiveCell>({ index: 0, col: 0 });
  const clamp = useCallback(
    (cell: ActiveCell): ActiveCell => ({ index: Math.max(0, Math.min(rows - 1, cell.index)), col: Math.max(0, Math.min(cols - 1, cell.col)) }),
    [rows, cols],
  );
  const onKeyDown = (event: KeyboardEvent) => {
    const { index, col } = active;
    const ctrl = event.ctrlKey || event.metaKey;
    const moves: Record<string, ActiveCell | undefined> = {
      ArrowDown: { index: index + 1, col },
      ArrowUp: { index: index - 1, col },
      ArrowRight: { index, col: col + 1 },
      ArrowLeft: { index, col: col - 1 },
      PageDown: { index: index + page, col },
      PageUp: { index: index - page, col },
      Home: ctrl ? { index: 0, col: 0 } : { index, col: 0 },
      End: ctrl ? { index: rows - 1, col: cols - 1 } : { index, col: cols - 1 },
    };
    const next = moves[event.key];
    if (next) {
      event.preventDefault();
      setActive(clamp(next));
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      onActivate(active);
    }
  };
  return { active: clamp(active), setActive: (cell: ActiveCell) => setActive(clamp(cell)), onKeyDown };
}
