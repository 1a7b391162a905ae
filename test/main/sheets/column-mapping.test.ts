// Issue 16 item 1: column mappings. A header set's fingerprint ignores header noise; a mapping places columns
// the catalog cannot (and sets some aside, still kept in the rows); a saved mapping is applied to the same
// headers next time; a required field left without a column is a clear problem on every row.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../../shared/i18n';
import { getOperation } from '../../../shared/operations/catalog';
import { headerFingerprint } from '../../../shared/operations/headers';
import { buildMapping, MappingStore } from '../../../main/profiles/mappings';
import { readSheet, readSheetInProcess } from '../../../main/sheets/read/reader';
import { tempDir, writeXlsx } from './fixtures';

const dir = tempDir();
const workerPath = path.resolve(import.meta.dirname, '../../../out/node/read-worker.cjs');
const cancel = getOperation('return-cancel')!;

async function unknownBook(name: string, headers: string[]): Promise<string> {
  return writeXlsx(path.join(dir, name), [{ name: '清单', rows: [headers, ['CR-1', '不要了', 'x'], ['CR-2', '', 'y']] }]);
}

describe('headerFingerprint', () => {
  it('is the same under stars, (必填), full width, spaces, line breaks and column order; differs for another set', () => {
    const plain = headerFingerprint(['退货单据', '说明', 'abc']);
    expect(headerFingerprint(['*退货单据（必填）', ' 说 明\n', 'ＡＢＣ'])).toBe(plain);
    expect(headerFingerprint(['ABC', '', '退货单据', '说明', '说明'])).toBe(plain);
    expect(headerFingerprint(['退货单据', '说明'])).not.toBe(plain);
    expect(headerFingerprint(['退货单据', '说明', 'abd'])).not.toBe(plain);
  });
});

describe('reading with a column mapping', () => {
  it('unknown headers: no operation is guessed; with one chosen, every column and the required field wait for the mapping step', async () => {
    const file = await unknownBook('unknown.xlsx', ['退货单据', '说明', '其他']);
    const none = await readSheetInProcess(file);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.code).toBe('OPERATION_UNKNOWN');

    const read = await readSheetInProcess(file, { operation: 'return-cancel' });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.headerRow).toBe(1);
    expect(read.value.mapping).toBeNull();
    expect(read.value.unmapped).toEqual({ columns: ['退货单据', '说明', '其他'], fields: ['returnNos'] });
    // The required field without a column is a problem on each row, naming the column to add.
    expect([...read.value.rows].map((r) => r.disposition.kind)).toEqual(['invalid', 'invalid']);
    const problem = read.value.rows.at(0)!.problems[0]!;
    expect(problem).toMatchObject({ row: 2, field: 'returnNos', column: '采购退货单号' });
    expect(render('zh-CN', problem.text)).toContain('采购退货单号');
  });

  it('a chosen mapping places the columns, sets one aside (kept in every row) and settles the operation', async () => {
    const file = await unknownBook('mapped.xlsx', ['退货单据', '说明', '其他']);
    const mapping = { operation: 'return-cancel' as const, source: 'chosen' as const, columns: { 退货单据: 'returnNos', 说明: null } };
    for (const read of [await readSheetInProcess(file, { mapping }), await readSheet(file, { workerPath, mapping })]) {
      if (!read.ok) throw new Error(read.error.message);
      const sheet = read.value;
      expect(sheet.operation).toBe('return-cancel');
      expect(sheet.columns.map((c) => c.field)).toEqual(['returnNos', null, null]);
      expect(sheet.mapping).toMatchObject({ source: 'chosen', operation: 'return-cancel', fingerprint: headerFingerprint(['退货单据', '说明', '其他']) });
      // 说明 was set aside on purpose; 其他 was never placed and still waits for a choice.
      expect(sheet.unmapped).toEqual({ columns: ['其他'], fields: [] });
      expect(sheet.ignoredColumns).toEqual(['说明', '其他']);
      expect([...sheet.rows].map((r) => [r.disposition.kind, r.values.returnNos, r.cells[1]])).toEqual([
        ['valid', 'CR-1', '不要了'],
        ['valid', 'CR-2', ''],
      ]);
    }
  });

  it('a mapping that leaves the required field without a column: every row says which column is missing', async () => {
    const file = await unknownBook('left-out.xlsx', ['退货单据', '说明', '其他']);
    const read = await readSheetInProcess(file, { mapping: { operation: 'return-cancel', source: 'file', columns: { 退货单据: null, 说明: null, 其他: null } } });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.unmapped).toEqual({ columns: [], fields: ['returnNos'] });
    expect([...read.value.rows].every((r) => r.disposition.kind === 'invalid' && r.problems.some((p) => p.field === 'returnNos'))).toBe(true);
  });

  it('a saved mapping is applied to the same header set written with noise, and names itself as the reason', async () => {
    const saved = [{ operation: 'return-cancel' as const, fingerprint: headerFingerprint(['退货单据', '说明', '其他']), columns: { 退货单据: 'returnNos', 说明: null, 其他: null } }];
    const file = await unknownBook('noisy.xlsx', ['*退货单据(必填)', '说 明', '其他 ']);
    const read = await readSheetInProcess(file, { savedMappings: saved });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.operation).toBe('return-cancel');
    expect(read.value.operationReason.key).toBe('mapping.reason');
    expect(read.value.mapping?.source).toBe('saved');
    expect(read.value.unmapped).toEqual({ columns: [], fields: [] });
    expect([...read.value.rows].every((r) => r.disposition.kind === 'valid')).toBe(true);
    // Another header set is not touched by it.
    const other = await unknownBook('other.xlsx', ['退货单据', '说明']);
    const plain = await readSheetInProcess(other, { savedMappings: saved });
    expect(plain.ok).toBe(false);
  });
});

