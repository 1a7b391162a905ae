// Which thread checks a read's rows (reader.ts, check-channel.ts): a check worker while the catalog holds only
// its built-in operations, the calling thread once an operation was added at runtime (the check worker's
// catalog could not know it). Both give exactly the single-thread read.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { addOperation } from '../../../shared/operations/catalog';
import { checksInWorker, readSheet, readSheetInProcess, warmReadWorker } from '../../../main/sheets/read/reader';
import type { FirstRows } from '../../../main/sheets/read/types';
import { ship, unship } from '../../../main/sheets/read/check-channel';
import type { ShippedImport } from '../../../main/sheets/read/check-channel';
import { fakeClose } from '../adding-a-method/fake-close';
import { tempDir, writeXlsx } from './fixtures';

const dir = tempDir();
const workerPath = path.resolve('out/node/read-worker.cjs');
const header = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价'];

async function closeList(file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('关闭');
  sheet.addRow(['*待关闭退货单号', '备注']);
  for (const no of ['CR202406010003', 'CR202406010001', 'CR202406010003', 'CR2024060100031234567']) sheet.addRow([no, '']);
  await book.xlsx.writeFile(file);
  return file;
}

describe('the check worker', () => {
  it('checks a built-in operation\'s rows, warm or not, and the import is the single-thread read\'s', async () => {
    expect(checksInWorker()).toBe(true);
    const rows = Array.from({ length: 700 }, (_, i) => [`CG${Math.floor(i / 3)}`, i % 97 === 0 ? '' : 'WH01', 'P001', `SKU${i}`, i % 11 === 0 ? -1 : 2, 12.5]);
    const file = await writeXlsx(path.join(dir, 'create.xlsx'), [{ name: 'S', rows: [header, ...rows] }]);
    const want = await readSheetInProcess(file);
    const told: FirstRows[] = [];
    expect(await readSheet(file, { workerPath, onFirstRows: (f) => told.push(f) })).toEqual(want);
    expect(told.at(-1)?.rows.map((r) => r.rowNumber)).toEqual(want.ok ? [...want.value.rows].slice(0, 100).map((r) => r.rowNumber) : []);
    await warmReadWorker(workerPath);
    const warm = await readSheet(file, { workerPath });
    expect(warm).toEqual(want);
    // Its orders are made on this thread from the moved packed data, with this thread's operation.
    expect(warm.ok && [...warm.value.orders].map((o) => o.key)).toEqual(want.ok && [...want.value.orders].map((o) => o.key));
  }, 60_000);

  it('is not used for an operation added at runtime: the calling thread checks, the worker still parses', async () => {
    const file = await closeList(path.join(dir, 'close.xlsx'));
    const remove = addOperation(fakeClose);
    try {
      expect(checksInWorker()).toBe(false);
      const read = await readSheet(file, { workerPath });
      expect(read.ok && read.value.operation).toBe('return-fake-close');
      expect(read).toEqual(await readSheetInProcess(file));
    } finally {
      remove();
    }
    expect(checksInWorker()).toBe(true);
    // Without it the header names nothing the catalog knows.
    const after = await readSheet(file, { workerPath });
    expect(!after.ok && after.error.code).toBe('OPERATION_UNKNOWN');
  }, 60_000);
});

describe('the import crossing from the check worker', () => {
  it('moves the packed stores\' arrays and is the same import once wrapped again; an unknown operation is refused', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`CG${Math.floor(i / 3)}`, 'WH01', 'P001', `SKU${i}`, i % 11 === 0 ? -1 : 2, 12.5]);
    const file = await writeXlsx(path.join(dir, 'ship.xlsx'), [{ name: 'S', rows: [header, ...rows] }]);
    const read = await readSheetInProcess(file);
    if (!read.ok) throw new Error(read.error.message);
    const again = await readSheetInProcess(file);
    const { shipped, transfer } = ship(read.value);
    expect(transfer.length).toBeGreaterThan(0);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(shipped, transfer);
    const received = receiveMessageOnPort(port2)?.message as ShippedImport;
    port1.close();
    // Moved, not copied: the sender's arrays are empty now.
    expect(transfer.every((b) => b.byteLength === 0)).toBe(true);
    expect(unship(received)).toEqual(again.ok && again.value);
    expect(() => unship({ ...received, operation: 'no-such-operation' as never })).toThrow(/no-such-operation/);
  });
});
