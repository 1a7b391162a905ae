// The worker's side of the channel (book-channel.ts serveSource): a sheet's first batch is small, so the
// review's first 100 rows (below a header of a few rows) do not wait for 500 rows to be parsed and packed;
// the batches after it are full, and every row arrives once, in order.
import { describe, expect, it } from 'vitest';
import { Inbox, serveSource } from '../../../main/sheets/read/book-channel';
import type { CallerCommand, WorkerMessage } from '../../../main/sheets/read/book-channel';
import type { OpenedSource } from '../../../main/sheets/read/read-pipeline';
import type { SourceRow, SourceSheet } from '../../../main/sheets/read/source';

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
