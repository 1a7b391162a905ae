// The store file itself: durability settings asserted at open, numbered migrations, the schema.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertDurable, migrate, openJobDatabase } from '../../../main/jobs/database';
import { migrations } from '../../../main/jobs/migrations';
import { tempDir } from './helpers';

const tmp = tempDir();
afterEach(() => undefined);

describe('job store file', () => {
  it('opens in WAL with synchronous=FULL and foreign keys on, and says so', () => {
    const db = openJobDatabase(path.join(tmp.dir, 'a', 'jobs.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    db.close();
  });

  it('refuses to run on weaker settings', () => {
    const db = new Database(path.join(tmp.dir, 'weak.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    expect(() => assertDurable(db)).toThrow(/synchronous/);
    db.close();
  });

  it('pins the schema: tables and columns', () => {
    const db = openJobDatabase(path.join(tmp.dir, 'schema.sqlite'));
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(['call_attempts', 'job_calls', 'job_orders', 'job_rows', 'jobs', 'md_codes', 'md_lease', 'md_links', 'md_lists']);
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('call_attempts')).toEqual(['id', 'job_id', 'call', 'attempt', 'method', 'orders', 'outcome', 'http_status', 'erp_status', 'erp_message', 'duration_ms', 'at']);
    expect(columns('job_calls')).toEqual(['job_id', 'call', 'state', 'attempts']);
    expect(columns('job_orders')).toEqual(['job_id', 'key', 'seq', 'call', 'draft', 'state', 'doubt', 'refusal']);
    expect(columns('job_rows')).toEqual(['job_id', 'seq', 'row_number', 'cells', 'order_key', 'state', 'erp_message', 'notes', 'erp_no', 'call', 'submitted_at', 'warnings', 'edits', 'done_by']);
    expect(columns('jobs')).toContain('follows_job');
    // The audit trail has no room for a secret or a sign.
    for (const t of tables) for (const c of columns(t)) expect(c).not.toMatch(/secret|sign|salt|appkey/i);
    db.close();
  });

  it('migrates an older file forward and refuses a file from a newer version', () => {
    const file = path.join(tmp.dir, 'old.sqlite');
    const db = new Database(file);
    migrate(db, []);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    migrate(db, migrations.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    migrate(db, migrations);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect((db.prepare('PRAGMA table_info(job_orders)').all() as { name: string }[]).map((c) => c.name)).toContain('refusal');
    db.pragma('user_version = 99');
    db.close();
    expect(() => openJobDatabase(file)).toThrow(expect.objectContaining({ name: 'StoreError', reason: 'newer', folder: tmp.dir, params: { found: 99, known: migrations.at(-1)!.version } }));
  });

  it('rejects a row state the engine does not know', () => {
    const db = openJobDatabase(path.join(tmp.dir, 'check.sqlite'));
    db.prepare(`INSERT INTO jobs (id, operation, method, profile_name, environment, sid, base_url, source_name, source_path, source_sha256, sheet, header_row, columns, operator, app_version, is_check, lang, per_call, created_at, state)
      VALUES ('j', 'return-cancel', 'm', 'p', 'test', 's', 'u', 'n', '/x', 'h', 'S', 1, '[]', 'o', 'v', 0, 'zh-CN', 20, 't', 'running')`).run();
    expect(() => db.prepare(`INSERT INTO job_rows (job_id, seq, row_number, cells, state) VALUES ('j', 0, 2, '[]', 'lost')`).run()).toThrow(/CHECK/);
    db.close();
  });
});
