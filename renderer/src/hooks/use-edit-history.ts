// Undo and redo of the review grid's cell edits. Each step is one cell's text before and after; undo sets the
// before text again through the same edit channel (main restores the reader's verdict when it is the file's
// text), redo sets the after text. A new edit clears what could be redone, as editors do.
import { useCallback, useRef, useState } from 'react';

export interface CellStep {
  rowNumber: number;
  column: number;
  before: string;
  after: string;
}

/** Sets a cell in main; resolves true when it took. */
export type ApplyCell = (rowNumber: number, column: number, value: string) => Promise<boolean>;

export type EditHistory = ReturnType<typeof useEditHistory>;

export function useEditHistory(apply: ApplyCell) {
  const done = useRef<CellStep[]>([]);
  const undone = useRef<CellStep[]>([]);
  const busy = useRef(false);
  const [, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);

  /** One edit at a time: a second key press while main judges the first waits its turn by being ignored. */
  const run = useCallback(async (work: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await work();
    } finally {
      busy.current = false;
      bump();
    }
  }, []);

  const edit = useCallback(
    (step: CellStep) =>
      run(async () => {
        if (step.before === step.after) return;
        if (await apply(step.rowNumber, step.column, step.after)) {
          done.current.push(step);
          undone.current = [];
        }
      }),
    [apply, run],
  );
  /** Takes the last step of `from`, sets its text (before for undo, after for redo), and moves it to `to`. */
  const step = useCallback(
    (from: { current: CellStep[] }, to: { current: CellStep[] }, text: (s: CellStep) => string) =>
      run(async () => {
        const last = from.current.at(-1);
        if (last && (await apply(last.rowNumber, last.column, text(last)))) to.current.push(from.current.pop() as CellStep);
      }),
    [apply, run],
  );
  const undo = useCallback(() => step(done, undone, (s) => s.before), [step]);
  const redo = useCallback(() => step(undone, done, (s) => s.after), [step]);
  return { edit, undo, redo, canUndo: done.current.length > 0, canRedo: undone.current.length > 0 };
}
