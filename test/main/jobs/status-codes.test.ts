// One test per class of the vendor's status codes (wdt-protocol.md "Status codes"), through the real
// client, store and engine against the sandbox ERP (or a loopback server where the sandbox cannot be
// made to misbehave): what the job ends as, what every row ends as, how many calls it cost.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from '../../../shared/i18n';
import { systemClock } from '../../../main/effects';
import { defaultLimits } from '../../../main/profiles/types';
import { sandboxCredentials } from '../../../main/sandbox';
import { HttpWdtClient } from '../../../main/wdt/client';
import { ok } from '../../../shared/result';
import type { OperationId } from '../../../shared/operations/types';
import { rawServer } from '../wdt/helpers';
import { createSheet, listSheet, metaFor, readImport, rig, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const cancel = 'purchase.PurchaseReturn.batchCancelOrder';
const create = 'purchase.PurchaseReturn.createOrder';
const query = 'purchase.PurchaseReturn.queryWithDetail';
const bulk = Array.from({ length: 60 }, (_, i) => `CR20240602${String(i + 1).padStart(4, '0')}`);

/** The profile as the clerk can fix it between runs: address, sid and secret are read at every run. */
interface Profile {
  baseUrl: string | null;
  sid: string;
  secret: string;
}

async function profileRig(profile: Profile): Promise<Rig> {
  const made = await rig({
    engine: {
      connect: async () => {
        const client = new HttpWdtClient({
          baseUrl: profile.baseUrl ?? made.sandbox.url,
          sid: profile.sid,
          appkey: sandboxCredentials.appkey,
          getSecret: async () => profile.secret,
          clock: systemClock,
          timeoutMs: 5_000,
        });
        return ok({ client, limits: { ...defaultLimits, callsPerMinute: 0 }, close: () => client.close() });
      },
    },
  });
  return made;
}

const good = (): Profile => ({ baseUrl: null, sid: sandboxCredentials.sid, secret: sandboxCredentials.appSecret });

async function job(x: Rig, file: string, op?: OperationId, isCheck = false): Promise<string> {
  const sheet = await readImport(file, op);
  const created = x.engine.create({ sheet, meta: metaFor(sheet, { isCheck }) });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

const outcomes = (x: Rig, jobId: string) => x.views.attempts(jobId, 0, 500, false).items.map((c) => c.outcome);
const reason = (x: Rig, jobId: string, lang: 'zh-CN' | 'en' = 'en') => {
  const why = x.store.job(jobId)?.state_reason;
  return why ? render(lang, why) : '';
};

describe('account refusals: the job stops at once, nothing failed, rows unsent; resume finishes it once fixed', () => {
  it('code 1 验证失败 (wrong secret): at most 2 calls, no row failed; the fixed secret finishes it', async () => {
    const profile = { ...good(), secret: 'wrong-secret:sandbox-demo-salt' };
    r = await profileRig(profile);
    const jobId = await job(r, await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', bulk), 'return-cancel');
    const first = await r.engine.run(jobId);
    expect(first).toMatchObject({ ok: true, value: { kind: 'interrupted', code: 'CREDENTIALS_REFUSED' } });
    expect(outcomes(r, jobId).length).toBeLessThanOrEqual(2);
    expect(r.sandbox.state.counters.signRefused).toBeLessThanOrEqual(2);
    expect(r.views.counts(jobId)).toMatchObject({ pending: 60, failed: 0, succeeded: 0, unknown: 0 });
    expect(r.store.job(jobId)?.state).toBe('interrupted');
    expect(reason(r, jobId)).toMatch(/app secret is wrong/);
    expect(reason(r, jobId, 'zh-CN')).toMatch(/验证失败/);
    profile.secret = sandboxCredentials.appSecret;
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId)).toMatchObject({ succeeded: 60, pending: 0, failed: 0 });
  });

  it('code 1 sid is not exists: says the sid does not belong to this address (test sid against production)', async () => {
    const profile = { ...good(), sid: 'wdtapi3' };
    r = await profileRig(profile);
    const jobId = await job(r, await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', bulk.slice(0, 3)), 'return-cancel');
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'interrupted', code: 'CREDENTIALS_REFUSED' } });
    expect(reason(r, jobId)).toMatch(/test sid does not work against the production URL/);
    expect(r.views.counts(jobId)).toMatchObject({ pending: 3, failed: 0 });
  });

  it.each([
    ['ip', /IP allow-list/],
    ['dynamic-password', /dynamic password/],
  ] as const)('code %s: stops, names the setting to change; once changed, resume finishes', async (lock, words) => {
    r = await profileRig(good());
    r.sandbox.setOptions({ accountLock: lock });
    const jobId = await job(r, await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', bulk.slice(0, 25)), 'return-cancel');
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'interrupted', code: 'CREDENTIALS_REFUSED' } });
    expect(outcomes(r, jobId)).toEqual(['credentials-refused']);
    expect(reason(r, jobId)).toMatch(words);
    expect(r.views.counts(jobId)).toMatchObject({ pending: 25, failed: 0 });
    r.sandbox.setOptions({ accountLock: 'none' });
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId).succeeded).toBe(25);
  });

  it('code 100 权限不足: names the method to apply for; once granted, resume finishes', async () => {
    r = await profileRig(good());
    r.sandbox.setOptions({ deniedMethods: [cancel] });
    const jobId = await job(r, await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', bulk.slice(0, 2)), 'return-cancel');
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'interrupted', code: 'CREDENTIALS_REFUSED' } });
    expect(reason(r, jobId)).toContain(`apply for permission for method ${cancel}`);
    expect(r.views.counts(jobId)).toMatchObject({ pending: 2, failed: 0 });
    r.sandbox.setOptions({ deniedMethods: [] });
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId).succeeded).toBe(2);
  });

  it('权限不足 on the query that settles a lost answer: the order stays in doubt (never guessed), the job names the query', async () => {
    r = await profileRig(good());
    r.sandbox.setOptions({ deniedMethods: [query], faults: [{ kind: 'reset-after-acting', method: cancel }] });
    const jobId = await job(r, await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', ['CR202406010002']), 'return-cancel');
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'interrupted', code: 'CREDENTIALS_REFUSED' } });
    expect(reason(r, jobId)).toContain(query);
    expect(r.views.counts(jobId)).toMatchObject({ succeeded: 0, failed: 0, unknown: 0 });
    r.sandbox.setOptions({ deniedMethods: [] });
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId).succeeded).toBe(1);
    // Settled by the query, not by a second cancel.
    expect(r.sandbox.state.counters.byMethod[cancel]).toBe(1);
  });
});

