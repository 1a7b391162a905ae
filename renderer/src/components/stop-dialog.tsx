// Stopping a job asks first: it says what happens to the rows already sent and to those not sent yet.
// Focus starts on Cancel, so an Enter pressed by habit does not stop anything.
import { Dialog } from './dialog';
import { useT } from '../hooks/use-app';

interface Props {
  /** Rows not settled yet (not sent, or sent and awaiting an answer). */
  pending: number;
  onCancel(): void;
  onConfirm(): void;
}

export function StopDialog({ pending, onCancel, onConfirm }: Props) {
  const tr = useT();
  return (
    <Dialog
      title={tr('ui.run.stopTitle')}
      tone="danger"
      onCancel={onCancel}
      onSubmit={onConfirm}
      testId="stop-dialog"
      actions={
        <>
          <button type="button" onClick={onCancel} data-autofocus="">
            {tr('ui.common.cancel')}
          </button>
          <button type="submit" className="danger" data-testid="stop-confirm">
            {tr('ui.run.stopConfirm')}
          </button>
        </>
      }
    >
      <p>{tr('ui.run.stopText', { pending: pending.toLocaleString() })}</p>
    </Dialog>
  );
}
