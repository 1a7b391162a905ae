// The catalog's behaviour, asked of every operation it holds (so a new method is tested by being added):
// ids and methods name one operation each, a template's headers name the operation it was made for,
// per-call limits stay within the method's, options are declared where the request carries them.
import { describe, expect, it } from 'vitest';
import { addOperation, getOperation, isOperationId, operationIdSchema, operationIds, operations, perCallLimit } from '../../../shared/operations/catalog';
import { inferOperation } from '../../../shared/operations/headers';
import { defineListOperation } from '../../../shared/operations/list-operation';
import { field, msg } from '../../../shared/operations/field-kit';
import { takesOption, type OperationDef } from '../../../shared/operations/types';
import { templateLayout } from '../../../main/sheets/templates/template-layout';

describe('the catalog', () => {
  it('names every operation once by id and once by method, and derives its ids from the operations', () => {
    const ids = operations.map((op) => op.id);
    const methods = operations.map((op) => op.method.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(methods).size).toBe(methods.length);
    expect(operationIds()).toEqual(ids);
    for (const id of ids) expect(isOperationId(id) && operationIdSchema.safeParse(id).success, id).toBe(true);
    expect(operationIdSchema.safeParse('return-delete').success).toBe(false);
  });

  it('finds each operation by id or method name, whatever the case and surrounding spaces', () => {
    for (const op of operations) {
      expect(getOperation(op.id)).toBe(op);
      expect(getOperation(op.method)).toBe(op);
      expect(getOperation(`  ${op.method.toUpperCase()} `)).toBe(op);
    }
    // A query the app only reads with is not an operation.
    expect(getOperation('purchase.PurchaseReturn.queryWithDetail')).toBeUndefined();
  });

  it('infers each operation from its own template headers (or offers it among the equally fitting), and from its API names', () => {
    for (const op of operations) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const got = inferOperation(templateLayout(op, lang).map((c) => c.header));
        if (got && 'ambiguous' in got) expect(got.ambiguous, `${op.id} ${lang}`).toContain(op.id);
        else expect(got?.operation, `${op.id} ${lang}`).toBe(op.id);
      }
      // The signature fields under their API names name exactly this operation.
      expect(inferOperation([...op.signature]), op.id).toMatchObject({ operation: op.id });
      for (const key of op.signature) expect(op.fields.map((f) => f.key), op.id).toContain(key);
    }
  });

  it('keeps every per-call limit within the method, at least 1, lowered only by the method’s own setting', () => {
    for (const op of operations) {
      const { max, setting } = op.perCall;
      expect(max, op.id).toBeGreaterThanOrEqual(1);
      for (const value of [0, -3, Number.NaN, 0.5, 1, 7.9, 3, max + 10, 1e9]) {
        const limit = perCallLimit(op, { otherInCancelPerCall: value });
        expect(limit, `${op.id} ${value}`).toBeGreaterThanOrEqual(1);
        expect(limit, `${op.id} ${value}`).toBeLessThanOrEqual(max);
        if (!setting) expect(limit, `${op.id} ${value}`).toBe(max);
        else if (value >= 1 && value <= max) expect(limit, `${op.id} ${value}`).toBe(Math.floor(value));
      }
    }
  });

  it('puts the options an operation declares into its request, and no others', () => {
    for (const op of operations) {
      const order = { key: 'K1', rows: [2], header: {}, lines: [] };
      const off = JSON.stringify(op.buildArgs([order], { isCheck: false }));
      const on = JSON.stringify(op.buildArgs([order], { isCheck: true }));
      // is_check travels only where the operation says it takes it.
      expect(on !== off, op.id).toBe(takesOption(op, 'isCheck'));
      for (const o of op.options ?? []) expect(o.label['zh-CN'] && o.label.en && o.apiName, `${op.id} ${o.key}`).toBeTruthy();
    }
  });

  it('gives every field both labels, a description and a unique key, the key field among them', () => {
    for (const op of operations) {
      const keys = op.fields.map((f) => f.key);
      expect(new Set(keys).size, op.id).toBe(keys.length);
      expect(keys, op.id).toContain(op.keyField);
      for (const f of op.fields) expect(f.label['zh-CN'] && f.label.en && f.description['zh-CN'] && f.description.en, `${op.id}.${f.key}`).toBeTruthy();
    }
  });
});

describe('adding an operation (the seam for tests and the walkthrough)', () => {
  const fake = (): OperationDef<string> =>
    defineListOperation({
      id: 'fake-seal',
      method: 'test.Fake.seal',
      label: msg('封存测试单', 'Seal test documents'),
      description: msg('测试用', 'For tests'),
      keyDef: field({ key: 'seal_no', label: msg('封存单号', 'Seal no.'), aliases: [], type: 'id', required: true, description: msg('单号', 'Number') }),
      perCall: { max: 3 },
      argument: 'list',
      outcomes: (_answer, keys) => keys.map((key) => ({ key, state: 'succeeded' as const })),
    });

  it('is seen by lookup, inference and the id schema while added, and gone once disposed', () => {
    const remove = addOperation(fake());
    try {
      expect(getOperation('fake-seal')?.method).toBe('test.Fake.seal');
      expect(getOperation('TEST.FAKE.SEAL')?.id).toBe('fake-seal');
      expect(inferOperation(['*封存单号'])).toEqual({ operation: 'fake-seal', matched: ['*封存单号'] });
      expect(operationIdSchema.safeParse('fake-seal').success).toBe(true);
      expect(() => addOperation(fake())).toThrow(/already/);
    } finally {
      remove();
    }
    expect(getOperation('fake-seal')).toBeUndefined();
    expect(inferOperation(['封存单号'])).toBeNull();
    expect(operationIdSchema.safeParse('fake-seal').success).toBe(false);
  });
});
