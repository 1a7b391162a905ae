import { describe, expect, it } from 'vitest';
import { getOperation } from '../../../shared/operations/catalog';
import { inferOperation, matchHeader, normaliseHeader, placeHeader, scoreHeaderRow } from '../../../shared/operations/headers';

describe('normaliseHeader', () => {
  it('ignores the noise clerks put in header cells', () => {
    const cases = [
      '外部单号', ' 外部单号 ', '外部 单号', '外部\u3000单号', '\u00a0外部单号\u200b', '*外部单号', '＊外部单号',
      '外部单号(必填)', '外部单号（必填）', '外部单号 (required)', '外部\n单号', '外部单号\r\n（必填）', '* 外部单号 *',
    ];
    for (const c of cases) expect(normaliseHeader(c), JSON.stringify(c)).toBe('外部单号');
    expect(normaliseHeader('OUTER_NO')).toBe('outer_no');
    expect(normaliseHeader('ｏｕｔｅｒ＿ｎｏ')).toBe('outer_no');
    expect(normaliseHeader('Return Nos (Required)')).toBe('returnnos');
  });
});

describe('matchHeader', () => {
  const create = getOperation('return-create')!;
  it('maps Chinese names, API names, English labels and variants to fields', () => {
    const expected: Record<string, string> = {
      外部单号: 'outer_no', outer_no: 'outer_no', '商家编码': 'spec_no', spec_no: 'spec_no', 退货数量: 'num', 数量: 'num', num: 'num',
      仓库编码: 'warehouse_no', warehouse_no: 'warehouse_no', 供应商编号: 'provider_no', provider_no: 'provider_no',
      'Unit price': 'price', 是否残次品: 'defect', 备注: 'remark', 明细备注: 'detail_remark', 有效期: 'expire_date',
    };
    for (const [header, key] of Object.entries(expected)) expect(matchHeader(create, header)?.key, header).toBe(key);
    expect(matchHeader(create, '不认识的列')).toBeUndefined();
    const cancel = getOperation('return-cancel')!;
    for (const h of ['采购退货单号', '退货单号', '单号', 'returnNos', 'return_no', '*采购退货单号（必填）']) expect(matchHeader(cancel, h)?.key, h).toBe('returnNos');
    const other = getOperation('other-in-cancel')!;
    for (const h of ['其他入库单号', '业务单号', 'order_no_list', 'order_no']) expect(matchHeader(other, h)?.key, h).toBe('order_no_list');
    const stockin = getOperation('stockin-cancel')!;
    for (const h of ['采购入库单号', '入库单号', 'stockin_no']) expect(matchHeader(stockin, h)?.key, h).toBe('stockin_no');
  });
});

describe('inferOperation', () => {
  it('recognises a create sheet by 外部单号 + 商家编码 + 退货数量', () => {
    expect(inferOperation(['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '我的备注'])).toEqual({
      operation: 'return-create',
      matched: ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量'],
    });
  });
  it('recognises the list sheets that are unambiguous', () => {
    expect(inferOperation(['采购入库单号'])).toEqual({ operation: 'stockin-cancel', matched: ['采购入库单号'] });
    expect(inferOperation(['序号', '其他入库单号'])).toEqual({ operation: 'other-in-cancel', matched: ['其他入库单号'] });
    expect(inferOperation(['业务单号'])).toMatchObject({ operation: 'other-in-cancel' });
    expect(inferOperation(['returnNos'])).toMatchObject({ operation: 'return-cancel' });
    expect(inferOperation(['purchaseReturnNos'])).toMatchObject({ operation: 'return-pending' });
  });
  it('leaves 采购退货单号 alone to the person (cancel or pending)', () => {
    expect(inferOperation(['采购退货单号'])).toEqual({ ambiguous: ['return-cancel', 'return-pending'] });
  });
  it('returns null when nothing fits (a create sheet missing its quantity is not a create)', () => {
    expect(inferOperation(['外部单号', '商家编码'])).toBeNull();
    expect(inferOperation(['姓名', '电话'])).toBeNull();
    expect(inferOperation([])).toBeNull();
  });
});

describe('scoreHeaderRow', () => {
  it('counts cells that look like known headers', () => {
    expect(scoreHeaderRow(['采购退货单批量取消表', '', ''])).toBe(0);
    expect(scoreHeaderRow(['*外部单号', '商家编码', '退货数量', '说明'])).toBe(3);
    expect(scoreHeaderRow(['CR2022', '3', 'xiaowanzi'])).toBe(0);
  });
});

describe('placeHeader: a unit in brackets (issue 14, item 1)', () => {
  const create = getOperation('return-create')!;
  it('names the field when the unit fits it, and marks a % unit', () => {
    const cases: [string, string, boolean][] = [
      ['单价（元）', 'price', false], ['单价(元)', 'price', false], ['单价 (元/件)', 'price', false], ['单价（￥）', 'price', false],
      ['数量(件)', 'num', false], ['退货数量（箱）', 'num', false], ['税率（%）', 'tax_rate', true], ['税率(％)', 'tax_rate', true],
      ['折扣(%)', 'discount', true], ['*税率（%）（必填）', 'tax_rate', true], ['税率', 'tax_rate', false], ['邮费(元)', 'post_fee', false],
    ];
    for (const [header, key, percent] of cases) expect(placeHeader(create, header), header).toMatchObject({ field: { key }, percent });
  });
  it('places no field when the bracket is no unit of it: the column is listed as not sent instead', () => {
    for (const header of ['单价(含税)', '单价(%)', '税率(元)', '外部单号(元)', '数量(百分比)', '备注(内部)']) expect(placeHeader(create, header), header).toBeUndefined();
  });
});
