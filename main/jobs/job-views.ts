// Reading the store for people: counts, the job as the UI lists it, rows and attempts by page, and the
// JobReportSource the results workbook is written from. Rows stream in pages of 1,000, so a
// 100,000-row job is never held in memory and no statement stays open across a write.
import { render, t, type Lang } from '../../shared/i18n';
import type { JobAttemptView, JobRowView, JobsFilter, JobView } from '../../shared/contract/jobs.contract';
import { hintFor } from '../../shared/operations/erp-hints';
import { emptyCounts, type RowState, type StateCounts } from '../../shared/states';
import type { Statement } from 'better-sqlite3';
import type { JobDatabase } from './database';
import { Statements } from './statements';
import { attemptRecordSchema, jobRecordSchema, rowColumns, rowFromColumns, rowRecordSchema, type AttemptRecord, type JobRecord, type Note, type RowRecord } from './records';
import type { JobReportSource, JobSummary } from './report';

function renderNotes(lang: Lang, notes: readonly Note[]): string {
  const sep = lang === 'zh-CN' ? '；' : '; ';
  const colon = lang === 'zh-CN' ? '：' : ': ';
  return notes.map((n) => (n.column ? `${n.column}${colon}${render(lang, n.text)}` : render(lang, n.text))).join(sep);
}

/** What a row still waiting says: sent with its answer unsettled (it has a submit time), or never sent. */
const pendingNote = (r: RowRecord): Note[] => [{ text: { key: r.submitted_at === null ? 'jobs.row.notSent' : 'jobs.row.awaitingAnswer' } }];

export function rowView(r: RowRecord, lang: Lang): JobRowView {
  // Warnings the row was sent with come last, marked as such, whatever the outcome said.
  const warned = r.warnings.length > 0 ? t(lang, 'jobs.row.warnings', { text: renderNotes(lang, r.warnings) }) : '';
  const own = renderNotes(lang, r.state === 'pending' && r.notes.length === 0 ? pendingNote(r) : r.notes);
  const ours = [own, warned].filter((s) => s !== '').join(lang === 'zh-CN' ? '；' : '; ');
  const message = r.erp_message !== null ? (ours ? `${r.erp_message}${lang === 'zh-CN' ? '；' : '; '}${ours}` : r.erp_message) : ours;
  // The hint explains the ERP's own words only; our notes already say what to do.
  const hint = hintFor(r.erp_message);
  return {
    rowNumber: r.row_number,
    key: r.order_key,
    cells: r.cells,
    state: r.state,
    message,
    hint: hint ? render(lang, hint) : null,
    erpNo: r.erp_no,
    call: r.call,
    submittedAt: r.submitted_at,
    ...(r.edits.length > 0 ? { edits: r.edits } : {}),
  };
}

export function attemptView(a: AttemptRecord): JobAttemptView {
  return {
    call: a.call,
    attempt: a.attempt,
    method: a.method,
    orders: a.orders,
    outcome: a.outcome,
    httpStatus: a.http_status,
    erpStatus: a.erp_status,
    erpMessage: a.erp_message,
    durationMs: a.duration_ms,
    at: a.at,
  };
}

/** The WHERE clause of a row query (the job, some states, a key or row-number search), with its arguments. */
function rowFilter(id: string, states: readonly RowState[] | undefined, search: string | undefined): { sql: string; args: (string | number)[] } {
  let sql = 'job_id = ?';
  const args: (string | number)[] = [id];
  if (states && states.length > 0) {
    sql += ` AND state IN (${states.map(() => '?').join(', ')})`;
    args.push(...states);
  }
  const text = search?.trim().toLowerCase() ?? '';
  if (text !== '') {
    // A row with no order key (invalid) is found by its cells instead, so a return number the reader refused
    // still finds its row. A number may be the sheet's row number as well as part of a key.
    const byKey = '(instr(lower(order_key), ?) > 0 OR (order_key IS NULL AND instr(lower(cells), ?) > 0))';
    const rowNumber = /^\d{1,9}$/.test(text);
    sql += rowNumber ? ` AND (row_number = ? OR ${byKey})` : ` AND ${byKey}`;
    if (rowNumber) args.push(Number(text));
    args.push(text, text);
  }
  return { sql, args };
}

