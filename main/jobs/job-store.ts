// The durable job store: every write is one BEGIN IMMEDIATE transaction on a WAL file with
// synchronous=FULL. The runner's protocol lives in these methods: an attempt is committed as
// 'sending' before the request leaves, and its answer and every order's outcome commit together.
import { randomBytes } from 'node:crypto';
import type { LocalizedText } from '../../shared/i18n';
import { isBlocking, type OrderDraft, type RowDisposition } from '../../shared/operations/types';
import type { JobState, RowState } from '../../shared/states';
import type { SheetImport } from '../sheets/read/types';
import type { Statement } from 'better-sqlite3';
import { immediate, syncCommitted, unsynced, type JobDatabase, type WalSync } from './database';
import { shortWhen, type DoneKeys } from './done-keys';
import { Statements } from './statements';
import { planCalls } from './planner';
import { draftSchema, jobRecordSchema, type JobRecord, type Note } from './records';
import { compactStamp, isoWithOffset } from './time';
import { briefsOf } from '../../shared/row-list';

export interface JobMeta {
  operation: JobRecord['operation'];
  method: string;
  profileName: string;
  environment: JobRecord['environment'];
  sid: string;
  baseUrl: string;
  operator: string;
  appVersion: string;
  isCheck: boolean;
  lang: JobRecord['lang'];
  /** Orders per call for this job (catalog limit, lowered by the profile). */
  perCall: number;
}

export interface NewJob {
  sheet: SheetImport;
  meta: JobMeta;
  /** Sheet row numbers the person withdrew: their whole orders end as skipped. */
  withdrawnRows?: readonly number[];
  /** Why the person withdrew an order, by its key, when the app knows (a preview found it cannot succeed); else "skipped on review". */
  withdrawnNotes?: ReadonlyMap<string, readonly Note[]>;
  /** Order keys an earlier job already did (done-keys.ts): skipped, naming that job. */
  alreadyDone?: DoneKeys;
  /** The job this one resends rows of (a follow-up). */
  followsJob?: string;
  now: number;
  /**
   * The process that will run it, with its lease end (ms). Taken in the insert's own transaction: a job
   * stored 'running' without an owner would look abandoned to a `resume` landing before the run starts.
   */
  owner?: { id: string; until: number };
}

/** How one order ended up after an attempt (or a reconciliation). */
export interface OrderSettlement {
  key: string;
  state: 'succeeded' | 'failed' | 'unknown' | 'pending' | 'in-doubt' | 'skipped';
  erpMessage?: string | null;
  notes?: Note[];
  erpNo?: string | null;
  /** Remember that an earlier attempt's outcome was never known (a later refusal may be our own doing). */
  doubt?: boolean;
}

/** What an attempt's answer was, for the audit trail. Never a secret, never a sign. */
export interface AttemptAnswer {
  outcome: string;
  httpStatus: number | null;
  erpStatus: number | null;
  erpMessage: string | null;
  durationMs: number | null;
}

export interface StartedAttempt {
  attemptId: number;
  attempt: number;
  orders: OrderDraft[];
  doubtful: Set<string>;
}

/** An attempt's answer and its orders' outcomes, as finishAttempt records them. */
export interface FinishedAttempt {
  call: number;
  attemptId: number;
  answer: AttemptAnswer;
  settlements: readonly OrderSettlement[];
}

export type CallState = 'planned' | 'sending' | 'in-doubt' | 'done';

const finalOrder = new Set(['succeeded', 'failed', 'unknown', 'skipped']);

/**
 * The row state a reader disposition starts as (docs/vocabulary.md, "A row's life"): a valid row waits to
 * be sent — `pending` — unless the clerk withdrew its order; invalid and duplicate rows are final at once.
 */
const firstState = { valid: 'pending', invalid: 'invalid', duplicate: 'duplicate' } as const satisfies Record<RowDisposition['kind'], RowState>;

