// Issue 16 item 1 at the CLI: `--mapping map.json` (zod-checked; every refusal names the file and the key),
// saved mappings honoured without it, `validate --json`'s mapping shape, and a submit whose set-aside column
// still reaches the results workbook. In-process through main(), against the built-in sandbox.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { headerFingerprint } from '../../../shared/operations/headers';
import { MappingStore } from '../../../main/profiles/mappings';
import { writeXlsx } from '../sheets/fixtures';
import { bulkReturn, cleanEnv, json, readBook, runCliInProcess, sheetNames, tempDir, type SubmitJson } from './helpers';

const tmp = tempDir('wdt-cli-mapping-');
const home = path.join(tmp.dir, 'home');
const env = cleanEnv({ WDT_BULK_HOME: home });
const cli = (args: string[]) => runCliInProcess(args, { env, cwd: tmp.dir });
afterAll(() => tmp.cleanup());

const headers = ['退货单据', '说明'];
const book = (name: string, numbers: string[]) =>
  writeXlsx(path.join(tmp.dir, name), [{ name: '清单', rows: [headers, ...numbers.map((n, i) => [n, `备注${i}`])] }]);
const mapFile = (name: string, body: unknown) => {
  writeFileSync(path.join(tmp.dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return name;
};
const goodMap = { operation: 'return-cancel', columns: { 退货单据: 'returnNos', 说明: null } };

interface ValidateJson {
  operation: string;
  counts: Record<string, number>;
  fingerprint: string;
  mapping: { source: string; operation: string; fingerprint: string; columns: Record<string, string | null> } | null;
  unmapped: { columns: string[]; fields: string[] };
  ignoredColumns: string[];
}

describe('wdt-bulk validate --mapping', () => {
  it('applies the file: operation, columns, and the --json mapping shape', async () => {
    await book('unknown.xlsx', ['CR-1', 'CR-2']);
    const without = await cli(['validate', 'unknown.xlsx', '--json']);
    expect(without.code).toBe(2);
    expect(json<{ error: { code: string } }>(without).error.code).toBe('OPERATION_UNKNOWN');

    const run = await cli(['validate', 'unknown.xlsx', '--mapping', mapFile('map.json', goodMap), '--json']);
    expect(run.code, run.stdout).toBe(0);
    const body = json<ValidateJson>(run);
    expect(body).toMatchObject({ operation: 'return-cancel', counts: { valid: 2, invalid: 0 }, ignoredColumns: ['说明'], unmapped: { columns: [], fields: [] } });
    expect(body.mapping).toEqual({ source: 'file', operation: 'return-cancel', fingerprint: headerFingerprint(headers), columns: { 退货单据: 'returnNos', 说明: null } });
    expect(body.fingerprint).toBe(headerFingerprint(headers));

    const prose = await cli(['validate', 'unknown.xlsx', '--mapping', 'map.json', '--lang', 'en']);
    expect(prose.stdout).toContain('Column mapping: mapping file (2 columns)');
  });

  it('refuses a bad file naming the file and the key; --op must agree with it', async () => {
    await book('refused.xlsx', ['CR-1']);
    const cases: [string, unknown, string][] = [
      ['broken.json', '{ "operation": ', 'broken.json'],
      ['field.json', { operation: 'return-cancel', columns: { 退货单据: 'return_no' } }, 'columns.退货单据'],
      ['op.json', { operation: 'cancel-everything', columns: {} }, '"operation"'],
      ['extra.json', { operation: 'return-cancel', columns: {}, sheet: 'x' }, '"sheet"'],
      ['shape.json', { operation: 'return-cancel', columns: { 退货单据: 3 } }, 'columns.退货单据'],
      ['twice.json', { operation: 'return-cancel', columns: { 退货单据: 'returnNos', 说明: 'returnNos' } }, 'columns.说明'],
    ];
    for (const [name, body, key] of cases) {
      const run = await cli(['validate', 'refused.xlsx', '--mapping', mapFile(name, body), '--json', '--lang', 'en']);
      expect(run.code, name).toBe(2);
      const error = json<{ error: { code: string; message: string } }>(run).error;
      expect(error.code, name).toBe('INVALID_ARGUMENT');
      expect(error.message, name).toContain(name);
      expect(error.message, name).toContain(key);
    }
    const missing = await cli(['validate', 'refused.xlsx', '--mapping', 'no-such.json', '--json']);
    expect(json<{ error: { message: string } }>(missing).error.message).toContain('no-such.json');
    const conflict = await cli(['validate', 'refused.xlsx', '--mapping', 'map.json', '--op', 'return-pending', '--json', '--lang', 'en']);
    expect(conflict.code).toBe(2);
    expect(json<{ error: { message: string } }>(conflict).error.message).toContain('--op return-pending');
  });

  it('a mapping saved in settings is honoured without --mapping, and --json says so', async () => {
    await book('saved.xlsx', ['CR-3']);
    const store = new MappingStore({ file: path.join(home, 'settings.json'), lang: () => 'zh-CN' });
    const saved = await store.save({ operation: 'return-cancel', columns: { 退货单据: 'returnNos', 说明: null } }, headers);
    expect(saved.ok).toBe(true);
    const run = await cli(['validate', 'saved.xlsx', '--json']);
    expect(run.code, run.stdout).toBe(0);
    expect(json<ValidateJson>(run).mapping).toMatchObject({ source: 'saved', operation: 'return-cancel' });
    // A file given now wins over the saved one.
    const given = await cli(['validate', 'saved.xlsx', '--mapping', 'map.json', '--json']);
    expect(json<ValidateJson>(given).mapping?.source).toBe('file');
    expect(await store.remove('return-cancel', headerFingerprint(headers))).toEqual({ ok: true, value: true });
    expect((await cli(['validate', 'saved.xlsx', '--json'])).code).toBe(2);
  });
});

describe('wdt-bulk submit --mapping', () => {
  it('sends the mapped column; the set-aside column stays in the results workbook', async () => {
    await book('send.xlsx', [bulkReturn(1), bulkReturn(2)]);
    const run = await cli(['submit', 'send.xlsx', '--mapping', mapFile('send-map.json', goodMap), '--json', '--out', path.join(tmp.dir, 'send-results.xlsx')]);
    expect(run.code, run.stdout).toBe(0);
    const out = json<SubmitJson & { mapping: { source: string } | null }>(run);
    expect(out).toMatchObject({ operation: 'return-cancel', counts: { succeeded: 2 }, mapping: { source: 'file' } });
    const results = (await readBook(out.results!)).get(sheetNames.results)!;
    const head = results[0] as string[];
    const at = head.findIndex((h) => String(h).includes('说明'));
    expect(at, head.join('|')).toBeGreaterThanOrEqual(0);
    expect(results.slice(1).map((r) => r[at])).toEqual(['备注0', '备注1']);
  });
});