/** The day after a local YYYY-MM-DD: `to` includes its whole day, so created_at must sort before the next one. */
const dayAfter = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The WHERE clause of a jobs-list query; created_at starts with the local day it was made (time.ts). */
function jobFilter(f: JobsFilter): { sql: string; args: string[] } {
  const parts: string[] = [];
  const args: string[] = [];
  const add = (sql: string, ...values: string[]) => {
    parts.push(sql);
    args.push(...values);
  };
  if (f.operation) add('operation = ?', f.operation);
  if (f.profile) add('profile_name = ?', f.profile);
  if (f.state) add('state = ?', f.state);
  if (f.from) add('created_at >= ?', f.from);
  if (f.to) add('created_at < ?', dayAfter(f.to));
  const text = f.text?.trim().toLowerCase() ?? '';
  if (text !== '') add('(instr(lower(id), ?) > 0 OR instr(lower(source_name), ?) > 0)', text, text);
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', args };
}

export class JobViews {
  private readonly statements: Statements;

  constructor(private readonly db: JobDatabase) {
    this.statements = new Statements(db);
  }

  private sql(text: string): Statement {
    return this.statements.get(text);
  }

  counts(id: string): StateCounts {
    const counts = emptyCounts();
    const rows = this.sql('SELECT state, COUNT(*) AS n FROM job_rows WHERE job_id = ? GROUP BY state').all(id) as { state: RowState; n: number }[];
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }

  rowCount(id: string): number {
    return (this.sql('SELECT COUNT(*) AS n FROM job_rows WHERE job_id = ?').get(id) as { n: number }).n;
  }

  /** Attempts made (the sending and the answered; reconciliation queries included). */
  attemptCount(id: string): number {
    return (this.sql('SELECT COUNT(*) AS n FROM call_attempts WHERE job_id = ?').get(id) as { n: number }).n;
  }

  view(job: JobRecord): JobView {
    return {
      id: job.id,
      operation: job.operation,
      method: job.method,
      profileName: job.profile_name,
      environment: job.environment,
      sid: job.sid,
      sourceName: job.source_name,
      sheet: job.sheet,
      operator: job.operator,
      isCheck: job.is_check,
      createdAt: job.created_at,
      startedAt: job.started_at,
      finishedAt: job.finished_at,
      state: job.state,
      counts: this.counts(job.id),
      attempts: this.attemptCount(job.id),
      followsJob: job.follows_job,
      followUps: this.followUps(job.id),
    };
  }

  /**
   * One page of the jobs list, newest first, as the store filters it (thousands of jobs never cross to the
   * window at once), with every operation and profile any job used (what the filters offer).
   */
  findJobs(filter: JobsFilter, offset: number, limit: number): { total: number; items: JobRecord[]; operations: string[]; profiles: string[] } {
    const where = jobFilter(filter);
    const total = (this.sql(`SELECT COUNT(*) AS n FROM jobs WHERE ${where.sql}`).get(...where.args) as { n: number }).n;
    const items = this.sql(`SELECT * FROM jobs WHERE ${where.sql} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`)
      .all(...where.args, limit, offset)
      .map((raw) => jobRecordSchema.parse(raw));
    const distinct = (column: string) => (this.sql(`SELECT DISTINCT ${column} AS v FROM jobs ORDER BY v`).all() as { v: string }[]).map((r) => r.v);
    return { total, items, operations: distinct('operation'), profiles: distinct('profile_name') };
  }

  /** Jobs that resend rows of this one, oldest first. */
  followUps(id: string): string[] {
    return (this.sql('SELECT id FROM jobs WHERE follows_job = ? ORDER BY created_at, rowid').all(id) as { id: string }[]).map((r) => r.id);
  }

  /** Every stored row in these states, in source order (what a follow-up resends). */
  rowRecords(id: string, states: readonly RowState[]): RowRecord[] {
    return this.sql(`SELECT * FROM job_rows WHERE job_id = ? AND state IN (SELECT value FROM json_each(?)) ORDER BY seq`)
      .all(id, JSON.stringify(states))
      .map((raw) => rowRecordSchema.parse(raw));
  }

