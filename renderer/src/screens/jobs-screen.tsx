// Jobs: every job in the store (started here or from the command line), newest first, with its state;
// open it, resume one that waits or was interrupted, save its results workbook again.
import { useCallback, useEffect, useState } from 'react';
import type { JobView, SavedFile } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { EnvTag } from '../components/env-banner';
import { JobLinks } from '../components/job-links';
import { ErrorBox, Loading } from '../components/error-box';
import { SavedNotice } from '../components/saved-notice';
import { ScreenTitle } from '../components/screen-title';
import { useApp, useT } from '../hooks/use-app';
import { useAsync } from '../hooks/use-async';
import { operationLabel } from '../operations';

interface Props {
  browser: boolean;
  onOpen(jobId: string, step: 'run' | 'results'): void;
}

const when = (iso: string) => new Date(iso).toLocaleString();

export function JobsScreen({ browser, onOpen }: Props) {
  const { api, lang } = useApp();
  const tr = useT();
  const [jobs, runList] = useAsync<JobView[]>();
  const [saved, runSave] = useAsync<SavedFile>();
  const [savedJob, setSavedJob] = useState<string | null>(null);
  const [opened, runOpen] = useAsync<void>();
  const exportJob = (jobId: string) => {
    setSavedJob(jobId);
    void runSave(() => api.jobsSaveResults({ jobId }));
  };
  const open = (reveal: boolean) => savedJob && void runOpen(() => api.jobsOpenResults({ jobId: savedJob, reveal }));
  const [steerError, setSteerError] = useState<AppError | null>(null);
  const load = useCallback(() => void runList(() => api.jobsList()), [api, runList]);
  useEffect(() => {
    load();
    return api.onDidChangeJobs(() => load());
  }, [api, load]);

  const resume = async (jobId: string) => {
    const got = await api.jobsResume({ jobId });
    setSteerError(got.ok ? null : got.error);
    if (got.ok) onOpen(jobId, 'run');
  };

  return (
    <div className="jobs">
      <ScreenTitle>{tr('ui.jobs.title')}</ScreenTitle>
      {jobs.status === 'loading' && <Loading text={tr('ui.common.loading')} />}
      {jobs.status === 'error' && <ErrorBox error={jobs.error} />}
      {steerError && <ErrorBox error={steerError} />}
      {saved.status === 'error' && <ErrorBox error={saved.error} />}
      {opened.status === 'error' && <ErrorBox error={opened.error} />}
      {/* Always there (empty until a save), so the message never pushes the table down under the pointer. */}
      <SavedNotice saved={saved.status === 'done' ? saved.value : null} browser={browser} onOpen={() => open(false)} onReveal={() => open(true)} testId="jobs-saved" />
      {jobs.status === 'done' && jobs.value.length === 0 && <p className="empty">{tr('ui.jobs.none')}</p>}
      {jobs.status === 'done' && jobs.value.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="jobs-table">
            <thead>
              <tr>
                <th scope="col">{tr('ui.jobs.created')}</th>
                <th scope="col">{tr('ui.jobs.source')}</th>
                <th scope="col">{tr('ui.jobs.operation')}</th>
                <th scope="col">{tr('ui.jobs.profile')}</th>
                <th scope="col">{tr('ui.review.state')}</th>
                <th scope="col">{tr('ui.jobs.counts')}</th>
                <th scope="col">{tr('ui.jobs.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.value.map((j) => (
                <tr key={j.id} data-job={j.id}>
                  <td>{when(j.createdAt)}</td>
                  <td>
                    {j.sourceName}
                    <JobLinks job={j} onOpen={(id) => onOpen(id, 'results')} />
                  </td>
                  <td>{operationLabel(j.operation, lang)}</td>
                  <td>
                    <EnvTag env={j.environment} /> {j.profileName}
                  </td>
                  <td className={`job-state state-${j.state}`}>{tr(`ui.jobState.${j.state}`)}</td>
                  <td>
                    {tr('ui.jobs.countsLine', { ok: j.counts.succeeded, bad: j.counts.failed + j.counts.unknown + j.counts.invalid, pending: j.counts.pending })}
                  </td>
                  <td>
                    {/* A flex box inside the cell: a flex <td> stops being a table cell and its borders drift. */}
                    <div className="row-buttons">
                      <button type="button" className="link" onClick={() => onOpen(j.id, j.state === 'done' ? 'results' : 'run')} aria-label={tr('ui.jobs.openLabel', { source: j.sourceName })}>
                        {tr('ui.jobs.open')}
                      </button>
                      {(j.state === 'waiting' || j.state === 'interrupted' || j.state === 'paused') && (
                        <button type="button" className="link" onClick={() => void resume(j.id)} data-testid="job-resume" aria-label={tr('ui.jobs.resumeLabel', { source: j.sourceName })}>
                          {tr('ui.run.resume')}
                        </button>
                      )}
                      <button type="button" className="link" onClick={() => exportJob(j.id)} aria-label={tr('ui.jobs.exportLabel', { source: j.sourceName })}>
                        {tr('ui.jobs.export')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