export class JobStore {
  private readonly statements: Statements;

  constructor(readonly db: JobDatabase) {
    this.statements = new Statements(db);
  }

  private sql(text: string): Statement {
    return this.statements.get(text);
  }

  /** Stores a read sheet as a job: every row (valid, invalid, duplicate), its orders planned into calls. */
  createJob({ sheet, meta, withdrawnRows = [], withdrawnNotes = new Map(), alreadyDone = new Map(), followsJob, now, owner }: NewJob): string {
    const id = `${compactStamp(now)}-${randomBytes(4).toString('hex')}`;
    const withdrawn = new Set(withdrawnRows);
    // Keys and row numbers only (briefs): a read's orders are packed, made whole one at a time below.
    const orders = briefsOf(sheet.orders);
    const kept = orders.filter((o) => !alreadyDone.has(o.key) && !o.rows.some((r) => withdrawn.has(r)));
    // A Set, not kept.includes: that was a scan per order, 15 s of a 100,000-order job's creation. An order's key is its own.
    const keptSet = new Set(kept.map((o) => o.key));
    const dropped = new Set(orders.filter((o) => !keptSet.has(o.key)).map((o) => o.key));
    const plan = planCalls(kept, meta.perCall);
    const callOf = new Map<string, number>();
    plan.forEach((keys, i) => keys.forEach((k) => callOf.set(k, i + 1)));
    const db = this.db;
    immediate(db, () => {
      db.prepare(
        `INSERT INTO jobs (id, operation, method, profile_name, environment, sid, base_url, source_name, source_path, source_sha256,
           sheet, header_row, columns, operator, app_version, is_check, lang, per_call, created_at, state, owner, owner_until, follows_job)
         VALUES (@id, @operation, @method, @profileName, @environment, @sid, @baseUrl, @sourceName, @sourcePath, @sha,
           @sheet, @headerRow, @columns, @operator, @appVersion, @isCheck, @lang, @perCall, @createdAt, 'running', @owner, @ownerUntil, @followsJob)`,
      ).run({
        id,
        ...meta,
        isCheck: meta.isCheck ? 1 : 0,
        sourceName: sheet.file.name,
        sourcePath: sheet.file.path,
        sha: sheet.file.sha256,
        sheet: sheet.sheet,
        headerRow: sheet.headerRow,
        columns: JSON.stringify(sheet.columns.map((c) => ({ header: c.header, field: c.field }))),
        createdAt: isoWithOffset(now),
        owner: owner?.id ?? null,
        ownerUntil: owner?.until ?? null,
        followsJob: followsJob ?? null,
      });
      const insertRow = db.prepare(
        `INSERT INTO job_rows (job_id, seq, row_number, cells, order_key, state, notes, warnings, edits, done_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      let seq = -1;
      for (const row of sheet.rows) {
        seq++;
        const d = row.disposition;
        let state: RowState = firstState[d.kind];
        let notes: Note[] | null = null;
        let key: string | null = null;
        let doneBy: string | null = null;
        if (d.kind === 'valid') {
          key = d.orderKey;
          const earlier = alreadyDone.get(key);
          if (earlier) {
            state = 'skipped';
            doneBy = earlier.jobId;
            notes = [{ text: { key: 'resend.row.alreadyDone', params: { job: earlier.jobId, at: shortWhen(earlier.at) } } }];
          } else if (dropped.has(key)) {
            state = 'skipped';
            notes = [...(withdrawnNotes.get(key) ?? [{ text: { key: 'jobs.row.withdrawn' } }])];
          }
        } else if (d.kind === 'duplicate') {
          notes = [{ text: { key: 'jobs.row.duplicateOf', params: { row: d.ofRow } } }];
        } else {
          notes = row.problems.filter(isBlocking).map((p) => ({ column: p.column, text: p.text }));
          if (notes.length === 0) notes = [{ text: { key: 'jobs.row.orderInvalid' } }];
        }
        const warnings = row.problems.filter((p) => !isBlocking(p)).map((p) => ({ column: p.column, text: p.text }));
        // Edited cells keep the file's text beside the edited one (the workbook marks them; migration 6).
        const edits = row.edits && row.edits.length > 0 ? JSON.stringify(row.edits) : null;
        insertRow.run(id, seq, row.rowNumber, JSON.stringify(row.cells), key, state, notes ? JSON.stringify(notes) : null, warnings.length > 0 ? JSON.stringify(warnings) : null, edits, doneBy);
      }
      const insertOrder = db.prepare(`INSERT INTO job_orders (job_id, key, seq, call, draft, state) VALUES (?, ?, ?, ?, ?, ?)`);
      for (let seq = 0; seq < sheet.orders.length; seq++) {
        const order = sheet.orders.at(seq) as OrderDraft;
        const call = callOf.get(order.key) ?? null;
        insertOrder.run(id, order.key, seq, call, JSON.stringify(order), call === null ? 'skipped' : 'pending');
      }
      const insertCall = db.prepare(`INSERT INTO job_calls (job_id, call, state) VALUES (?, ?, 'planned')`);
      plan.forEach((_, i) => insertCall.run(id, i + 1));
    });
    return id;
  }

  job(id: string): JobRecord | null {
    const raw = this.sql('SELECT * FROM jobs WHERE id = ?').get(id);
    return raw === undefined ? null : jobRecordSchema.parse(raw);
  }

  /** Every job, newest first. */
  jobs(): JobRecord[] {
    return this.db
      .prepare('SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC')
      .all()
      .map((raw) => jobRecordSchema.parse(raw));
  }

  setState(id: string, state: JobState, reason: LocalizedText | null = null, now?: number): void {
    immediate(this.db, () => {
      this.db
        .prepare('UPDATE jobs SET state = ?, state_reason = ?, finished_at = CASE WHEN ? = \'done\' THEN COALESCE(finished_at, ?) ELSE NULL END WHERE id = ?')
        .run(state, reason ? JSON.stringify(reason) : null, state, now === undefined ? null : isoWithOffset(now), id);
    });
  }

  markStarted(id: string, now: number): void {
    immediate(this.db, () => this.sql('UPDATE jobs SET started_at = COALESCE(started_at, ?) WHERE id = ?').run(isoWithOffset(now), id));
  }

  setResultsPath(id: string, file: string): void {
    immediate(this.db, () => this.sql('UPDATE jobs SET results_path = ? WHERE id = ?').run(file, id));
  }

  /**
   * Takes the job for this process. Another live owner keeps it (two processes must never send the same
   * job); a dead one (crashed, killed) or an expired lease gives it up.
   */
  acquire(id: string, owner: string, now: number, ttlMs: number, isAlive: (owner: string) => boolean): boolean {
    return immediate(this.db, () => {
      const row = this.sql('SELECT owner, owner_until FROM jobs WHERE id = ?').get(id) as { owner: string | null; owner_until: number | null } | undefined;
      if (!row) return false;
      const held = row.owner !== null && row.owner !== owner && (row.owner_until ?? 0) > now && isAlive(row.owner);
      if (held) return false;
      this.sql('UPDATE jobs SET owner = ?, owner_until = ? WHERE id = ?').run(owner, now + ttlMs, id);
      return true;
    });
  }

  renew(id: string, owner: string, until: number): void {
    immediate(this.db, () => this.sql('UPDATE jobs SET owner_until = ? WHERE id = ? AND owner = ?').run(until, id, owner));
  }

  release(id: string, owner: string): void {
    immediate(this.db, () => this.sql('UPDATE jobs SET owner = NULL, owner_until = NULL WHERE id = ? AND owner = ?').run(id, owner));
  }

  /**
   * After a crash: an attempt still 'sending' left and never had its answer recorded. Its orders (those its call
   * still has pending — on the wire, see begin) are in doubt until reconciliation settles them; nothing is resent
   * before that. Orders a build before issue 18 stored as 'sent' are on the wire too.
   */
  recoverInterrupted(id: string): number {
    return immediate(this.db, () => {
      const lost = this.sql(`UPDATE call_attempts SET outcome = 'lost' WHERE job_id = ? AND outcome = 'sending'`).run(id).changes;
      this.sql(
        `UPDATE job_orders SET state = 'in-doubt', doubt = 1 WHERE job_id = ?
         AND (state = 'sent' OR (state = 'pending' AND call IN (SELECT call FROM job_calls WHERE job_id = ? AND state = 'sending')))`,
      ).run(id, id);
      this.sql(`UPDATE job_calls SET state = 'in-doubt' WHERE job_id = ? AND state = 'sending'`).run(id);
      return lost;
    });
  }

  /** Calls by what they need: reconciliation first, then sending, in plan order. */
  openCalls(id: string): { inDoubt: number[]; planned: number[] } {
    const rows = this.sql(`SELECT call, state FROM job_calls WHERE job_id = ? AND state IN ('planned', 'in-doubt') ORDER BY call`).all(id) as {
      call: number;
      state: string;
    }[];
    return { inDoubt: rows.filter((r) => r.state === 'in-doubt').map((r) => r.call), planned: rows.filter((r) => r.state === 'planned').map((r) => r.call) };
  }

  /** One call's state (the runner asks after every step; cheap, unlike openCalls). */
  callState(id: string, call: number): CallState | null {
    const row = this.sql('SELECT state FROM job_calls WHERE job_id = ? AND call = ?').get(id, call) as { state: CallState } | undefined;
    return row?.state ?? null;
  }

  /** How many calls the plan holds, and how many are done. */
  callCounts(id: string): { total: number; done: number } {
    const row = this.sql(`SELECT COUNT(*) AS total, SUM(state = 'done') AS done FROM job_calls WHERE job_id = ?`).get(id) as { total: number; done: number | null };
    return { total: row.total, done: row.done ?? 0 };
  }

  /**
   * Commits the attempt as 'sending' before the request leaves. The orders it carries are the call's
   * orders still pending (withdrawn or already settled ones drop out). Null: nothing left to send.
   */
  beginAttempt(id: string, call: number, method: string, now: number): StartedAttempt | null {
    return immediate(this.db, () => this.begin(id, call, method, now));
  }

  /**
   * beginAttempt's writes, inside the caller's transaction. The attempt carries every order of the call still pending;
   * those orders stay 'pending' in the store: an order is on the wire while its call is 'sending' (one attempt per call
   * at a time), so the state is not written twice per order (here and at the outcome) with its two index entries.
   */
  private begin(id: string, call: number, method: string, now: number): StartedAttempt | null {
    const raw = this.sql(`SELECT key, draft, doubt FROM job_orders WHERE job_id = ? AND call = ? AND state = 'pending' ORDER BY seq`).all(id, call) as {
      key: string;
      draft: string;
      doubt: number;
    }[];
    if (raw.length === 0) {
      this.closeCallIfSettled(id, call);
      return null;
    }
    const { attempts } = this.sql(`UPDATE job_calls SET state = 'sending', attempts = attempts + 1 WHERE job_id = ? AND call = ? RETURNING attempts`).get(id, call) as {
      attempts: number;
    };
    const at = isoWithOffset(now);
    const attemptId = Number(
      this.sql(`INSERT INTO call_attempts (job_id, call, attempt, method, orders, outcome, at) VALUES (?, ?, ?, ?, ?, 'sending', ?)`).run(
        id, call, attempts, method, raw.length, at,
      ).lastInsertRowid,
    );
    this.sql(
      `UPDATE job_rows SET call = ?, submitted_at = COALESCE(submitted_at, ?)
       WHERE job_id = ? AND order_key IN (SELECT key FROM job_orders WHERE job_id = ? AND call = ? AND state = 'pending')`,
    ).run(call, at, id, id, call);
    return {
      attemptId,
      attempt: attempts,
      orders: raw.map((r) => draftSchema.parse(JSON.parse(r.draft))),
      doubtful: new Set(raw.filter((r) => r.doubt === 1).map((r) => r.key)),
    };
  }

  /**
   * beginAttempt for several calls ahead of their send, in one transaction. The
   * commit is synced on the thread pool (through the run's WalSync when given): none of these requests may leave
   * before `durable` resolves.
   */
  beginAhead(id: string, calls: readonly number[], method: string, now: number, wal?: WalSync): { started: (StartedAttempt | null)[]; durable: Promise<void> } {
    const { started, durable } = this.recordAndBegin(id, [], calls, method, now, wal);
    return { started, durable: durable ?? Promise.resolve() };
  }

  /**
   * The runner's store work once its requests are on their way, in one transaction: the records of answered calls
   * (finishAttempt's writes) and the attempts of the next calls (beginAhead's). One commit instead of one each: a
   * call's record and a later call's attempt share the commit's pages (calls, attempts, indexes) and its fixed cost.
   * A kill lands before or after the whole. Synced on the thread pool (`durable`) only when attempts were begun —
   * none of them may leave before it resolves; records alone commit unsynced, as finishAttempt's.
   */
  recordAndBegin(
    id: string,
    records: readonly FinishedAttempt[],
    calls: readonly number[],
    method: string,
    now: number,
    wal?: WalSync,
  ): { started: (StartedAttempt | null)[]; durable: Promise<void> | null } {
    const started = unsynced(this.db, () => {
      for (const record of records) this.finish(id, record);
      // Only a call still planned is begun ahead: one in doubt is reconciled first, a done one has nothing to send.
      return calls.map((call) => (this.callState(id, call) === 'planned' ? this.begin(id, call, method, now) : null));
    });
    const begun = started.some((s) => s !== null);
    return { started, durable: begun ? (wal ? wal.sync() : syncCommitted(this.db)) : null };
  }

  /**
   * Records an attempt's answer and every order's outcome in one transaction. It commits without its own
   * fsync (`unsynced`): written to the OS at once, so a killed process loses nothing, and made durable against
   * power loss by the next synced commit — the next beginAttempt, or the run's end. Lost in a power cut, the
   * attempt is still 'sending' on disk: recovery marks it lost and settles its orders by query, as for a crash.
   */
  finishAttempt(id: string, call: number, attemptId: number, answer: AttemptAnswer, settlements: readonly OrderSettlement[]): void {
    unsynced(this.db, () => this.finish(id, { call, attemptId, answer, settlements }));
  }

  /** finishAttempt's writes, inside the caller's transaction. */
  private finish(id: string, { call, attemptId, answer, settlements }: FinishedAttempt): void {
    this.sql(`UPDATE call_attempts SET outcome = ?, http_status = ?, erp_status = ?, erp_message = ?, duration_ms = ? WHERE id = ?`).run(answer.outcome, answer.httpStatus, answer.erpStatus, answer.erpMessage, answer.durationMs === null ? null : Math.round(answer.durationMs), attemptId);
    this.applySettlements(id, settlements);
    this.closeCallIfSettled(id, call, true);
  }

  /**
   * Takes back an attempt committed ahead of its send that never left (the run halted, or it waited too long
   * for the rate limiter): its line goes, its orders wait again as if it had never been begun. Only an attempt
   * still 'sending' is taken back; false when there was none.
   */
  withdrawAttempt(id: string, call: number, attemptId: number): boolean {
    return immediate(this.db, () => {
      if (this.sql(`DELETE FROM call_attempts WHERE id = ? AND job_id = ? AND outcome = 'sending'`).run(attemptId, id).changes === 0) return false;
      this.sql('UPDATE job_calls SET attempts = attempts - 1 WHERE job_id = ? AND call = ?').run(id, call);
      // The orders it carried: the call's pending ones (begin). Their rows lose the call and the submit time.
      const carried = this.sql(`SELECT key FROM job_orders WHERE job_id = ? AND call = ? AND state = 'pending'`).all(id, call) as { key: string }[];
      this.applySettlements(id, carried.map((o) => ({ key: o.key, state: 'pending' as const })));
      this.closeCallIfSettled(id, call, true);
      return true;
    });
  }

  /** Settles orders outside an attempt (reconciliation by query, a stop, a withdrawal). */
  settle(id: string, call: number, settlements: readonly OrderSettlement[], audit?: { method: string; answer: AttemptAnswer; now: number }): void {
    immediate(this.db, () => {
      if (audit) {
        const { attempts } = this.sql('SELECT attempts FROM job_calls WHERE job_id = ? AND call = ?').get(id, call) as { attempts: number };
        this.db
          .prepare(
            `INSERT INTO call_attempts (job_id, call, attempt, method, orders, outcome, http_status, erp_status, erp_message, duration_ms, at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id, call, attempts, audit.method, settlements.length, audit.answer.outcome, audit.answer.httpStatus, audit.answer.erpStatus,
            audit.answer.erpMessage, audit.answer.durationMs === null ? null : Math.round(audit.answer.durationMs), isoWithOffset(audit.now),
          );
      }
      this.applySettlements(id, settlements);
      this.closeCallIfSettled(id, call);
    });
  }

