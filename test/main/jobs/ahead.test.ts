// Attempts committed ahead of their send (issue 18: the pipe stays full): each is on disk before its request
// reaches the ERP, and one that never left — the run stopped first — is taken back, so every line of the audit
// trail is an HTTP try the ERP received and a row carries a submit time only if it was sent.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listSheet, metaFor, readImport, rig, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const numbers = Array.from({ length: 60 }, (_, i) => `CRAHEAD${String(i + 1).padStart(4, '0')}`);

describe('attempts committed ahead of their send', () => {
  it('are on disk before their request arrives; stopped, the ones that never left are taken back; resumed, every line is a try the ERP saw', async () => {
    r = await rig({ sandbox: { latencyMs: 60 }, limits: { concurrency: 3 } });
    const sheet = await readImport(await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', numbers), 'return-cancel');
    const created = r.engine.create({ sheet, meta: metaFor(sheet, { perCall: 2 }) });
    if (!created.ok) throw new Error(created.error.message);
    const jobId = created.value;

    // Another connection sees only what is committed: at each arrival, as many attempt lines as requests so far.
    const reader = new Database(r.dbFile, { readonly: true });
    const committed = () => (reader.prepare('SELECT COUNT(*) AS n FROM call_attempts WHERE job_id = ?').get(jobId) as { n: number }).n;
    const shortfalls: string[] = [];
    const counters = r.sandbox.state.counters;
    let requests = counters.requests;
    let stopAt: (() => void) | null = null;
    Object.defineProperty(counters, 'requests', {
      get: () => requests,
      set: (n: number) => {
        requests = n;
        const lines = committed();
        if (lines < n) shortfalls.push(`request ${n} arrived with ${lines} attempts committed`);
        if (n === 10) stopAt?.();
      },
    });
    try {
      const engine = r.engine;
      stopAt = () => engine.stop(jobId);
      const stopped = await engine.run(jobId);
      expect(stopped).toMatchObject({ ok: true, value: { kind: 'interrupted', code: 'STOPPED' } });

      const lines = () => r!.store.db.prepare('SELECT call, outcome, orders FROM call_attempts WHERE job_id = ?').all(jobId) as { call: number; outcome: string; orders: number }[];
      const submitted = () => (r!.store.db.prepare('SELECT COUNT(*) AS n FROM job_rows WHERE job_id = ? AND submitted_at IS NOT NULL').get(jobId) as { n: number }).n;
      const afterStop = lines();
      expect(afterStop.filter((l) => l.outcome === 'sending')).toEqual([]);
      expect(afterStop.length).toBe(counters.handled);
      expect(submitted()).toBe(afterStop.reduce((n, l) => n + l.orders, 0));
      expect(r.store.callCounts(jobId).done).toBe(afterStop.length);
      expect(afterStop.length).toBeLessThan(30);

      const resumed = await engine.run(jobId);
      expect(resumed).toMatchObject({ ok: true, value: { kind: 'done' } });
      const all = lines();
      expect(all).toHaveLength(30);
      expect(all.every((l) => l.outcome === 'answered')).toBe(true);
      expect(counters.handled).toBe(30);
      expect(r.views.counts(jobId)).toMatchObject({ failed: 60, pending: 0 });
      expect(shortfalls).toEqual([]);
    } finally {
      reader.close();
    }
  }, 60_000);
});
