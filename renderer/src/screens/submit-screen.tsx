// Submit: which profile (environment unmistakable), what will be sent (from jobsPreview), is_check as an
// explicit choice for creates, and for production a confirmation naming the seller account, the
// operation and the counts. Only the start button here sends anything.
import { useEffect, useState } from 'react';
import type { ImportSummary, ProfileView, SubmitPreview } from '../../../shared/contract';
import { ConfirmDialog } from '../components/confirm-dialog';
import { EarlierNotice } from '../components/earlier-notice';
import { EnvTag, envOf } from '../components/env-banner';
import { IgnoredColumns } from '../components/ignored-columns';
import { ErrorBox, Loading } from '../components/error-box';
import { ScreenTitle } from '../components/screen-title';
import { countKey, useApp, useT } from '../hooks/use-app';
import { useAsync } from '../hooks/use-async';
import { operationLabel, operationMethod, takesCheck } from '../operations';

interface Props {
  summary: ImportSummary;
  withdrawn: ReadonlySet<number>;
  profiles: readonly ProfileView[];
  profile: ProfileView | null;
  onProfile(name: string): void;
  onBack(): void;
  onStarted(jobId: string): void;
}

export function SubmitScreen({ summary, withdrawn, profiles, profile, onProfile, onBack, onStarted }: Props) {
  const { api, lang } = useApp();
  const tr = useT();
  const [preview, runPreview] = useAsync<SubmitPreview>();
  const [start, runStart] = useAsync<{ jobId: string }>();
  const [isCheck, setIsCheck] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [includeDone, setIncludeDone] = useState(false);
  const asksCheck = takesCheck(summary.operation);
  const withdrawnRows = [...withdrawn];
  // Only an offered profile is ever previewed or started; when the current one is not offered (the
  // sample and a production default), the first offered one becomes the choice, banner included.
  const offered = profile && profiles.some((p) => p.name === profile.name) ? profile : (profiles[0] ?? null);
  const name = offered?.name ?? '';
  useEffect(() => {
    if (offered && offered !== profile) onProfile(offered.name);
  }, [offered, profile, onProfile]);

  useEffect(() => {
    if (name) void runPreview(() => api.jobsPreview({ importId: summary.importId, profile: name, withdrawnRows, includeDone }));
    // withdrawnRows is derived from `withdrawn`, the real dependency.
  }, [api, runPreview, summary.importId, name, withdrawn, includeDone]);

  const ready = preview.status === 'done' && preview.value.orders > 0 && (!asksCheck || isCheck !== null) && start.status !== 'loading';
  const go = async (confirmed: boolean) => {
    setConfirming(false);
    const got = await runStart(() => api.jobsStart({ importId: summary.importId, profile: name, isCheck: isCheck ?? false, withdrawnRows, includeDone, confirmed }));
    if (got?.ok) onStarted(got.value.jobId);
  };
  const onStart = () => {
    if (preview.status !== 'done') return;
    if (preview.value.needsConfirmation) setConfirming(true);
    else void go(false);
  };

  return (
    <div className="submit">
      <ScreenTitle>{tr('ui.submit.title')}</ScreenTitle>
      <section className="panel" aria-labelledby="profile-title">
        <h2 id="profile-title">{tr('ui.submit.profile')}</h2>
        {summary.sandboxOnly && <p className="muted" data-testid="sample-sandbox">{tr('ui.submit.sampleSandbox')}</p>}
        <div role="radiogroup" aria-labelledby="profile-title" className="profile-choices">
          {profiles.map((p) => (
            <label key={p.name} className={`profile-choice choice-${envOf(p)}${p.name === name ? ' choice-on' : ''}`}>
              <input type="radio" name="profile" value={p.name} checked={p.name === name} onChange={() => onProfile(p.name)} />
              <EnvTag env={envOf(p)} />
              <span className="choice-name">{p.name}</span>
              <span className="muted">{tr('ui.shell.account', { sid: p.sid })}</span>
            </label>
          ))}
        </div>
      </section>
      <section className="panel" aria-labelledby="what-title">
        <h2 id="what-title">{tr('ui.submit.what')}</h2>
        <p>
          <span title={tr('ui.review.method', { method: operationMethod(summary.operation) })}>{operationLabel(summary.operation, lang)}</span> · {summary.file.name}
        </p>
        <IgnoredColumns columns={summary.ignoredColumns} />
        {preview.status === 'loading' && <Loading text={tr('ui.submit.previewing')} />}
        {preview.status === 'error' && <ErrorBox error={preview.error} />}
        {preview.status === 'done' && (
          <>
            <dl className="counts" data-testid="submit-counts">
              <div className="count">
                <dt>{tr('ui.review.orders')}</dt>
                <dd>{preview.value.orders.toLocaleString()}</dd>
              </div>
              <div className="count">
                <dt>{tr('ui.review.rows')}</dt>
                <dd>{preview.value.rows.toLocaleString()}</dd>
              </div>
              <div className="count">
                <dt>{tr('ui.review.withdrawnCount')}</dt>
                <dd>{preview.value.withdrawn.toLocaleString()}</dd>
              </div>
              {preview.value.earlier.doneRows > 0 && (preview.value.earlier.alwaysSkip || !includeDone) && (
                <div className="count count-warn" data-testid="done-count">
                  <dt>{tr('resend.count.done')}</dt>
                  <dd>{preview.value.earlier.doneRows.toLocaleString()}</dd>
                </div>
              )}
            </dl>
            {summary.counts.invalid + summary.counts.duplicate > 0 && (
              <p className="muted">{tr(countKey('ui.submit.notSent', summary.counts.invalid + summary.counts.duplicate), { count: summary.counts.invalid + summary.counts.duplicate })}</p>
            )}
            <EarlierNotice earlier={preview.value.earlier} includeDone={includeDone} onIncludeDone={setIncludeDone} />
            {preview.value.orders === 0 && <p className="warn-text">{tr('ui.submit.nothing')}</p>}
          </>
        )}
        {asksCheck && (
          <fieldset className="is-check" data-testid="is-check">
            <legend>{tr('ui.submit.isCheck')}</legend>
            <label>
              <input type="radio" name="is-check" checked={isCheck === false} onChange={() => setIsCheck(false)} />
              {tr('ui.submit.isCheckNo')}
            </label>
            <label>
              <input type="radio" name="is-check" checked={isCheck === true} onChange={() => setIsCheck(true)} />
              {tr('ui.submit.isCheckYes')}
            </label>
          </fieldset>
        )}
      </section>
      {start.status === 'error' && <ErrorBox error={start.error} title={tr('ui.submit.failed')} />}
      <div className="actions">
        <button type="button" onClick={onBack}>
          {tr('ui.submit.back')}
        </button>
        {asksCheck && isCheck === null && <span className="muted">{tr('ui.submit.chooseCheck')}</span>}
        <button type="button" className={offered && envOf(offered) === 'production' ? 'danger' : 'primary'} disabled={!ready} onClick={onStart} data-testid="start">
          {start.status === 'loading' ? tr('ui.submit.starting') : tr('ui.submit.start')}
        </button>
      </div>
      {confirming && preview.status === 'done' && (
        <ConfirmDialog preview={preview.value} onCancel={() => setConfirming(false)} onConfirm={() => void go(true)} />
      )}
    </div>
  );
}