  /** Orders of a call in a given state, in plan order. */
  orders(id: string, call: number, state: 'in-doubt' | 'pending'): { key: string; doubt: boolean; refusal: string | null }[] {
    return (this.sql(`SELECT key, doubt, refusal FROM job_orders WHERE job_id = ? AND call = ? AND state = ? ORDER BY seq`).all(id, call, state) as {
      key: string;
      doubt: number;
      refusal: string | null;
    }[]).map((r) => ({ key: r.key, doubt: r.doubt === 1, refusal: r.refusal }));
  }

  /** When the order's first attempt left (local clock, ms): the start of "our doing" for reconciliation. */
  firstSentAt(id: string, key: string): number | null {
    const row = this.sql(`SELECT MIN(submitted_at) AS at FROM job_rows WHERE job_id = ? AND order_key = ?`).get(id, key) as { at: string | null };
    const ms = row.at === null ? NaN : Date.parse(row.at);
    return Number.isNaN(ms) ? null : ms;
  }

  /**
   * Withdraws rows not yet sent: their whole orders end as skipped. Returns how many orders were withdrawn. Orders of
   * a call 'sending' are on the wire (or committed to go): not withdrawable.
   */
  withdraw(id: string, rowNumbers: readonly number[]): number {
    const wanted = new Set(rowNumbers);
    return immediate(this.db, () => {
      const pending = this.sql(
        `SELECT key, call, draft FROM job_orders WHERE job_id = ? AND state = 'pending'
         AND call NOT IN (SELECT call FROM job_calls WHERE job_id = ? AND state = 'sending')`,
      ).all(id, id) as {
        key: string;
        call: number;
        draft: string;
      }[];
      let n = 0;
      for (const o of pending) {
        const draft = draftSchema.parse(JSON.parse(o.draft));
        if (!draft.rows.some((r) => wanted.has(r))) continue;
        this.applySettlements(id, [{ key: o.key, state: 'skipped', notes: [{ text: { key: 'jobs.row.withdrawn' } }] }]);
        this.closeCallIfSettled(id, o.call);
        n += 1;
      }
      return n;
    });
  }

