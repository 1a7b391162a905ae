// The sandbox's documents registry: data files written by earlier versions still load (per-table and
// per-field defaults), and a test can add a document kind or a method through the seams, over real HTTP.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addDocumentKind,
  addSandboxMethod,
  defineDocument,
  type DocumentKind,
  otherInStatus,
  purchaseReturns,
  returnStatus,
  SandboxState,
  startSandbox,
  stockinStatus,
  type MethodHandler,
} from '../../../main/sandbox';
import { body, clientFor } from '../wdt/helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'wdt-sandbox-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = path.join(import.meta.dirname, 'fixtures', 'sandbox-data-v1.json');

describe('sandbox data files', () => {
  it('loads a data file written by the version before the registry, every document as it was', () => {
    const file = path.join(dir, 'v1.json');
    copyFileSync(fixture, file);
    const state = SandboxState.open(file);
    // What that version's run did: a create, a cancel, a stop, an other-in -1 cancel, a stock-in cancel.
    expect(state.returnByNo('FIX-0001')).toMatchObject({ status: returnStatus.checked, remark: '旧数据文件', detail_list: [{ spec_no: 'SKU-CAP-01', num: '3', price: '12.5' }] });
    expect(state.returnByNo('CR202406010001')?.status).toBe(returnStatus.cancelled);
    expect(state.returnByNo('CR202406010003')?.stockout_status).toBe(3);
    expect(state.otherIn('QR3799-1')?.status).toBe(otherInStatus.cancelled);
    expect(state.stockin('RK2006030008')?.status).toBe(stockinStatus.cancelled);
    expect(state.createAttempts('FIX-0001')).toBe(1);
    expect(state.nextReturnId).toBe(1001);
    // Written back, the file holds the same documents.
    state.save();
    const again = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown[]>;
    const before = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown[]>;
    for (const table of ['warehouses', 'providers', 'specs', 'returns', 'otherIns', 'stockins']) expect(again[table], table).toEqual(before[table]);
  });

  it('fills a missing table with its seed and a missing field with its default', () => {
    const before = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown>;
    const { stockins: _dropped, ...rest } = before;
    const older = { ...rest, otherIns: [{ order_no: 'QR-OLD' }], returns: [{ return_no: 'CR-OLD', outer_no: 'CR-OLD', status: 30 }] };
    const file = path.join(dir, 'older.json');
    writeFileSync(file, JSON.stringify(older));
    const state = SandboxState.open(file);
    expect(state.stockin('RK2006030008')?.status).toBe(stockinStatus.editing);
    expect(state.otherIn('QR-OLD')).toEqual({ order_no: 'QR-OLD', status: otherInStatus.pendingCheck, warehouse_no: '', modified: '2024-06-01 10:00:00' });
    expect(state.returnByNo('CR-OLD')).toMatchObject({ stockout_status: 0, detail_list: [], modified: '2024-06-01 10:00:00' });
  });

  it('refuses a data file whose document lacks its key, naming the field', () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ returns: [{ status: 30 }] }));
    expect(() => SandboxState.open(file)).toThrow(/return_no/);
  });
});

describe('the seams', () => {
  it('dispatches an added method over HTTP, and answers 接口不存在 once it is removed', async () => {
    const stamp: MethodHandler = ([rawNo], { state, nowMs }) => {
      const doc = state.table(purchaseReturns).get(String(rawNo));
      if (!doc) return { answer: { status: 100, message: '采购退货单号不存在' }, mutated: false };
      doc.remark = `stamped ${nowMs > 0}`;
      return { answer: { status: 0 }, mutated: true };
    };
    const remove = addSandboxMethod('test.PurchaseReturn.stamp', stamp);
    const sandbox = await startSandbox();
    try {
      const client = clientFor(sandbox);
      expect(await client.call({ method: 'test.PurchaseReturn.stamp', body: body('CR202406010002') })).toMatchObject({ kind: 'answered', erp: { status: 0 } });
      expect(sandbox.state.returnByNo('CR202406010002')?.remark).toBe('stamped true');
      expect(() => addSandboxMethod('test.PurchaseReturn.stamp', stamp)).toThrow(/already/);
      remove();
      expect(await client.call({ method: 'test.PurchaseReturn.stamp', body: body('CR202406010002') })).toMatchObject({
        message: expect.stringContaining('接口[test.PurchaseReturn.stamp]不存在'),
      });
    } finally {
      remove();
      await sandbox.close();
    }
  });

  it('keeps an added document kind in its own table, seeded, saved and loaded with the others', async () => {
    const parcel = z.object({ parcel_no: z.string(), weight: z.string().default('0') });
    type Parcel = z.infer<typeof parcel>;
    const parcels: DocumentKind<Parcel> = defineDocument<Parcel>({
      table: 'parcels',
      schema: parcel,
      keyOf: (p) => p.parcel_no,
      seed: () => [{ parcel_no: 'PK-1', weight: '2.5' }],
      methods: {
        'test.Parcel.weigh': ([no], { state }) => ({ answer: { status: 0, data: state.table(parcels).get(String(no)) ?? null }, mutated: false }),
      },
    });
    const remove = addDocumentKind(parcels);
    const file = path.join(dir, 'parcels.json');
    try {
      const sandbox = await startSandbox({ dataFile: file });
      const answered = await clientFor(sandbox).call({ method: 'test.Parcel.weigh', body: body('PK-1') });
      expect(answered).toMatchObject({ kind: 'answered', erp: { status: 0, data: { parcel_no: 'PK-1', weight: '2.5' } } });
      sandbox.state.table(parcels).set('PK-2', { parcel_no: 'PK-2', weight: '1' });
      sandbox.state.save();
      await sandbox.close();
      expect(SandboxState.open(file).table(parcels).get('PK-2')).toEqual({ parcel_no: 'PK-2', weight: '1' });
    } finally {
      remove();
    }
    // Gone from the registry, its table is no longer read or written; the others are untouched.
    const after = SandboxState.open(file);
    expect(after.returnByNo('CR202406010001')?.status).toBe(returnStatus.editing);
    expect(Object.keys(after.snapshot())).not.toContain('parcels');
  });
});
