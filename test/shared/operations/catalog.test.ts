import { describe, expect, it } from 'vitest';
import { getOperation, operations, perCallLimit } from '../../../shared/operations/catalog';
import { operationIds } from '../../../shared/operations/types';

describe('catalog', () => {
  it('holds every operation id once, each with its method', () => {
    expect(operations.map((op) => op.id).sort()).toEqual([...operationIds].sort());
    expect(Object.fromEntries(operations.map((op) => [op.id, op.method]))).toEqual({
      'return-create': 'purchase.PurchaseReturn.createOrder',
      'return-cancel': 'purchase.PurchaseReturn.batchCancelOrder',
      'return-pending': 'purchase.PurchaseReturn.pending',
      'other-in-cancel': 'wms.stockother.In.cancelOrder',
      'stockin-cancel': 'wms.stockin.Purchase.cancel',
    });
  });

  it('finds an operation by id or by method name', () => {
    expect(getOperation('return-cancel')?.method).toBe('purchase.PurchaseReturn.batchCancelOrder');
    expect(getOperation('purchase.PurchaseReturn.pending')?.id).toBe('return-pending');
    expect(getOperation(' WMS.STOCKIN.PURCHASE.CANCEL ')?.id).toBe('stockin-cancel');
    expect(getOperation('purchase.PurchaseReturn.queryWithDetail')).toBeUndefined();
  });

  it('has per-call limits from the pages, the setting lowering them, never below 1', () => {
    const limits = { otherInCancelPerCall: 100 };
    const limit = (id: string, l = limits) => perCallLimit(getOperation(id)!, l);
    expect(limit('return-create')).toBe(1);
    expect(limit('return-cancel')).toBe(20);
    expect(limit('return-pending')).toBe(500);
    expect(limit('stockin-cancel')).toBe(1);
    expect(limit('other-in-cancel')).toBe(100);
    expect(limit('other-in-cancel', { otherInCancelPerCall: 7.9 })).toBe(7);
    expect(limit('other-in-cancel', { otherInCancelPerCall: 0 })).toBeGreaterThanOrEqual(1);
    expect(limit('other-in-cancel', { otherInCancelPerCall: 1e9 })).toBe(1000);
    // The setting belongs to other-in-cancel only.
    expect(limit('return-cancel', { otherInCancelPerCall: 3 })).toBe(20);
  });

  it('gives every field both labels, a description, unique keys, and lengths from the page', () => {
    for (const op of operations) {
      const keys = op.fields.map((f) => f.key);
      expect(new Set(keys).size, op.id).toBe(keys.length);
      expect(keys, op.id).toContain(op.keyField);
      for (const f of op.fields) {
        expect(f.label['zh-CN'] && f.label.en && f.description['zh-CN'] && f.description.en, `${op.id}.${f.key}`).toBeTruthy();
      }
    }
    const create = getOperation('return-create')!;
    const max = Object.fromEntries(create.fields.map((f) => [f.key, f.maxLength]));
    expect(max).toMatchObject({ outer_no: 20, warehouse_no: 40, provider_no: 20, contact: 40, telno: 32, receive_address: 255, spec_no: 40, unit_name: 40, batch_no: 40, remark: 255, detail_remark: 255 });
    const required = create.fields.filter((f) => f.required).map((f) => f.key).sort();
    expect(required).toEqual(['num', 'outer_no', 'provider_no', 'spec_no', 'warehouse_no']);
  });

  it('validates normalised rows with rowSchema', () => {
    const create = getOperation('return-create')!;
    expect(create.rowSchema.safeParse({ outer_no: 'A1', spec_no: 'S', num: '3' }).success).toBe(true);
    expect(create.rowSchema.safeParse({ outer_no: 'A1', spec_no: 'S' }).success).toBe(false);
    expect(create.rowSchema.safeParse({ outer_no: 'A1', spec_no: 'S', num: '1.23456' }).success).toBe(false);
    expect(create.rowSchema.safeParse({ outer_no: 'A1'.repeat(11), spec_no: 'S', num: '1' }).success).toBe(false);
    expect(create.rowSchema.safeParse({ outer_no: 'A1', spec_no: 'S', num: '1', check_fail_cancel: 2 }).success).toBe(false);
    const cancel = getOperation('return-cancel')!;
    expect(cancel.rowSchema.safeParse({ returnNos: 'CR1' }).success).toBe(true);
    expect(cancel.rowSchema.safeParse({}).success).toBe(false);
  });
});
