import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rig, listSheet, createSheet, submitFile, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const bulk = (from: number, n: number) => Array.from({ length: n }, (_, i) => `CR20240602${String(from + i).padStart(4, '0')}`);

describe('job engine against the sandbox ERP', () => {
  it('sends 45 cancels as 20 + 20 + 5 and settles every row from the answers', async () => {
    r = await rig();
    const numbers = [...bulk(1, 43), 'CR202406010005', 'NO-SUCH-RETURN'];
    const file = await listSheet(path.join(r.dir, 'cancel.xlsx'), '采购退货单号', numbers);
    const { jobId, end } = await submitFile(r, file, { op: 'return-cancel' });
    expect(end.kind).toBe('done');
    const calls = r.views.attempts(jobId, 0, 100, false).items;
    expect(calls.map((c) => c.orders)).toEqual([20, 20, 5]);
    expect(calls.every((c) => c.outcome === 'answered')).toBe(true);
    const counts = r.views.counts(jobId);
    expect(counts).toMatchObject({ succeeded: 43, failed: 2, pending: 0 });
    for (const no of bulk(1, 43)) expect(r.sandbox.state.returnByNo(no)?.status).toBe(10);
    const failed = r.views.rows(jobId, 'zh-CN', 0, 10, ['failed']).items;
    expect(failed.map((f) => f.cells[0])).toEqual(['CR202406010005', 'NO-SUCH-RETURN']);
    expect(failed.every((f) => f.message.length > 0 && f.call === 3)).toBe(true);
    expect(r.store.job(jobId)?.state).toBe('done');
  });

  it('creates returns one order per call and records the ERP number', async () => {
    r = await rig();
    const file = await createSheet(path.join(r.dir, 'create.xlsx'), [
      { outer: 'T-0001' },
      { outer: 'T-0002', spec: 'SKU-CAP-01' },
      { outer: 'T-0001', spec: 'SKU-CAP-01', num: 2 },
      { outer: 'T-0003', warehouse: 'NO-WH' },
    ]);
    const { jobId, end } = await submitFile(r, file);
    expect(end.kind).toBe('done');
    const rows = r.views.rows(jobId, 'zh-CN', 0, 10).items;
    expect(rows.map((x) => x.state)).toEqual(['succeeded', 'succeeded', 'succeeded', 'failed']);
    expect(rows[0]!.erpNo).toBe('T-0001');
    expect(rows[0]!.call).toBe(rows[2]!.call);
    expect(r.sandbox.state.returnByOuterNo('T-0001')?.detail_list).toHaveLength(2);
    expect(r.sandbox.state.createAttempts('T-0001')).toBe(1);
    expect(rows[3]!.message).toMatch(/仓库/);
  });
});
