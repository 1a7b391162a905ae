// Reading the store for people: counts, the job as the UI lists it, rows and attempts by page, and the
// JobReportSource the results workbook is written from. Rows stream in pages of 1,000, so a
// 100,000-row job is never held in memory and no statement stays open across a write.
import { render, t, type Lang } from '../../shared/i18n';
import type { JobAttemptView, JobRowView, JobView } from '../../shared/contract/jobs.contract';
import { hintFor } from '../../shared/operations/erp-hints';
import { emptyCounts, type RowState, type StateCounts } from '../../shared/states';
import type { Statement } from 'better-sqlite3';
import type { JobDatabase } from './database';
import { Statements } from './statements';
import { attemptRecordSchema, rowRecordSchema, type AttemptRecord, type JobRecord, type Note, type RowRecord } from './records';
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

  rows(id: string, lang: Lang, offset: number, limit: number, states?: readonly RowState[]): { total: number; items: JobRowView[] } {
    const filter = states && states.length > 0 ? ` AND state IN (${states.map(() => '?').join(', ')})` : '';
    const args = states && states.length > 0 ? [id, ...states] : [id];
    const total = (this.sql(`SELECT COUNT(*) AS n FROM job_rows WHERE job_id = ?${filter}`).get(...args) as { n: number }).n;
    const items = this.sql(`SELECT * FROM job_rows WHERE job_id = ?${filter} ORDER BY seq LIMIT ? OFFSET ?`)
      .all(...args, limit, offset)
      .map((raw) => rowView(rowRecordSchema.parse(raw), lang));
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
        for (;;) {
          const got = db.prepare('SELECT * FROM job_rows WHERE job_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(job.id, after, page);
          if (got.length === 0) return;
          for (const raw of got) {
            const r = rowRecordSchema.parse(raw);
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
