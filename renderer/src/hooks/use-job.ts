// One job, live: its view (jobsGet, again whenever main says it changed), its progress from
// onDidProgress, and the call attempts as they happen (the first page from jobsCalls, then lastCall pushes).
import { useCallback, useEffect, useState } from 'react';
import type { JobCallView, JobProgress, JobView } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import type { JobState, StateCounts } from '../../../shared/states';
import { useApp } from './use-app';

const keptCalls = 50;

/** The freshest of the job view and the last progress push. */
export interface JobNow {
  state: JobState;
  counts: StateCounts;
  calls: number;
  rows: number;
  batches: number | null;
  batchesDone: number | null;
  startedAt: string | null;
  /** Why the job waits or was interrupted (network down, disk full…), when main said so. */
  waitingReason: string | null;
  /** When the next attempt may go, while sends are held off after a failure. */
  nextTryAt: string | null;
}

export interface LiveJob {
  job: JobView | null;
  progress: JobProgress | null;
  now: JobNow | null;
  calls: JobCallView[];
  error: AppError | null;
  reload(): Promise<void>;
}

const sameCall = (a: JobCallView, b: JobCallView) => a.batch === b.batch && a.attempt === b.attempt;

export function useJob(jobId: string): LiveJob {
  const { api } = useApp();
  const [job, setJob] = useState<{ view: JobView; at: number } | null>(null);
  const [progress, setProgress] = useState<{ push: JobProgress; at: number } | null>(null);
  const [calls, setCalls] = useState<JobCallView[]>([]);
  const [error, setError] = useState<AppError | null>(null);

  const reload = useCallback(async () => {
    const [got, page] = await Promise.all([api.jobsGet({ jobId }), api.jobsCalls({ jobId, offset: 0, limit: keptCalls })]);
    if (got.ok) {
      setJob({ view: got.value, at: performance.now() });
      setError(null);
    } else setError(got.error);
    if (page.ok) setCalls((now) => [...now.filter((c) => !page.value.items.some((p) => sameCall(p, c))), ...page.value.items].sort(newestFirst).slice(0, keptCalls));
  }, [api, jobId]);

  useEffect(() => {
    setJob(null);
    setProgress(null);
    setCalls([]);
    void reload();
    const offProgress = api.onDidProgress((p) => {
      if (p.jobId !== jobId) return;
      setProgress({ push: p, at: performance.now() });
      const call = p.lastCall;
      if (call) setCalls((now) => [call, ...now.filter((c) => !sameCall(c, call))].slice(0, keptCalls));
    });
    const offJobs = api.onDidChangeJobs(({ jobId: changed }) => {
      if (changed === null || changed === jobId) void reload();
    });
    return () => {
      offProgress();
      offJobs();
    };
  }, [api, jobId, reload]);

  return { job: job?.view ?? null, progress: progress?.push ?? null, now: merge(job, progress), calls, error, reload };
}

function merge(job: { view: JobView; at: number } | null, progress: { push: JobProgress; at: number } | null): JobNow | null {
  const p = progress?.push;
  if (job && (!progress || job.at > progress.at)) {
    const v = job.view;
    const rows = Object.values(v.counts).reduce((a, b) => a + b, 0);
    return { state: v.state, counts: v.counts, calls: v.calls, rows, batches: p?.batches ?? null, batchesDone: p?.batchesDone ?? null, startedAt: v.startedAt, waitingReason: v.state === 'waiting' || v.state === 'interrupted' ? (p?.waitingReason ?? null) : null, nextTryAt: v.state === 'waiting' || v.state === 'running' ? (p?.nextTryAt ?? null) : null };
  }
  if (!p) return null;
  return { state: p.state, counts: p.counts, calls: p.calls, rows: p.rows, batches: p.batches, batchesDone: p.batchesDone, startedAt: p.startedAt, waitingReason: p.waitingReason, nextTryAt: p.nextTryAt ?? null };
}

const newestFirst = (a: JobCallView, b: JobCallView) => b.at.localeCompare(a.at) || b.batch - a.batch || b.attempt - a.attempt;
