// What submit, resume and export share: running a job to an end the CLI can report, writing its
// results workbook, and the submit-style JSON object (cli.md).
import { accessSync, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { render, t, type Lang, type MessageKey } from '../../shared/i18n';
import { appError, type ErrorCode } from '../../shared/result';
import type { StateCounts } from '../../shared/states';
import type { OperationDef } from '../../shared/operations/types';
import type { DoneReport } from '../jobs/done-keys';
import type { JobMeta } from '../jobs/job-store';
import type { RunEnd } from '../jobs/runner';
import { compactStamp } from '../jobs/time';
import type { Services } from '../services';
import { exitCodes, type CliIo } from './context';
import { printError, printLine } from './output';
import { usageError, type Parsed } from './parse-command';

/** Beside the source: `<name>.results-<YYYYMMDD-HHmmss>.xlsx`. */
export function defaultResultsPath(sourcePath: string, now: number): string {
  const dir = path.dirname(sourcePath);
  const base = path.basename(sourcePath).replace(/\.[^.]+$/, '');
  return path.join(dir, `${base}.results-${compactStamp(now)}.xlsx`);
}

/** `--out`'s folder, checked before anything is sent (not after): null when writable, else the exit status (said). */
export function outFolderRefused(io: CliIo, out: string | undefined, o: { json: boolean; lang: Lang }): number | null {
  if (out === undefined) return null;
  const folder = path.dirname(path.resolve(io.cwd, out));
  try {
    accessSync(folder, fsConstants.W_OK);
    return null;
  } catch {
    printError(io, { json: o.json }, appError('INVALID_ARGUMENT', t(o.lang, 'cli.outNotWritable', { folder }), { folder }));
    return exitCodes.nothingSubmitted;
  }
}

export interface JobJson {
  job: string;
  operation: string;
  method: string;
  profile: string;
  rows: number;
  counts: StateCounts;
  calls: number;
  results: string | null;
}

export function jobJson(s: Services, jobId: string): JobJson {
  const job = s.jobs.record(jobId);
  if (!job) throw new Error(`job ${jobId} vanished`);
  return {
    job: job.id,
    operation: job.operation,
    method: job.method,
    profile: job.profile_name,
    rows: s.jobs.rowCount(jobId),
    counts: s.jobs.counts(jobId),
    calls: s.jobs.attemptCount(jobId),
    results: job.results_path,
  };
}

/** The line a command prints once it stored a job: what it does, how much, and where it goes. */
export function jobCreatedLine(lang: Lang, jobId: string, meta: Pick<JobMeta, 'environment' | 'profileName'>, op: Pick<OperationDef, 'label' | 'method'>, n: { rows: number; orders: number; calls: number }): string {
  const env = t(lang, meta.environment === 'sandbox' ? 'common.env.sandbox' : meta.environment === 'production' ? 'common.env.production' : 'common.env.test');
  return t(lang, 'cli.jobCreated', { job: jobId, operation: `${op.label[lang]} (${op.method})`, ...n, profile: meta.profileName, env });
}

/**
 * `earlier` of submit and resend --json (docs/resend.md): the same file sent before, and the rows this job
 * skipped because an earlier job already did them, read back from the stored job (what it really skipped).
 */
export function earlierJson(s: Services, jobId: string, done: DoneReport, included: boolean) {
  const at = new Map(done.done.map((d) => [d.jobId, d.at]));
  const byJob = s.jobs.doneSkips(jobId).map((d) => ({ job: d.job, at: at.get(d.job) ?? null, rows: d.rows }));
  return {
    sameFile: done.sameFile.map((j) => ({ job: j.jobId, at: j.at, profile: j.profileName })),
    skipped: { rows: byJob.reduce((n, d) => n + d.rows.length, 0), byJob },
    doneRows: done.doneRows,
    included,
    alwaysSkip: done.alwaysSkip,
  };
}

/**
 * Exit status of one job (cli.md): 0 all succeeded, 1 some did not, 3 stored and waiting, 4 the profile
 * must be fixed (the ERP refused the account, or the base URL is not the API).
 */
export function exitCodeOf(s: Services, jobId: string, end: RunEnd | null): number {
  if (end?.kind === 'interrupted' && (end.code === 'CREDENTIALS_REFUSED' || end.code === 'WRONG_ADDRESS')) return exitCodes.credentialsRefused;
  const job = s.jobs.record(jobId);
  if (!job || job.state !== 'done') return exitCodes.waiting;
  const c = s.jobs.counts(jobId);
  // 0 means this job's ERP answers prove every row: a row skipped because an earlier job did it is `skipped`
  // like any other (cli.md lists it, as it lists a duplicate whose twin succeeded) — docs/resend.md, "Exit status".
  return c.succeeded === s.jobs.rowCount(jobId) ? exitCodes.ok : exitCodes.someRowsNotSucceeded;
}

/** The exit status of a command that ended on an error (cli.md): the store's own failure is 5, whatever else happened. */
export function exitCodeOfError(code: ErrorCode): number {
  if (code === 'STORE_FAILED') return exitCodes.storeFailed;
  if (code === 'CREDENTIALS_REFUSED') return exitCodes.credentialsRefused;
  if (code === 'JOB_STATE') return exitCodes.waiting;
  return exitCodes.nothingSubmitted;
}

/** Worst first: the store failed, credentials refused, then waiting, then some rows not succeeded. */
export function combineExitCodes(codes: readonly number[]): number {
  for (const c of [exitCodes.storeFailed, exitCodes.credentialsRefused, exitCodes.waiting, exitCodes.someRowsNotSucceeded, exitCodes.nothingSubmitted]) if (codes.includes(c)) return c;
  return exitCodes.ok;
}

/**
 * Runs a job to an end the CLI can report: done, waiting (after --wait seconds offline), paused (Ctrl-C),
 * interrupted. A done job gets its results workbook. Progress goes to stderr in prose mode.
 */
export async function runJob(
  io: CliIo,
  s: Services,
  jobId: string,
  o: { waitSeconds: number; out: string | undefined; lang: Lang; json: boolean },
): Promise<{ end: RunEnd | null; code: number; error?: { code: string; message: string } }> {
  let lastPrint = 0;
  const off = s.jobs.subscribe((event) => {
    if (o.json || event.type !== 'progress' || event.progress.jobId !== jobId) return;
    const now = Date.now();
    if (now - lastPrint < 1000 && event.progress.state !== 'done') return;
    lastPrint = now;
    const c = event.progress.counts;
    const settled = event.progress.rows - c.pending;
    io.stderr.write(`${t(o.lang, 'cli.progress', { settled, rows: event.progress.rows, attempts: event.progress.attempts, failed: c.failed })}\n`);
  });
  const onSignal = () => {
    io.stderr.write(`${t(o.lang, 'cli.interrupted')}\n`);
    s.jobs.pause(jobId);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const ran = await s.jobs.run(jobId, { waitLimitMs: o.waitSeconds * 1000 });
    if (!ran.ok) {
      return { end: null, code: exitCodeOfError(ran.error.code), error: { code: ran.error.code, message: ran.error.message } };
    }
    const end = ran.value;
    const job = s.jobs.record(jobId)!;
    if (end.kind === 'done') {
      const out = o.out ? path.resolve(io.cwd, o.out) : defaultResultsPath(job.source_path, s.clock.now());
      const written = await s.jobs.writeResults(jobId, o.lang, out);
      // The job stands as sent; only the workbook is missing (export writes it again). The exit status still tells the rows.
      if (!written.ok) return { end, code: exitCodeOf(s, jobId, end), error: { code: written.error.code, message: written.error.message } };
    }
    if (!o.json) {
      const reason = job.state_reason ? render(o.lang, job.state_reason) : '';
      if (end.kind === 'done') {
        printLine(io, t(o.lang, 'cli.jobDone', { ...s.jobs.counts(jobId) }));
        printLine(io, t(o.lang, 'cli.results', { path: s.jobs.record(jobId)?.results_path ?? '' }));
      } else if (end.kind === 'paused') printLine(io, t(o.lang, 'cli.jobPaused', { job: jobId }));
      else if (end.kind === 'interrupted') printLine(io, t(o.lang, 'cli.jobInterrupted', { job: jobId, reason }));
      else printLine(io, t(o.lang, 'cli.jobWaiting', { job: jobId, reason }));
    }
    return { end, code: exitCodeOf(s, jobId, end) };
  } finally {
    off();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/** The options of the commands that send (submit, resend), beside their own. */
export const sendOptions = {
  out: { type: 'string' },
  wait: { type: 'string' },
  yes: { type: 'boolean' },
  'include-done': { type: 'boolean' },
} as const;

/** A sending command's start: exactly one target (the file, the job) and a good --wait; else the exit status (said). */
export function sendTarget(io: CliIo, p: Parsed<typeof sendOptions>, usage: MessageKey, missing: string): { target: string; waitSeconds: number } | number {
  if (p.positionals.length !== 1) return usageError(io, p, usage, p.positionals.length === 0 ? missing : p.positionals.slice(1).join(' '));
  const waitSeconds = parseWait(p.values.wait);
  if (waitSeconds === null) return usageError(io, p, usage, t(p.lang, 'cli.badWait'));
  return { target: p.positionals[0]!, waitSeconds };
}

/** --wait: whole seconds, 0..86400; default 60. */
export function parseWait(raw: string | undefined): number | null {
  if (raw === undefined) return 60;
  if (!/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n <= 86_400 ? n : null;
}
