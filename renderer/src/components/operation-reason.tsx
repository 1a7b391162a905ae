// Why the sheet was read as this operation, said briefly: "recognised from the headers", with the
// headers as a list (not one run-on sentence of 28 names) and the ERP API name for the IT person, folded away.
import type { LocalizedText } from '../../../shared/i18n';
import { render } from '../../../shared/i18n';
import { useApp, useT } from '../hooks/use-app';
import { operationMethod } from '../operations';

export function OperationReason({ operation, reason }: { operation: string; reason: LocalizedText }) {
  const { lang } = useApp();
  const tr = useT();
  const headers = reason.key === 'sheets.operation.inferred' ? String(reason.params?.headers ?? '').split('、').filter(Boolean) : null;
  return (
    <details className="operation-reason" data-testid="operation-reason">
      <summary className="muted">{headers ? tr('ui.review.reasonInferred') : render(lang, reason)}</summary>
      <div className="reason-body">
        {headers && (
          <>
            <p>{tr('ui.review.reasonHeaders', { headers: '' })}</p>
            <ul className="header-list">
              {headers.map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ul>
          </>
        )}
        <p className="muted">{tr('ui.review.method', { method: operationMethod(operation) })}</p>
      </div>
    </details>
  );
}
