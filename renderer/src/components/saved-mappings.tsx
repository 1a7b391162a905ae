// Settings: the column mappings remembered per operation and header set, each removable (the next sheet
// with those headers then goes through the mapping step again).
import { useCallback, useEffect, useState } from 'react';
import type { SavedMappingView } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { ErrorBox } from './error-box';
import { useApp, useT } from '../hooks/use-app';
import { operationLabel } from '../operations';

export function SavedMappings() {
  const { api, lang } = useApp();
  const tr = useT();
  const [list, setList] = useState<SavedMappingView[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const load = useCallback(async () => {
    const got = await api.importMappings();
    if (got.ok) setList(got.value);
    setError(got.ok ? null : got.error);
  }, [api]);
  useEffect(() => void load(), [load]);
  const remove = async (m: SavedMappingView) => {
    const got = await api.importMappingRemove({ operation: m.operation, fingerprint: m.fingerprint });
    if (!got.ok) setError(got.error);
    await load();
  };
  const sep = lang === 'zh-CN' ? '、' : ', ';
  return (
    <section className="panel" aria-labelledby="mappings-title" data-testid="saved-mappings">
      <h3 id="mappings-title">{tr('mapping.settings.title')}</h3>
      {error && <ErrorBox error={error} />}
      {list && list.length === 0 && <p className="muted">{tr('mapping.settings.none')}</p>}
      {list && list.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{tr('mapping.settings.col.operation')}</th>
              <th scope="col">{tr('mapping.settings.col.headers')}</th>
              <th scope="col">{tr('mapping.settings.col.saved')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {list.map((m) => {
              const operation = operationLabel(m.operation, lang);
              const headers = m.headers.join(sep);
              return (
                <tr key={`${m.operation}/${m.fingerprint}`}>
                  <td>{operation}</td>
                  <td>{headers}</td>
                  <td>{new Date(m.savedAt).toLocaleString(lang)}</td>
                  <td>
                    <button type="button" className="link" aria-label={tr('mapping.settings.removeLabel', { operation, headers })} onClick={() => void remove(m)}>
                      {tr('mapping.settings.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
