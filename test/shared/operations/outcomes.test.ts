// Every documented example answer of the seed pages, through outcomes().
import { describe, expect, it } from 'vitest';
import { getOperation } from '../../../shared/operations/catalog';
import type { ErpAnswer, OperationDef } from '../../../shared/operations/types';

const op = (id: string): OperationDef => getOperation(id)!;

describe('createOrder outcomes', () => {
  const create = op('return-create');
  it('status 0 + data.status 0: succeeded, the ERP number from data.message (seed 6.1)', () => {
    const answer = { status: 0, data: { message: 'RH8723238', status: 0 } };
    expect(create.outcomes(answer, ['20230112002CGTK'])).toEqual([{ key: '20230112002CGTK', state: 'succeeded', erpNo: 'RH8723238' }]);
  });
  it('top-level status 100: failed with the ERP reason verbatim (seed 6.2)', () => {
    expect(create.outcomes({ status: 100, message: '仓库不存在' }, ['A1'])).toEqual([{ key: 'A1', state: 'failed', message: '仓库不存在' }]);
  });
  it('data.status 20: created but the check failed — succeeded, says 审核失败 and why, erpNo is the outer_no', () => {
    const [o] = create.outcomes({ status: 0, data: { status: 20, message: '库存不足' } }, ['A1']);
    expect(o).toMatchObject({ key: 'A1', state: 'succeeded', erpNo: 'A1', text: { key: 'operations.outcome.checkFailed', params: { reason: '库存不足' } } });
    expect(o?.message).toContain('审核失败');
    expect(o?.message).toContain('库存不足');
  });
  it('data.message OK (the page field table) or any non-number: the outer_no is recorded as the return number', () => {
    for (const message of ['OK', 'ok', 'success', '成功', '', undefined]) {
      expect(create.outcomes({ status: 0, data: { status: 0, message } }, ['OUTER-A'])[0], String(message)).toEqual({ key: 'OUTER-A', state: 'succeeded', erpNo: 'OUTER-A' });
    }
  });
  it('data.status 20 with check_fail_cancel 1: the ERP cancelled the return — failed with the check reason', () => {
    const draft = (cancel: number) => [{ key: 'A1', rows: [2], header: { check_fail_cancel: cancel }, lines: [] }];
    const [cancelled] = create.outcomes({ status: 0, data: { status: 20, message: '库存不足' } }, ['A1'], draft(1));
    expect(cancelled).toEqual({ key: 'A1', state: 'failed', message: '库存不足', note: { key: 'operations.outcome.checkFailedCancelled' } });
    const [kept] = create.outcomes({ status: 0, data: { status: 20, message: '库存不足' } }, ['A1'], draft(0));
    expect(kept).toMatchObject({ state: 'succeeded', erpNo: 'A1' });
  });
  it('numbers as strings are read the same', () => {
    expect(create.outcomes({ status: 0, data: { message: 'RH1', status: '0' } }, ['A1'])[0]?.state).toBe('succeeded');
  });
  it('an answer whose data does not parse, or an unknown data.status: unknown, never a throw', () => {
    for (const data of [undefined, null, 'OK', { message: 'x' }, { status: 'x' }, []]) {
      expect(create.outcomes({ status: 0, data }, ['A1'])[0]?.state, JSON.stringify(data)).toBe('unknown');
    }
    expect(create.outcomes({ status: 0, data: { status: 30, message: '?' } }, ['A1'])[0]).toMatchObject({ state: 'unknown', text: { key: 'operations.outcome.unexpectedStatus' } });
  });
  it('a refusal without a reason still says something', () => {
    const [o] = create.outcomes({ status: 100 }, ['A1']);
    expect(o?.state).toBe('failed');
    expect(o?.message).toContain('100');
  });
});

