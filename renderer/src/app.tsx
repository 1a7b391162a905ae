// The window shell: title and tabs, the environment banner (which profile a submit goes to), the
// language switch, a window-wide drop target, and the clerk's screens below the banner.
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { FileTicket, WdtApi } from '../../shared/contract';
import { langs, t, type Lang } from '../../shared/i18n';
import type { Result } from '../../shared/result';
import { EnvBanner, type JobTarget } from './components/env-banner';
import { OfflineNotice } from './components/offline-notice';
import { ReplaceDialog } from './components/replace-dialog';
import { StepBar } from './components/step-bar';
import { AppProvider } from './hooks/use-app';
import { useFileDrag } from './hooks/use-file-drag';
import { useFlow, type Tab } from './hooks/use-flow';
import { useShell } from './hooks/use-shell';
import { WorkScreens } from './screens/work-screens';
import { JobsScreen } from './screens/jobs-screen';
import { SettingsScreen } from './screens/settings-screen';

const langNames: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };
const tabs: readonly Tab[] = ['work', 'jobs', 'settings'];

export function App({ api }: { api: WdtApi }) {
  const shell = useShell(api);
  const flow = useFlow();
  const lang: Lang = shell.info?.lang ?? 'zh-CN';
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
  const { setError, chooseProfile } = shell;
  const { takeTicket } = flow;
  const watched = flow.tab === 'work' && (flow.step === 'run' || flow.step === 'results') ? flow.jobId : null;
  const jobTarget = useJobTarget(api, watched);
  const drag = useFileDrag();
  // A file that would replace the review on screen waits here until the clerk says so.
  const [replacing, setReplacing] = useState<FileTicket | null>(null);
  const reviewing = useRef<{ name: string; skipped: number } | null>(null);
  reviewing.current = flow.summary && (flow.step === 'review' || flow.step === 'submit') ? { name: flow.summary.file.name, skipped: flow.withdrawn.size } : null;

  // One rule for where a submit goes: the default profile, unless the clerk picks another on the submit
  // screen — and that pick is for that one submit: a new sheet, or a job started, goes back to the default.
  useEffect(() => chooseProfile(null), [flow.summary?.importId, flow.jobId, chooseProfile]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'common.appName');
  }, [lang]);

  const accept = useCallback(
    (got: Result<FileTicket | null>) => {
      if (!got.ok) setError(got.error);
      else if (got.value) {
        setError(null);
        if (reviewing.current) setReplacing(got.value);
        else takeTicket(got.value);
      }
    },
    [setError, takeTicket],
  );
  /** A ticket the app made itself (the to-fix sheet the clerk asked for) replaces the screen without asking. */
  const take = useCallback(
    (got: Result<FileTicket | null>) => {
      if (!got.ok) setError(got.error);
      else if (got.value) takeTicket(got.value);
    },
    [setError, takeTicket],
  );

  // Files opened from the OS: one opened at launch is waiting before we listen; later ones are pushed.
  useEffect(() => {
    const take = async () => {
      const pending = await api.importTakePending();
      const last = pending.ok ? pending.value.at(-1) : undefined;
      if (last) accept({ ok: true, value: last });
    };
    const off = api.onDidImportFile(() => void take());
    void take();
    return off;
  }, [api, accept]);

  const chooseLang = async (next: Lang) => {
    const done = await api.appSetLang({ lang: next });
    if (done.ok) await shell.refresh();
    else setError(done.error);
  };

  const onDrop = async (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    drag.end();
    const file = event.dataTransfer.files[0];
    if (file) accept(await api.importDroppedFile(file));
  };

  return (
    <AppProvider api={api} lang={lang}>
      <div className="shell" onDragOver={(e) => e.preventDefault()} onDragEnter={drag.enter} onDragLeave={drag.leave} onDrop={(e) => void onDrop(e)}>
        <header className="titlebar">
          <h1>
            {tr('common.appName')} <span className="subtitle">{tr('ui.shell.subtitle')}</span>
          </h1>
          <nav className="tabs" aria-label={tr('ui.nav.label')}>
            {tabs.map((tab) => (
              <button
                key={tab}
                type="button"
                className={flow.tab === tab ? 'tab tab-current' : 'tab'}
                aria-current={flow.tab === tab ? 'page' : undefined}
                data-testid={`tab-${tab}`}
                onClick={() => flow.setTab(tab)}
              >
                {tr(`ui.nav.${tab}`)}
              </button>
            ))}
          </nav>
          <label className="lang">
            {tr('ui.shell.language')}
            <select value={lang} onChange={(e) => void chooseLang(e.target.value as Lang)} data-testid="lang-select">
              {langs.map((l) => (
                <option key={l} value={l}>
                  {langNames[l]}
                </option>
              ))}
            </select>
          </label>
        </header>
        <EnvBanner profile={shell.profile} chosen={shell.chosenByHand} job={jobTarget} />
        <OfflineNotice online={shell.online} onScreen={watched} />
        {shell.info?.secrets === 'session' && <div className="notice">{tr('ui.shell.sessionSecrets')}</div>}
        {shell.error && (
          <div className="notice notice-error" role="alert">
            {tr('ui.shell.error', { message: shell.error.message })}
            <button type="button" className="link" onClick={() => setError(null)}>
              {tr('ui.common.dismiss')}
            </button>
          </div>
        )}
        {flow.tab === 'work' && <StepBar step={flow.step} />}
        <main className="content">
          {flow.tab === 'work' && <WorkScreens flow={flow} shell={shell} onTicket={accept} onOwnTicket={take} />}
          {flow.tab === 'jobs' && <JobsScreen browser={shell.info?.mode === 'browser'} onOpen={(jobId, step) => flow.openJob(jobId, step)} />}
          {flow.tab === 'settings' && <SettingsScreen shell={shell} />}
        </main>
        <footer className="statusbar">{shell.info ? `${shell.info.name} ${shell.info.version}` : ''}</footer>
        {drag.over && (
          <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
            <p>{tr('ui.shell.dropOverlay')}</p>
          </div>
        )}
        {replacing && reviewing.current && (
          <ReplaceDialog
            current={reviewing.current.name}
            skipped={reviewing.current.skipped}
            next={replacing.name}
            onKeep={() => setReplacing(null)}
            onReplace={() => {
              takeTicket(replacing);
              setReplacing(null);
            }}
          />
        )}
      </div>
    </AppProvider>
  );
}

/** The profile, environment and seller account of the job on screen (they never change once it exists). */
function useJobTarget(api: WdtApi, jobId: string | null): JobTarget | null {
  const [target, setTarget] = useState<(JobTarget & { jobId: string }) | null>(null);
  useEffect(() => {
    if (!jobId) return;
    let live = true;
    void api.jobsGet({ jobId }).then((got) => {
      if (live && got.ok) setTarget({ jobId, profileName: got.value.profileName, environment: got.value.environment, sid: got.value.sid });
    });
    return () => {
      live = false;
    };
  }, [api, jobId]);
  return target && target.jobId === jobId ? target : null;
}
