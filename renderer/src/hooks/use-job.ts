// One job, live: its view (jobsGet, again whenever main says it changed), its progress from
// onDidProgress, and the attempts as they happen (the first page from jobsAttempts, then lastAttempt pushes).
import { useCallback, useEffect, useState } from 'react';
import type { JobAttemptView, JobProgress, JobView } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import type { JobState, StateCounts } from '../../../shared/states';
import { useApp } from './use-app';

const keptAttempts = 50;

/** The freshest of the job view and the last progress push. */
export interface JobNow {
  state: JobState;
  counts: StateCounts;
  /** Attempts made so far. */
  attempts: number;
  rows: number;
  /** Calls the plan holds, and calls settled (known from a progress push only). */
  callsPlanned: number | null;
  callsDone: number | null;
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
  attempts: JobAttemptView[];
  error: AppError | null;
  reload(): Promise<void>;
}

const sameAttempt = (a: JobAttemptView, b: JobAttemptView) => a.call === b.call && a.attempt === b.attempt;

export function useJob(jobId: string): LiveJob {
  const { api } = useApp();
  const [job, setJob] = useState<{ view: JobView; at: number } | null>(null);
  const [progress, setProgress] = useState<{ push: JobProgress; at: number } | null>(null);
  const [attempts, setAttempts] = useState<JobAttemptView[]>([]);
  const [error, setError] = useState<AppError | null>(null);

  const reload = useCallback(async () => {
    const [got, page] = await Promise.all([api.jobsGet({ jobId }), api.jobsAttempts({ jobId, offset: 0, limit: keptAttempts })]);
    if (got.ok) {
      setJob({ view: got.value, at: performance.now() });
      setError(null);
    } else setError(got.error);
    if (page.ok) setAttempts((now) => [...now.filter((a) => !page.value.items.some((p) => sameAttempt(p, a))), ...page.value.items].sort(newestFirst).slice(0, keptAttempts));
  }, [api, jobId]);

  useEffect(() => {
    setJob(null);
    setProgress(null);
    setAttempts([]);
    void reload();
    const offProgress = api.onDidProgress((p) => {
      if (p.jobId !== jobId) return;
      setProgress({ push: p, at: performance.now() });
      const last = p.lastAttempt;
      if (last) setAttempts((now) => [last, ...now.filter((a) => !sameAttempt(a, last))].slice(0, keptAttempts));
    });
    const offJobs = api.onDidChangeJobs(({ jobId: changed }) => {
      if (changed === null || changed === jobId) void reload();
    });
    return () => {
      offProgress();
      offJobs();
    };
  }, [api, jobId, reload]);

  return { job: job?.view ?? null, progress: progress?.push ?? null, now: merge(job, progress), attempts, error, reload };
}

function merge(job: { view: JobView; at: number } | null, progress: { push: JobProgress; at: number } | null): JobNow | null {
  const p = progress?.push;
  if (job && (!progress || job.at > progress.at)) {
    const v = job.view;
    const rows = Object.values(v.counts).reduce((a, b) => a + b, 0);
    return { state: v.state, counts: v.counts, attempts: v.attempts, rows, callsPlanned: p?.callsPlanned ?? null, callsDone: p?.callsDone ?? null, startedAt: v.startedAt, waitingReason: v.state === 'waiting' || v.state === 'interrupted' ? (p?.waitingReason ?? null) : null, nextTryAt: v.state === 'waiting' || v.state === 'running' ? (p?.nextTryAt ?? null) : null };
  }
  if (!p) return null;
  return { state: p.state, counts: p.counts, attempts: p.attempts, rows: p.rows, callsPlanned: p.callsPlanned, callsDone: p.callsDone, startedAt: p.startedAt, waitingReason: p.waitingReason, nextTryAt: p.nextTryAt ?? null };
}

const newestFirst = (a: JobAttemptView, b: JobAttemptView) => b.at.localeCompare(a.at) || b.call - a.call || b.attempt - a.attempt;
