// The read across two threads: exceljs parses the worksheet XML in a parse thread of its own while the
// reading thread turns the cells into rows, checks and groups them, so a read takes about as long as the
// slower of the two rather than their sum. The parse thread is a second instance of the read worker's
// bundle, started beside it (reader.ts) with role 'parse' and one end of a channel, the read worker having
// the other; it loads exceljs while the intake guards run and sees the file only once they passed.
//
// The reading thread parses the workbook's shared strings meanwhile (exceljs's parser; they are small, and
// it would only be waiting for its first rows): the parse thread's cells name them by index.
//
// The reading thread drives it as it would drive openXlsx in its own thread (open gives a SourceBook):
// 'next' moves to the next worksheet (the parse thread drops whatever is left of the current one, just
// as a sheet that is skipped is never parsed in a single-thread read) and the parse thread streams that
// sheet's rows at once, at most `window` batches ahead of what the reading thread has taken. Every message
// about a sheet carries its sequence number, so the rest of a dropped sheet's rows, already on their way,
// are recognised and dropped too. Failures travel as data and are thrown again on the reading side as the
// very errors the single-thread read throws (a sheet limit, an unreadable workbook), so both reads end alike.
import type { MessagePort } from 'node:worker_threads';
import type { ReadLimits } from './limits';
import { MergeGate } from './merges';
import { CellsEncoder, cellsBuffers, decodeCells } from './parse-wire';
import type { CellsBatch, SharedCells } from './parse-wire';
import { SheetLimitError } from './source';
import type { SourceBook, SourceRow, SourceSheet } from './source';
import type { WorkbookMeta } from './workbook-meta';
import { openWorksheets, preloadSheetParts, readSharedStrings } from './xlsx-source';

/** Rows per batch: a few milliseconds of work on either side, few enough messages. */
const rowsPerBatch = 500;
/** Batches the parse thread may run ahead of the reading thread: bounds the memory in between. */
const window = 16;

type Failure = { kind: 'limit'; limit: SheetLimitError['limit']; sheet: string; row: number } | { kind: 'error'; message: string };

/** Parse thread → reading thread. */
type ParseMessage =
  | { type: 'sheet'; seq: number; name: string; visible: boolean; part: string }
  | { type: 'sheets-end'; seq: number }
  | { type: 'rows'; seq: number; batch: CellsBatch }
  | { type: 'rows-end'; seq: number }
  | { type: 'fail'; seq: number; failure: Failure };

/** Reading thread → parse thread. */
type ParseCommand = { type: 'open'; path: string; meta: WorkbookMeta; limits: ReadLimits } | { type: 'next' } | { type: 'taken'; batches: number };

/** Messages as they arrive, taken one at a time. */
class Inbox<T> {
  private readonly queue: T[] = [];
  private waiter: ((m: T) => void) | null = null;

  put(m: T): void {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(m);
    } else this.queue.push(m);
  }

  take(): Promise<T> {
    const m = this.queue.shift();
    if (m !== undefined) return Promise.resolve(m);
    return new Promise((resolve) => (this.waiter = resolve));
  }

  /** A message already here, without waiting. */
  poll(): T | undefined {
    return this.queue.shift();
  }
}

const failureOf = (e: unknown): Failure =>
  e instanceof SheetLimitError ? { kind: 'limit', limit: e.limit, sheet: e.sheet, row: e.row } : { kind: 'error', message: e instanceof Error ? e.message : String(e) };

// ————————————————————————————————————————— the parse thread —————————————————————————————————————————

/** The parse thread's whole life: load exceljs, wait for the file, then serve worksheets as asked. */
export async function serveParse(port: MessagePort): Promise<void> {
  const inbox = new Inbox<ParseCommand>();
  port.on('message', (m: ParseCommand) => inbox.put(m));
  // The reading thread let go (its read is over, or it needs no parse): this thread has nothing left to do.
  port.on('close', () => process.exit(0));
  const loading = preloadSheetParts().catch(() => undefined); // a failure to load shows when the workbook is opened
  let command = await inbox.take();
  while (command.type !== 'open') command = await inbox.take();
  await loading;
  const { path, meta, limits } = command;
  const post = (m: ParseMessage) => port.postMessage(m, m.type === 'rows' ? cellsBuffers(m.batch) : []);
  const worksheets = openWorksheets(path, meta, limits, true);
  const sheets = worksheets.sheets();
  let seq = 0;
  let next: ParseCommand | null = null;
  for (;;) {
    // Wait for 'next' (the reading thread's credits for a sheet it has left behind no longer matter).
    while (next?.type !== 'next') next = await inbox.take();
    next = null;
    seq++;
    let item: IteratorResult<Awaited<ReturnType<typeof sheets.next>>['value']>;
    try {
      item = await sheets.next();
    } catch (e) {
      post({ type: 'fail', seq, failure: failureOf(e) });
      continue;
    }
    if (item.done) {
      post({ type: 'sheets-end', seq });
      continue;
    }
    const sheet = item.value;
    post({ type: 'sheet', seq, name: sheet.name, visible: sheet.visible, part: sheet.part });
    const encoder = new CellsEncoder(rowsPerBatch);
    let ahead = 0;
    /** Takes the reading thread's messages so far; true when it asked for the next sheet. */
    const heard = (m: ParseCommand | undefined): boolean => {
      if (m?.type === 'taken') ahead -= m.batches;
      else if (m?.type === 'next') next = m;
      return next !== null;
    };
    const send = (batches: CellsBatch[]) => {
      for (const batch of batches) post({ type: 'rows', seq, batch });
      ahead += batches.length;
    };
    /** Sends the batches cut so far and waits while too far ahead; false when the sheet is left behind. */
    const sendAndPace = async (): Promise<boolean> => {
      send(encoder.take());
      for (let m = inbox.poll(); m; m = inbox.poll()) if (heard(m)) return false;
      while (ahead >= window) if (heard(await inbox.take())) return false;
      return true;
    };
    try {
      let going = true;
      // Leaving the loop early ends the parse of this sheet: it is left behind.
      for await (const _ of sheet.parse(encoder)) if (!(going = await sendAndPace())) break;
      if (!going) continue;
      send(encoder.flush());
      post({ type: 'rows-end', seq });
    } catch (e) {
      // The rows read before the failure go first, as they would in a single-thread read.
      send(encoder.flush());
      post({ type: 'fail', seq, failure: failureOf(e) });
    }
  }
}

