// Issue 18: one slow settle never holds a free slot. A call whose orders all settled is recorded once the lane's
// next request is on its way, so with one slot and a store that takes 20 ms to record an answer, the ERP already
// has the next request when the previous answer is being recorded. Real parts: the sandbox on loopback (answering
// after 150 ms, so the next call's attempt is committed and synced ahead by then), a SQLite file.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listSheet, metaFor, readImport, rig, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const numbers = Array.from({ length: 80 }, (_, i) => `CR20240603${String(i + 1).padStart(4, '0')}`);

describe('a free slot', () => {
  it('sends the next call before the previous answer is recorded, and still records every answer', async () => {
    const x = (r = await rig({ sandbox: { latencyMs: 150 }, limits: { concurrency: 1 } }));
    const sheet = await readImport(await listSheet(path.join(x.dir, 'cancel.xlsx'), '采购退货单号', numbers), 'return-cancel');
    const created = x.engine.create({ sheet, meta: metaFor(sheet) });
    if (!created.ok) throw new Error(created.error.message);

    // Requests the ERP had received when each call's answer began to be recorded; each record takes 20 ms.
    const seenAtRecord = new Map<number, number>();
    // Settled calls are recorded by recordAndBegin (with the next attempts ahead, if any), others by finishAttempt.
    const slow = (calls: readonly number[]) => {
      for (const call of calls) seenAtRecord.set(call, x.sandbox.state.counters.requests);
      const until = Date.now() + 20 * calls.length;
      while (Date.now() < until) {
        // a slow disk
      }
    };
    const finish = x.store.finishAttempt.bind(x.store);
    x.store.finishAttempt = (id, call, attemptId, answer, settlements) => {
      slow([call]);
      finish(id, call, attemptId, answer, settlements);
    };
    const recordAndBegin = x.store.recordAndBegin.bind(x.store);
    x.store.recordAndBegin = (id, records, ...rest) => {
      slow(records.map((r) => r.call));
      return recordAndBegin(id, records, ...rest);
    };

    const end = await x.engine.run(created.value);
    expect(end).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(x.sandbox.state.counters.requests).toBe(4);
    // Calls 2 and 3 were recorded after the next call had reached the ERP; the last, with nothing left to send.
    // (Call 1's answer comes on the connection's first use, and undici writes the first reuse only once that
    // answer's message is complete: the next request may or may not be out by then.)
    expect(seenAtRecord.get(2)).toBe(3);
    expect(seenAtRecord.get(3)).toBe(4);
    expect(seenAtRecord.get(4)).toBe(4);
    expect([...seenAtRecord.keys()].sort()).toEqual([1, 2, 3, 4]);
    // Nothing was lost by recording later: every row is settled from its answer, every attempt has its outcome.
    expect(x.views.counts(created.value)).toMatchObject({ failed: 80, pending: 0 });
    const attempts = x.views.attempts(created.value, 0, 10, false).items;
    expect(attempts.map((a) => [a.call, a.outcome])).toEqual([
      [1, 'answered'],
      [2, 'answered'],
      [3, 'answered'],
      [4, 'answered'],
    ]);
  });

  it('with four slots, commits every other send: attempts ahead two at a time, records riding with them, every one written by the end', async () => {
    const x = (r = await rig({ sandbox: { latencyMs: 60 }, limits: { concurrency: 4 } }));
    // 23 calls of 20 (the last of 19): an odd number, so a record is still held back when the last answer comes.
    const many = Array.from({ length: 459 }, (_, i) => `CRNONE${String(i).padStart(5, '0')}`);
    const sheet = await readImport(await listSheet(path.join(x.dir, 'cancel-4.xlsx'), '采购退货单号', many), 'return-cancel');
    const created = x.engine.create({ sheet, meta: metaFor(sheet) });
    if (!created.ok) throw new Error(created.error.message);
    const writes: { records: number; begun: number }[] = [];
    const recordAndBegin = x.store.recordAndBegin.bind(x.store);
    x.store.recordAndBegin = (id, records, calls, ...rest) => {
      writes.push({ records: records.length, begun: calls.length });
      return recordAndBegin(id, records, calls, ...rest);
    };
    const end = await x.engine.run(created.value);
    expect(end).toMatchObject({ ok: true, value: { kind: 'done' } });
    // One commit a send made 13-18 here; every other send (or four at once, when the answers come together) makes 8-11.
    expect(writes.length).toBeLessThanOrEqual(13);
    // A commit of one record or one attempt alone: only the last record, written at the run's end (one a send made 4-8).
    expect(writes.filter((w) => w.records + w.begun === 1).length).toBeLessThanOrEqual(1);
    expect(writes.every((w) => w.records > 0 || w.begun > 0)).toBe(true);
    expect(writes.reduce((n, w) => n + w.records, 0)).toBe(23);
    expect(x.views.counts(created.value)).toMatchObject({ failed: 459, pending: 0 });
    const attempts = x.views.attempts(created.value, 0, 100, false).items;
    expect(attempts).toHaveLength(23);
    expect(attempts.every((a) => a.outcome === 'answered')).toBe(true);
  });
});
