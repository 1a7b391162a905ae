// A template or a results workbook this app wrote says which operation it is for, so a cancel list and a
// pending list (same header, 采购退货单号) dropped back in need no --op; and it survives LibreOffice's save.
// A mark settles ambiguous headers only: it never beats clear headers or the person's choice.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getOperation } from '../../../shared/operations/catalog';
import type { OperationId } from '../../../shared/operations/types';
import { markedOperation, markName, markSheet, referencedSheet } from '../../../main/sheets/operation-mark';
import { readSheet, readSheetInProcess } from '../../../main/sheets/read/reader';
import { writeTemplate } from '../../../main/sheets/templates/template';
import { parseWorkbookMeta } from '../../../main/sheets/read/workbook-meta';
import { tempDir } from './fixtures';
import { cancelSource, makeToFixFile } from './results-fixtures';

const dir = tempDir();
const workerPath = path.resolve('out/node/read-worker.cjs');

async function filledTemplate(op: OperationId, numbers: string[]): Promise<string> {
  const file = path.join(dir, `${op}.xlsx`);
  const def = getOperation(op);
  if (!def) throw new Error(op);
  expect((await writeTemplate(def, 'zh-CN', file)).ok).toBe(true);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.worksheets[0]!;
  numbers.forEach((n, i) => (ws.getRow(i + 3).getCell(1).value = n));
  await book.xlsx.writeFile(file);
  return file;
}

describe('operation marks', () => {
  it('names and references round-trip', () => {
    expect(markedOperation(markName('return-pending'))).toBe('return-pending');
    expect(markedOperation('WDT_BULK.RETURN_CANCEL')).toBe('return-cancel');
    expect(markedOperation('wdt_bulk.no_such_thing')).toBeNull();
    expect(markedOperation('Print_Area')).toBeNull();
    expect(referencedSheet("'失败 To fix'!$A$1")).toBe('失败 To fix');
    expect(referencedSheet("'clerk''s list'!$A$1")).toBe("clerk's list");
    expect(referencedSheet('导入数据!$A$1')).toBe('导入数据');
    expect(referencedSheet('#REF!')).toBeNull();
    const meta = parseWorkbookMeta(
      `<workbook><sheets><sheet name="导入数据" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="wdt_bulk.return_pending">&apos;导入数据&apos;!$A$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">导入数据!$A$1:$B$2</definedName></definedNames></workbook>`,
      '',
    );
    expect([...meta.marks]).toEqual([['导入数据', 'return-pending']]);
  });

  it('reads a filled cancel template and a filled pending template as what they are, in-process and in the worker', async () => {
    for (const op of ['return-cancel', 'return-pending'] as const) {
      const file = await filledTemplate(op, ['CR202406010001', 'CR202406010002']);
      for (const got of [await readSheetInProcess(file), await readSheet(file, { workerPath })]) {
        if (!got.ok) throw new Error(got.error.message);
        expect(got.value.operation).toBe(op);
        expect(got.value.operationReason.key).toBe('sheets.operation.marked');
        expect([...got.value.rows].map((r) => r.cells[0])).toEqual(['CR202406010001', 'CR202406010002']);
      }
      // The person's choice still wins.
      const other = op === 'return-cancel' ? 'return-pending' : 'return-cancel';
      const chosen = await readSheetInProcess(file, { operation: other });
      expect(chosen.ok && chosen.value.operation).toBe(other);
    }
  });

  it("a cancel job's whole results workbook re-imports as a cancel list without --op", async () => {
    const file = await makeToFixFile(cancelSource(), path.join(dir, 'cancel.results.xlsx'));
    const got = await readSheetInProcess(file);
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value.operation).toBe('return-cancel');
    expect(got.value.sheet).toBe('失败 To fix');
  });

  it('never overrides clear headers: a mark on a create sheet that reads as a create', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('S');
    ws.addRow(['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量']);
    ws.addRow(['CG1', 'WH001', 'P001', 'SKU1', 1]);
    markSheet(book, 'S', 'return-cancel');
    const file = path.join(dir, 'create-marked-cancel.xlsx');
    await book.xlsx.writeFile(file);
    const got = await readSheetInProcess(file);
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value.operation).toBe('return-create');
  });

  it('survives LibreOffice opening and saving the template', async () => {
    const file = await filledTemplate('return-pending', ['CR202406010003']);
    const out = path.join(dir, 'lo');
    await promisify(execFile)('soffice', ['--headless', `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--convert-to', 'xlsx', '--outdir', out, file], { timeout: 120_000 });
    const got = await readSheetInProcess(path.join(out, 'return-pending.xlsx'));
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value.operation).toBe('return-pending');
    expect([...got.value.rows].map((r) => r.cells[0])).toEqual(['CR202406010003']);
  });
});