describe('a malformed request (codes 1 参数错误, 2, 8) is our defect: stop loudly, rows unsent', () => {
  it.each([
    [2, 'shop_no'],
    [1, 'argument type mismatch'],
    [8, '版本错误'],
  ])('status %i %s: interrupted after one call, the reason names the method and the vendor text', async (status, message) => {
    const server = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', date: new Date().toUTCString() });
      res.end(JSON.stringify({ status, message }));
    });
    try {
      r = await profileRig({ ...good(), baseUrl: server.url });
      const jobId = await job(r, await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', bulk.slice(0, 45)), 'return-cancel');
      expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'interrupted', code: 'REQUEST_REFUSED' } });
      expect(server.requests).toHaveLength(1);
      expect(outcomes(r, jobId)).toEqual(['request-refused']);
      expect(reason(r, jobId)).toContain(cancel);
      expect(reason(r, jobId)).toContain(message);
      expect(r.views.counts(jobId)).toMatchObject({ pending: 45, failed: 0 });
    } finally {
      await server.close();
    }
  });
});

describe('codes 4, 5, 99: the outcome is unknown, settled by query, never resent blind', () => {
  it('a create answered 4 数据库错误 after the ERP acted exists once and is a success', async () => {
    r = await profileRig(good());
    r.sandbox.setOptions({ faults: [{ kind: 'db-error-after-acting', method: create }] });
    const jobId = await job(r, await createSheet(path.join(r.dir, 'n.xlsx'), [{ outer: 'DB-ERR-1' }]));
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(outcomes(r, jobId)).toEqual(['unknown', 'query:succeeded']);
    expect(r.sandbox.state.createAttempts('DB-ERR-1')).toBe(1);
    expect(r.views.rows(jobId, 'zh-CN', 0, 1).items[0]).toMatchObject({ state: 'succeeded', erpNo: 'DB-ERR-1' });
  });

  it('a cancel list answered 4 after acting: ours succeeded, the one cancelled long before failed with since when', async () => {
    r = await profileRig(good());
    r.sandbox.setOptions({ faults: [{ kind: 'db-error-after-acting', method: cancel }] });
    const jobId = await job(r, await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', ['CR202406010003', 'CR202406010006']), 'return-cancel');
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    const rows = r.views.rows(jobId, 'en', 0, 2).items;
    expect(rows.map((x) => x.state)).toEqual(['succeeded', 'failed']);
    expect(rows[1]!.message).toMatch(/already cancelled .* since 2024-06-01 10:06:00/);
    expect(r.sandbox.state.counters.byMethod[cancel]).toBe(1);
  });
});

describe('code 7 and code 100', () => {
  it('7 时间戳错误: the clock is corrected from the Date header and the job goes on', async () => {
    r = await profileRig(good());
    r.sandbox.setOptions({ clockSkewSeconds: 900 });
    const jobId = await job(r, await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', bulk.slice(0, 3)), 'return-cancel');
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId).succeeded).toBe(3);
    expect(r.sandbox.state.counters.timestampRefused).toBe(1);
  });

  it('100 无仓库访问权限 and other business refusals fail that order only; the job goes on', async () => {
    r = await profileRig(good());
    const jobId = await job(r, await createSheet(path.join(r.dir, 'n.xlsx'), [{ outer: 'WH-OK-1' }, { outer: 'WH-NO-1', warehouse: 'WH-LOCKED' }, { outer: 'WH-OK-2' }]));
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    const rows = r.views.rows(jobId, 'zh-CN', 0, 3).items;
    expect(rows.map((x) => x.state)).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(rows[1]!.message).toContain('无仓库访问权限');
  });

  it('100 此外部单已使用!: a return that already exists fails with the vendor words, not created twice', async () => {
    r = await profileRig(good());
    const jobId = await job(r, await createSheet(path.join(r.dir, 'n.xlsx'), [{ outer: 'CR202406010001' }]));
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.rows(jobId, 'zh-CN', 0, 1).items[0]).toMatchObject({ state: 'failed' });
    expect(r.views.rows(jobId, 'zh-CN', 0, 1).items[0]!.message).toContain('此外部单已使用!');
    expect(r.sandbox.state.returnsWithOuterNo('CR202406010001')).toBe(1);
  });

  it('a create answered data.message OK records the outer_no as the return number', async () => {
    r = await profileRig(good());
    r.sandbox.setOptions({ createMessage: 'OK' });
    const jobId = await job(r, await createSheet(path.join(r.dir, 'n.xlsx'), [{ outer: 'OK-ANSWER-1' }]));
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.rows(jobId, 'zh-CN', 0, 1).items[0]).toMatchObject({ state: 'succeeded', erpNo: 'OK-ANSWER-1' });
  });
});