// ————————————————————————————————————————— the reading thread —————————————————————————————————————————

/**
 * The reading thread's end of the channel: `open` hands the parse thread the file once the guards passed
 * and returns the book it streams; `stop` lets it go (it ends: a CSV needs none, a read sheet no more).
 * If the parse thread dies (its memory limit), whoever started it (reader.ts) ends the read.
 */
export function connectParseThread(port: MessagePort): { open(path: string, meta: WorkbookMeta, merges: (part: string) => Promise<string[]>, limits: ReadLimits): SourceBook; stop(): void } {
  const inbox = new Inbox<ParseMessage | { type: 'died' }>();
  port.on('message', (m: ParseMessage) => inbox.put(m));
  port.on('close', () => inbox.put({ type: 'died' }));
  const stop = () => port.close();
  const command = (c: ParseCommand) => port.postMessage(c);

  function open(path: string, meta: WorkbookMeta, merges: (part: string) => Promise<string[]>, limits: ReadLimits): SourceBook {
    command({ type: 'open', path, meta, limits });
    // The shared strings are parsed here, by exceljs's parser, while the parse thread starts on the rows
    // (this thread would only wait for its first rows meanwhile); its cells name them by index. They are
    // needed before the first sheet, as in a single-thread read (which parses them first).
    const strings = readSharedStrings(path, meta, limits);
    strings.catch(() => undefined); // a failure is thrown where the sheets are asked for
    const shared: SharedCells = { strings: undefined, cells: [] };
    let seq = 0;
    let dead: Error | null = null;
    /** The next message about the current sheet; a dropped sheet's leftovers are skipped. */
    const receive = async () => {
      if (dead) throw dead;
      for (;;) {
        const m = await inbox.take();
        if (m.type === 'died') throw (dead = new Error('the parse thread stopped'));
        if (m.seq !== seq) continue;
        if (m.type === 'fail') {
          const f = m.failure;
          throw f.kind === 'limit' ? new SheetLimitError(f.limit, f.sheet, f.row) : new Error(f.message);
        }
        return m;
      }
    };

    async function* rowsOf(mine: number, name: string, gate: MergeGate): AsyncGenerator<SourceRow> {
      for (;;) {
        if (seq !== mine) return; // the consumer moved on to the next sheet
        let m: Awaited<ReturnType<typeof receive>>;
        try {
          m = await receive();
        } catch (e) {
          // As in a single-thread read: the rows before the failure go first, merges and all.
          yield* await gate.end();
          throw e;
        }
        if (m.type === 'rows-end') break;
        if (m.type !== 'rows') throw new Error(`parse thread sent '${m.type}' among rows`);
        command({ type: 'taken', batches: 1 });
        const { rows, failure } = decodeCells(m.batch, meta.date1904, shared, name, limits.maxColumns);
        for (const row of rows) {
          if (gate.open) yield gate.fill(row);
          else yield* gate.pass(row);
        }
        if (failure) {
          yield* await gate.end();
          throw failure;
        }
      }
      yield* await gate.end();
    }

    async function* sheets(): AsyncGenerator<SourceSheet> {
      for (;;) {
        seq++;
        command({ type: 'next' });
        shared.strings = await strings;
        const m = await receive();
        if (m.type === 'sheets-end') return;
        if (m.type !== 'sheet') throw new Error(`parse thread sent '${m.type}' for a sheet`);
        yield { name: m.name, visible: m.visible, rows: rowsOf(seq, m.name, new MergeGate(merges(m.part))) };
      }
    }

    return { sheets: meta.sheets.map(({ name, visible }) => ({ name, visible })), open: sheets, close: stop };
  }

  return { open, stop };
}