  /** True when no order of the job waits to be sent, is in flight or in doubt. */
  settled(id: string): boolean {
    const row = this.sql(`SELECT COUNT(*) AS n FROM job_orders WHERE job_id = ? AND state IN ('pending', 'sent', 'in-doubt')`).get(id) as { n: number };
    return row.n === 0;
  }

  /**
   * Writes each order's outcome and its rows'. Orders ending the same way (the common case: a call's orders all
   * succeeded, or all refused in the same words) share one statement over their keys (`IN json_each(?)`): one
   * statement per group instead of one per order.
   */
  private applySettlements(id: string, settlements: readonly OrderSettlement[]): void {
    const orders = new Groups();
    const rows = new Groups();
    const unsent: string[] = [];
    for (const s of settlements) {
      // In doubt after a refusal: keep the ERP's words until a query says whether they are the truth.
      orders.add([s.state, s.doubt || s.state === 'in-doubt' ? 1 : 0, s.state === 'in-doubt' ? (s.erpMessage ?? null) : null], s.key);
      if (finalOrder.has(s.state)) rows.add([s.state, s.erpMessage ?? null, s.notes && s.notes.length > 0 ? JSON.stringify(s.notes) : null, s.erpNo ?? null], s.key);
      else if (s.state === 'pending') unsent.push(s.key);
    }
    for (const [values, keys] of orders.groups.values()) {
      this.sql(`UPDATE job_orders SET state = ?, doubt = MAX(doubt, ?), refusal = ? WHERE job_id = ? AND key IN (SELECT value FROM json_each(?))`).run(...values, id, JSON.stringify(keys));
    }
    for (const [values, keys] of rows.groups.values()) {
      this.sql(`UPDATE job_rows SET state = ?, erp_message = ?, notes = ?, erp_no = ? WHERE job_id = ? AND order_key IN (SELECT value FROM json_each(?))`).run(...values, id, JSON.stringify(keys));
    }
    // Back to pending with no attempt that may have acted (offline, rate-limited, refused credentials): the
    // rows were never submitted, so the workbook must not give them a call or a submit time.
    if (unsent.length > 0) {
      this.sql(
        `UPDATE job_rows SET call = NULL, submitted_at = NULL WHERE job_id = ? AND order_key IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM job_orders WHERE job_id = ? AND key = job_rows.order_key AND doubt = 1)`,
      ).run(id, JSON.stringify(unsent), id);
    }
  }

