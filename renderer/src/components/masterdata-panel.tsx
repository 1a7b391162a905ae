// Settings: the local copy of the ERP's master data for the default profile — each list's size and
// age (or why it was skipped), and a refresh with progress that can be stopped (docs/masterdata.md).
import { useCallback, useEffect, useState } from 'react';
import type { MasterdataProgress, MasterdataStatusView } from '../../../shared/contract';
import { render, type LocalizedText } from '../../../shared/i18n';
import { ageText } from '../../../shared/masterdata/age';
import type { AppError } from '../../../shared/result';
import { useApp, useT } from '../hooks/use-app';
import { ErrorBox } from './error-box';

export function MasterdataPanel() {
  const { api, lang } = useApp();
  const tr = useT();
  const [status, setStatus] = useState<MasterdataStatusView | null>(null);
  const [progress, setProgress] = useState<MasterdataProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<'done' | 'incomplete' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<LocalizedText | null>(null);

  const load = useCallback(async () => {
    const got = await api.masterdataStatus({});
    if (got.ok) {
      setStatus(got.value);
      setRunning((r) => r || got.value.refreshing);
    } else setError(got.error);
  }, [api]);

  useEffect(() => {
    void load();
    return api.onDidMasterdataProgress((p) => setProgress(p));
  }, [api, load]);

  const refresh = async () => {
    setRunning(true);
    setOutcome(null);
    setError(null);
    setBusy(null);
    const got = await api.masterdataRefresh({});
    setRunning(false);
    setProgress(null);
    if (got.ok) {
      setOutcome(got.value.complete ? 'done' : 'incomplete');
      setBusy(got.value.notice ?? null);
    } else setError(got.error);
    await load();
  };

  const listName = (list: string) => tr(`masterdata.list.${list as 'warehouses'}`);
  return (
    <section className="panel" aria-labelledby="masterdata-title" data-testid="masterdata-panel">
      <div className="panel-head">
        <h3 id="masterdata-title">{tr('masterdata.ui.title')}</h3>
        {running ? (
          <button type="button" onClick={() => void api.masterdataStop({})} data-testid="masterdata-stop">
            {tr('masterdata.ui.stop')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void refresh()} data-testid="masterdata-refresh">
            {tr('masterdata.ui.refresh')}
          </button>
        )}
      </div>
      <p className="muted">
        {status ? `${tr('masterdata.ui.profile', { profile: status.profile })} · ` : ''}
        {tr('masterdata.ui.note')}
      </p>
      {error && <ErrorBox error={error} />}
      {running && progress && (
        <p role="status" data-testid="masterdata-progress">
          {progress.until
            ? tr('masterdata.ui.progressUntil', { list: listName(progress.list), calls: progress.calls, records: progress.records, until: progress.until })
            : tr('masterdata.ui.progress', { list: listName(progress.list), calls: progress.calls, records: progress.records })}
        </p>
      )}
      {!running && outcome && (
        <p role="status" className={outcome === 'done' ? 'ok-text' : 'warn-text'} data-testid="masterdata-outcome">
          {busy ? render(lang, busy) : tr(outcome === 'done' ? 'masterdata.ui.done' : 'masterdata.ui.incomplete')}
        </p>
      )}
      <ul className="profile-list" data-testid="masterdata-lists">
        {status?.lists.map((l) => (
          <li key={l.list} className="profile-card" data-list={l.list}>
            <div className="profile-line">
              <strong>{listName(l.list)}</strong>
              <span className="muted">
                {l.asOf === null ? tr('masterdata.ui.never') : tr('masterdata.ui.age', { count: l.count, asOf: l.asOf, age: ageText(l.ageSeconds ?? 0, lang) })}
              </span>
            </div>
            {l.resumable && <div className="muted">{tr('masterdata.age.resuming', { list: listName(l.list) })}</div>}
            {l.notice && <div className="warn-text">{render(lang, l.notice)}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
