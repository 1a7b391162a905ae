// Never twice by accident (issue 16): before a job is stored, what the store already knows of this
// sheet — the same file (SHA-256) submitted before, and order keys that already succeeded with the same
// operation on the same ERP account (sid + base URL). Decided by the stored order state, which only an
// ERP answer or a reconciliation query ever sets to succeeded — never by message text.
import { t, type Lang } from '../../shared/i18n';
import type { OperationDef } from '../../shared/operations/types';
import type { JobDatabase } from './database';
import type { JobMeta } from './job-store';

/** An earlier job, as a clerk recognises it: its id and when it ran (ISO, local with offset). */
export interface EarlierJob {
  jobId: string;
  at: string;
  profileName: string;
}

/** Keys of this sheet that one earlier job already did. */
export interface DoneByJob extends EarlierJob {
  keys: string[];
}

export interface DoneCheck {
  /** Earlier jobs from the very same file, oldest first. */
  sameFile: EarlierJob[];
  /** Keys already succeeded, grouped by the earliest job that did each, oldest first. */
  done: DoneByJob[];
}

/** Where an earlier success made an order skipped: the key → the job that did it. */
export type DoneKeys = ReadonlyMap<string, EarlierJob>;

/**
 * A create's key is the clerk's own outer_no: sending it again would ask the ERP for a second document of
 * the same number, so it is skipped even when the clerk includes done rows. Other keys name a document
 * the ERP already has (cancel, stop waiting); resending one only earns a refusal, so the clerk may.
 */
export const alwaysSkipDone = (op: Pick<OperationDef, 'keyField'>): boolean => op.keyField === 'outer_no';

const when = (row: { started_at: string | null; created_at: string }) => row.started_at ?? row.created_at;

/**
 * The built-in sandbox listens on a port chosen at each start, so its account is its sid in the sandbox
 * environment (as job-connection.ts decides "the same account"); any other account is sid + base URL.
 */
export function checkDone(
  db: JobDatabase,
  meta: Pick<JobMeta, 'operation' | 'sid' | 'baseUrl' | 'environment'>,
  sha256: string,
  keys: readonly string[],
): DoneCheck {
  const sameFile = (
    db.prepare('SELECT id, profile_name, created_at, started_at FROM jobs WHERE source_sha256 = ? ORDER BY created_at, rowid').all(sha256) as {
      id: string;
      profile_name: string;
      created_at: string;
      started_at: string | null;
    }[]
  ).map((r) => ({ jobId: r.id, at: when(r), profileName: r.profile_name }));
  // Oldest first: the job that first did a key is the one that did it; later successes of it were refusals we took as done.
  const hits = db
    .prepare(
      `SELECT o.key, j.id, j.profile_name, j.created_at, j.started_at FROM job_orders o JOIN jobs j ON j.id = o.job_id
       WHERE o.key IN (SELECT value FROM json_each(?)) AND o.state = 'succeeded'
         AND j.operation = ? AND j.sid = ? AND (j.base_url = ? OR (? AND j.environment = 'sandbox'))
       ORDER BY j.created_at, j.rowid`,
    )
    .all(JSON.stringify(keys), meta.operation, meta.sid, meta.baseUrl, meta.environment === 'sandbox' ? 1 : 0) as { key: string; id: string; profile_name: string; created_at: string; started_at: string | null }[];
  const seen = new Set<string>();
  const byJob = new Map<string, DoneByJob>();
  for (const h of hits) {
    if (seen.has(h.key)) continue;
    seen.add(h.key);
    let group = byJob.get(h.id);
    if (!group) byJob.set(h.id, (group = { jobId: h.id, at: when(h), profileName: h.profile_name, keys: [] }));
    group.keys.push(h.key);
  }
  return { sameFile, done: [...byJob.values()] };
}

/** The keys to skip: every done key by default; with includeDone, only those an operation never lets through. */
export function keysToSkip(check: DoneCheck, op: Pick<OperationDef, 'keyField'>, includeDone: boolean): DoneKeys {
  const skip = new Map<string, EarlierJob>();
  if (includeDone && !alwaysSkipDone(op)) return skip;
  for (const { keys, ...job } of check.done) for (const key of keys) skip.set(key, job);
  return skip;
}

/** "11-25 14:02" from a stored local time (the clerk's own clock, as the jobs list shows it). */
export const shortWhen = (iso: string): string => `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;

/** What a clerk is told before a submit, per earlier job: how many of this sheet's rows and orders it did. */
export interface DoneNotice extends EarlierJob {
  orders: number;
  rows: number;
  /** The row numbers of this sheet it did (to show, and for --json). */
  rowNumbers: number[];
}

export interface DoneReport {
  sameFile: EarlierJob[];
  done: DoneNotice[];
  /** Rows of this sheet already done by some earlier job. */
  doneRows: number;
  /** True when the operation skips done orders even if the clerk includes them (a create). */
  alwaysSkip: boolean;
  /** The keys the job will skip, with the job that did each. */
  skip: DoneKeys;
}

export function doneReport(
  check: DoneCheck,
  orders: readonly { key: string; rows: readonly number[] }[],
  op: Pick<OperationDef, 'keyField'>,
  includeDone: boolean,
): DoneReport {
  const rowsOf = new Map(orders.map((o) => [o.key, o.rows]));
  const done = check.done.map(({ keys, ...job }) => {
    const rowNumbers = keys.flatMap((k) => rowsOf.get(k) ?? []).sort((a, b) => a - b);
    return { ...job, orders: keys.length, rows: rowNumbers.length, rowNumbers };
  });
  return {
    sameFile: check.sameFile,
    done,
    doneRows: done.reduce((n, d) => n + d.rows, 0),
    alwaysSkip: alwaysSkipDone(op),
    skip: keysToSkip(check, op, includeDone),
  };
}

/** The notice in words (zh-CN or en), one line per earlier job, then what happens to those rows. */
export function doneLines(lang: Lang, report: DoneReport, op: Pick<OperationDef, 'label'>, includeDone: boolean): string[] {
  const lines = report.sameFile.map((j) => t(lang, 'resend.sameFile', { job: j.jobId, at: shortWhen(j.at), profile: j.profileName }));
  if (report.done.length === 0) return lines;
  for (const d of report.done) {
    lines.push(t(lang, 'resend.done.byJob', { count: d.rows, job: d.jobId, at: shortWhen(d.at), profile: d.profileName, operation: op.label[lang] }));
  }
  lines.push(t(lang, report.alwaysSkip ? 'resend.done.createAlways' : includeDone ? 'resend.done.included' : 'resend.done.skipped'));
  return lines;
}
