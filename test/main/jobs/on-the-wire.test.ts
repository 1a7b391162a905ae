// Issue 18: an order on the wire is not written 'sent' — it stays 'pending' while its call is 'sending' (one attempt
// per call at a time), which saves every order a second rewrite with its index entries. What 'sent' used to tell
// must still hold: a process gone with an attempt out leaves its orders in doubt (settled by query, never resent
// blindly), a withdrawal never takes an order on the wire, an attempt taken back leaves no trace on its rows, and a
// store an older build left with 'sent' orders is recovered the same way. Real SQLite files, closed and reopened.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getOperation } from '../../../shared/operations/catalog';
import { openJobDatabase, type JobDatabase } from '../../../main/jobs/database';
import { JobStore } from '../../../main/jobs/job-store';
import { bigSheet } from './big-job';
import { tempDir } from './helpers';

const tmp = tempDir('wdt-on-the-wire-');
afterAll(() => tmp.cleanup());
const op = getOperation('return-cancel')!;
const answered = { outcome: 'answered', httpStatus: 200, erpStatus: 0, erpMessage: null, durationMs: 40 };

/** A 60-row cancel job (row 9 invalid: 59 orders) in calls of 20, in its own store file. */
function job(name: string): { file: string; db: JobDatabase; store: JobStore; id: string } {
  const file = path.join(tmp.dir, name, 'jobs.sqlite');
  const db = openJobDatabase(file);
  const store = new JobStore(db);
  const id = store.createJob({
    sheet: bigSheet(60, `${name}.xlsx`),
    now: Date.now(),
    meta: { operation: op.id, method: op.method, profileName: 's', environment: 'sandbox', sid: 'x', baseUrl: 'http://127.0.0.1', operator: 't', appVersion: '0', isCheck: false, lang: 'zh-CN', perCall: 20 },
  });
  return { file, db, store, id };
}

const orderStates = (db: JobDatabase, id: string, call: number) =>
  (db.prepare('SELECT state, doubt FROM job_orders WHERE job_id = ? AND call = ? ORDER BY seq').all(id, call) as { state: string; doubt: number }[]);
const rowsOf = (db: JobDatabase, id: string, call: number) =>
  db.prepare(`SELECT r.state, r.call, r.submitted_at AS at FROM job_rows r JOIN job_orders o ON o.job_id = r.job_id AND o.key = r.order_key WHERE r.job_id = ? AND o.call = ?`).all(id, call) as {
    state: string;
    call: number | null;
    at: string | null;
  }[];

describe('an order on the wire (pending in a call sending)', () => {
  it('is carried once, and its outcome closes the call', async () => {
    const { db, store, id } = job('carried');
    const started = store.beginAttempt(id, 1, op.method, Date.now())!;
    expect(started.orders).toHaveLength(20);
    expect(store.callState(id, 1)).toBe('sending');
    expect(orderStates(db, id, 1).every((o) => o.state === 'pending')).toBe(true);
    expect(rowsOf(db, id, 1).every((r) => r.call === 1 && r.at !== null)).toBe(true);
    // Begun again ahead while out: not begun twice (only a planned call is).
    const again = store.recordAndBegin(id, [], [1, 2], op.method, Date.now());
    await again.durable;
    expect(again.started[0]).toBeNull();
    expect(again.started[1]?.orders).toHaveLength(20);
    expect((db.prepare(`SELECT COUNT(*) AS n FROM call_attempts WHERE job_id = ? AND call = 1`).get(id) as { n: number }).n).toBe(1);
    store.finishAttempt(id, 1, started.attemptId, answered, started.orders.map((o) => ({ key: o.key, state: 'failed' as const, erpMessage: 'no' })));
    expect(store.callState(id, 1)).toBe('done');
    expect(store.callState(id, 2)).toBe('sending');
    db.close();
  });

  it('is never withdrawn; orders still waiting are', () => {
    const { db, store, id } = job('withdraw');
    const started = store.beginAttempt(id, 1, op.method, Date.now())!;
    // Row 2 is in call 1 (on the wire), row 60 in call 3 (waiting).
    expect(store.withdraw(id, [2, 61])).toBe(1);
    expect(store.callState(id, 1)).toBe('sending');
    expect(orderStates(db, id, 1).every((o) => o.state === 'pending')).toBe(true);
    expect(orderStates(db, id, 3).filter((o) => o.state === 'skipped')).toHaveLength(1);
    store.finishAttempt(id, 1, started.attemptId, answered, started.orders.map((o) => ({ key: o.key, state: 'succeeded' as const })));
    expect(orderStates(db, id, 1).every((o) => o.state === 'succeeded')).toBe(true);
    db.close();
  });

  it('taken back before it left: its orders wait again and its rows have no call or submit time', async () => {
    const { db, store, id } = job('taken-back');
    const { started, durable } = store.beginAhead(id, [2], op.method, Date.now());
    await durable;
    expect(store.withdrawAttempt(id, 2, started[0]!.attemptId)).toBe(true);
    expect(store.callState(id, 2)).toBe('planned');
    expect(rowsOf(db, id, 2).every((r) => r.call === null && r.at === null && r.state === 'pending')).toBe(true);
    expect(store.beginAttempt(id, 2, op.method, Date.now())?.attempt).toBe(1);
    db.close();
  });

  it('left behind by a process gone (the store closed with the attempt out): in doubt on reopening, its rows still submitted', async () => {
    const { file, db, store, id } = job('gone');
    store.beginAttempt(id, 1, op.method, Date.now());
    await store.beginAhead(id, [2], op.method, Date.now()).durable;
    db.close();
    const reopened = openJobDatabase(file);
    const again = new JobStore(reopened);
    expect(again.recoverInterrupted(id)).toBe(2);
    for (const call of [1, 2]) {
      expect(again.callState(id, call)).toBe('in-doubt');
      expect(orderStates(reopened, id, call).every((o) => o.state === 'in-doubt' && o.doubt === 1)).toBe(true);
      expect(rowsOf(reopened, id, call).every((r) => r.call === call && r.at !== null && r.state === 'pending')).toBe(true);
    }
    // Call 3 never left: untouched, still planned, nothing in doubt.
    expect(again.callState(id, 3)).toBe('planned');
    expect(orderStates(reopened, id, 3).every((o) => o.state === 'pending' && o.doubt === 0)).toBe(true);
    expect(again.openCalls(id)).toEqual({ inDoubt: [1, 2], planned: [3] });
    reopened.close();
  });

  it('stored as sent by an older build: recovered in doubt too', () => {
    const { file, db, store, id } = job('legacy');
    store.beginAttempt(id, 1, op.method, Date.now());
    // What a build before issue 18 wrote at the attempt.
    db.prepare(`UPDATE job_orders SET state = 'sent' WHERE job_id = ? AND call = 1`).run(id);
    db.close();
    const reopened = openJobDatabase(file);
    const again = new JobStore(reopened);
    expect(again.recoverInterrupted(id)).toBe(1);
    expect(orderStates(reopened, id, 1).every((o) => o.state === 'in-doubt' && o.doubt === 1)).toBe(true);
    expect(again.openCalls(id).inDoubt).toEqual([1]);
    expect(again.settled(id)).toBe(false);
    reopened.close();
  });
});
