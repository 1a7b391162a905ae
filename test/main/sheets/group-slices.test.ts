// Grouping on the calling thread runs in slices (group-slices.ts) so the main thread never stalls: across
// many slices, with keys scattered over the sheet, duplicates, keyless rows, conflicts, rows with their own
// problems and repeated lines, it must give exactly what one groupRows call over all rows gives — and it
// must give the event loop turns while it works.
import { describe, expect, it } from 'vitest';
import { getOperation } from '../../../shared/operations/catalog';
import { groupRows } from '../../../shared/operations/grouping';
import type { GroupInputRow } from '../../../shared/operations/grouping';
import type { CellProblem, FieldValue, OrderDraft, RowDisposition } from '../../../shared/operations/types';
import { groupInSlices, StreamingGroups } from '../../../main/sheets/read/group-slices';
import type { GroupSink } from '../../../main/sheets/read/group-slices';

const create = getOperation('return-create')!;
const cancel = getOperation('return-cancel')!;
const columnOf = (key: string) => `col:${key}`;

/** A deterministic mess: 9,000 rows whose keys come back far apart, with every kind of trouble sprinkled in. */
function createRows(): GroupInputRow[] {
  const rows: GroupInputRow[] = [];
  for (let i = 0; i < 9000; i++) {
    const rowNumber = i + 2;
    const key = i % 97 === 0 ? '' : `R${(i * 7919) % 1500}`; // the same key every ~1,500 rows; some keyless
    const values: Record<string, FieldValue> = { outer_no: key, spec_no: `SKU${i % 13}`, num: '1' };
    if (i % 5 === 0) Object.assign(values, { warehouse_no: 'W1', provider_no: i % 401 === 0 ? 'P2' : 'P1' }); // conflicts now and then
    if (key === '') delete values.outer_no;
    const problems = i % 233 === 0 ? [{ row: rowNumber, field: 'num' }] : [];
    rows.push({ rowNumber, values, problems });
  }
  return rows;
}

describe('grouping in slices gives exactly one groupRows call', () => {
  it('a create sheet over several slices', async () => {
    const rows = createRows();
    const whole = groupRows(create, rows, { columnOf });
    expect(whole.orders.length).toBeGreaterThan(100); // the fixture makes orders, and trouble
    expect(whole.problems.length).toBeGreaterThan(100);
    const sliced = await groupInSlices(create, rows, { columnOf });
    expect(sliced.orders).toEqual(whole.orders);
    expect(new Map(sliced.dispositions)).toEqual(whole.dispositions);
    expect(sliced.problems).toEqual(whole.problems);
  });

  it('a cancel list with duplicates far apart', async () => {
    const rows: GroupInputRow[] = Array.from({ length: 7000 }, (_, i) => ({ rowNumber: i + 2, values: (i % 50 === 0 ? {} : { returnNos: `CR${i % 2500}` }) as Record<string, FieldValue>, problems: [] }));
    const whole = groupRows(cancel, rows, { columnOf });
    expect(whole.problems.some((p) => p.text.key === 'operations.row.duplicate')).toBe(true);
    const sliced = await groupInSlices(cancel, rows, { columnOf });
    expect(sliced.orders).toEqual(whole.orders);
    expect(new Map(sliced.dispositions)).toEqual(whole.dispositions);
    expect(sliced.problems).toEqual(whole.problems);
  });

  it('lets a timer run while it groups', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await groupInSlices(create, createRows(), { columnOf });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});

/** The rows of a sheet as it streams: most keys together (an order's lines), some back later (A, B, A). */
function streamedRows(kind: 'together' | 'back-while-queued' | 'back-after-grouped'): GroupInputRow[] {
  const rows: GroupInputRow[] = [];
  for (let i = 0; i < 12_000; i++) {
    const rowNumber = i + 2;
    let key = `R${Math.floor(i / 4)}`;
    if (kind === 'back-while-queued' && i % 4 === 3) key = `R${Math.max(0, Math.floor(i / 4) - 1)}`; // the previous order's key, once more
    if (kind === 'back-after-grouped' && i === 11_000) key = 'R3';
    const values: Record<string, FieldValue> = i % 1013 === 0 ? { spec_no: 'X', num: '1' } : { outer_no: key, spec_no: `SKU${i % 4}`, num: '1' };
    if (i % 4 === 0) Object.assign(values, { warehouse_no: 'W1', provider_no: i % 804 === 0 ? 'P2' : 'P1' });
    rows.push({ rowNumber, values, problems: i % 377 === 0 ? [{ row: rowNumber, field: 'num' }] : [] });
  }
  return rows;
}

describe('grouping as rows stream in gives exactly one groupRows call', () => {
  for (const kind of ['together', 'back-while-queued', 'back-after-grouped'] as const) {
    it(`keys ${kind}`, async () => {
      const rows = streamedRows(kind);
      const whole = groupRows(create, rows, { columnOf });
      expect(whole.orders.length).toBeGreaterThan(1000);
      const groups = new StreamingGroups(create, { columnOf }, true);
      for (const row of rows) groups.add(row);
      const streamed = await groups.finish();
      expect(streamed.orders).toEqual(whole.orders);
      expect(new Map(streamed.dispositions)).toEqual(whole.dispositions);
      expect(streamed.problems).toEqual(whole.problems);
    });

    it(`keys ${kind}, told to a sink as they are grouped (the reader's packed rows)`, async () => {
      const rows = streamedRows(kind);
      const whole = groupRows(create, rows, { columnOf });
      const dispositions = new Map<number, RowDisposition>();
      let problems: CellProblem[] = [];
      let orders: OrderDraft[] = [];
      let forgotten = 0;
      const sink: GroupSink = {
        dispose: (d, p) => {
          for (const [row, disposition] of d) dispositions.set(row, disposition);
          problems.push(...p);
        },
        orders: (made) => orders.push(...made),
        forgetGrouping: () => {
          forgotten++;
          dispositions.clear();
          problems = [];
          orders = [];
        },
        again: () => rows,
      };
      const groups = new StreamingGroups(create, { columnOf }, true, sink);
      for (const row of rows) groups.add(row);
      const streamed = await groups.finish();
      expect(forgotten).toBe(kind === 'back-after-grouped' ? 1 : 0);
      expect(orders).toEqual(whole.orders);
      expect(streamed.orders).toEqual([]); // all went to the sink
      expect(streamed.dispositions.size).toBe(0);
      expect(dispositions).toEqual(whole.dispositions);
      expect([...problems].sort((x, y) => x.row - y.row)).toEqual(whole.problems);
      // Keys grouped early are let go: their rows are not kept until the end.
      if (kind === 'together') expect((groups as unknown as { byKey: Map<string, unknown> }).byKey.size).toBeLessThan(1000);
    });
  }

  it('groups most of a sheet before its last row when keys stay together', () => {
    const groups = new StreamingGroups(create, { columnOf }, true);
    const rows = streamedRows('together');
    for (const row of rows) groups.add(row);
    // What is left for the end: fewer than a slice and a bit of rows (the last keys, the keyless rows).
    const early = (groups as unknown as { grouped: Set<string> }).grouped.size;
    expect(early).toBeGreaterThan(2500);
  });
});

