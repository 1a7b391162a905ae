// buildArgs produces the request bodies the seed pages show.
import { describe, expect, it } from 'vitest';
import { getOperation } from '../../../shared/operations/catalog';
import { serializeArgs } from '../../../shared/operations/json-body';
import type { OrderDraft } from '../../../shared/operations/types';

const list = (...keys: string[]): OrderDraft[] => keys.map((key, i) => ({ key, rows: [i + 2], header: {}, lines: [] }));
const body = (id: string, orders: OrderDraft[], isCheck = false) => serializeArgs(getOperation(id)!.buildArgs(orders, { isCheck }));

describe('buildArgs', () => {
  it('createOrder: [orderInfo, detailList, is_check] as in the page example', () => {
    const order: OrderDraft = {
      key: '20230112002CGTK',
      rows: [2],
      header: { outer_no: '20230112002CGTK', warehouse_no: 'wdtapi3-test', provider_no: 'LJTest', ref_purchase_nos: ['RH23011110', 'RH22122901'] },
      lines: [{ defect: true, price: '10', num: '3', spec_no: 'xiaowanzi' }],
    };
    const sent = body('return-create', [order], true);
    const pageExample = `[{"warehouse_no":"wdtapi3-test","outer_no":"20230112002CGTK","ref_purchase_nos":["RH23011110","RH22122901"],"provider_no":"LJTest"},
      [{"defect":true,"price":10,"num":3,"spec_no":"xiaowanzi"}],true]`;
    expect(JSON.parse(sent)).toEqual(JSON.parse(pageExample));
    expect(sent).toContain('"num":3');
  });

  it('createOrder: decimals exact, the line remark under its API name, several lines', () => {
    const order: OrderDraft = {
      key: 'A1',
      rows: [2, 5],
      header: { outer_no: 'A1', warehouse_no: 'W', provider_no: 'P', post_fee: '100000000000000.0001', check_fail_cancel: 1, remark: 'order' },
      lines: [
        { spec_no: 'S1', num: '12.3456', tax_rate: '0.13', detail_remark: 'line', expire_date: '2027-01-01 00:00:00' },
        { spec_no: 'S2', num: '1' },
      ],
    };
    expect(body('return-create', [order])).toBe(
      '[{"outer_no":"A1","warehouse_no":"W","provider_no":"P","post_fee":100000000000000.0001,"remark":"order","check_fail_cancel":1},' +
        '[{"spec_no":"S1","num":12.3456,"tax_rate":0.13,"remark":"line","expire_date":"2027-01-01 00:00:00"},{"spec_no":"S2","num":1}],false]',
    );
  });

  it('createOrder: exactly one order per call', () => {
    const create = getOperation('return-create')!;
    expect(() => create.buildArgs([], { isCheck: false })).toThrow();
    expect(() => create.buildArgs(list('A', 'B'), { isCheck: false })).toThrow();
  });

  it('lists: [[no1, no2, …]] as in the pages', () => {
    expect(body('return-cancel', list('CR202211100001', 'CR202211100002', 'CR202211100003'))).toBe('[["CR202211100001","CR202211100002","CR202211100003"]]');
    expect(body('return-pending', list('xxx', 'CR202006290001', 'CR202006230007', 'CR202006190001'))).toBe('[["xxx","CR202006290001","CR202006230007","CR202006190001"]]');
    expect(body('other-in-cancel', list('QR3796', 'QR3795', 'QR3797'))).toBe('[["QR3796","QR3795","QR3797"]]');
  });

  it('lists: never empty, never over the limit', () => {
    const cancel = getOperation('return-cancel')!;
    expect(() => cancel.buildArgs([], { isCheck: false })).toThrow();
    expect(() => cancel.buildArgs(list(...Array.from({ length: 21 }, (_, i) => `CR${i}`)), { isCheck: false })).toThrow();
    expect(cancel.buildArgs(list(...Array.from({ length: 20 }, (_, i) => `CR${i}`)), { isCheck: false })[0]).toHaveLength(20);
  });

  it('stockin-cancel: one string argument', () => {
    expect(body('stockin-cancel', list('RK2006030008'))).toBe('["RK2006030008"]');
    expect(() => getOperation('stockin-cancel')!.buildArgs(list('A', 'B'), { isCheck: false })).toThrow();
  });
});
