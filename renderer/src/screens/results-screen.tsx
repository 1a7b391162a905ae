// Results: counts per state, the rows that need action with the ERP's reasons, save / open the results
// workbook, and start again from the to-fix sheet.
import type { FileTicket, SavedFile } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { ErrorBox, Loading } from '../components/error-box';
import { JobHead } from '../components/job-head';
import { FailureList, needAction } from '../components/failure-list';
import { StateCountsView } from '../components/state-counts';
import { useApp, useT } from '../hooks/use-app';
import { useAsync } from '../hooks/use-async';
import { useJob } from '../hooks/use-job';

interface Props {
  jobId: string;
  onTicket(got: Result<FileTicket | null>): void;
  onNew(): void;
}

export function ResultsScreen({ jobId, onTicket, onNew }: Props) {
  const { api } = useApp();
  const tr = useT();
  const live = useJob(jobId);
  const [saved, runSave] = useAsync<SavedFile>();
  const [opened, runOpen] = useAsync<void>();
  const [fix, runFix] = useAsync<FileTicket>();

  if (live.error && !live.job) return <ErrorBox error={live.error} />;
  if (!live.job) return <Loading text={tr('ui.common.loading')} />;
  const job = live.job;
  const toFix = needAction.reduce((n, s) => n + job.counts[s], 0);
  const reimport = async () => {
    const got = await runFix(() => api.importToFix({ jobId }));
    if (got?.ok) onTicket(got);
  };

  return (
    <div className="results">
      <JobHead job={job} state={job.state} />
      <StateCountsView counts={job.counts} testId="result-counts" />
      <div className="actions actions-left">
        <button type="button" className="primary" onClick={() => void runSave(() => api.jobsSaveResults({ jobId }))} data-testid="save-results">
          {tr('ui.results.save')}
        </button>
        <button type="button" disabled={!(saved.status === 'done' && saved.value.saved)} onClick={() => void runOpen(() => api.jobsOpenResults({ jobId }))} data-testid="open-results">
          {tr('ui.results.open')}
        </button>
        {toFix > 0 && (
          <button type="button" onClick={() => void reimport()} data-testid="reimport">
            {tr('ui.results.reimport')}
          </button>
        )}
        <button type="button" onClick={onNew}>
          {tr('ui.results.new')}
        </button>
      </div>
      {saved.status === 'loading' && <Loading text={tr('ui.results.saving')} />}
      {saved.status === 'done' && saved.value.saved && (
        <p className="ok-text" role="status" data-testid="saved-name">
          {tr('ui.results.saved', { name: saved.value.name ?? '' })}
        </p>
      )}
      {saved.status === 'error' && <ErrorBox error={saved.error} />}
      {opened.status === 'error' && <ErrorBox error={opened.error} />}
      {fix.status === 'error' && <ErrorBox error={fix.error} />}
      <FailureList jobId={jobId} total={toFix} version={`${job.state}:${toFix}`} />
    </div>
  );
}
