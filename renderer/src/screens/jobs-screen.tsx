// Jobs: every job in the store (started here or from the command line), newest first, with its state, a
// page at a time and narrowed by the store (operation, profile, state, days, id or file name); open it, browse
// every one of its rows (job-rows.tsx), resume one that waits or was interrupted, save its results again.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobsFilter, JobsPage, JobView, SavedFile } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { EnvTag } from '../components/env-banner';
import { JobFilters } from '../components/job-filters';
import { JobRows } from '../components/job-rows';
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
const perPage = 100;

/** One page of the filtered jobs list, asked again when jobs change; the last page stays on screen meanwhile. */
function useJobsPage(filter: JobsFilter, offset: number): { page: JobsPage | null; error: AppError | null } {
  const { api } = useApp();
  const [page, setPage] = useState<JobsPage | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const serial = useRef(0);
  const load = useCallback(async () => {
    const mine = ++serial.current;
    const got = await api.jobsQuery({ offset, limit: perPage, filter });
    if (mine !== serial.current) return;
    setError(got.ok ? null : got.error);
    if (got.ok) setPage(got.value);
  }, [api, filter, offset]);
  useEffect(() => {
    void load();
    return api.onDidChangeJobs(() => void load());
  }, [api, load]);
  return { page, error };
}

export function JobsScreen({ browser, onOpen }: Props) {
  const { api, lang } = useApp();
  const tr = useT();
  const [filter, setFilter] = useState<JobsFilter>({});
  const [offset, setOffset] = useState(0);
  const { page, error } = useJobsPage(filter, offset);
  const [browsing, setBrowsing] = useState<JobView | null>(null);
  const [saved, runSave] = useAsync<SavedFile>();
  const [savedJob, setSavedJob] = useState<string | null>(null);
  const [opened, runOpen] = useAsync<void>();
  const exportJob = (jobId: string) => {
    setSavedJob(jobId);
    void runSave(() => api.jobsSaveResults({ jobId }));
  };
  const open = (reveal: boolean) => savedJob && void runOpen(() => api.jobsOpenResults({ jobId: savedJob, reveal }));
  const [steerError, setSteerError] = useState<AppError | null>(null);
  const refilter = useCallback((next: JobsFilter) => {
    setFilter(next);
    setOffset(0);
  }, []);

  const resume = async (jobId: string) => {
    const got = await api.jobsResume({ jobId });
    setSteerError(got.ok ? null : got.error);
    if (got.ok) onOpen(jobId, 'run');
  };

  if (browsing) return <JobRows job={browsing} onBack={() => setBrowsing(null)} />;
  const jobs = page?.items ?? [];
  const filtered = Object.keys(filter).length > 0;
  const total = page?.total ?? 0;

  return (
    <div className="jobs">
      <ScreenTitle>{tr('ui.jobs.title')}</ScreenTitle>
      {!page && !error && <Loading text={tr('ui.common.loading')} />}
      {error && <ErrorBox error={error} />}
      {steerError && <ErrorBox error={steerError} />}
      {saved.status === 'error' && <ErrorBox error={saved.error} />}
      {opened.status === 'error' && <ErrorBox error={opened.error} />}
      {/* Always there (empty until a save), so the message never pushes the table down under the pointer. */}
      <SavedNotice saved={saved.status === 'done' ? saved.value : null} browser={browser} onOpen={() => open(false)} onReveal={() => open(true)} testId="jobs-saved" />
      {/* Shown once any job exists (what the filters offer), so a filter that matches nothing can be changed back. */}
      {page && page.profiles.length > 0 && <JobFilters filter={filter} onChange={refilter} operations={page.operations} profiles={page.profiles} />}
      {page && total === 0 && <p className="empty">{tr(filtered ? 'browse.filter.none' : 'ui.jobs.none')}</p>}
      {page && total > 0 && (
        <div className="table-scroll">
          <p className="muted" role="status" data-testid="jobs-count">
            {tr('browse.filter.count', { count: total.toLocaleString() })}
          </p>
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
              {jobs.map((j) => (
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
                      <button type="button" className="link" onClick={() => setBrowsing(j)} aria-label={tr('browse.rows.openLabel', { source: j.sourceName })} data-testid="job-rows-open">
                        {tr('browse.rows.open')}
                      </button>
                      <button type="button" className="link" onClick={() => exportJob(j.id)} aria-label={tr('ui.jobs.exportLabel', { source: j.sourceName })}>
                        {tr('ui.jobs.export')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > perPage && (
            <nav className="actions actions-left" aria-label={tr('browse.list.pages')}>
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - perPage))} data-testid="jobs-prev">
                {tr('browse.list.prev')}
              </button>
              <span className="muted">{tr('browse.list.range', { from: offset + 1, to: Math.min(total, offset + perPage), total })}</span>
              <button type="button" disabled={offset + perPage >= total} onClick={() => setOffset(offset + perPage)} data-testid="jobs-next">
                {tr('browse.list.next')}
              </button>
            </nav>
          )}
        </div>
      )}
    </div>
  );
}
