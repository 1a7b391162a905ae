// Never twice by accident (issue 16): what the store already did with this sheet on this account, said
// plainly with numbers and job ids (lines rendered by main in the UI's language), and the clerk's choice
// to send the rows already done anyway — not offered for a create, whose done rows are always skipped.
import type { SubmitPreview } from '../../../shared/contract';
import { useT } from '../hooks/use-app';

interface Props {
  earlier: SubmitPreview['earlier'];
  includeDone: boolean;
  onIncludeDone(include: boolean): void;
}

export function EarlierNotice({ earlier, includeDone, onIncludeDone }: Props) {
  const tr = useT();
  if (earlier.lines.length === 0) return null;
  return (
    <div className="notice warn-text earlier-notice" role="status" data-testid="earlier-notice">
      {earlier.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {earlier.doneRows > 0 && !earlier.alwaysSkip && (
        <label>
          <input type="checkbox" checked={includeDone} onChange={(e) => onIncludeDone(e.target.checked)} data-testid="include-done" />
          {tr('resend.include')}
        </label>
      )}
    </div>
  );
}
