// Every CallResult kind, each produced by a real situation against a real loopback server.
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { body, clientFor, offsetClock, rawServer } from './helpers';

const cancel = (nos: string[]) => ({ method: 'purchase.PurchaseReturn.batchCancelOrder', body: body(nos) });

describe('HttpWdtClient against the sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterEach(() => sandbox.setOptions({ faults: [], clockSkewSeconds: 0, callsPerMinute: 0, maxConcurrent: 0, latencyMs: 0 }));
  afterAll(() => sandbox.close());

  it('answered: a call that succeeds, with per-order failures in data', async () => {
    const result = await clientFor(sandbox).call(cancel(['CR202406020001', 'NOPE']));
    expect(result.kind).toBe('answered');
    if (result.kind !== 'answered') return;
    expect(result.erp.status).toBe(0);
    expect(result.erp.data).toEqual({ error_info: [{ order_no: 'NOPE', message: '采购退货单号不存在' }], error_num: 1, status: 0 });
    expect(result.attempts).toBe(1);
    expect(sandbox.state.returnByNo('CR202406020001')?.status).toBe(10);
  });

  it('answered: a business refusal (status 100) stays answered', async () => {
    const result = await clientFor(sandbox).call({ method: 'wms.stockin.Purchase.cancel', body: body('RK2006030009') });
    expect(result).toMatchObject({ kind: 'answered', erp: { status: 100, message: '入库单状态不为编辑中' }, message: '入库单状态不为编辑中' });
  });

  it('sends paged calls with their paging parameters signed', async () => {
    const result = await clientFor(sandbox).call({
      method: 'purchase.PurchaseReturn.queryWithDetail',
      body: body({ start_time: '2024-06-01 00:00:00', end_time: '2024-06-20 00:00:00', provider_no: 'P002' }),
      paging: { pageSize: 1, pageNo: 1, calcTotal: true },
    });
    expect(result.kind).toBe('answered');
    const data = result.kind === 'answered' ? (result.erp.data as { order: { return_no: string }[]; total_count: number }) : null;
    expect(data?.order.map((o) => o.return_no)).toEqual(['CR202406010008']);
    expect(data?.total_count).toBe(2);
  });

  it('rate-limited: the sandbox answers with the vendor message once over its per-minute limit', async () => {
    sandbox.setOptions({ callsPerMinute: 2 });
    const client = clientFor(sandbox);
    const kinds = [];
    for (let i = 0; i < 3; i += 1) kinds.push((await client.call(cancel(['NOPE']))).kind);
    expect(kinds).toEqual(['answered', 'answered', 'rate-limited']);
  });

  it('rate-limited: over the concurrency limit', async () => {
    sandbox.setOptions({ maxConcurrent: 1, latencyMs: 150 });
    const client = clientFor(sandbox);
    const results = await Promise.all([client.call(cancel(['NOPE'])), client.call(cancel(['NOPE']))]);
    expect(results.map((r) => r.kind).sort()).toEqual(['answered', 'rate-limited']);
    expect(results.find((r) => r.kind === 'rate-limited')?.message).toContain('超过每分钟最大并发次数限制');
  });

  it('credentials-refused: wrong secret, unknown appkey, unknown sid, malformed or unreadable secret', async () => {
    const wrongSecret = await clientFor(sandbox, { getSecret: async () => 'wrong-secret:sandbox-demo-salt' }).call(cancel(['X']));
    const wrongKey = await clientFor(sandbox, { appkey: 'nobody' }).call(cancel(['X']));
    const wrongSid = await clientFor(sandbox, { sid: 'nobody' }).call(cancel(['X']));
    const malformed = await clientFor(sandbox, { getSecret: async () => 'no-colon-here' }).call(cancel(['X']));
    const unreadable = await clientFor(sandbox, { getSecret: () => Promise.reject(new Error('keychain locked')) }).call(cancel(['X']));
    for (const r of [wrongSecret, wrongKey, wrongSid, malformed, unreadable]) expect(r.kind).toBe('credentials-refused');
    expect(malformed.message).not.toContain('no-colon-here');
    expect(wrongSecret).toMatchObject({ message: '验证失败', erpStatus: 1, refusal: 'secret' });
    expect(wrongKey).toMatchObject({ message: 'app auth fail', refusal: 'appkey' });
    expect(wrongSid).toMatchObject({ message: 'sid is not exists', refusal: 'sid' });
    expect(unreadable).toMatchObject({ refusal: 'unreadable-secret' });
  });

  it('credentials-refused: an IP allow-list (6), a dynamic password (3), a method not granted (100 权限不足)', async () => {
    sandbox.setOptions({ accountLock: 'ip' });
    const ip = await clientFor(sandbox).call(cancel(['X']));
    sandbox.setOptions({ accountLock: 'dynamic-password' });
    const otp = await clientFor(sandbox).call(cancel(['X']));
    sandbox.setOptions({ accountLock: 'none', deniedMethods: ['purchase.PurchaseReturn.batchCancelOrder'] });
    const denied = await clientFor(sandbox).call(cancel(['X']));
    sandbox.setOptions({ deniedMethods: [] });
    expect(ip).toMatchObject({ kind: 'credentials-refused', refusal: 'ip', erpStatus: 6 });
    expect(otp).toMatchObject({ kind: 'credentials-refused', refusal: 'dynamic-password', erpStatus: 3 });
    expect(denied).toMatchObject({ kind: 'credentials-refused', refusal: 'permission', method: 'purchase.PurchaseReturn.batchCancelOrder', erpStatus: 100 });
  });

  it('unknown: status 4 数据库错误 after the sandbox acted', async () => {
    sandbox.setOptions({ faults: [{ kind: 'db-error-after-acting', method: 'wms.stockin.Purchase.cancel' }] });
    const result = await clientFor(sandbox).call({ method: 'wms.stockin.Purchase.cancel', body: body('RK2406000020') });
    expect(result).toMatchObject({ kind: 'unknown', erpStatus: 4 });
    expect(result.message).toContain('数据库错误');
    expect(sandbox.state.stockin('RK2406000020')?.status).toBe(10);
  });

  it('accepts a base URL as the vendor prints it (…/openapi) or with a trailing slash', async () => {
    for (const base of [`${sandbox.url}/openapi`, `${sandbox.url}/`, `${sandbox.url}/openapi/`]) {
      expect((await clientFor({ url: base }).call(cancel(['NOPE']))).kind).toBe('answered');
    }
  });

  it('wrong-address: a path that is not the API (404) names the URL it tried', async () => {
    const result = await clientFor({ url: `${sandbox.url}/wrong` }).call(cancel(['NOPE']));
    expect(result).toMatchObject({ kind: 'wrong-address', httpStatus: 404, url: `${sandbox.url}/wrong/openapi` });
    expect(result.message).toContain(`${sandbox.url}/wrong/openapi`);
  });

  it('corrects a sandbox clock 15 minutes ahead, retrying once', async () => {
    sandbox.setOptions({ clockSkewSeconds: 900 });
    const refusedBefore = sandbox.state.counters.timestampRefused;
    const client = clientFor(sandbox);
    const first = await client.call(cancel(['NOPE']));
    expect(first).toMatchObject({ kind: 'answered', attempts: 2 });
    expect(sandbox.state.counters.timestampRefused).toBe(refusedBefore + 1);
    expect(Math.abs(client.clockOffsetMs - 900_000)).toBeLessThan(2_000);
    // The offset is kept: the next call gets through at once.
    expect(await client.call(cancel(['NOPE']))).toMatchObject({ kind: 'answered', attempts: 1 });
    expect(sandbox.state.counters.timestampRefused).toBe(refusedBefore + 1);
  });

  it('corrects a desktop clock 15 minutes behind', async () => {
    const result = await clientFor(sandbox, { clock: offsetClock(-900_000) }).call(cancel(['NOPE']));
    expect(result).toMatchObject({ kind: 'answered', attempts: 2 });
  });

  it('unknown: the answer hangs past the timeout after the sandbox acted', async () => {
    sandbox.setOptions({ faults: [{ kind: 'hang', method: 'wms.stockin.Purchase.cancel' }] });
    const result = await clientFor(sandbox, { timeoutMs: 300 }).call({ method: 'wms.stockin.Purchase.cancel', body: body('RK2406000001') });
    expect(result.kind).toBe('unknown');
    expect(result.durationMs).toBeGreaterThanOrEqual(250);
    expect(sandbox.state.stockin('RK2406000001')?.status).toBe(10);
  });

  it('unknown: reset after acting, 502 after acting, garbage body', async () => {
    const client = clientFor(sandbox);
    sandbox.setOptions({ faults: [{ kind: 'reset-after-acting' }, { kind: '502-after-acting' }, { kind: 'garbage-body' }] });
    const reset = await client.call({ method: 'wms.stockin.Purchase.cancel', body: body('RK2406000002') });
    const bad = await client.call({ method: 'wms.stockin.Purchase.cancel', body: body('RK2406000003') });
    const garbage = await client.call({ method: 'wms.stockin.Purchase.cancel', body: body('RK2406000004') });
    expect([reset.kind, bad.kind, garbage.kind]).toEqual(['unknown', 'unknown', 'unknown']);
    expect(bad.httpStatus).toBe(502);
    expect(garbage.httpStatus).toBe(200);
    // The ERP did act every time: that is why the outcome is unknown, not failed.
    for (const no of ['RK2406000002', 'RK2406000003', 'RK2406000004']) expect(sandbox.state.stockin(no)?.status).toBe(10);
  });

  it('unknown: 502 and reset before acting leave the document untouched but are still unknown to the client', async () => {
    const client = clientFor(sandbox);
    sandbox.setOptions({ faults: [{ kind: '502-before-acting' }, { kind: 'reset-before-acting' }] });
    expect((await client.call({ method: 'wms.stockin.Purchase.cancel', body: body('RK2406000005') })).kind).toBe('unknown');
    expect((await client.call({ method: 'wms.stockin.Purchase.cancel', body: body('RK2406000005') })).kind).toBe('unknown');
    expect(sandbox.state.stockin('RK2406000005')?.status).toBe(20);
  });
});

