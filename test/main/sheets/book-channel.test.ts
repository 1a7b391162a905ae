// The worker's side of the channel (book-channel.ts serveSource): a sheet's first batch is small, so the
// review's first 100 rows (below a header of a few rows) do not wait for 500 rows to be parsed and packed;
// the batches after it are full, and every row arrives once, in order.
import { describe, expect, it } from 'vitest';
import { Inbox, remoteSource, serveSource } from '../../../main/sheets/read/book-channel';
import type { CallerCommand, WorkerMessage } from '../../../main/sheets/read/book-channel';
import type { OpenedSource } from '../../../main/sheets/read/read-pipeline';
import type { EarlyRows, SourceRow, SourceSheet } from '../../../main/sheets/read/source';

async function* rows(count: number): AsyncGenerator<SourceRow> {
  for (let n = 1; n <= count; n++) yield { number: n, cells: [{ kind: 'text', text: `R${n}` }] };
}

describe('the worker streams a sheet', () => {
  it('in a first batch of 128 rows, then batches of 500', async () => {
    const sheet: SourceSheet = { name: 'S', visible: true, rows: rows(1200) };
    const source: OpenedSource = {
      file: { path: '/x.csv', name: 'x.csv', bytes: 1, format: 'csv' },
      book: {
        sheets: [{ name: 'S', visible: true }],
        open: async function* () {
          yield sheet;
        },
        close: () => undefined,
      },
      refusal: Promise.resolve(null),
      sha256: Promise.resolve('0'),
    };
    const inbox = new Inbox<CallerCommand>();
    const sizes: number[] = [];
    const numbers: number[] = [];
    let ended!: () => void;
    const end = new Promise<void>((resolve) => (ended = resolve));
    const post = (m: WorkerMessage) => {
      if (m.type === 'rows') {
        sizes.push(m.packed.numbers.length);
        numbers.push(...m.packed.numbers);
        inbox.put({ type: 'taken' });
      }
      if (m.type === 'rows-end') ended();
    };
    void serveSource(source, inbox, post);
    inbox.put({ type: 'next' });
    await end;
    expect(sizes).toEqual([128, 500, 500, 72]);
    expect(numbers).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
  });
});

describe('a sheet\'s early rows (parsed before its merges are known) cross to the caller', () => {
  const sourceOf = (sheet: SourceSheet): OpenedSource => ({
    file: { path: '/x.xlsx', name: 'x.xlsx', bytes: 1, format: 'xlsx' },
    book: {
      sheets: [{ name: sheet.name, visible: true }],
      open: async function* () {
        yield sheet;
      },
      close: () => undefined,
    },
    refusal: Promise.resolve(null),
    sha256: Promise.resolve('0'),
  });

  /** The worker's end and the caller's end joined, messages in order; the kinds of the worker's messages as sent. */
  function joined(source: OpenedSource) {
    const inbox = new Inbox<CallerCommand>();
    const kinds: string[] = [];
    const remote = remoteSource((c) => inbox.put(c));
    void serveSource(source, inbox, (m) => {
      kinds.push(m.type);
      remote.take(m);
    });
    return { remote, kinds };
  }

  it('before the sheet\'s rows, as the rows they were; the rows then come whole', async () => {
    let tell!: (early: EarlyRows | null) => void;
    const early = new Promise<EarlyRows | null>((resolve) => (tell = resolve));
    async function* held(): AsyncGenerator<SourceRow> {
      const first: SourceRow[] = [];
      for await (const row of rows(3)) first.push(row);
      tell({ rows: first.map((r) => ({ number: r.number, cells: [...r.cells] })), complete: false, lastRowAtLeast: 3 });
      await new Promise((resolve) => setTimeout(resolve, 20)); // the merges, found later
      yield* first;
      for (let n = 4; n <= 300; n++) yield { number: n, cells: [{ kind: 'text', text: `R${n}` }] };
    }
    const { remote, kinds } = joined(sourceOf({ name: 'S', visible: true, rows: held(), early }));
    const opened = await remote.opened;
    if (!opened.ok) throw new Error('not opened');
    const seen: number[] = [];
    let preview: EarlyRows | null | undefined;
    for await (const sheet of opened.value.book.open()) {
      void sheet.early?.then((e) => (preview = e));
      for await (const row of sheet.rows) seen.push(row.number);
    }
    expect(preview?.complete).toBe(false);
    expect(preview?.rows.map((r) => [r.number, r.cells[0]?.text])).toEqual([[1, 'R1'], [2, 'R2'], [3, 'R3']]);
    expect(kinds.indexOf('early')).toBeGreaterThan(-1);
    expect(kinds.indexOf('early')).toBeLessThan(kinds.indexOf('rows'));
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it('none when the merges came first: the caller\'s early is null once the rows come', async () => {
    const { remote, kinds } = joined(sourceOf({ name: 'S', visible: true, rows: rows(10), early: Promise.resolve(null) }));
    const opened = await remote.opened;
    if (!opened.ok) throw new Error('not opened');
    let preview: EarlyRows | null | undefined;
    for await (const sheet of opened.value.book.open()) {
      const reading = (async () => {
        let n = 0;
        for await (const _ of sheet.rows) n++;
        return n;
      })();
      preview = await sheet.early;
      expect(await reading).toBe(10);
    }
    expect(preview).toBeNull();
    expect(kinds).not.toContain('early');
  });
});
