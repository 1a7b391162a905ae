// Results: the outcome at a glance (a bar of the row states, the most common reasons for failure),
// counts per state, the rows that need action with the ERP's reasons, save / open / show the results
// workbook, and the rows to fix: saved and opened in the clerk's spreadsheet program, then read again — or
// edited in place here and resent as a follow-up job linked to this one (resend-editor.tsx).
import { ok, type Result } from '../../../shared/result';
import { resendStates, type FileTicket, type SavedFile, type ToFixFile } from '../../../shared/contract';
import { ErrorBox, Loading } from '../components/error-box';
import { JobHead } from '../components/job-head';
import { JobLinks } from '../components/job-links';
import { FailureList, needAction } from '../components/failure-list';
import { OutcomePicture } from '../components/outcome-picture';
import { SavedNotice } from '../components/saved-notice';
import { ScreenTitle } from '../components/screen-title';
import { StateCountsView } from '../components/state-counts';
import { useApp, useT } from '../hooks/use-app';
import { useAsync } from '../hooks/use-async';
import { ResendEditor } from '../components/resend-editor';
import { useJob } from '../hooks/use-job';

interface Props {
  jobId: string;
  browser: boolean;
  onTicket(got: Result<FileTicket | null>): void;
  onNew(): void;
  /** Opens another job: a follow-up just started (its run), or a linked one (its results). */
  onOpenJob(jobId: string, step: 'run' | 'results'): void;
}

export function ResultsScreen({ jobId, browser, onTicket, onNew, onOpenJob }: Props) {
  const { api } = useApp();
  const tr = useT();
  const live = useJob(jobId);
  const [saved, runSave] = useAsync<SavedFile>();
  const [opened, runOpen] = useAsync<void>();
  const [fix, runFix] = useAsync<ToFixFile | null>();

  if (live.error && !live.job) return <ErrorBox error={live.error} />;
  if (!live.job) return <Loading text={tr('ui.common.loading')} />;
  const job = live.job;
  const toFix = needAction.reduce((n, s) => n + job.counts[s], 0);
  const fixFile = fix.status === 'done' ? fix.value : null;
  const isSaved = saved.status === 'done' && saved.value.saved;
  const open = (reveal: boolean) => void runOpen(() => api.jobsOpenResults({ jobId, reveal }));
  // Rows that succeeded are never offered: only failed, invalid and unknown rows of a finished job.
  const resendable = job.state === 'done' ? resendStates.reduce((n, s) => n + job.counts[s], 0) : 0;

  return (
    <div className="results">
      <JobHead job={job} state={job.state} title={<ScreenTitle className="inline-title">{tr('ui.results.title')}</ScreenTitle>} />
      <JobLinks job={job} onOpen={(id) => onOpenJob(id, 'results')} />
      <div className="results-top">
        <StateCountsView counts={job.counts} testId="result-counts" />
        <OutcomePicture jobId={jobId} counts={job.counts} version={`${job.state}:${toFix}`} />
      </div>
      <div className="actions actions-left">
        <button type="button" className="primary" onClick={() => void runSave(() => api.jobsSaveResults({ jobId }))} data-testid="save-results">
          {tr('ui.results.save')}
        </button>
        <button type="button" disabled={!isSaved} onClick={() => open(false)} data-testid="open-results">
          {tr('ui.results.open')}
        </button>
        {toFix > 0 && (
          <button type="button" onClick={() => void runFix(() => api.importToFix({ jobId }))} data-testid="reimport" aria-describedby="reimport-note">
            {tr('ui.results.reimport')}
          </button>
        )}
        <button type="button" onClick={onNew}>
          {tr('ui.results.new')}
        </button>
      </div>
      {toFix > 0 && !fixFile && (
        <p className="muted small" id="reimport-note">
          {tr('ui.results.reimportNote')}
        </p>
      )}
      {fixFile && (
        <div className="notice notice-info" role="status" data-testid="fix-opened">
          <span className="saved-path" title={fixFile.path}>
            {tr(fixFile.opened && !browser ? 'ui.results.fixOpened' : 'ui.results.fixSaved', { path: fixFile.path })}
          </span>
          <button type="button" className="primary" onClick={() => onTicket(ok(fixFile.ticket))} data-testid="fix-import">
            {tr('ui.results.fixImport')}
          </button>
        </div>
      )}
      {saved.status === 'loading' && <Loading text={tr('ui.results.saving')} />}
      <SavedNotice saved={isSaved ? saved.value : null} browser={browser} onOpen={() => open(false)} onReveal={() => open(true)} testId="saved-name" />
      {saved.status === 'error' && <ErrorBox error={saved.error} />}
      {opened.status === 'error' && <ErrorBox error={opened.error} />}
      {fix.status === 'error' && <ErrorBox error={fix.error} />}
      <FailureList jobId={jobId} total={toFix} version={`${job.state}:${toFix}`} />
      {resendable > 0 && <ResendEditor jobId={jobId} onResent={(id) => onOpenJob(id, 'run')} />}
    </div>
  );
}
