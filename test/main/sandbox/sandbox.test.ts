// The sandbox ERP: its door (sign, account, timestamp, limits) and its state machines, driven over HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCredentials, startSandbox, type Sandbox } from '../../../main/sandbox';
import { parseAppSecret, signParams, wdtTimestamp } from '../../../main/wdt/sign';
import { body, clientFor } from '../wdt/helpers';

/** A hand-signed POST, so the door itself is tested without our client's corrections. */
async function rawCall(sandbox: Sandbox, method: string, payload: string, tweak: (p: Record<string, string>) => void = () => {}) {
  const parts = parseAppSecret(sandboxCredentials.appSecret);
  if (!parts.ok) throw new Error('demo secret');
  const params: Record<string, string> = {
    sid: sandboxCredentials.sid,
    key: sandboxCredentials.appkey,
    salt: parts.value.salt,
    method,
    v: '1.0',
    timestamp: String(wdtTimestamp(Date.now())),
  };
  tweak(params);
  if (!params.sign) params.sign = signParams(params, payload, parts.value.secret);
  const res = await request(`${sandbox.url}/openapi?${new URLSearchParams(params)}`, { method: 'POST', body: payload, headers: { 'content-type': 'application/json' } });
  return (await res.body.json()) as { status: number; message?: string; data?: Record<string, unknown> };
}

describe('the sandbox door', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('accepts a correctly signed call', async () => {
    expect(await rawCall(sandbox, 'purchase.PurchaseReturn.pending', body(['NOPE']))).toEqual({
      status: 0,
      data: { error_info: [{ order_no: 'NOPE', message: '采购退货单号不存在' }], status: 0 },
    });
  });

  it('refuses a bad sign, an unknown appkey, an unknown sid and a stale timestamp with the vendor codes', async () => {
    const m = 'purchase.PurchaseReturn.pending';
    const b = body(['CR202406010003']);
    expect(await rawCall(sandbox, m, b, (p) => (p.sign = '0'.repeat(32)))).toEqual({ status: 1, message: '验证失败' });
    expect(await rawCall(sandbox, m, b, (p) => (p.key = 'other'))).toEqual({ status: 1, message: 'app auth fail' });
    expect(await rawCall(sandbox, m, b, (p) => (p.sid = 'other'))).toEqual({ status: 1, message: 'sid is not exists' });
    expect(await rawCall(sandbox, m, b, (p) => (p.timestamp = String(wdtTimestamp(Date.now()) - 121)))).toEqual({ status: 7, message: '时间戳错误' });
    // A millisecond timestamp is not a number the vendor can read: code 1, not 7.
    expect(await rawCall(sandbox, m, b, (p) => (p.timestamp = String(Date.now())))).toMatchObject({ status: 1, message: expect.stringContaining('For input string') });
    expect(await rawCall(sandbox, m, b, (p) => (p.v = '2.0'))).toEqual({ status: 8, message: '版本错误' });
    expect(await rawCall(sandbox, m, b, (p) => (p.timestamp = String(wdtTimestamp(Date.now()) + 100)))).toMatchObject({ status: 0 });
    // A body changed after signing is a bad sign too.
    const parts = parseAppSecret(sandboxCredentials.appSecret);
    const tampered = await rawCall(sandbox, m, body(['CR202406010004']), (p) => {
      if (parts.ok) p.sign = signParams(p, b, parts.value.secret);
    });
    expect(tampered.message).toBe('验证失败');
    expect(sandbox.state.counters.signRefused).toBe(2);
    expect(sandbox.state.counters.timestampRefused).toBe(2);
  });

  it('refuses over-limit batches as the pages say', async () => {
    const nos = (n: number) => Array.from({ length: n }, (_, i) => `CR${i}`);
    expect(await rawCall(sandbox, 'purchase.PurchaseReturn.batchCancelOrder', body(nos(21)))).toEqual({ status: 100, message: '采购退货单号每次调用不得超过20条或为空' });
    expect(await rawCall(sandbox, 'purchase.PurchaseReturn.batchCancelOrder', body([]))).toEqual({ status: 100, message: '采购退货单号每次调用不得超过20条或为空' });
    expect(await rawCall(sandbox, 'purchase.PurchaseReturn.pending', body(nos(501)))).toEqual({ status: 100, message: '一次请求退货单数量不可大于500' });
    const ok500 = await rawCall(sandbox, 'purchase.PurchaseReturn.pending', body(nos(500)));
    expect(ok500.status).toBe(0);
  });

  it('can be steered and inspected over loopback', async () => {
    const set = await request(`${sandbox.url}/__sandbox/options`, { method: 'POST', body: JSON.stringify({ latencyMs: 5, faults: [{ kind: 'garbage-body', count: 2 }] }) });
    expect(set.statusCode).toBe(200);
    expect(sandbox.options.latencyMs).toBe(5);
    expect(sandbox.options.faults).toEqual([{ kind: 'garbage-body', count: 2 }]);
    const bad = await request(`${sandbox.url}/__sandbox/options`, { method: 'POST', body: JSON.stringify({ faults: [{ kind: 'explode' }] }) });
    expect(bad.statusCode).toBe(400);
    await bad.body.text();
    sandbox.setOptions({ latencyMs: 0, faults: [] });
    const snapshot = (await (await request(`${sandbox.url}/__sandbox/state`)).body.json()) as { data: { returns: unknown[] }; counters: { requests: number } };
    expect(snapshot.data.returns.length).toBe(68);
    expect(snapshot.counters.requests).toBeGreaterThan(0);
  });
});

