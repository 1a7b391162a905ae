import { describe, expect, it } from 'vitest';
import { buildQueryArgs, findReturn, queryResponseSchema, returnReconcile, type QueriedReturn } from '../../../shared/operations/return-query';
import { serializeArgs } from '../../../shared/operations/json-body';
import { formatChinaTime, parseErpTime } from '../../../shared/operations/erp-time';
import { clockMarginMs, verdictOf } from '../../../shared/operations/reconcile-kit';
import { otherInReconcile, stockinReconcile } from '../../../shared/operations/stock-in-queries';

const doc = (over: Partial<QueriedReturn>): QueriedReturn => ({ return_no: 'CR1', outer_no: 'A1', status: 20, stockout_status: 0, ...over });
const answer = (...order: QueriedReturn[]) => ({ status: 0, data: { order, total_count: order.length } });

describe('queryWithDetail', () => {
  it('takes params as its one positional argument', () => {
    expect(serializeArgs(buildQueryArgs({ return_no: 'CR1' }))).toBe('[{"return_no":"CR1"}]');
  });

  it('parses leniently: numbers as strings, unknown fields kept, missing order list empty', () => {
    const parsed = queryResponseSchema.parse({
      status: '0',
      data: { total_count: '1', order: [{ return_no: 'CR1', outer_no: 'A1', status: '10', stockout_status: 3, warehouse_no: 'W', provider_no: 'P', detail_list: [{ spec_no: 'S', num: '1.0000' }], extra: 'kept' }] },
    });
    expect(parsed.data?.total_count).toBe(1);
    expect(parsed.data?.order[0]).toMatchObject({ status: 10, stockout_status: 3, extra: 'kept' });
    expect(queryResponseSchema.parse({ status: 0, data: {} }).data?.order).toEqual([]);
    expect(queryResponseSchema.safeParse({ status: 0, data: { order: [{ status: 10 }] } }).success).toBe(false);
  });

  it('finds a document by return number or by the outer_no a create used', () => {
    const docs = [doc({ return_no: 'CR1', outer_no: 'X' }), doc({ return_no: 'CR2', outer_no: 'A9' })];
    expect(findReturn('CR1', docs)?.return_no).toBe('CR1');
    expect(findReturn('A9', docs)?.return_no).toBe('CR2');
    expect(findReturn('nope', docs)).toBeNull();
  });

  it('reads what each operation would leave: created, 已取消 (10), 停止出库 (3), with the time it changed', () => {
    const at = '2024-06-01 10:05:00';
    const ms = parseErpTime(at)!;
    expect(returnReconcile('created').find(answer(doc({ created: at, modified: '2024-07-01 00:00:00' })), 'A1')).toEqual({ no: 'CR1', effectShown: true, changedMs: ms });
    expect(returnReconcile('created').find(answer(doc({ status: 10, created: at })), 'A1')).toMatchObject({ effectShown: null });
    expect(returnReconcile('cancelled').find(answer(doc({ return_no: 'CR1', status: 10, modified: at })), 'CR1')).toMatchObject({ effectShown: true, changedMs: ms });
    expect(returnReconcile('cancelled').find(answer(doc({ status: 30 })), 'CR1')).toMatchObject({ effectShown: false });
    expect(returnReconcile('cancelled').find(answer(doc({ status: undefined })), 'CR1')).toMatchObject({ effectShown: null });
    expect(returnReconcile('stopped').find(answer(doc({ stockout_status: 3, modified: ms })), 'CR1')).toMatchObject({ effectShown: true, changedMs: ms });
    expect(returnReconcile('cancelled').find(answer(), 'CR1')).toBeNull();
    expect(returnReconcile('cancelled').find({ status: 100, message: '权限不足' }, 'CR1')).toBe('unreadable');
  });
});

describe('who did it (verdictOf)', () => {
  const sent = parseErpTime('2026-11-25 10:00:00')!;
  const found = (changedMs: number | null, effectShown: boolean | null = true) => ({ no: 'CR1', effectShown, changedMs });
  it('changed at or after our first send (within the clock margin) is ours; earlier is "already so"', () => {
    expect(verdictOf(found(sent + 5_000), sent).kind).toBe('succeeded');
    expect(verdictOf(found(sent - clockMarginMs), sent).kind).toBe('succeeded');
    expect(verdictOf(found(sent - clockMarginMs - 1000), sent)).toMatchObject({ kind: 'already', sinceMs: sent - clockMarginMs - 1000 });
  });
  it('absent or untouched is not done; unreadable state or time is unknown', () => {
    expect(verdictOf(null, sent).kind).toBe('not-done');
    expect(verdictOf(found(sent, false), sent).kind).toBe('not-done');
    expect(verdictOf(found(sent, null), sent).kind).toBe('unknown');
    expect(verdictOf(found(null), sent).kind).toBe('unknown');
    expect(verdictOf(found(sent), null).kind).toBe('unknown');
  });
});

describe('ERP times', () => {
  it("accepts 'yyyy-MM-dd HH:mm:ss' as China time and epoch milliseconds; nothing else", () => {
    expect(parseErpTime('2024-06-01 08:00:00')).toBe(Date.UTC(2024, 5, 1, 0, 0, 0));
    expect(parseErpTime(1676964121000)).toBe(1676964121000);
    expect(parseErpTime('1676964121000')).toBe(1676964121000);
    for (const bad of ['2024-02-31 00:00:00', '2024/06/01 08:00:00', '', 'x', 1676964121, null, undefined]) expect(parseErpTime(bad), String(bad)).toBeNull();
    expect(formatChinaTime(Date.UTC(2024, 5, 1, 0, 0, 0))).toBe('2024-06-01 08:00:00');
  });
});

describe('stock-in queries', () => {
  it('stock-in cancel: one windowed lookup by stockin_no; status 10 is 已取消, modified in epoch ms', () => {
    const calls = stockinReconcile.lookups('RK1', { start: '2026-11-01 00:00:00', end: '2026-11-25 00:00:00' });
    expect(calls).toEqual([{ args: [{ start_time: '2026-11-01 00:00:00', end_time: '2026-11-25 00:00:00', stockin_no: 'RK1' }] }]);
    const a = { status: 0, data: { order: [{ order_no: 'RK1', status: 10, modified: 1676964121000 }] } };
    expect(stockinReconcile.find(a, 'RK1')).toEqual({ no: 'RK1', effectShown: true, changedMs: 1676964121000 });
    expect(stockinReconcile.find({ status: 0, data: { order: [{ order_no: 'RK1', status: 20, modified: 1 }] } }, 'RK1')).toMatchObject({ effectShown: false });
  });
  it('other stock-in cancel: by number, then by its -1 document; status 80 is 已取消', () => {
    expect(otherInReconcile.lookups('QR1', { start: '', end: '' })).toEqual([{ args: [{ other_in_no: 'QR1' }] }, { args: [{ other_in_no: 'QR1-1' }] }]);
    expect(otherInReconcile.lookups('QR1-1', { start: '', end: '' })).toHaveLength(1);
    const a = { status: 0, data: { order: [{ other_in_no: 'QR1-1', status: 80, modified: '2024-06-01 10:00:00' }] } };
    expect(otherInReconcile.find(a, 'QR1')).toMatchObject({ no: 'QR1-1', effectShown: true });
    expect(otherInReconcile.find({ status: 0, data: { order: [] } }, 'QR1')).toBeNull();
  });
});