describe('buildMapping and the saved mappings in the settings file', () => {
  it('refuses a field that is not the operation’s and a field given two columns', () => {
    const unknown = buildMapping(cancel, [{ header: 'A', field: 'nope' }], 'en');
    expect(unknown.ok ? null : unknown.error).toMatchObject({ key: 'A', reason: expect.stringContaining('returnNos') });
    const twice = buildMapping(cancel, [{ header: 'A', field: 'returnNos' }, { header: 'B', field: 'returnNos' }], 'en');
    expect(twice.ok ? null : twice.error).toMatchObject({ key: 'B', reason: expect.stringContaining('"A"') });
    const fine = buildMapping(cancel, [{ header: ' *A ', field: 'returnNos' }, { header: 'B', field: null }], 'en');
    expect(fine.ok && fine.value.columns).toEqual({ a: 'returnNos', b: null });
  });

  it('saves one mapping per operation and header set, keeps the file’s other keys and entries it cannot read, removes by fingerprint', async () => {
    const file = path.join(tempDir(), 'settings.json');
    const profile = { name: 'p1', environment: 'test', baseUrl: 'http://127.0.0.1:1', sid: 's', appkey: 'k', limits: { concurrency: 1, callsPerMinute: 0, otherInCancelPerCall: 1, timeoutSeconds: 5 } };
    writeFileSync(file, JSON.stringify({ version: 1, profiles: [profile], other: { kept: true }, columnMappings: [{ hand: 'edited' }] }));
    const store = new MappingStore({ file, lang: () => 'zh-CN', now: () => new Date('2026-11-25T12:00:00Z') });
    const first = await store.save({ operation: 'return-cancel', columns: { a: 'returnNos' } }, ['A', 'B']);
    await store.save({ operation: 'return-cancel', columns: { a: null, b: 'returnNos' } }, ['b', 'a']);
    await store.save({ operation: 'return-pending', columns: { a: 'returnNos' } }, ['A', 'B']);
    const list = await store.list();
    if (!list.ok || !first.ok) throw new Error('list');
    expect(list.value.map((m) => [m.operation, m.fingerprint, m.columns])).toEqual([
      ['return-cancel', first.value.fingerprint, { a: null, b: 'returnNos' }],
      ['return-pending', first.value.fingerprint, { a: 'returnNos' }],
    ]);
    expect(list.value[0]!.savedAt).toBe('2026-11-25T12:00:00.000Z');
    expect(await store.remove('return-cancel', first.value.fingerprint)).toEqual({ ok: true, value: true });
    expect(await store.remove('return-cancel', first.value.fingerprint)).toEqual({ ok: true, value: false });
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(raw.other).toEqual({ kept: true });
    expect((raw.profiles as unknown[]).length).toBe(1);
    expect(raw.columnMappings).toEqual([{ hand: 'edited' }, expect.objectContaining({ operation: 'return-pending' })]);
  });
});
