// Settings: profiles (add, edit, delete, test the connection, make default), the language, saved column mappings.
import { useState } from 'react';
import type { ConnectionCheck, ProfileView } from '../../../shared/contract';
import { langs, type Lang } from '../../../shared/i18n';
import type { AppError } from '../../../shared/result';
import { Dialog } from '../components/dialog';
import { EnvTag, envOf } from '../components/env-banner';
import { ErrorBox } from '../components/error-box';
import { MasterdataPanel } from '../components/masterdata-panel';
import { ProfileForm } from '../components/profile-form';
import { SavedMappings } from '../components/saved-mappings';
import { ScreenTitle } from '../components/screen-title';
import { useApp, useT } from '../hooks/use-app';
import type { Shell } from '../hooks/use-shell';

const langNames: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

export function SettingsScreen({ shell }: { shell: Shell }) {
  const { api, lang } = useApp();
  const tr = useT();
  const [form, setForm] = useState<{ editing: ProfileView | null } | null>(null);
  const [removing, setRemoving] = useState<ProfileView | null>(null);
  const [checks, setChecks] = useState<Record<string, ConnectionCheck | 'testing'>>({});
  const [error, setError] = useState<AppError | null>(null);

  const after = async (got: { ok: boolean; error?: AppError }) => {
    setError(got.ok ? null : (got.error ?? null));
    await shell.refresh();
  };
  const test = async (name: string) => {
    setChecks((c) => ({ ...c, [name]: 'testing' }));
    const got = await api.profilesTest({ name });
    if (got.ok) setChecks((c) => ({ ...c, [name]: got.value }));
    else {
      setChecks(({ [name]: _gone, ...rest }) => rest);
      setError(got.error);
    }
  };

  return (
    <div className="settings">
      <ScreenTitle className="sr-only">{tr('ui.settings.title')}</ScreenTitle>
      <section className="panel" aria-labelledby="profiles-title">
        <div className="panel-head">
          <h3 id="profiles-title">{tr('ui.settings.profiles')}</h3>
          <button type="button" className="primary" onClick={() => setForm({ editing: null })} data-testid="add-profile">
            {tr('ui.settings.add')}
          </button>
        </div>
        <p className="muted">{tr('ui.settings.defaultNote')}</p>
        {error && <ErrorBox error={error} />}
        <ul className="profile-list" data-testid="profile-list">
          {shell.profiles.map((p) => {
            const check = checks[p.name];
            return (
              <li key={p.name} className={`profile-card choice-${envOf(p)}`}>
                <div className="profile-line">
                  <EnvTag env={envOf(p)} />
                  <strong>{p.name}</strong>
                  {p.isDefault && <span className="badge">{tr('ui.settings.default')}</span>}
                  <span className="muted">{tr('ui.shell.account', { sid: p.sid })}</span>
                  <span className="muted">AppKey {p.appkey}</span>
                  <span className="muted">{tr(`ui.settings.secretKind.${p.secret}`)}</span>
                </div>
                <div className="muted">
                  {p.baseUrl ?? tr('ui.settings.builtinUrl')} ·{' '}
                  {tr('ui.settings.limitsLine', { concurrency: p.limits.concurrency, perMinute: p.limits.callsPerMinute, timeout: p.limits.timeoutSeconds })}
                </div>
                <div className="row-buttons">
                  <button type="button" onClick={() => void test(p.name)} disabled={check === 'testing'} aria-label={tr('ui.settings.testLabel', { name: p.name })}>
                    {check === 'testing' ? tr('ui.settings.testing') : tr('ui.settings.test')}
                  </button>
                  {!p.isDefault && (
                    <button type="button" onClick={() => void api.profilesSetDefault({ name: p.name }).then(after)} aria-label={tr('ui.settings.makeDefaultLabel', { name: p.name })}>
                      {tr('ui.settings.makeDefault')}
                    </button>
                  )}
                  {!p.builtin && (
                    <>
                      <button type="button" onClick={() => setForm({ editing: p })} aria-label={tr('ui.settings.editLabel', { name: p.name })}>
                        {tr('ui.settings.edit')}
                      </button>
                      <button type="button" className="danger-outline" onClick={() => setRemoving(p)} aria-label={tr('ui.settings.removeLabel', { name: p.name })}>
                        {tr('ui.settings.remove')}
                      </button>
                    </>
                  )}
                </div>
                {check && check !== 'testing' && (
                  <p className={check.outcome === 'works' ? 'ok-text' : 'warn-text'} role="status" data-testid="connection-check">
                    {check.message}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <MasterdataPanel />
      <section className="panel" aria-labelledby="lang-title">
        <h3 id="lang-title">{tr('ui.shell.language')}</h3>
        <div role="radiogroup" aria-labelledby="lang-title" className="row-buttons">
          {langs.map((l) => (
            <label key={l} className={l === lang ? 'chip chip-on' : 'chip'}>
              <input type="radio" name="lang" checked={l === lang} onChange={() => void api.appSetLang({ lang: l }).then(after)} />
              {langNames[l]}
            </label>
          ))}
        </div>
        <p className="muted">{tr('ui.settings.langNote')}</p>
      </section>
      <SavedMappings />
      {form && (
        <ProfileForm
          editing={form.editing}
          onClose={(saved) => {
            setForm(null);
            if (saved) void shell.refresh();
          }}
        />
      )}
      {removing && (
        <Dialog
          title={tr('ui.settings.removeTitle', { name: removing.name })}
          tone="danger"
          onCancel={() => setRemoving(null)}
          onSubmit={() => {
            const name = removing.name;
            setRemoving(null);
            void api.profilesRemove({ name }).then(after);
          }}
          actions={
            <>
              <button type="button" onClick={() => setRemoving(null)} data-autofocus="">
                {tr('ui.common.cancel')}
              </button>
              <button type="submit" className="danger">
                {tr('ui.settings.remove')}
              </button>
            </>
          }
        >
          <p>{tr('ui.settings.removeText', { name: removing.name })}</p>
        </Dialog>
      )}
    </div>
  );
}