  /**
   * A call is done when none of its orders waits, flies or is in doubt; planned when some wait; in doubt when some are.
   * A call 'sending' has an attempt out, its orders pending until its outcome: only the end of that attempt
   * (`endsAttempt`: its outcome recorded, or it was taken back) may move it.
   */
  private closeCallIfSettled(id: string, call: number, endsAttempt = false): void {
    const counts = this.sql(`SELECT SUM(state = 'pending') AS pending, SUM(state = 'in-doubt') AS doubt FROM job_orders WHERE job_id = ? AND call = ?`).get(id, call) as {
      pending: number | null;
      doubt: number | null;
    };
    const state: CallState = (counts.doubt ?? 0) > 0 ? 'in-doubt' : (counts.pending ?? 0) > 0 ? 'planned' : 'done';
    if (endsAttempt) this.sql('UPDATE job_calls SET state = ? WHERE job_id = ? AND call = ?').run(state, id, call);
    else this.sql(`UPDATE job_calls SET state = ? WHERE job_id = ? AND call = ? AND state <> 'sending'`).run(state, id, call);
  }
}

/** Keys grouped by the values their statement sets, in first-seen order (a key's values are compared as JSON). */
class Groups {
  readonly groups = new Map<string, [values: (string | number | null)[], keys: string[]]>();
  add(values: (string | number | null)[], key: string): void {
    const id = JSON.stringify(values);
    const group = this.groups.get(id);
    if (group) group[1].push(key);
    else this.groups.set(id, [values, [key]]);
  }
}
