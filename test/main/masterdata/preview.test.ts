// Previews of cancel/pending lists against the sandbox on loopback: each document's state now, the
// rows that cannot succeed marked; by number up to the cap, by modified-time windows beyond it; within
// the rate limit, stoppable, and a method not granted is a notice.
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/effects';
import { RateLimiter } from '../../../main/jobs/rate-limiter';
import { previewList, type PreviewOptions } from '../../../main/masterdata/preview';
import { formatChinaTime } from '../../../shared/operations/erp-time';
import { clientFor, rawServer } from '../wdt/helpers';
import { mdRig, type MdRig } from './helpers';
import { stockins } from '../../../main/sandbox';

let rig: MdRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const preview = (r: MdRig, o: Partial<PreviewOptions> & Pick<PreviewOptions, 'operation' | 'keys'>) =>
  previewList(r.query, systemClock, 'zh-CN', { cap: 200, days: 90, pageSize: 100, ...o });

const summary = (rows: { key: string; verdict: string; reason?: { key: string } }[]) => rows.map((r) => [r.key, r.verdict, r.reason?.key ?? null]);

describe('previews', () => {
  it('marks the returns a cancel cannot succeed on, looked up by number', async () => {
    rig = await mdRig();
    const progress: number[] = [];
    const got = await preview(rig, {
      operation: 'return-cancel',
      keys: ['CR202406010001', 'CR202406010004', 'CR202406010005', 'CR202406010006', 'CR209912319999', 'CR202406010001'],
      onProgress: (p) => progress.push(p.done),
    });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value).toMatchObject({ mode: 'by-number', complete: true, calls: 5 });
    expect(summary(got.value.rows)).toEqual([
      ['CR202406010001', 'ok', null],
      ['CR202406010004', 'blocked', 'masterdata.preview.shippedOut'],
      ['CR202406010005', 'blocked', 'masterdata.preview.completed'],
      ['CR202406010006', 'blocked', 'masterdata.preview.alreadyCancelled'],
      ['CR209912319999', 'blocked', 'masterdata.preview.notFound'],
    ]);
    expect(got.value.rows[3]!.labels.map((l) => l.key)).toEqual(['masterdata.status.cancelled', 'masterdata.stockout.none']);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('judges a pending list by its own rule (only 已审核, not shipped out, not yet stopped)', async () => {
    rig = await mdRig();
    const got = await preview(rig, { operation: 'return-pending', keys: ['CR202406010003', 'CR202406010002', 'CR202406010007'] });
    expect(got.ok && summary(got.value.rows)).toEqual([
      ['CR202406010003', 'ok', null],
      ['CR202406010002', 'blocked', 'masterdata.preview.notChecked'],
      ['CR202406010007', 'blocked', 'masterdata.preview.alreadyStopped'],
    ]);
  });

  it('beyond the cap reads by modified-time windows and pages; what it did not see is unknown, not failed', async () => {
    rig = await mdRig();
    const recent = formatChinaTime(Date.now() - 24 * 3600_000);
    for (const no of ['CR202406010001', 'CR202406010006', 'CR202406010003']) rig.sandbox.state.returnByNo(no)!.modified = recent;
    const got = await preview(rig, { operation: 'return-cancel', keys: ['CR202406010001', 'CR202406010006', 'CR202406010003', 'CR202406010002'], cap: 2, pageSize: 2 });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value.mode).toBe('by-window');
    expect(summary(got.value.rows)).toEqual([
      ['CR202406010001', 'ok', null],
      ['CR202406010006', 'blocked', 'masterdata.preview.alreadyCancelled'],
      ['CR202406010003', 'ok', null],
      ['CR202406010002', 'unknown', 'masterdata.preview.notInWindow'],
    ]);
    // 90 days = 3 windows; the window holding the three changed returns takes two pages of two.
    expect(got.value.calls).toBe(4);
  });

  it('previews the stock-in cancels with their own queries (a window for purchase stock-ins, the -1 rule for other stock-ins)', async () => {
    rig = await mdRig();
    const recent = formatChinaTime(Date.now() - 3600_000);
    for (const d of rig.sandbox.state.table(stockins).values()) d.modified = recent;
    const stockin = await preview(rig, { operation: 'stockin-cancel', keys: ['RK2006030008', 'RK2006030010', 'RK2006030009'] });
    expect(stockin.ok && summary(stockin.value.rows)).toEqual([
      ['RK2006030008', 'ok', null],
      ['RK2006030010', 'blocked', 'masterdata.preview.alreadyCancelled'],
      ['RK2006030009', 'blocked', 'masterdata.preview.notEditing'],
    ]);
    const otherIn = await preview(rig, { operation: 'other-in-cancel', keys: ['QR3799', 'QR3801', 'QR9999'] });
    expect(otherIn.ok && summary(otherIn.value.rows)).toEqual([
      ['QR3799', 'ok', null],
      ['QR3801', 'blocked', 'masterdata.preview.alreadyCancelled'],
      ['QR9999', 'blocked', 'masterdata.preview.notFound'],
    ]);
    expect(otherIn.ok && otherIn.value.rows[0]!.found).toBe('QR3799-1');
  });

  it('an account without the query\'s permission gets a notice, every row unknown', async () => {
    rig = await mdRig({ deniedMethods: ['purchase.PurchaseReturn.queryWithDetail'] });
    const got = await preview(rig, { operation: 'return-cancel', keys: ['CR202406010001', 'CR202406010002'] });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value).toMatchObject({ complete: false, notice: { key: 'masterdata.preview.denied' } });
    expect(got.value.rows.map((r) => r.verdict)).toEqual(['unknown', 'unknown']);
  });

  it('a lookup the ERP refuses leaves that row unknown with its words, and the preview goes on', async () => {
    // A stand-in ERP on loopback that refuses one number (as a real one may, e.g. a number over 20 characters).
    const erp = await rawServer((_req, res, body) => {
      const [{ return_no }] = JSON.parse(body) as [{ return_no: string }];
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(return_no.length > 20 ? { status: 100, message: 'return_no长度不能超过20' } : { status: 0, data: { order: [{ return_no, status: 20, stockout_status: 0 }], total_count: 1 } }));
    });
    const client = clientFor(erp);
    const pacer = new RateLimiter({ concurrency: 1, callsPerMinute: 0, clock: systemClock });
    try {
      const got = await previewList({ client, pacer, timeoutMs: 5_000 }, systemClock, 'zh-CN', {
        operation: 'return-cancel',
        keys: ['CR1', 'CR-THIS-NUMBER-IS-TOO-LONG', 'CR3'],
        cap: 200,
        days: 90,
        pageSize: 100,
      });
      expect(got.ok && got.value.complete).toBe(true);
      expect(got.ok && summary(got.value.rows)).toEqual([
        ['CR1', 'ok', null],
        ['CR-THIS-NUMBER-IS-TOO-LONG', 'unknown', 'masterdata.preview.failed'],
        ['CR3', 'ok', null],
      ]);
      expect(got.ok && got.value.rows[1]!.reason?.params?.reason).toBe('return_no长度不能超过20');
    } finally {
      pacer.close();
      await client.close();
      await erp.close();
    }
  });

  it('stops when asked: the rows not reached are unknown', async () => {
    rig = await mdRig();
    const stop = new AbortController();
    const got = await preview(rig, { operation: 'return-cancel', keys: ['CR202406010001', 'CR202406010002', 'CR202406010003'], signal: stop.signal, onProgress: () => stop.abort() });
    expect(got.ok && summary(got.value.rows)).toEqual([
      ['CR202406010001', 'ok', null],
      ['CR202406010002', 'unknown', 'masterdata.preview.stopped'],
      ['CR202406010003', 'unknown', 'masterdata.preview.stopped'],
    ]);
    expect(rig.calls('purchase.PurchaseReturn.queryWithDetail')).toBe(1);
  });

  it('stays within the profile\'s rate limit: the vendor never has to refuse a call', async () => {
    // The profile allows 3 calls per 400 ms; the vendor refuses a 4th within 250 ms (the margin is for the
    // time a request takes to arrive, which the vendor counts from and we cannot).
    rig = await mdRig({ callsPerMinute: 3, rateWindowMs: 250 }, { callsPerMinute: 3, windowMs: 400 });
    const started = Date.now();
    const got = await preview(rig, { operation: 'return-cancel', keys: ['CR202406010001', 'CR202406010002', 'CR202406010003', 'CR202406010004', 'CR202406010005', 'CR202406010006', 'CR202406010007'] });
    expect(got.ok && got.value.complete).toBe(true);
    expect(rig.sandbox.state.counters.rateLimited).toBe(0);
    // Seven calls at three per 400 ms need at least two waits.
    expect(Date.now() - started).toBeGreaterThanOrEqual(790);
  });
});