describe('batchCancelOrder and pending outcomes', () => {
  const cancel = op('return-cancel');
  const pending = op('return-pending');
  it('failures from data.error_info, every other number succeeded (batchCancelOrder seed 6.1)', () => {
    const answer: ErpAnswer = {
      status: 0,
      data: {
        error_info: [
          { order_no: '23', message: '采购退货单号不存在' },
          { order_no: '412412', message: '采购退货单号不存在' },
          { order_no: 'CR202211100001', message: '采购退货单不是待审核或者编辑中状态' },
        ],
        error_num: 3,
        status: 0,
      },
    };
    expect(cancel.outcomes(answer, ['CR202211100001', 'CR202211100002', '23', '412412'])).toEqual([
      { key: 'CR202211100001', state: 'failed', message: '采购退货单不是待审核或者编辑中状态' },
      { key: 'CR202211100002', state: 'succeeded' },
      { key: '23', state: 'failed', message: '采购退货单号不存在' },
      { key: '412412', state: 'failed', message: '采购退货单号不存在' },
    ]);
  });
  it('order_no given as a number still matches', () => {
    const answer = { status: 0, data: { error_info: [{ order_no: 23, message: '不存在' }], status: 0 } };
    expect(cancel.outcomes(answer, ['23'])[0]?.state).toBe('failed');
  });
  it('whole-call refusal: every key failed with the message (batchCancelOrder seed 6.2)', () => {
    const answer = { status: 100, message: '采购退货单号每次调用不得超过20条或为空' };
    expect(cancel.outcomes(answer, ['A', 'B'])).toEqual([
      { key: 'A', state: 'failed', message: '采购退货单号每次调用不得超过20条或为空' },
      { key: 'B', state: 'failed', message: '采购退货单号每次调用不得超过20条或为空' },
    ]);
  });
  it('pending: all succeeded (seed 6.1) and listed failures (seed 6.2)', () => {
    const keys = ['xxx', 'CR202006290001', 'CR202006230007', 'CR202006190001'];
    expect(pending.outcomes({ status: 0, data: { error_info: [], status: 0 } }, keys).map((o) => o.state)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    const answer = {
      status: 0,
      data: { error_info: [{ order_no: 'xxxxxxx', message: '采购退货单号不存在' }, { order_no: 'lskdjlkjklj', message: '采购退货单号不存在' }], status: 0 },
    };
    expect(pending.outcomes(answer, ['xxxxxxx', 'lskdjlkjklj', 'CR1'])).toEqual([
      { key: 'xxxxxxx', state: 'failed', message: '采购退货单号不存在' },
      { key: 'lskdjlkjklj', state: 'failed', message: '采购退货单号不存在' },
      { key: 'CR1', state: 'succeeded' },
    ]);
  });
  it('unreadable data, or a failing data.status naming no order: every key unknown', () => {
    expect(pending.outcomes({ status: 0, data: { error_info: 'boom' } }, ['A', 'B']).map((o) => o.state)).toEqual(['unknown', 'unknown']);
    expect(pending.outcomes({ status: 0 }, ['A']).map((o) => o.state)).toEqual(['unknown']);
    expect(cancel.outcomes({ status: 0, data: { error_info: [], status: 1 } }, ['A']).map((o) => o.state)).toEqual(['unknown']);
  });
});

describe('other-in-cancel outcomes', () => {
  const other = op('other-in-cancel');
  it('success_data and error_data (seed 6.1)', () => {
    const answer = {
      status: 0,
      data: { success_data: ['QR3796', 'QR3795'], error_data: [{ order_no: 'QR3797', err_msg: '单据状态不是编辑中、待审核、已审核，不允许取消' }] },
    };
    expect(other.outcomes(answer, ['QR3796', 'QR3795', 'QR3797'])).toEqual([
      { key: 'QR3796', state: 'succeeded' },
      { key: 'QR3795', state: 'succeeded' },
      { key: 'QR3797', state: 'failed', message: '单据状态不是编辑中、待审核、已审核，不允许取消' },
    ]);
  });
  it('a number given without -1 that comes back as X-1 in success_data is that key’s success', () => {
    const answer = { status: 0, data: { success_data: ['QR1-1'], error_data: [{ order_no: 'QR2-1', err_msg: '已取消' }] } };
    expect(other.outcomes(answer, ['QR1', 'QR2'])).toEqual([
      { key: 'QR1', state: 'succeeded', erpNo: 'QR1-1' },
      { key: 'QR2', state: 'failed', message: '已取消' },
    ]);
  });
  it('a key in neither list is unknown; a refusal fails every key; unreadable data is unknown', () => {
    const [o] = other.outcomes({ status: 0, data: { success_data: [], error_data: [] } }, ['QR9']);
    expect(o).toMatchObject({ key: 'QR9', state: 'unknown', text: { key: 'operations.outcome.notListed' } });
    expect(other.outcomes({ status: 100, message: '超过每分钟最大调用频率限制，请稍后重试' }, ['A'])[0]).toEqual({ key: 'A', state: 'failed', message: '超过每分钟最大调用频率限制，请稍后重试' });
    expect(other.outcomes({ status: 0, data: { success_data: 'QR1' } }, ['QR1'])[0]?.state).toBe('unknown');
  });
});

describe('stockin-cancel outcomes', () => {
  const stockin = op('stockin-cancel');
  it('status 0 succeeded (seed 6.1), status 100 failed with the message (seed 6.2)', () => {
    expect(stockin.outcomes({ status: 0 }, ['RK2006030008'])).toEqual([{ key: 'RK2006030008', state: 'succeeded' }]);
    expect(stockin.outcomes({ status: 100, message: '入库单状态不为编辑中' }, ['RK2006030008'])).toEqual([
      { key: 'RK2006030008', state: 'failed', message: '入库单状态不为编辑中' },
    ]);
  });
});