describe('HttpWdtClient without the sandbox', () => {
  it('not-sent: connection refused on a closed port', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const result = await clientFor({ url: `http://127.0.0.1:${port}` }).call(cancel(['X']));
    expect(result).toMatchObject({ kind: 'not-sent' });
    // The code stays with the stored text's params for IT; the words a clerk reads have none.
    expect(result).toMatchObject({ text: { key: 'wdt.transport.notSent', params: { code: 'ECONNREFUSED' } } });
    expect(result.message).not.toContain('ECONNREFUSED');
    expect(result.httpStatus).toBeUndefined();
  });

  it('not-sent: a host name that does not resolve', async () => {
    const result = await clientFor({ url: 'http://wdt-bulk-test.invalid' }).call(cancel(['X']));
    expect(result.kind).toBe('not-sent');
  });

  it('clock-skew: refused again after correction when the Date header keeps moving', async () => {
    let shift = 0;
    const server = await rawServer((_req, res) => {
      shift += 3600_000; // a server whose clock jumps an hour on every answer
      res.writeHead(200, { 'content-type': 'application/json', date: new Date(Date.now() + shift).toUTCString() });
      res.end(JSON.stringify({ status: 7, message: '时间戳错误' }));
    });
    try {
      const result = await clientFor(server).call(cancel(['X']));
      expect(result).toMatchObject({ kind: 'clock-skew', attempts: 2 });
      expect(server.requests).toHaveLength(2);
      // Each attempt was signed anew, with a corrected timestamp.
      const stamps = server.requests.map((u) => new URL(u, 'http://x').searchParams.get('timestamp'));
      expect(stamps[0]).not.toBe(stamps[1]);
    } finally {
      await server.close();
    }
  });

  it('wrong-address: an HTML page or 405; request-refused: a malformed request (code 2)', async () => {
    let reply = { code: 200, type: 'text/html; charset=utf-8', text: '<!DOCTYPE html><html><body>旺店通</body></html>' };
    const server = await rawServer((_req, res) => {
      res.writeHead(reply.code, { 'content-type': reply.type });
      res.end(reply.text);
    });
    try {
      expect((await clientFor(server).call(cancel(['X']))).kind).toBe('wrong-address');
      reply = { code: 405, type: 'text/plain', text: 'Method Not Allowed' };
      expect((await clientFor(server).call(cancel(['X']))).kind).toBe('wrong-address');
      reply = { code: 200, type: 'application/json', text: '{"status":2,"message":"shop_no"}' };
      expect(await clientFor(server).call(cancel(['X']))).toMatchObject({ kind: 'request-refused', method: 'purchase.PurchaseReturn.batchCancelOrder', message: 'shop_no' });
    } finally {
      await server.close();
    }
  });

  it('unknown: HTTP 5xx with a JSON body, and a JSON body without a numeric status', async () => {
    let reply = { code: 503, text: '{"status":0}' };
    const server = await rawServer((_req, res) => {
      res.writeHead(reply.code, { 'content-type': 'application/json' });
      res.end(reply.text);
    });
    try {
      expect((await clientFor(server).call(cancel(['X']))).kind).toBe('unknown');
      reply = { code: 200, text: '{"ok":true}' };
      expect((await clientFor(server).call(cancel(['X']))).kind).toBe('unknown');
    } finally {
      await server.close();
    }
  });

  it('never puts the secret or the sign in a message or log line', async () => {
    const lines: string[] = [];
    const logger = { info: (m: string, f?: object) => lines.push(m + JSON.stringify(f)), warn: (m: string, f?: object) => lines.push(m + JSON.stringify(f)), error: () => {} };
    const server = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":100,"message":"签名错误"}');
    });
    try {
      const result = await clientFor(server, { logger, getSecret: async () => 'TOPSECRET:SALTY' }).call(cancel(['X']));
      const sign = new URL(server.requests[0]!, 'http://x').searchParams.get('sign')!;
      const everything = JSON.stringify(result) + lines.join('\n');
      expect(everything).not.toContain('TOPSECRET');
      expect(everything).not.toContain(sign);
      expect(lines.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
