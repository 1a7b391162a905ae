// The proof of docs/adding-a-method.md: a list-style method defined only in this folder (an operation
// file, fake-close.ts, and a sandbox method, fake-close-sandbox.ts), registered through the two seams,
// goes through validate (a real .xlsx read in-process), submit (the job engine against the sandbox over
// real HTTP, a real SQLite store) and the results workbook (read back with exceljs) — nothing else changed.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/effects';
import { pathsIn } from '../../../main/paths';
import { SessionSecretStore } from '../../../main/profiles/keychain';
import { addSandboxMethod, returnStatus } from '../../../main/sandbox';
import { createServices, type Services } from '../../../main/services';
import { resultsSheetNames } from '../../../main/sheets/results/results-layout';
import { t } from '../../../shared/i18n';
import { addOperation, getOperation } from '../../../shared/operations/catalog';
import { fakeClose } from './fake-close';
import { fakeCloseHandler } from './fake-close-sandbox';

const home = mkdtempSync(path.join(tmpdir(), 'wdt-adding-a-method-'));
let services: Services;
const removers: (() => void)[] = [];

beforeAll(async () => {
  // The two lines a real method replaces with a file in shared/operations + a catalog line, and a
  // `methods` entry of its document kind in main/sandbox/documents.
  removers.push(addOperation(fakeClose), addSandboxMethod(fakeClose.method, fakeCloseHandler));
  services = await createServices({ paths: pathsIn(home), secrets: new SessionSecretStore(), logger: silentLogger, version: '0.0.0-test', env: {}, lang: 'zh-CN' });
});
afterAll(async () => {
  await services?.close();
  for (const remove of removers.reverse()) remove();
  rmSync(home, { recursive: true, force: true });
});

/** A clerk's list: the fake method's header, with a title row above it as clerks' lists often have. */
async function clerkList(file: string, cells: (string | number)[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('关闭');
  sheet.addRow(['本周要关闭的退货单']);
  sheet.addRow(['*待关闭退货单号', '备注']);
  for (const cell of cells) sheet.addRow([cell, '']);
  await book.xlsx.writeFile(file);
  return file;
}

describe('a list-style method added in the test tree only', () => {
  it('is validated, submitted to the sandbox and written to the results workbook', async () => {
    const file = await clerkList(path.join(home, '关闭清单.xlsx'), [
      'CR202406010003', // 已审核 → closed
      'CR202406010001', // 编辑中 → the ERP refuses it
      'CR202406010003', // the same number again → duplicate of row 3
      'CR209912319999', // not in the ERP → refused
      'CR2024060100031234567', // 21 characters → invalid, never sent
      'CR202406020002', // 已审核 → closed
    ]);

    // Validate: the header alone names the new operation; every row gets its disposition.
    const read = await services.sheets.read(file, { lang: 'zh-CN' });
    if (!read.ok) throw new Error(read.error.message);
    const sheet = read.value;
    expect(sheet.operation).toBe('return-fake-close');
    expect(sheet.headerRow).toBe(2);
    expect([...sheet.rows].map((r) => [r.rowNumber, r.disposition.kind])).toEqual([
      [3, 'valid'], [4, 'valid'], [5, 'duplicate'], [6, 'valid'], [7, 'invalid'], [8, 'valid'],
    ]);
    expect([...sheet.rows].find((r) => r.rowNumber === 7)?.problems[0]).toMatchObject({ row: 7, column: '*待关闭退货单号', field: 'closeReturnNos' });
    expect([...sheet.orders].map((o) => o.key)).toEqual(['CR202406010003', 'CR202406010001', 'CR209912319999', 'CR202406020002']);

    // Submit: the job engine against the embedded sandbox (the default built-in profile).
    const resolved = await services.profiles.resolve(undefined, {});
    if (!resolved.ok) throw new Error(resolved.error.message);
    expect(resolved.value.profile.builtin).toBe(true);
    const meta = services.jobs.meta(sheet, resolved.value, true, 'zh-CN');
    // The fake method takes no is_check: asking for it changes nothing.
    expect(meta).toMatchObject({ operation: 'return-fake-close', method: 'purchase.PurchaseReturn.fakeClose', perCall: 10, isCheck: false });
    const created = services.jobs.create({ sheet, meta });
    if (!created.ok) throw new Error(created.error.message);
    const ran = await services.jobs.run(created.value);
    expect(ran).toMatchObject({ ok: true, value: { kind: 'done' } });
    const erp = await services.sandbox();
    expect(erp.state.returnByNo('CR202406010003')?.status).toBe(returnStatus.done);
    expect(erp.state.returnByNo('CR202406020002')?.status).toBe(returnStatus.done);
    expect(erp.state.returnByNo('CR202406010001')?.status).toBe(returnStatus.editing);
    // Four orders, one call (10 per call).
    expect(erp.state.counters.byMethod['purchase.PurchaseReturn.fakeClose']).toBe(1);

    // The results workbook: every source row with what the ERP did, read back from the file.
    const out = path.join(home, 'results.xlsx');
    const written = await services.jobs.writeResults(created.value, 'zh-CN', out);
    expect(written).toEqual({ ok: true, value: out });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const results = book.getWorksheet(resultsSheetNames.results)!;
    const header = (results.getRow(1).values as unknown[]).slice(1).map(String);
    const stateAt = header.indexOf(t('zh-CN', 'workbook.results.state')) + 1;
    const messageAt = header.indexOf(t('zh-CN', 'workbook.results.message')) + 1;
    expect(stateAt).toBeGreaterThan(1);
    const rows: [string, string, string][] = [];
    results.eachRow((row, n) => {
      if (n > 1) rows.push([String(row.getCell(1).value), String(row.getCell(stateAt).value), String(row.getCell(messageAt).value ?? '')]);
    });
    const word = (state: 'succeeded' | 'failed' | 'duplicate' | 'invalid') => t('zh-CN', `states.${state}`);
    expect(rows.map(([no, state]) => [no, state])).toEqual([
      ['CR202406010003', word('succeeded')],
      ['CR202406010001', word('failed')],
      ['CR202406010003', word('duplicate')],
      ['CR209912319999', word('failed')],
      ['CR2024060100031234567', word('invalid')],
      ['CR202406020002', word('succeeded')],
    ]);
    // The ERP's own reasons, verbatim.
    expect(rows[1]?.[2]).toContain('不是已审核状态，不能关闭');
    expect(rows[3]?.[2]).toContain('采购退货单号不存在');
    // The summary names the operation by its own label and lists no 审核 line (the method takes none).
    const summary = book.getWorksheet(resultsSheetNames.summary)!;
    const facts = new Map<string, string>();
    summary.eachRow((row) => facts.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(facts.get(t('zh-CN', 'workbook.summary.operation'))).toBe('采购退货单关闭（测试）（return-fake-close）');
    expect(facts.get(t('zh-CN', 'workbook.summary.method'))).toBe('purchase.PurchaseReturn.fakeClose');
    expect(facts.has(t('zh-CN', 'workbook.summary.isCheck'))).toBe(false);
    // The failed rows come back as the method's own template, ready to fix and drop in again.
    const toFix = book.getWorksheet(resultsSheetNames.toFix)!;
    expect(toFix.getRow(1).getCell(1).value).toBe('*待关闭退货单号');
    expect(getOperation('purchase.PurchaseReturn.fakeClose')?.id).toBe('return-fake-close');
  });
});
