// Migration 4 renames `batch` to `call` (docs/vocabulary.md). A store written by the version-3 schema —
// a real SQLite file, left mid-job by a crash: call 1 answered, call 2's attempt lost on the wire, call 3
// never sent — must open under today's schema with every value kept, and the job must resume to its end
// against the sandbox: the lost attempt reconciled by query, the planned call sent, nothing sent twice.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openJobDatabase } from '../../../main/jobs/database';
import { migrations } from '../../../main/jobs/migrations';
import { listSheet, metaFor, readImport, rig, tempDir, type Rig } from './helpers';

const tmp = tempDir();
let r: Rig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

const jobId = '20270101-080000-v3';
const at = '2027-01-01T08:00:30+08:00';

/** Writes the job as version 3 of the store did (its columns said `batch`), one order per call. */
async function versionThreeStore(file: string): Promise<void> {
  const sheet = await readImport(await listSheet(path.join(tmp.dir, 'cancel.xlsx'), '采购退货单号', ['CR202406010001', 'CR202406010002', 'CR202406010003']), 'return-cancel');
  const meta = metaFor(sheet, { perCall: 1 });
  const db = openJobDatabase(file, { migrations: migrations.filter((m) => m.version <= 3) });
  expect(db.pragma('user_version', { simple: true })).toBe(3);
  db.prepare(
    `INSERT INTO jobs (id, operation, method, profile_name, environment, sid, base_url, source_name, source_path, source_sha256,
       sheet, header_row, columns, operator, app_version, is_check, lang, per_call, created_at, started_at, state)
     VALUES (?, ?, ?, 'sandbox', 'sandbox', ?, 'http://127.0.0.1', 'cancel.xlsx', ?, ?, ?, 1, ?, 'tester', '0.0.0-v3', 0, 'zh-CN', 1, ?, ?, 'running')`,
  ).run(jobId, meta.operation, meta.method, meta.sid, sheet.file.path, sheet.file.sha256, sheet.sheet, JSON.stringify(sheet.columns.map((c) => ({ header: c.header, field: c.field }))), at, at);
  const rows: [string, string, string | null, number | null, string | null][] = [
    // order key, row state, ERP message, batch, submitted at
    ['CR202406010001', 'succeeded', null, 1, at],
    ['CR202406010002', 'pending', null, 2, at],
    ['CR202406010003', 'pending', null, null, null],
  ];
  rows.forEach(([key, state, message, batch, submitted], seq) =>
    db.prepare(`INSERT INTO job_rows (job_id, seq, row_number, cells, order_key, state, erp_message, batch, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(jobId, seq, seq + 2, JSON.stringify([key]), key, state, message, batch, submitted),
  );
  const orderStates = ['succeeded', 'sent', 'pending'];
  [...sheet.orders].forEach((order, seq) =>
    db.prepare(`INSERT INTO job_orders (job_id, key, seq, batch, draft, state) VALUES (?, ?, ?, ?, ?, ?)`).run(jobId, order.key, seq, seq + 1, JSON.stringify(order), orderStates[seq]),
  );
  const callStates: [string, number][] = [['done', 1], ['sending', 1], ['planned', 0]];
  callStates.forEach(([state, attempts], i) => db.prepare(`INSERT INTO job_calls (job_id, batch, state, attempts) VALUES (?, ?, ?, ?)`).run(jobId, i + 1, state, attempts));
  const attempt = db.prepare(`INSERT INTO call_attempts (job_id, batch, attempt, method, orders, outcome, http_status, erp_status, duration_ms, at) VALUES (?, ?, 1, ?, 1, ?, ?, ?, ?, ?)`);
  attempt.run(jobId, 1, meta.method, 'answered', 200, 0, 90, at);
  attempt.run(jobId, 2, meta.method, 'sending', null, null, null, at);
  db.close();
}

describe('migration 4: batch → call', () => {
  it('opens a version-3 store with its data and resumes its job to the end', async () => {
    const folder = path.join(tmp.dir, 'store');
    await versionThreeStore(path.join(folder, 'jobs.sqlite'));
    r = await rig({ dbFolder: folder });
    const db = r.store.db;
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'job_orders' AND sql IS NOT NULL`).all() as { name: string }[]).map((i) => i.name);
    expect(indexes).toContain('job_orders_by_call');
    expect(indexes).not.toContain('job_orders_by_batch');
    // Every value kept under its new name, before anything runs.
    expect(r.store.openCalls(jobId)).toEqual({ inDoubt: [], planned: [3] });
    expect(r.store.callState(jobId, 2)).toBe('sending');
    expect(r.store.callCounts(jobId)).toEqual({ total: 3, done: 1 });
    expect(r.views.rows(jobId, 'zh-CN', 0, 10).items.map((row) => [row.state, row.call, row.submittedAt])).toEqual([
      ['succeeded', 1, at],
      ['pending', 2, at],
      ['pending', null, null],
    ]);
    expect(r.views.attempts(jobId, 0, 10, false).items.map((a) => [a.call, a.attempt, a.outcome])).toEqual([
      [1, 1, 'answered'],
      [2, 1, 'sending'],
    ]);
    // The primary key moved with the column: a call cannot be planned twice.
    expect(() => db.prepare(`INSERT INTO job_calls (job_id, call, state) VALUES (?, 1, 'planned')`).run(jobId)).toThrow(/UNIQUE/);

    const end = await r.engine.run(jobId);
    expect(end).toEqual({ ok: true, value: { kind: 'done' } });
    const rows = r.views.rows(jobId, 'zh-CN', 0, 10).items;
    expect(rows.map((row) => [row.state, row.call])).toEqual([
      ['succeeded', 1],
      ['succeeded', 2],
      ['succeeded', 3],
    ]);
    const attempts = r.views.attempts(jobId, 0, 20, false).items;
    // The lost attempt is marked so, call 2 was looked up before it went again, call 3 went once; call 1 never again.
    expect(attempts[1]).toMatchObject({ call: 2, attempt: 1, outcome: 'lost' });
    expect(attempts.filter((a) => a.call === 1)).toHaveLength(1);
    expect(attempts.some((a) => a.call === 2 && a.outcome.startsWith('query:'))).toBe(true);
    expect(attempts.filter((a) => a.call === 3).map((a) => a.outcome)).toEqual(['answered']);
    // The ERP saw two cancels (calls 2 and 3); call 1's document was never touched again.
    expect(r.sandbox.state.counters.byMethod['purchase.PurchaseReturn.batchCancelOrder']).toBe(2);
    expect(r.sandbox.state.returnByNo('CR202406010001')?.status).not.toBe(10);
    expect(['CR202406010002', 'CR202406010003'].map((no) => r!.sandbox.state.returnByNo(no)?.status)).toEqual([10, 10]);
    expect(r.store.callCounts(jobId)).toEqual({ total: 3, done: 3 });
  });
});
