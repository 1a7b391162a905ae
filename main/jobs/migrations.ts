// Numbered migrations of the job store. A migration is never edited once it has landed: add the next
// number instead (so version 1 still says `batch`: migration 4 renames it). The schema test
// (test/main/jobs/store.test.ts) pins the resulting tables.

import { masterdataLeaseMigration } from '../masterdata/md-lease-migration';
import { masterdataMigration } from '../masterdata/md-migration';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'jobs, rows, orders, calls and the audit trail of attempts',
    sql: `
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        operation TEXT NOT NULL,
        method TEXT NOT NULL,
        profile_name TEXT NOT NULL,
        environment TEXT NOT NULL CHECK (environment IN ('sandbox', 'test', 'production')),
        sid TEXT NOT NULL,
        base_url TEXT NOT NULL,
        source_name TEXT NOT NULL,
        source_path TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        sheet TEXT NOT NULL,
        header_row INTEGER NOT NULL,
        columns TEXT NOT NULL,            -- JSON [{ header, field }]
        operator TEXT NOT NULL,
        app_version TEXT NOT NULL,
        is_check INTEGER NOT NULL CHECK (is_check IN (0, 1)),
        lang TEXT NOT NULL,
        per_call INTEGER NOT NULL CHECK (per_call >= 1),
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        state TEXT NOT NULL CHECK (state IN ('running', 'waiting', 'paused', 'interrupted', 'done')),
        state_reason TEXT,                -- JSON LocalizedText: why it waits or was interrupted
        stop_requested INTEGER NOT NULL DEFAULT 0,
        results_path TEXT,
        owner TEXT,                       -- host:pid of the process running it
        owner_until INTEGER               -- lease end, ms since the epoch
      );
      CREATE TABLE job_rows (
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,             -- source order
        row_number INTEGER NOT NULL,      -- as Excel shows it
        cells TEXT NOT NULL,              -- JSON array of the cells as the clerk saw them
        order_key TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed', 'invalid', 'duplicate', 'unknown', 'skipped')),
        erp_message TEXT,                 -- the ERP's words, verbatim
        notes TEXT,                       -- JSON [{ column?, text: LocalizedText }]: our own words
        erp_no TEXT,
        batch INTEGER,
        submitted_at TEXT,
        PRIMARY KEY (job_id, seq)
      );
      CREATE INDEX job_rows_by_order ON job_rows (job_id, order_key);
      CREATE INDEX job_rows_by_state ON job_rows (job_id, state);
      CREATE TABLE job_orders (
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        batch INTEGER,                    -- null: withdrawn before planning
        draft TEXT NOT NULL,              -- JSON OrderDraft
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'in-doubt', 'succeeded', 'failed', 'unknown', 'skipped')),
        doubt INTEGER NOT NULL DEFAULT 0, -- an earlier attempt's outcome was never known
        PRIMARY KEY (job_id, key)
      );
      CREATE INDEX job_orders_by_batch ON job_orders (job_id, batch, state);
      CREATE TABLE job_calls (
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        batch INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('planned', 'sending', 'in-doubt', 'done')),
        attempts INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (job_id, batch)
      );
      CREATE TABLE call_attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        batch INTEGER NOT NULL,
        attempt INTEGER NOT NULL,
        method TEXT NOT NULL,
        orders INTEGER NOT NULL,
        outcome TEXT NOT NULL,            -- 'sending' until the answer is recorded
        http_status INTEGER,
        erp_status INTEGER,
        erp_message TEXT,
        duration_ms INTEGER,
        at TEXT NOT NULL
      );
      CREATE INDEX call_attempts_by_job ON call_attempts (job_id, id);
    `,
  },
  {
    version: 2,
    name: 'remember the ERP refusal of a resend whose earlier attempt was in doubt',
    // Settled by the next query: if it shows our earlier attempt did nothing, the refusal is the truth (failed).
    sql: `ALTER TABLE job_orders ADD COLUMN refusal TEXT;`,
  },
  {
    version: 3,
    name: 'keep the warnings a row was sent with',
    // JSON [{ column?, text }] like notes, but never replaced by an outcome: the record says what we warned of.
    sql: `ALTER TABLE job_rows ADD COLUMN warnings TEXT;`,
  },
  {
    version: 4,
    name: 'one vocabulary: the planned request is a call (docs/vocabulary.md), not a batch',
    // `batch` named the call an order, a row or an attempt belongs to; RENAME COLUMN keeps every value
    // and rewrites the primary key of job_calls. The index is renamed by making it again.
    sql: `
      ALTER TABLE job_calls RENAME COLUMN batch TO call;
      ALTER TABLE job_orders RENAME COLUMN batch TO call;
      DROP INDEX job_orders_by_batch;
      CREATE INDEX job_orders_by_call ON job_orders (job_id, call, state);
      ALTER TABLE job_rows RENAME COLUMN batch TO call;
      ALTER TABLE call_attempts RENAME COLUMN batch TO call;
    `,
  },
  masterdataMigration,
  {
    version: 6,
    name: 'keep the cells the clerk edited in the review grid, with the text the file has',
    // JSON [{ column, original }] (0-based sheet column): `cells` holds the edited text, the source file is never
    // changed, so this is the only record of what the file said. NULL: nothing edited. (5 is masterdata's.)
    sql: `ALTER TABLE job_rows ADD COLUMN edits TEXT;`,
  },
  {
    version: 7,
    name: 'never twice by accident; resend as a linked follow-up job',
    // follows_job: the job a follow-up resends rows of. done_by: the earlier job whose success made this row
    // skipped. The key index answers "did this key already succeed?" without scanning every job's orders
    // (the jobs table is small: its own lookups by file or follow-up need no index).
    sql: `
      ALTER TABLE jobs ADD COLUMN follows_job TEXT REFERENCES jobs(id);
      ALTER TABLE job_rows ADD COLUMN done_by TEXT;
      CREATE INDEX job_orders_by_key ON job_orders (key, state);
    `,
  },
  {
    version: 8,
    name: 'browse every row of a job by state, and the jobs list by date',
    // A page of one state's rows in source order reads the index alone (job_id, state, seq covers the
    // page's subquery), so the 1,000th page of a 100,000-row job costs what the first does; the jobs list
    // is filtered and paged newest first from (created_at). The old (job_id, state) index is what this one
    // starts with: dropped so each row write keeps one index up to date, not two.
    sql: `
      CREATE INDEX job_rows_by_state_seq ON job_rows (job_id, state, seq);
      DROP INDEX job_rows_by_state;
      CREATE INDEX jobs_by_created ON jobs (created_at);
    `,
  },
  masterdataLeaseMigration,
];
