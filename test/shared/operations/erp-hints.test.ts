// Issue 12 item 7: the vendor's known messages get a hint a clerk can act on, in zh-CN and en; any other
// message gets none (no guessing). The ERP's own words are never changed by this.
import { describe, expect, it } from 'vitest';
import { render, t } from '../../../shared/i18n';
import { hintFor } from '../../../shared/operations/erp-hints';

// Every message wdt-protocol.md lists for the purchasing methods, plus the ones the brief names, as the ERP words them.
const known: [string, string][] = [
  ['此外部单已使用!', 'hints.outerNoUsed'],
  ['折扣应大于0', 'hints.discountZero'],
  ['数量不合法', 'hints.quantityInvalid'],
  ['货品 SKU-A 重复!', 'hints.itemRepeated'],
  ['货品列表中有相同商家编码的货品！', 'hints.sameItemList'],
  ['电话号码不能包含*', 'hints.phoneAsterisk'],
  ['存在不是该供应商提供的货品', 'hints.notSupplierItem'],
  ['批次 B2024-01 不存在或已停用', 'hints.batchMissing'],
  ['非销售出、入库单批次、有效期必传', 'hints.batchExpiryRequired'],
  ['Unparseable date: 2023/02/06 17:59:19', 'hints.unparseableDate'],
  ["Data truncation: Data too long for column 'remark' at row 1", 'hints.dataTooLong'],
  ['采购退货单不存在', 'hints.returnMissing'],
  ['采购退货单号不存在', 'hints.returnMissing'],
  ['单据不存在', 'hints.documentMissing'],
  ['仓库不存在', 'hints.warehouseMissing'],
  ['无仓库访问权限', 'hints.noWarehouseRight'],
  ['权限不足', 'hints.methodNotGranted'],
  ['入库单状态不为编辑中', 'hints.stockinNotEditing'],
  ['采购退货单不是待审核或者编辑中状态', 'hints.returnNotCancellable'],
  // more from the vendor's error-code page
  ['货品列表中有相同商家编码、货位、批次、有效期的货品', 'hints.sameItemSameBatch'],
  ['货品列表中货品不存在或者货品重复!', 'hints.itemMissingOrRepeated'],
  ['外部单号超长', 'hints.outerNoTooLong'],
];

describe('hintFor', () => {
  it.each(known)('%s → %s, in both languages', (message, key) => {
    const hint = hintFor(message);
    expect(hint?.key).toBe(key);
    if (!hint) return;
    const zh = render('zh-CN', hint);
    const en = render('en', hint);
    expect(zh).not.toBe(en);
    // Every placeholder is filled (an unfilled {name} would show in the text).
    expect(zh).not.toMatch(/\{\w+\}/);
    expect(en).not.toMatch(/\{\w+\}/);
    expect(/[\u4e00-\u9fff]/.test(zh)).toBe(true);
  });

  it('names the item, the batch and the ERP column it read from the message', () => {
    expect(render('zh-CN', hintFor('货品 SKU-A 重复!')!)).toContain('货品 SKU-A 在同一张单据里');
    expect(render('en', hintFor('货品 SKU-A 重复!')!)).toContain('Item SKU-A appears');
    expect(hintFor('批次 B2024-01 不存在或已停用')).toEqual({ key: 'hints.batchMissing', params: { batch: 'B2024-01' } });
    expect(hintFor("Data truncation: Data too long for column 'remark' at row 1")).toEqual({ key: 'hints.dataTooLong', params: { column: 'remark' } });
  });

  it('surrounding spaces do not matter', () => {
    expect(hintFor('  仓库不存在  ')?.key).toBe('hints.warehouseMissing');
  });

  it.each([
    '系统繁忙',
    '新建订单权限不足！', // an employee-rights message, not the method grant
    'something went wrong',
    '数据库错误',
    '',
  ])('no hint for a message it does not know: %j', (message) => {
    expect(hintFor(message)).toBeNull();
  });

  it('no hint for no message', () => {
    expect(hintFor(null)).toBeNull();
    expect(hintFor(undefined)).toBeNull();
  });

  it('the hints read as actions in both languages', () => {
    expect(t('zh-CN', 'hints.discountZero')).toContain('填 1');
    expect(t('en', 'hints.discountZero')).toContain('type 1');
  });
});
