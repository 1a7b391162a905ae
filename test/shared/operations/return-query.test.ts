import { describe, expect, it } from 'vitest';
import { buildQueryArgs, findReturn, queryResponseSchema, settleByQuery, type QueriedReturn } from '../../../shared/operations/return-query';
import { serializeArgs } from '../../../shared/operations/json-body';

const doc = (over: Partial<QueriedReturn>): QueriedReturn => ({ return_no: 'CR1', outer_no: 'A1', status: 20, stockout_status: 0, ...over });

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

  it('settles per wdt-protocol: create exists, cancel is status 10, pending is stockout_status 3', () => {
    expect(settleByQuery('create', 'A1', doc({}))).toBe('succeeded');
    expect(settleByQuery('create', 'A1', null)).toBe('not-done');
    expect(settleByQuery('cancel', 'CR1', doc({ status: 10 }))).toBe('succeeded');
    expect(settleByQuery('cancel', 'CR1', doc({ status: 30 }))).toBe('not-done');
    expect(settleByQuery('cancel', 'CR1', doc({ status: undefined }))).toBe('unknown');
    expect(settleByQuery('pending', 'CR1', doc({ stockout_status: 3 }))).toBe('succeeded');
    expect(settleByQuery('pending', 'CR1', doc({ stockout_status: 0 }))).toBe('not-done');
    expect(settleByQuery('pending', 'CR1', doc({ stockout_status: undefined }))).toBe('unknown');
    // A document that is not the one asked about settles nothing.
    expect(settleByQuery('cancel', 'CR9', doc({ status: 10 }))).toBe('unknown');
  });
});
