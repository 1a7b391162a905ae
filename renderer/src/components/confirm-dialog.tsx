// The production confirmation: main's text (where it goes, seller account, operation, counts) and a
// tick the clerk must give before Enter confirms. Focus starts on the tick; Escape cancels.
import { useState } from 'react';
import type { SubmitPreview } from '../../../shared/contract';
import { Dialog } from './dialog';
import { useT } from '../hooks/use-app';

interface Props {
  preview: SubmitPreview;
  onCancel(): void;
  onConfirm(): void;
}

export function ConfirmDialog({ preview, onCancel, onConfirm }: Props) {
  const tr = useT();
  const [checked, setChecked] = useState(false);
  return (
    <Dialog
      title={tr('ui.confirm.title')}
      tone="danger"
      onCancel={onCancel}
      onSubmit={() => checked && onConfirm()}
      testId="confirm-dialog"
      actions={
        <>
          <button type="button" onClick={onCancel}>
            {tr('ui.common.cancel')}
          </button>
          <button type="submit" className="danger" disabled={!checked} data-testid="confirm-submit">
            {tr('ui.confirm.submit', { sid: preview.profile.sid })}
          </button>
        </>
      }
    >
      <pre className="confirm-text" data-testid="confirm-text">{preview.confirmationText}</pre>
      <label className="confirm-tick">
        <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} data-autofocus="" data-testid="confirm-tick" />
        {tr('ui.confirm.tick', { sid: preview.profile.sid })}
      </label>
    </Dialog>
  );
}
