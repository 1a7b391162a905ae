// Every failure class against the sandbox ERP's faults, through the real client and store: what the
// row ends as, what was sent, and what the ERP's own state says happened.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxCredentials } from '../../../main/sandbox';
import { HttpWdtClient } from '../../../main/wdt/client';
import { systemClock } from '../../../main/effects';
import { defaultLimits } from '../../../main/profiles/types';
import { ok } from '../../../shared/result';
import { createSheet, listSheet, readImport, metaFor, rig, submitFile, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const cancel = 'purchase.PurchaseReturn.batchCancelOrder';
const create = 'purchase.PurchaseReturn.createOrder';
const outcomes = (x: Rig, jobId: string) => x.views.attempts(jobId, 0, 100, false).items.map((c) => c.outcome);

describe('unknown outcomes are settled by queryWithDetail, never resent blindly', () => {
  it('a cancel that acted but whose answer was lost (502 after acting) is a success without a resend', async () => {
    r = await rig({ sandbox: { faults: [{ kind: '502-after-acting', method: cancel }] } });
    const file = await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', ['CR202406010001', 'CR202406010002']);
    const { jobId, end } = await submitFile(r, file, { op: 'return-cancel' });
    expect(end.kind).toBe('done');
    expect(outcomes(r, jobId)).toEqual(['unknown', 'query:succeeded', 'query:succeeded']);
    const rows = r.views.rows(jobId, 'zh-CN', 0, 10).items;
    expect(rows.map((x) => x.state)).toEqual(['succeeded', 'succeeded']);
    expect(rows[0]!.message).toMatch(/查询/);
    expect(r.sandbox.state.returnByNo('CR202406010001')?.status).toBe(10);
  });

  it('a cancel refused before acting (reset before acting) is found not done and sent again', async () => {
    r = await rig({ sandbox: { faults: [{ kind: 'reset-before-acting', method: cancel }] } });
    const file = await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', ['CR202406010003']);
    const { jobId, end } = await submitFile(r, file, { op: 'return-cancel' });
    expect(end.kind).toBe('done');
    expect(outcomes(r, jobId)).toEqual(['unknown', 'query:not-done', 'answered']);
    expect(r.views.counts(jobId).succeeded).toBe(1);
  });

  it.each(['reset-after-acting', 'garbage-body', '502-after-acting'] as const)('a create whose answer was lost (%s) exists once and is a success', async (kind) => {
    r = await rig({ sandbox: { faults: [{ kind, method: create }] } });
    const file = await createSheet(path.join(r.dir, 'n.xlsx'), [{ outer: `U-${kind}` }]);
    const { jobId, end } = await submitFile(r, file);
    expect(end.kind).toBe('done');
    expect(outcomes(r, jobId)).toEqual(['unknown', 'query:succeeded']);
    expect(r.sandbox.state.createAttempts(`U-${kind}`)).toBe(1);
    expect(r.sandbox.state.returnsWithOuterNo(`U-${kind}`)).toBe(1);
    const row = r.views.rows(jobId, 'zh-CN', 0, 1).items[0]!;
    expect(row).toMatchObject({ state: 'succeeded', erpNo: `U-${kind}` });
  });

  it('a create answered slower than the timeout is settled by query, not resent', async () => {
    r = await rig({ sandbox: { faults: [{ kind: 'hang', method: create, delayMs: 3000 }] }, limits: { timeoutSeconds: 1 } });
    const file = await createSheet(path.join(r.dir, 'n.xlsx'), [{ outer: 'U-HANG' }]);
    const { jobId, end } = await submitFile(r, file);
    expect(end.kind).toBe('done');
    expect(outcomes(r, jobId)).toEqual(['unknown', 'query:succeeded']);
    expect(r.sandbox.state.createAttempts('U-HANG')).toBe(1);
  });

  it('a create refused before acting is created exactly once by the resend', async () => {
    r = await rig({ sandbox: { faults: [{ kind: '502-before-acting', method: create }] } });
    const file = await createSheet(path.join(r.dir, 'n.xlsx'), [{ outer: 'U-502B' }]);
    const { jobId } = await submitFile(r, file);
    expect(outcomes(r, jobId)).toEqual(['unknown', 'query:not-done', 'answered']);
    expect(r.sandbox.state.createAttempts('U-502B')).toBe(1);
    expect(r.views.counts(jobId).succeeded).toBe(1);
  });

  it('a resend the ERP refuses, after a lost attempt the query shows did nothing, is failed with the ERP reason', async () => {
    r = await rig({ sandbox: { faults: [{ kind: '502-before-acting', method: create }] } });
    const file = await createSheet(path.join(r.dir, 'n.xlsx'), [{ outer: 'U-BADWH', warehouse: 'NO-SUCH-WH' }]);
    const { jobId } = await submitFile(r, file);
    expect(outcomes(r, jobId)).toEqual(['unknown', 'query:not-done', 'answered', 'query:not-done']);
    const row = r.views.rows(jobId, 'zh-CN', 0, 1).items[0]!;
    expect(row.state).toBe('failed');
    expect(row.message).toMatch(/仓库/);
    expect(r.sandbox.state.returnsWithOuterNo('U-BADWH')).toBe(0);
  });

  it('a stock-in cancel whose answer was lost is settled by its own query, not resent', async () => {
    r = await rig({ sandbox: { faults: [{ kind: '502-after-acting', method: 'wms.stockin.Purchase.cancel' }] } });
    const file = await listSheet(path.join(r.dir, 's.xlsx'), '入库单号', ['RK2406000001']);
    const { jobId } = await submitFile(r, file, { op: 'stockin-cancel' });
    expect(outcomes(r, jobId)).toEqual(['unknown', 'query:succeeded']);
    expect(r.views.attempts(jobId, 0, 10, false).items[1]?.method).toBe('wms.stockin.Purchase.queryWithDetail');
    const row = r.views.rows(jobId, 'zh-CN', 0, 1).items[0]!;
    expect(row.state).toBe('succeeded');
    expect(r.sandbox.state.stockin('RK2406000001')?.status).toBe(10);
  });

  it('an other stock-in cancel given without -1 whose answer was lost finds the -1 document it cancelled', async () => {
    r = await rig({ sandbox: { faults: [{ kind: 'reset-after-acting', method: 'wms.stockother.In.cancelOrder' }] } });
    const file = await listSheet(path.join(r.dir, 'o.xlsx'), '其他入库单号', ['QR3799', 'QR3801']);
    const { jobId } = await submitFile(r, file, { op: 'other-in-cancel' });
    const rows = r.views.rows(jobId, 'zh-CN', 0, 2).items;
    // QR3799 cancelled QR3799-1 now; QR3801 was cancelled long before the job: not ours.
    expect(rows.map((x) => [x.state, x.erpNo])).toEqual([['succeeded', 'QR3799-1'], ['failed', null]]);
    expect(rows[1]!.message).toMatch(/之前就已是“已取消”/);
    expect(outcomes(r, jobId).filter((o) => o.startsWith('query:'))).toEqual(['query:not-found', 'query:succeeded', 'query:already']);
  });
});

describe('who did it: a cancel list that includes already-cancelled returns, under every lost-answer fault', () => {
  it('no row succeeded that the job did not change, none failed that it did', async () => {
    r = await rig({ limits: { timeoutSeconds: 1 } });
    const bulk = Array.from({ length: 60 }, (_, i) => `CR20240602${String(i + 1).padStart(4, '0')}`);
    // Cancelled by someone else a minute before the job (the sandbox's clock set back for it), and one seeded long ago.
    const before = [bulk[3]!, bulk[24]!, bulk[45]!];
    r.sandbox.setOptions({ clockSkewSeconds: -60 });
    const other = new HttpWdtClient({ baseUrl: r.sandbox.url, sid: sandboxCredentials.sid, appkey: sandboxCredentials.appkey, getSecret: async () => sandboxCredentials.appSecret, clock: systemClock });
    expect((await other.call({ method: cancel, body: JSON.stringify([before]) })).kind).toBe('answered');
    await other.close();
    r.sandbox.setOptions({ clockSkewSeconds: 0 });
    const already = new Set([...before, 'CR202406010006']);
    const numbers = [...bulk, 'CR202406010006', 'CR202406010005', 'CR202406010001'];
    r.sandbox.setOptions({
      faults: [
        { kind: 'reset-after-acting', method: cancel },
        { kind: '502-after-acting', method: cancel },
        { kind: 'hang', method: cancel, delayMs: 2500 },
        { kind: 'db-error-after-acting', method: cancel },
      ],
    });
    const file = await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', numbers);
    const { jobId, end } = await submitFile(r, file, { op: 'return-cancel' });
    expect(end.kind).toBe('done');
    expect(r.sandbox.state.counters.faultsInjected).toBe(4);
    const rows = r.views.rows(jobId, 'en', 0, 100).items;
    expect(rows).toHaveLength(numbers.length);
    for (const [i, row] of rows.entries()) {
      const no = numbers[i]!;
      const cancelledNow = r.sandbox.state.returnByNo(no)?.status === 10;
      expect(row.state, no).toBe(cancelledNow && !already.has(no) ? 'succeeded' : 'failed');
      if (already.has(no)) expect(row.message, no).toMatch(/already cancelled/);
    }
    expect(r.views.counts(jobId)).toMatchObject({ succeeded: 58, failed: 5, unknown: 0, pending: 0 });
  });
});

describe('nothing done: rate limits, refused credentials, an unreachable ERP', () => {
  it('under a vendor limit of 10 calls a window, 40 creates all go through with few refusals', async () => {
    r = await rig({ sandbox: { callsPerMinute: 10, rateWindowMs: 1000 }, engine: { pacing: { windowMs: 1000, backoff: { baseMs: 100, capMs: 1000 } } } });
    const lines = Array.from({ length: 40 }, (_, i) => ({ outer: `RL-${String(i).padStart(3, '0')}` }));
    const file = await createSheet(path.join(r.dir, 'n.xlsx'), lines);
    const { jobId, end } = await submitFile(r, file);
    expect(end.kind).toBe('done');
    expect(r.views.counts(jobId)).toMatchObject({ succeeded: 40, pending: 0 });
    const refused = outcomes(r, jobId).filter((o) => o === 'rate-limited').length;
    expect(r.sandbox.state.counters.rateLimited).toBe(refused);
    expect(refused).toBeLessThanOrEqual(8);
    for (const l of lines) expect(r.sandbox.state.createAttempts(l.outer)).toBe(1);
  });

  it('refused credentials stop the job before any more calls; with the right secret it goes on', async () => {
    let secret = 'wrong-secret:wrong-salt';
    r = await rig({
      engine: {
        connect: async () => {
          const client = new HttpWdtClient({ baseUrl: r!.sandbox.url, sid: sandboxCredentials.sid, appkey: sandboxCredentials.appkey, getSecret: async () => secret, clock: systemClock });
          return ok({ client, limits: { ...defaultLimits, callsPerMinute: 0 }, close: () => client.close() });
        },
      },
    });
    const numbers = Array.from({ length: 60 }, (_, i) => `CR20240602${String(i + 1).padStart(4, '0')}`);
    const sheet = await readImport(await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', numbers), 'return-cancel');
    const created = r.engine.create({ sheet, meta: metaFor(sheet) });
    const jobId = created.ok ? created.value : '';
    const first = await r.engine.run(jobId);
    expect(first).toMatchObject({ ok: true, value: { kind: 'interrupted', code: 'CREDENTIALS_REFUSED' } });
    expect(r.store.job(jobId)?.state).toBe('interrupted');
    expect(outcomes(r, jobId).filter((o) => o === 'credentials-refused').length).toBeLessThanOrEqual(defaultLimits.concurrency);
    expect(r.views.counts(jobId).pending).toBe(60);
    secret = sandboxCredentials.appSecret;
    const second = await r.engine.run(jobId);
    expect(second).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId).succeeded).toBe(60);
  });

  it('an unreachable ERP leaves the job waiting; when it returns on the same address, resume finishes it', async () => {
    const { startSandbox } = await import('../../../main/sandbox');
    const first = await startSandbox();
    const port = first.port;
    await first.close();
    let current: Awaited<ReturnType<typeof startSandbox>> | null = null;
    r = await rig({
      engine: {
        connect: async () => {
          const client = new HttpWdtClient({ baseUrl: `http://127.0.0.1:${port}`, sid: sandboxCredentials.sid, appkey: sandboxCredentials.appkey, getSecret: async () => sandboxCredentials.appSecret, clock: systemClock });
          return ok({ client, limits: { ...defaultLimits, callsPerMinute: 0 }, close: () => client.close() });
        },
      },
    });
    const sheet = await readImport(await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', ['CR202406010001', 'CR202406010002']), 'return-cancel');
    const created = r.engine.create({ sheet, meta: metaFor(sheet) });
    const jobId = created.ok ? created.value : '';
    const states: string[] = [];
    const off = r.engine.subscribe((e) => {
      if (e.type === 'online') states.push(e.online ? 'online' : 'offline');
    });
    const waited = await r.engine.run(jobId, { waitLimitMs: 500 });
    expect(waited).toMatchObject({ ok: true, value: { kind: 'waiting' } });
    expect(r.store.job(jobId)?.state).toBe('waiting');
    expect(r.views.counts(jobId).pending).toBe(2);
    expect(outcomes(r, jobId).every((o) => o === 'not-sent')).toBe(true);
    current = await startSandbox({ port });
    try {
      const resumed = await r.engine.run(jobId, { waitLimitMs: 500 });
      expect(resumed).toMatchObject({ ok: true, value: { kind: 'done' } });
      expect(r.views.counts(jobId).succeeded).toBe(2);
      expect(current.state.returnByNo('CR202406010002')?.status).toBe(10);
      expect(states).toEqual(['offline', 'online']);
    } finally {
      off();
      await current.close();
    }
  });

  it('a desktop clock 15 minutes off still gets through (skew corrected from the Date header)', async () => {
    r = await rig({ sandbox: { clockSkewSeconds: 900 } });
    const file = await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', ['CR202406010001']);
    const { jobId, end } = await submitFile(r, file, { op: 'return-cancel' });
    expect(end.kind).toBe('done');
    expect(r.views.counts(jobId).succeeded).toBe(1);
  });
});
