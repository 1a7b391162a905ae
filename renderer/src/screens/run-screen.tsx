// Run: a live progress bar (rows settled of all, calls, failures so far, rate, time remaining), the
// calls as they happen, pause / resume / stop, and the network wait said plainly. The job lives in
// main: closing the window or leaving this screen does not stop it.
import { useEffect, useState } from 'react';
import { ErrorBox, Loading } from '../components/error-box';
import { JobHead } from '../components/job-head';
import { ScreenTitle } from '../components/screen-title';
import { AttemptList } from '../components/attempt-list';
import { StopDialog } from '../components/stop-dialog';
import { useApp, useT } from '../hooks/use-app';
import { useJob, type JobNow } from '../hooks/use-job';

interface Props {
  jobId: string;
  onDone(): void;
}

/** A rate needs this much time and work behind it: one fast first answer is not "90000 rows/min". */
const minSeconds = 10;
const minCalls = 2;

/**
 * Rows settled per minute and minutes left, once there is something to go on: the job is sending (not
 * waiting or paused: nothing moves then), for at least 10 s, with at least two calls settled.
 */
export function pace(now: JobNow, at: number): { perMinute: number | null; minutesLeft: number | null } {
  const settled = now.rows - now.counts.pending;
  const started = now.startedAt ? Date.parse(now.startedAt) : NaN;
  const minutes = (at - started) / 60_000;
  const enough = now.state === 'running' && minutes * 60 >= minSeconds && (now.callsDone ?? 0) >= minCalls;
  if (!enough || !Number.isFinite(minutes) || minutes <= 0 || settled <= 0) return { perMinute: null, minutesLeft: null };
  const perMinute = settled / minutes;
  return { perMinute, minutesLeft: now.counts.pending / perMinute };
}

export function RunScreen({ jobId, onDone }: Props) {
  const { api } = useApp();
  const tr = useT();
  const live = useJob(jobId);
  const [clock, setClock] = useState(() => Date.now());
  const [steer, setSteer] = useState<{ message: string } | null>(null);
  const [confirmStop, setConfirmStop] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => setClock(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const state = live.now?.state;
  useEffect(() => {
    if (state === 'done') onDone();
  }, [state, onDone]);

  if (live.error && !live.job) return <ErrorBox error={live.error} />;
  if (!live.job || !live.now) return <Loading text={tr('ui.common.loading')} />;
  const { job, now } = { job: live.job, now: live.now };
  const settled = now.rows - now.counts.pending;
  const failures = now.counts.failed + now.counts.unknown;
  const { perMinute, minutesLeft } = pace(now, clock);
  const act = async (what: 'pause' | 'resume' | 'stop') => {
    setConfirmStop(false);
    const call = what === 'pause' ? api.jobsPause : what === 'resume' ? api.jobsResume : api.jobsStop;
    const got = await call({ jobId });
    setSteer(got.ok ? null : { message: got.error.message });
    void live.reload();
  };
  const waiting = now.state === 'waiting';
  const nextTry = now.nextTryAt ? Math.max(0, Math.ceil((Date.parse(now.nextTryAt) - clock) / 1000)) : null;

  return (
    <div className="run">
      <JobHead job={job} state={now.state} title={<ScreenTitle className="inline-title">{tr('ui.run.title')}</ScreenTitle>} />
      {waiting && (
        <div className="notice notice-warn" role="status" data-testid="waiting">
          {/* The reason already says that the job goes on by itself: said once. */}
          <span>{now.waitingReason ?? tr('ui.run.waitingNetwork')}</span>
          {nextTry !== null && <strong data-testid="next-try">{nextTry > 0 ? tr('ui.run.nextTry', { seconds: nextTry }) : tr('ui.run.nextTryNow')}</strong>}
        </div>
      )}
      {now.state === 'interrupted' && (
        <div className="notice notice-warn" role="alert" data-testid="interrupted">
          {/* Each reason says what to do before Resume (free disk space, fix the profile…): said once. */}
          {now.waitingReason ?? live.progress?.waitingReason ?? tr('ui.run.interrupted')}
        </div>
      )}
      <div className="progress-block">
        <label htmlFor="run-progress">{tr('ui.run.settled', { settled: settled.toLocaleString(), total: now.rows.toLocaleString() })}</label>
        <progress id="run-progress" max={Math.max(1, now.rows)} value={settled} data-testid="progress" />
        <dl className="counts" data-testid="run-counts">
          <Stat label={tr('ui.run.callsMade')} value={now.callsPlanned ? tr('ui.run.callsDone', { done: now.callsDone ?? 0, calls: now.callsPlanned, attempts: now.attempts }) : tr('ui.run.attemptsMade', { attempts: now.attempts })} />
          <Stat label={tr('ui.run.succeeded')} value={now.counts.succeeded.toLocaleString()} tone="ok" />
          <Stat label={tr('ui.run.failures')} value={failures.toLocaleString()} tone={failures > 0 ? 'bad' : undefined} />
          <Stat label={tr('ui.run.rate')} value={perMinute === null ? (now.state === 'running' ? tr('ui.run.rateSoon') : '—') : tr('ui.run.perMinute', { rows: Math.round(perMinute) })} testId="rate" />
          <Stat label={tr('ui.run.left')} value={minutesLeft === null || now.state !== 'running' ? '—' : remaining(minutesLeft, tr)} />
        </dl>
      </div>
      {steer && <p className="warn-text" role="alert">{steer.message}</p>}
      <div className="actions">
        <span className="muted">{tr('ui.run.closeNote')}</span>
        {now.state === 'running' && (
          <button type="button" onClick={() => void act('pause')} data-testid="pause">
            {tr('ui.run.pause')}
          </button>
        )}
        {(now.state === 'paused' || now.state === 'waiting' || now.state === 'interrupted') && (
          <button type="button" className="primary" onClick={() => void act('resume')} data-testid="resume">
            {tr('ui.run.resume')}
          </button>
        )}
        {now.state !== 'done' && now.state !== 'interrupted' && (
          <button type="button" className="danger-outline" onClick={() => setConfirmStop(true)} data-testid="stop">
            {tr('ui.run.stop')}
          </button>
        )}
        {(now.state === 'done' || now.state === 'interrupted') && (
          // An interrupted job's results so far (its unsent rows say so), and from there a new import.
          <button type="button" className={now.state === 'done' ? 'primary' : undefined} onClick={onDone} data-testid="to-results">
            {tr('ui.run.toResults')}
          </button>
        )}
      </div>
      <AttemptList attempts={live.attempts} />
      {confirmStop && <StopDialog pending={now.counts.pending} onCancel={() => setConfirmStop(false)} onConfirm={() => void act('stop')} />}
    </div>
  );
}

function remaining(minutes: number, tr: ReturnType<typeof useT>): string {
  if (minutes < 1) return tr('ui.run.underMinute');
  if (minutes < 90) return tr('ui.run.minutes', { n: Math.ceil(minutes) });
  return tr('ui.run.hours', { n: (minutes / 60).toFixed(1) });
}

function Stat({ label, value, tone, testId }: { label: string; value: string; tone?: 'ok' | 'bad'; testId?: string }) {
  return (
    <div className={tone ? `count count-${tone}` : 'count'} data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
