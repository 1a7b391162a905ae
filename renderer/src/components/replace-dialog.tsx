// A new file arrived (dropped, or opened from the OS) while a review is on screen: replacing it drops the
// review and the rows the clerk chose to skip, so ask first. Keeping the review is the safe default.
import { countKey, useT } from '../hooks/use-app';
import { Dialog } from './dialog';

interface Props {
  current: string;
  skipped: number;
  next: string;
  onKeep(): void;
  onReplace(): void;
}

export function ReplaceDialog({ current, skipped, next, onKeep, onReplace }: Props) {
  const tr = useT();
  return (
    <Dialog
      title={tr('ui.shell.replaceTitle')}
      onCancel={onKeep}
      onSubmit={onReplace}
      testId="replace-dialog"
      actions={
        <>
          <button type="button" onClick={onKeep} data-autofocus="">
            {tr('ui.shell.replaceKeep')}
          </button>
          <button type="submit" className="primary">
            {tr('ui.shell.replaceGo')}
          </button>
        </>
      }
    >
      <p>{tr(countKey('ui.shell.replaceText', skipped), { current, skipped, next })}</p>
    </Dialog>
  );
}
