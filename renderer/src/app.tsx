// The window shell: title, the environment banner (which profile a submit would go to), the language
// switch, and a drop target. The clerk's screens (import, review, submit, run, results, jobs, settings)
// plug in below the banner.
import { useCallback, useEffect, useState, type DragEvent } from 'react';
import type { AppInfo, FileTicket, ProfileView, WdtApi } from '../../shared/contract';
import { langs, t, type Lang, type MessageKey } from '../../shared/i18n';
import type { AppError } from '../../shared/result';

const langNames: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

type Env = 'sandbox' | 'test' | 'production';
const envOf = (p: ProfileView): Env => (p.builtin ? 'sandbox' : p.environment);
const envNote: Record<Env, MessageKey> = { sandbox: 'ui.shell.sandboxNote', test: 'ui.shell.testNote', production: 'ui.shell.productionNote' };

export function App({ api }: { api: WdtApi }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [profile, setProfile] = useState<ProfileView | null>(null);
  const [online, setOnline] = useState(true);
  const [ticket, setTicket] = useState<FileTicket | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const lang: Lang = info?.lang ?? 'zh-CN';

  const refresh = useCallback(async () => {
    const [got, profiles] = await Promise.all([api.appInfo(), api.profilesList()]);
    if (got.ok) {
      setInfo(got.value);
      setOnline(got.value.online);
      document.documentElement.lang = got.value.lang;
      document.title = t(got.value.lang, 'common.appName');
    } else setError(got.error);
    if (profiles.ok) setProfile(profiles.value.find((p) => p.isDefault) ?? profiles.value[0] ?? null);
    else setError(profiles.error);
  }, [api]);

  const takePending = useCallback(async () => {
    const pending = await api.importTakePending();
    const last = pending.ok ? pending.value.at(-1) : undefined;
    if (last) setTicket(last);
  }, [api]);

  useEffect(() => {
    const offImport = api.onDidImportFile(() => void takePending());
    const offOnline = api.onDidChangeOnline(({ online: now }) => setOnline(now));
    void refresh();
    void takePending();
    return () => {
      offImport();
      offOnline();
    };
  }, [api, refresh, takePending]);

  const chooseLang = async (next: Lang) => {
    const done = await api.appSetLang({ lang: next });
    if (done.ok) await refresh();
    else setError(done.error);
  };

  const accept = (got: Awaited<ReturnType<WdtApi['importOpenDialog']>>) => {
    if (!got.ok) setError(got.error);
    else if (got.value) {
      setError(null);
      setTicket(got.value);
    }
  };
  const onDrop = async (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) accept(await api.importDroppedFile(file));
  };

  const env = profile ? envOf(profile) : null;
  return (
    <div className="shell" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)}>
      <header className="titlebar">
        <h1>
          {t(lang, 'common.appName')} <span className="subtitle">{t(lang, 'ui.shell.subtitle')}</span>
        </h1>
        <label className="lang">
          {t(lang, 'ui.shell.language')}
          <select value={lang} onChange={(e) => void chooseLang(e.target.value as Lang)} data-testid="lang-select">
            {langs.map((l) => (
              <option key={l} value={l}>
                {langNames[l]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className={`env-banner env-${env ?? 'unknown'}`} data-testid="env-banner" role="status">
        {profile && env ? (
          <>
            <strong className="env-tag">{t(lang, `common.env.${env}`)}</strong>
            <span>{t(lang, 'ui.shell.profile', { name: profile.name })}</span>
            <span>{t(lang, 'ui.shell.account', { sid: profile.sid })}</span>
            <span className="env-note">{t(lang, envNote[env])}</span>
          </>
        ) : (
          <span>{t(lang, 'ui.shell.loading')}</span>
        )}
      </div>
      {!online && <div className="notice notice-warn">{t(lang, 'ui.shell.offline')}</div>}
      {info?.secrets === 'session' && <div className="notice">{t(lang, 'ui.shell.sessionSecrets')}</div>}
      {error && (
        <div className="notice notice-error" role="alert">
          {t(lang, 'ui.shell.error', { message: error.message })}
        </div>
      )}
      <main className="content">
        <section className="dropzone" data-testid="dropzone">
          <p>{t(lang, 'ui.shell.dropHint')}</p>
          <button type="button" onClick={() => void api.importOpenDialog().then(accept)}>
            {t(lang, 'ui.shell.openFile')}
          </button>
          {ticket && <p className="ticket">{t(lang, 'ui.shell.fileReady', { name: ticket.name })}</p>}
        </section>
      </main>
      <footer className="statusbar">
        {info ? `${info.name} ${info.version}` : ''}
      </footer>
    </div>
  );
}
