// Steering a job: pause after the calls in flight, resume, stop (unsent rows stay pending), withdraw
// rows before they are sent; rows in = rows out whatever happens.
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, systemClock } from '../../../main/effects';
import { openJobDatabase } from '../../../main/jobs/database';
import { JobEngine } from '../../../main/jobs/engine';
import { JobStore } from '../../../main/jobs/job-store';
import { JobViews } from '../../../main/jobs/job-views';
import { listSheet, metaFor, readImport, rig, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const numbers = (n: number) => Array.from({ length: n }, (_, i) => `CR20240602${String(i + 1).padStart(4, '0')}`);
const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

async function cancelJob(x: Rig, n: number, withdrawnRows: number[] = []) {
  const sheet = await readImport(await listSheet(path.join(x.dir, 'c.xlsx'), '采购退货单号', numbers(n)), 'return-cancel');
  const created = x.engine.create({ sheet, meta: metaFor(sheet), withdrawnRows });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

const waitFor = async (check: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((res) => setTimeout(res, 10));
  }
};

describe('pause, resume, stop, withdraw', () => {
  it('pauses after the calls in flight answer, and resume finishes the rest', async () => {
    r = await rig({ sandbox: { latencyMs: 60 }, limits: { concurrency: 1 } });
    const jobId = await cancelJob(r, 60);
    const running = r.engine.run(jobId);
    await waitFor(() => r!.views.counts(jobId).succeeded >= 20);
    expect(r.engine.pause(jobId).ok).toBe(true);
    expect(await running).toMatchObject({ ok: true, value: { kind: 'paused' } });
    const paused = r.views.counts(jobId);
    expect(r.store.job(jobId)?.state).toBe('paused');
    expect(paused.pending).toBeGreaterThan(0);
    expect(paused.succeeded % 20).toBe(0); // a call is never half-recorded
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId)).toMatchObject({ succeeded: 60, pending: 0 });
  });

  it('stop: the call in flight settles, rows not yet sent stay pending, the job is interrupted, and resume finishes', async () => {
    r = await rig({ sandbox: { latencyMs: 60 }, limits: { concurrency: 1 } });
    const jobId = await cancelJob(r, 60);
    const running = r.engine.run(jobId);
    await waitFor(() => r!.views.attemptCount(jobId) >= 1);
    r.engine.stop(jobId);
    expect(await running).toMatchObject({ ok: true, value: { kind: 'interrupted', code: 'STOPPED' } });
    expect(r.store.job(jobId)?.state).toBe('interrupted');
    const c = r.views.counts(jobId);
    expect(c.succeeded % 20).toBe(0); // the call on the wire was recorded whole
    expect(c.skipped).toBe(0);
    expect(c.pending).toBe(60 - c.succeeded);
    expect(total(c)).toBe(60);
    for (const no of numbers(60).slice(c.succeeded)) expect(r.sandbox.state.returnByNo(no)?.status).not.toBe(10);
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId)).toMatchObject({ succeeded: 60, pending: 0, skipped: 0 });
  });

  it('withdrawn rows are never sent and end skipped; the others go', async () => {
    r = await rig();
    const jobId = await cancelJob(r, 5, [4, 6]); // sheet rows 4 and 6: the 3rd and 5th numbers
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    const rows = r.views.rows(jobId, 'zh-CN', 0, 10).items;
    expect(rows.map((x) => x.state)).toEqual(['succeeded', 'succeeded', 'skipped', 'succeeded', 'skipped']);
    expect(r.sandbox.state.returnByNo(numbers(5)[1]!)?.status).toBe(10);
    expect(r.sandbox.state.returnByNo(numbers(5)[1 + 1]!)?.status).not.toBe(10);
  });

  it('rows can be withdrawn from a paused job before they are sent', async () => {
    r = await rig();
    const jobId = await cancelJob(r, 45);
    r.engine.pause(jobId);
    expect(r.engine.withdraw(jobId, [44, 45])).toEqual({ ok: true, value: 2 });
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId)).toMatchObject({ succeeded: 43, skipped: 2 });
    const calls = r.views.attempts(jobId, 0, 10, false).items.map((c) => c.orders);
    expect(calls).toEqual([20, 20, 3]);
  });

  it('quitting mid-run leaves the job waiting, and the next start goes on with it', async () => {
    r = await rig({ sandbox: { latencyMs: 60 }, limits: { concurrency: 1 } });
    const jobId = await cancelJob(r, 60);
    const running = r.engine.run(jobId);
    await waitFor(() => r!.views.attemptCount(jobId) >= 1);
    await r.engine.close();
    expect(await running).toMatchObject({ ok: true, value: { kind: 'paused' } });
    const job = r.store.job(jobId)!;
    expect(job.state).toBe('waiting');
    expect(job.state_reason?.key).toBe('jobs.wait.closed');
    expect(r.engine.unfinished(['running', 'waiting']).map((j) => j.id)).toEqual([jobId]);
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId)).toMatchObject({ succeeded: 60, pending: 0 });
  });

  it('a job running in another live process is not run here too', async () => {
    r = await rig();
    const jobId = await cancelJob(r, 3);
    // Once the creator's lease has lapsed (31 s on), a process on another machine takes the job.
    expect(r.store.acquire(jobId, 'elsewhere:1', Date.now() + 31_000, 30_000, () => true)).toBe(true);
    expect(await r.engine.run(jobId)).toMatchObject({ ok: false, error: { code: 'JOB_STATE' } });
    // The other process died (kill -9): its lease no longer holds.
    const { JobEngine } = await import('../../../main/jobs/engine');
    expect(JobEngine).toBeTypeOf('function');
    expect(r.store.acquire(jobId, 'here:2', Date.now(), 30_000, () => false)).toBe(true);
  });

  it('a job is owned from the commit that stores it: a resume from another process cannot take it before its run starts', async () => {
    r = await rig();
    const jobId = await cancelJob(r, 4);
    expect(r.store.job(jobId)).toMatchObject({ state: 'running', owner: `${hostname()}:${process.pid}` });
    // Another process (a `wdt-bulk resume`) on its own connection to the same file, landing between create and run.
    const db = openJobDatabase(r.dbFile);
    const views = new JobViews(db);
    const other = new JobEngine({
      store: new JobStore(db), views, clock: systemClock, logger: silentLogger, lang: () => 'zh-CN', owner: `${hostname()}:1`,
      connect: async () => { throw new Error('the other process must not connect'); },
    });
    try {
      expect(other.unfinished().map((j) => j.id)).toEqual([jobId]);
      expect(await other.run(jobId)).toMatchObject({ ok: false, error: { code: 'JOB_STATE' } });
      expect(views.attemptCount(jobId)).toBe(0);
    } finally {
      db.close();
    }
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId)).toMatchObject({ succeeded: 4 });
  });

  it('progress events carry counts that add up and the call that just ended', async () => {
    r = await rig();
    const jobId = await cancelJob(r, 45);
    const seen: { settled: number; rows: number; last: number | null }[] = [];
    const off = r.engine.subscribe((e) => {
      if (e.type === 'progress') seen.push({ settled: e.progress.rows - e.progress.counts.pending, rows: e.progress.rows, last: e.progress.lastAttempt?.call ?? null });
    });
    await r.engine.run(jobId);
    off();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatchObject({ settled: 45, rows: 45 });
    expect(seen.at(-1)!.last).not.toBeNull();
  });
});
