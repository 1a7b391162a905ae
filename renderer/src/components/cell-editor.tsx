// The text box that edits one cell of the review grid, in place. Enter or Tab commits (Tab also moves
// sideways, as in a spreadsheet), Escape cancels; leaving the box commits. Its keys never reach the grid.
import { useEffect, useRef, type KeyboardEvent } from 'react';

export type EditEnd = 'commit' | 'commit-next' | 'commit-prev' | 'cancel';

interface Props {
  value: string;
  label: string;
  onEnd(end: EditEnd, value: string): void;
}

export function CellEditor({ value, label, onEnd }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const ended = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const end = (how: EditEnd) => {
    if (ended.current) return;
    ended.current = true;
    onEnd(how, input.current?.value ?? value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      end('commit');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      end(event.shiftKey ? 'commit-prev' : 'commit-next');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      end('cancel');
    }
  };
  return (
    <input
      ref={input}
      className="cell-input"
      defaultValue={value}
      aria-label={label}
      data-testid="cell-editor"
      onKeyDown={onKeyDown}
      onBlur={() => end('commit')}
      onMouseDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  );
}
