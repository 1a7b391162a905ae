// An expected failure shown as a clear message with what to do. The message already says it in the
// reader's language (main writes it); the hint adds the next step for refusals a clerk can fix.
import type { AppError, ErrorCode } from '../../../shared/result';
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../hooks/use-app';

const hints: Partial<Record<ErrorCode, MessageKey>> = {
  FILE_LEGACY_XLS: 'ui.hint.legacyXls',
  FILE_ENCRYPTED: 'ui.hint.encrypted',
  FILE_TOO_LARGE: 'ui.hint.tooLarge',
  FILE_UNREADABLE: 'ui.hint.unreadable',
  OPERATION_UNKNOWN: 'ui.hint.operationUnknown',
  NO_VALID_ROWS: 'ui.hint.noValidRows',
  ERP_UNREACHABLE: 'ui.hint.unreachable',
  CREDENTIALS_REFUSED: 'ui.hint.credentials',
  INTERNAL: 'ui.hint.internal',
};

/** `message` replaces main's text where that text is written for the command line (it names flags). */
export function ErrorBox({ error, title, message }: { error: AppError; title?: string; message?: string }) {
  const tr = useT();
  const hint = hints[error.code];
  return (
    <div className="error-box" role="alert" data-testid="error-box" data-code={error.code}>
      <strong>{title ?? tr('ui.common.errorTitle')}</strong>
      <p>{message ?? error.message}</p>
      {hint && <p className="hint">{tr(hint)}</p>}
    </div>
  );
}

export function Loading({ text }: { text: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {text}
    </p>
  );
}
