// The check worker's import crossing in parts (import-parts.ts): every list that grows with the sheet is cut
// into parts of bounded weight, taken one at a time from a real MessageChannel, and the import put together
// again is the single-thread read's.
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ship, unship } from '../../../main/sheets/read/check-channel';
import type { ShippedImport } from '../../../main/sheets/read/check-channel';
import { assemble, partsOf } from '../../../main/sheets/read/import-parts';
import { readSheet, readSheetInProcess } from '../../../main/sheets/read/reader';
import { tempDir, writeXlsx } from './fixtures';

const dir = tempDir();
const workerPath = path.resolve('out/node/read-worker.cjs');
const header = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价', '明细备注'];

/** 6,000 rows: 6,000 distinct SKUs and remarks (some long), 2,000 order keys, every fifth row with problems. */
async function bigSheet(): Promise<string> {
  const rows = Array.from({ length: 6000 }, (_, i) => [`CG${Math.floor(i / 3)}`, 'WH01', 'P001', `SKU${i}`, i % 5 === 0 ? -1 : 2, i % 10 === 0 ? 'x' : 12.5, `备注${i}`.repeat(i % 97 === 0 ? 400 : 1)]);
  return writeXlsx(path.join(dir, 'big.xlsx'), [{ name: 'S', rows: [header, ...rows] }]);
}

describe('the import in parts', () => {
  it('cuts every growing list into parts of bounded weight and is the same import put together again', async () => {
    const file = await bigSheet();
    const read = await readSheetInProcess(file);
    if (!read.ok) throw new Error(read.error.message);
    const { shipped, transfer } = ship(read.value);
    const { head, parts } = partsOf(shipped);
    // The head carries none of those lists.
    expect([head.rows.texts.length, head.orders.keys.length, head.rows.own.size, head.notices.length]).toEqual([0, 0, 0, 0]);
    const byList = (list: string) => parts.filter((p) => p.list === list);
    expect(byList('texts').length).toBeGreaterThan(2);
    expect(byList('own').length).toBeGreaterThan(1);
    for (const part of parts) {
      // 4,096 short strings, ≈ 256,000 characters, or 512 objects, give or take the one item that tipped it.
      const strings = part.items.filter((x): x is string => typeof x === 'string');
      expect(part.items.length).toBeLessThanOrEqual(4096);
      expect(strings.reduce((n, s) => n + s.length, 0)).toBeLessThan(256_000 + 40_000);
      if (strings.length === 0) expect(part.items.length).toBeLessThanOrEqual(512);
    }
    // As the check worker sends them: the parts on a port of their own, then the head with the moved arrays.
    const { port1, port2 } = new MessageChannel();
    for (const part of parts) port1.postMessage(part);
    const heads = new MessageChannel();
    heads.port1.postMessage(head, transfer);
    const received = receiveMessageOnPort(heads.port2)?.message as ShippedImport;
    port1.close();
    heads.port1.close();
    expect(transfer.every((b) => b.byteLength === 0)).toBe(true);
    const whole = await assemble(received, parts.length, port2, new AbortController().signal);
    expect(whole && unship(whole)).toEqual(await readSheetInProcess(file).then((r) => r.ok && r.value));
  }, 60_000);

  it('waits for a part not there yet, and gives up once the read is over', async () => {
    const read = await readSheetInProcess(await bigSheet());
    if (!read.ok) throw new Error(read.error.message);
    const { shipped } = ship(read.value);
    const { head, parts } = partsOf(shipped);
    const { port1, port2 } = new MessageChannel();
    const late = assemble(head, parts.length, port2, new AbortController().signal);
    setTimeout(() => parts.forEach((p) => port1.postMessage(p)), 20);
    expect((await late)?.rows.texts).toEqual(shipped.rows.texts);
    const over = new AbortController();
    const never = assemble(head, 1, new MessageChannel().port2, over.signal);
    setTimeout(() => over.abort(), 20);
    expect(await never).toBeNull();
    port1.close();
  }, 60_000);

  it('crosses from the check worker: the read is the single-thread read\'s', async () => {
    const file = await bigSheet();
    expect(await readSheet(file, { workerPath })).toEqual(await readSheetInProcess(file));
  }, 60_000);
});