  /** Rows skipped because an earlier job already did their order, by that job (first row first). */
  doneSkips(id: string): { job: string; rows: number[] }[] {
    const got = this.sql('SELECT done_by, row_number FROM job_rows WHERE job_id = ? AND done_by IS NOT NULL ORDER BY seq').all(id) as { done_by: string; row_number: number }[];
    const byJob = new Map<string, number[]>();
    for (const r of got) {
      const rows = byJob.get(r.done_by) ?? [];
      rows.push(r.row_number);
      byJob.set(r.done_by, rows);
    }
    return [...byJob].map(([job, rows]) => ({ job, rows }));
  }

  /**
   * One page of a job's rows in source order: only some states, and/or those whose order key holds `search`
   * (any case) or whose sheet row number is it. The page's seqs come from the index alone (migration 8), then
   * only those rows are read, so a page deep in a 100,000-row job costs about what the first one does.
   */
  rows(id: string, lang: Lang, offset: number, limit: number, states?: readonly RowState[], search?: string): { total: number; items: JobRowView[] } {
    const where = rowFilter(id, states, search);
    // Unfiltered, the offset is the seq itself (createJob numbers a job's rows 0, 1, 2… and never drops one),
    // so neither the count nor the page walks the job's rows.
    const all = where.args.length === 1;
    const total = all
      ? (this.sql('SELECT COALESCE(MAX(seq) + 1, 0) AS n FROM job_rows WHERE job_id = ?').get(id) as { n: number }).n
      : (this.sql(`SELECT COUNT(*) AS n FROM job_rows WHERE ${where.sql}`).get(...where.args) as { n: number }).n;
    const page =
      all
        ? this.sql('SELECT * FROM job_rows WHERE job_id = ? AND seq >= ? AND seq < ? ORDER BY seq').all(id, offset, offset + limit)
        : this.sql(`SELECT * FROM job_rows WHERE job_id = ? AND seq IN (SELECT seq FROM job_rows WHERE ${where.sql} ORDER BY seq LIMIT ? OFFSET ?) ORDER BY seq`).all(
            id, ...where.args, limit, offset,
          );
    const items = page.map((raw) => rowView(rowRecordSchema.parse(raw), lang));
    return { total, items };
  }

  /** Attempts newest first (the run screen), or oldest first (the workbook). */
  attempts(id: string, offset: number, limit: number, newestFirst = true): { total: number; items: JobAttemptView[] } {
    const total = this.attemptCount(id);
    const items = this.sql(`SELECT * FROM call_attempts WHERE job_id = ? ORDER BY id ${newestFirst ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`)
      .all(id, limit, offset)
      .map((raw) => attemptView(attemptRecordSchema.parse(raw)));
    return { total, items };
  }

  lastAttempt(id: string): JobAttemptView | null {
    return this.attempts(id, 0, 1).items[0] ?? null;
  }

  summary(job: JobRecord): JobSummary {
    return {
      ...this.view(job),
      sourcePath: job.source_path,
      sourceSha256: job.source_sha256,
      headerRow: job.header_row,
      columns: job.columns.map((c) => c.header),
      columnFields: job.columns.map((c) => c.field),
      appVersion: job.app_version,
    };
  }

  /** What the results workbook is written from; rows and attempts stream in pages in source / attempt order. */
  reportSource(job: JobRecord, lang: Lang): JobReportSource {
    const page = 1000;
    const db = this.db;
    const summary = this.summary(job);
    return {
      lang,
      summary: () => summary,
      *rows() {
        let after = -1;
        // Raw arrays, not objects: half the read's cost (records.ts rowColumns).
        const next = db.prepare(`SELECT ${rowColumns} FROM job_rows WHERE job_id = ? AND seq > ? ORDER BY seq LIMIT ?`).raw();
        for (;;) {
          const got = next.all(job.id, after, page) as unknown[][];
          if (got.length === 0) return;
          for (const raw of got) {
            const r = rowRecordSchema.parse(rowFromColumns(raw));
            after = r.seq;
            yield rowView(r, lang);
          }
        }
      },
      *attempts() {
        let after = 0;
        for (;;) {
          const got = db.prepare('SELECT * FROM call_attempts WHERE job_id = ? AND id > ? ORDER BY id LIMIT ?').all(job.id, after, page);
          if (got.length === 0) return;
          for (const raw of got) {
            const a = attemptRecordSchema.parse(raw);
            after = a.id;
            yield attemptView(a);
          }
        }
      },
    };
  }
}