describe('the sandbox latency', () => {
  it('counts from the arrival of the request: the call is handled at once, its answer leaves latencyMs after it arrived', async () => {
    const sandbox = await startSandbox({ latencyMs: 300 });
    try {
      const t0 = performance.now();
      const answered = rawCall(sandbox, 'purchase.PurchaseReturn.pending', body(['NOPE'])).then((a) => ({ a, ms: performance.now() - t0 }));
      // A server that answers in 300 ms does its work first, then waits out the rest: handled long before the answer.
      await new Promise((r) => setTimeout(r, 150));
      expect(sandbox.state.counters.handled).toBe(1);
      const { a, ms } = await answered;
      expect(a.status).toBe(0);
      expect(ms).toBeGreaterThanOrEqual(299);
      expect(ms).toBeLessThan(600);
    } finally {
      await sandbox.close();
    }
  });
});

describe('the sandbox state machines', () => {
  let sandbox: Sandbox;
  let dir: string;
  const call = (method: string, ...args: unknown[]) => clientFor(sandbox).call({ method, body: body(...args) });
  const erp = async (method: string, ...args: unknown[]) => {
    const r = await call(method, ...args);
    if (r.kind !== 'answered') throw new Error(`expected an answer, got ${r.kind}: ${r.message}`);
    return r.erp as { status: number; message?: string; data?: Record<string, unknown> };
  };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wdt-sandbox-'));
    sandbox = await startSandbox({ dataFile: path.join(dir, 'sandbox.json') });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const create = 'purchase.PurchaseReturn.createOrder';
  const order = (outer: string, extra: Record<string, unknown> = {}) => ({ outer_no: outer, warehouse_no: 'WH001', provider_no: 'P001', ...extra });
  const lines = [{ spec_no: 'SKU-CAP-01', num: '2.5', price: 10 }];

  it('creates a return whose number is the outer_no; is_check decides 待审核 or 已审核', async () => {
    expect(await erp(create, order('T-CREATE-1'), lines, false)).toEqual({ status: 0, data: { status: 0, message: 'T-CREATE-1' } });
    expect(sandbox.state.returnByOuterNo('T-CREATE-1')).toMatchObject({ return_no: 'T-CREATE-1', status: 30, stockout_status: 0 });
    await erp(create, order('T-CREATE-2'), lines, true);
    expect(sandbox.state.returnByNo('T-CREATE-2')?.status).toBe(40);
    expect(sandbox.state.returnByNo('T-CREATE-2')?.detail_list[0]).toMatchObject({ spec_no: 'SKU-CAP-01', num: '2.5', price: '10' });
  });

  it('refuses a duplicate outer_no and counts every attempt', async () => {
    const again = await erp(create, order('T-CREATE-1'), lines, false);
    expect(again).toEqual({ status: 100, message: '此外部单已使用!' });
    expect(sandbox.state.returnsWithOuterNo('T-CREATE-1')).toBe(1);
    expect(sandbox.state.createAttempts('T-CREATE-1')).toBe(2);
  });

  it('answers data.status 20 when the check fails (seeded provider), and cancels when asked to', async () => {
    const failed = await erp(create, order('T-CHECK-1', { provider_no: 'P-STOPPED' }), lines, true);
    expect(failed).toEqual({ status: 0, data: { status: 20, message: '审核失败：供应商已停用' } });
    expect(sandbox.state.returnByNo('T-CHECK-1')?.status).toBe(30);
    await erp(create, order('T-CHECK-2', { provider_no: 'P-STOPPED', check_fail_cancel: 1 }), lines, true);
    expect(sandbox.state.returnByNo('T-CHECK-2')?.status).toBe(10);
  });

  it('answers data.message OK instead of the number when set to (the page field table)', async () => {
    sandbox.setOptions({ createMessage: 'OK' });
    try {
      expect(await erp(create, order('T-CREATE-OK'), lines, false)).toEqual({ status: 0, data: { status: 0, message: 'OK' } });
      expect(sandbox.state.returnByNo('T-CREATE-OK')?.status).toBe(30);
    } finally {
      sandbox.setOptions({ createMessage: 'return-no' });
    }
  });

  it('refuses unknown warehouses, providers and specs without creating anything', async () => {
    expect(await erp(create, order('T-BAD-1', { warehouse_no: 'NOWHERE' }), lines, false)).toEqual({ status: 100, message: '仓库不存在' });
    expect((await erp(create, order('T-BAD-2', { provider_no: 'NOBODY' }), lines, false)).message).toBe('供应商不存在');
    expect((await erp(create, order('T-BAD-3'), [{ spec_no: 'NOSUCH', num: 1 }], false)).message).toContain('NOSUCH');
    expect((await erp(create, order('T-BAD-4'), [{ spec_no: 'SKU-CAP-01', num: 0 }], false)).status).toBe(100);
    for (const no of ['T-BAD-1', 'T-BAD-2', 'T-BAD-3', 'T-BAD-4']) expect(sandbox.state.returnByOuterNo(no)).toBeUndefined();
  });

  it('batchCancelOrder cancels 编辑中/待审核/已审核 unshipped returns and lists the rest', async () => {
    const answer = await erp('purchase.PurchaseReturn.batchCancelOrder', ['CR202406010001', 'CR202406010002', 'CR202406010003', 'CR202406010004', 'CR202406010005', 'CR202406010006', 'NOPE']);
    const data = answer.data as { error_info: { order_no: string }[]; error_num: number };
    expect(data.error_info.map((e) => e.order_no)).toEqual(['CR202406010004', 'CR202406010005', 'CR202406010006', 'NOPE']);
    expect(data.error_num).toBe(4);
    for (const no of ['CR202406010001', 'CR202406010002', 'CR202406010003']) expect(sandbox.state.returnByNo(no)?.status).toBe(10);
    expect(sandbox.state.returnByNo('CR202406010004')?.status).toBe(40);
  });

  it('pending stops waiting only for 已审核 returns not fully shipped', async () => {
    const answer = await erp('purchase.PurchaseReturn.pending', ['CR202406010004', 'CR202406010007', 'CR202406010008', 'CR202406020002']);
    expect((answer.data as { error_info: { order_no: string }[] }).error_info.map((e) => e.order_no)).toEqual(['CR202406010007', 'CR202406010008']);
    expect(sandbox.state.returnByNo('CR202406010004')?.stockout_status).toBe(3);
    expect(sandbox.state.returnByNo('CR202406020002')?.stockout_status).toBe(3);
    // Stopped, it can no longer be cancelled.
    const cancel = await erp('purchase.PurchaseReturn.batchCancelOrder', ['CR202406020002']);
    expect((cancel.data as { error_num: number }).error_num).toBe(1);
  });

  it('other stock-in cancel follows the page example and the -1 rule', async () => {
    const answer = await erp('wms.stockother.In.cancelOrder', ['QR3796', 'QR3795', 'QR3797', 'QR3799', 'QR3800', 'QR3802', 'QR9999']);
    expect(answer.data).toEqual({
      success_data: ['QR3796', 'QR3795', 'QR3799', 'QR3800'],
      error_data: [
        { order_no: 'QR3797', err_msg: '单据状态不是编辑中、待审核、已审核，不允许取消' },
        { order_no: 'QR3802', err_msg: '单据状态不是编辑中、待审核、已审核，不允许取消' },
        { order_no: 'QR9999', err_msg: '单据不存在' },
      ],
    });
    expect(sandbox.state.otherIn('QR3799-1')?.status).toBe(80);
    expect(sandbox.state.otherIn('QR3800-1')?.status).toBe(80);
    // The query shows it by number, status 80 已取消, modified as epoch ms.
    const shown = await erp('wms.stockother.InQuery.queryWithDetail', { other_in_no: 'QR3799-1' });
    expect((shown.data as { order: unknown[] }).order).toEqual([{ other_in_no: 'QR3799-1', status: 80, warehouse_no: 'WH001', modified: expect.any(Number) }]);
  });

  it('the purchase stock-in query needs a window of at most 30 days on modified', async () => {
    const q = 'wms.stockin.Purchase.queryWithDetail';
    expect(await erp(q, { stockin_no: 'RK2006030010' })).toEqual({ status: 100, message: '参数中必须包含起止时间' });
    expect(await erp(q, { start_time: '2024-05-01 00:00:00', end_time: '2024-06-01 00:00:01', stockin_no: 'RK2006030010' })).toEqual({ status: 100, message: '您的查询时间过宽,查询时间不能大于30天' });
    const found = await erp(q, { start_time: '2024-05-15 00:00:00', end_time: '2024-06-10 00:00:00', stockin_no: 'RK2006030010' });
    expect((found.data as { order: unknown[] }).order).toEqual([{ order_no: 'RK2006030010', status: 10, warehouse_no: 'WH001', provider_no: 'P002', modified: Date.UTC(2024, 5, 1, 2, 40, 0) }]);
    const outside = await erp(q, { start_time: '2024-06-02 00:00:00', end_time: '2024-06-10 00:00:00', stockin_no: 'RK2006030010' });
    expect((outside.data as { order: unknown[] }).order).toEqual([]);
  });

  it('purchase stock-in cancel: only 编辑中', async () => {
    expect(await erp('wms.stockin.Purchase.cancel', 'RK2006030008')).toEqual({ status: 0 });
    expect(await erp('wms.stockin.Purchase.cancel', 'RK2006030008')).toEqual({ status: 100, message: '入库单状态不为编辑中' });
    expect((await erp('wms.stockin.Purchase.cancel', 'RK0')).status).toBe(100);
  });

  it('queryWithDetail finds by return_no and refuses windows over 30 days', async () => {
    const one = await erp('purchase.PurchaseReturn.queryWithDetail', { return_no: 'T-CREATE-2' });
    expect((one.data as { order: { outer_no: string; status: number }[] }).order).toMatchObject([{ outer_no: 'T-CREATE-2', status: 40 }]);
    const wide = await erp('purchase.PurchaseReturn.queryWithDetail', { start_time: '2024-05-01 00:00:00', end_time: '2024-06-01 00:00:01' });
    expect(wide.status).toBe(100);
  });

  it('keeps its documents across a restart when given a data file', async () => {
    const file = path.join(dir, 'sandbox.json');
    const again = await startSandbox({ dataFile: file });
    try {
      expect(again.state.returnByNo('T-CREATE-1')?.status).toBe(30);
      expect(again.state.stockin('RK2006030008')?.status).toBe(10);
      expect(again.state.createAttempts('T-CREATE-1')).toBe(2);
    } finally {
      await again.close();
    }
  });
});