describe('createOrder data.status 20 (the check failed)', () => {
  /** Creates with a supplier whose check fails (seeded P-STOPPED), with or without check_fail_cancel. */
  async function checkSheet(file: string, rows: [string, string][]): Promise<string> {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('采购退货');
    ws.addRow(['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '审核失败是否取消单据']);
    for (const [outer, cancelOnFail] of rows) ws.addRow([outer, 'WH001', 'P-STOPPED', 'SKU-CAP-01', 1, cancelOnFail]);
    await book.xlsx.writeFile(file);
    return file;
  }

  it('with check_fail_cancel 1 the ERP cancelled the new return: failed with the check reason; without it: created', async () => {
    r = await profileRig(good());
    const jobId = await job(r, await checkSheet(path.join(r.dir, 'n.xlsx'), [['CFC-1', '是'], ['CFC-0', '否']]), undefined, true);
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    const rows = r.views.rows(jobId, 'en', 0, 2).items;
    expect(rows.map((x) => x.state)).toEqual(['failed', 'succeeded']);
    expect(rows[0]!.message).toContain('审核失败：供应商已停用');
    expect(rows[0]!.message).toMatch(/cancelled the new return/);
    expect(r.sandbox.state.returnByNo('CFC-1')?.status).toBe(10);
  });

  it('a lost answer for such a create finds the return 已取消: unknown, saying what to check — never succeeded', async () => {
    r = await profileRig(good());
    r.sandbox.setOptions({ faults: [{ kind: 'reset-after-acting', method: create }] });
    const jobId = await job(r, await checkSheet(path.join(r.dir, 'n.xlsx'), [['CFC-LOST', '是']]), undefined, true);
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    const row = r.views.rows(jobId, 'en', 0, 1).items[0]!;
    expect(row.state).toBe('unknown');
    expect(row.message).toMatch(/Check document CFC-LOST/);
    expect(r.sandbox.state.createAttempts('CFC-LOST')).toBe(1);
  });
});

describe('the base URL', () => {
  it('ending in /openapi, as the vendor pages print it, works', async () => {
    const profile = good();
    r = await profileRig(profile);
    profile.baseUrl = `${r.sandbox.url}/openapi`;
    const jobId = await job(r, await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', bulk.slice(0, 2)), 'return-cancel');
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId).succeeded).toBe(2);
  });

  it('a wrong address (404) stops the job after one call, naming the URL tried; rows unsent; fixed, it finishes', async () => {
    const profile = good();
    r = await profileRig(profile);
    profile.baseUrl = `${r.sandbox.url}/wdt/api`;
    const jobId = await job(r, await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', bulk.slice(0, 50)), 'return-cancel');
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'interrupted', code: 'WRONG_ADDRESS' } });
    expect(outcomes(r, jobId)).toEqual(['wrong-address']);
    expect(reason(r, jobId)).toContain(`${r.sandbox.url}/wdt/api/openapi`);
    expect(r.views.counts(jobId)).toMatchObject({ pending: 50, failed: 0, unknown: 0 });
    profile.baseUrl = `${r.sandbox.url}/`;
    expect(await r.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r.views.counts(jobId).succeeded).toBe(50);
  });
});
