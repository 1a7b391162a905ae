// The read worker's file side, seen from the calling thread as a SourceBook: the worker (read.worker.ts)
// opens the file and streams its rows; the caller chooses the sheet, checks and groups (read-pipeline.ts).
//
// Rows travel packed in batches (row-pack.ts: typed arrays moved, one array of distinct texts): 'next' asks
// for the next sheet (the worker drops whatever is left of the current one, as a skipped sheet is never
// parsed in a single-thread read) and the worker streams that sheet's rows at once, at most `window`
// batches ahead of what the caller has taken ('taken'), which bounds the memory in between. Every message
// about a sheet carries its sequence number, so the rest of a dropped sheet's rows, already on their way,
// are recognised and dropped. Failures travel as data and are thrown again on the caller's side as the very
// errors the single-thread read throws (a sheet limit, a guard's refusal, an unreadable workbook).
import type { OperationId } from '../../../shared/operations/types';
import type { AppError, Result } from '../../../shared/result';
import type { WorkerStart } from './check-channel';
import type { OpenedSource } from './read-pipeline';
import { SheetLimitError } from './source';
import type { EarlyRows, SourceBook, SourceRow, SourceSheet } from './source';
import { RowPacker, unpackRows } from './row-pack';
import type { PackedRows } from './row-pack';
import type { SourceFile } from './types';
import { GuardFailure } from './zip-guard';

/** Rows per batch: a few milliseconds of work on either side, few enough messages. */
const rowsPerBatch = 500;
/** A sheet's first batch is smaller: the review's first rows (100, below a header of a few rows) need not wait for 500 to be parsed. */
const firstBatchRows = 128;
/** Batches the worker may run ahead of the caller: few, so rows wait in the worker, not in the caller's heap (fewer promoted to its old generation; 16 stalled the main thread longer in the bench). */
const window = 16;

type Failure = { kind: 'limit'; limit: SheetLimitError['limit']; sheet: string; row: number } | { kind: 'guard'; error: AppError } | { kind: 'error'; message: string };

/** What the worker knows once the file is open. */
export interface OpenedFacts {
  file: Omit<SourceFile, 'sha256'>;
  sheets: SourceBook['sheets'];
  marks: [string, OperationId][];
}

/** Worker → caller. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'opened'; result: Result<OpenedFacts> }
  | { type: 'refusal'; error: AppError | null }
  | { type: 'sha256'; value: string } | { type: 'sha256'; failure: string }
  | { type: 'sheet'; seq: number; name: string; visible: boolean }
  | { type: 'sheets-end'; seq: number }
  | { type: 'rows'; seq: number; packed: PackedRows; lastRow: number | null }
  /** The sheet's first rows parsed before its merges were known (SourceSheet.early), before any of its 'rows'. */
  | { type: 'early'; seq: number; packed: PackedRows; complete: boolean; lastRowAtLeast: number | null }
  | { type: 'rows-end'; seq: number }
  | { type: 'fail'; seq: number; failure: Failure };

type SheetMessage = Exclude<WorkerMessage, { type: 'ready' | 'opened' | 'refusal' | 'sha256' | 'early' }>;

/** Caller → worker. */
/** Caller → worker; 'start' only to a warm worker, which was started before its file was known. */
export type CallerCommand = { type: 'start'; start: WorkerStart } | { type: 'next' } | { type: 'taken' } | { type: 'close' };

/** Messages as they arrive, taken one at a time. */
export class Inbox<T> {
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
  e instanceof SheetLimitError
    ? { kind: 'limit', limit: e.limit, sheet: e.sheet, row: e.row }
    : e instanceof GuardFailure
      ? { kind: 'guard', error: e.error }
      : { kind: 'error', message: e instanceof Error ? e.message : String(e) };

const thrown = (f: Failure): Error =>
  f.kind === 'limit' ? new SheetLimitError(f.limit, f.sheet, f.row) : f.kind === 'guard' ? new GuardFailure(f.error) : new Error(f.message);

// ————————————————————————————————————————— the worker's end —————————————————————————————————————————

/** Serves an opened file to the caller until the worker is ended: the facts, then the sheets as asked. */
export async function serveSource(source: OpenedSource, inbox: Inbox<CallerCommand>, post: (m: WorkerMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const { file, book, marks } = source;
  post({ type: 'opened', result: { ok: true, value: { file, sheets: book.sheets, marks: [...(marks ?? [])] } } });
  void source.refusal.then((error) => post({ type: 'refusal', error }));
  source.sha256.then(
    (value) => post({ type: 'sha256', value }),
    (e: unknown) => post({ type: 'sha256', failure: e instanceof Error ? e.message : String(e) }),
  );
  const sheets = book.open()[Symbol.asyncIterator]();
  let seq = 0;
  let next: CallerCommand | null = null;
  for (;;) {
    // Wait for 'next' (credits for a sheet left behind no longer matter).
    while (next?.type !== 'next') {
      next = await inbox.take();
      if (next.type === 'close') book.close();
    }
    next = null;
    seq++;
    let item: IteratorResult<SourceSheet>;
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
    post({ type: 'sheet', seq, name: sheet.name, visible: sheet.visible });
    const mine = seq;
    void sheet.early?.then((early) => {
      if (!early) return;
      const packer = new RowPacker();
      for (const row of early.rows) packer.add(row);
      const { packed, transfer } = packer.take();
      post({ type: 'early', seq: mine, packed, complete: early.complete, lastRowAtLeast: early.lastRowAtLeast }, transfer);
    });
    const batch = new RowPacker();
    let ahead = 0;
    let sent = 0;
    /** Takes the caller's message; true when it moved on (the next sheet, or done). */
    const heard = (m: CallerCommand | undefined): boolean => {
      if (m?.type === 'taken') ahead--;
      else if (m) next = m;
      return next !== null;
    };
    const send = () => {
      if (batch.rows === 0) return;
      const { packed, transfer } = batch.take();
      post({ type: 'rows', seq, packed, lastRow: sheet.lastRow?.() ?? null }, transfer);
      ahead++;
      sent++;
    };
    /** Sends the batch and waits while too far ahead; false when the sheet is left behind. */
    const sendAndPace = async (): Promise<boolean> => {
      send();
      for (let m = inbox.poll(); m; m = inbox.poll()) if (heard(m)) return false;
      while (ahead >= window) if (heard(await inbox.take())) return false;
      return true;
    };
    try {
      let going = true;
      // Leaving the loop early ends the parse of this sheet: it is left behind.
      for await (const row of item.value.rows) {
        batch.add(row);
        if (batch.rows >= (sent === 0 ? firstBatchRows : rowsPerBatch) && !(going = await sendAndPace())) break;
      }
      if (!going) continue;
      send();
      post({ type: 'rows-end', seq });
    } catch (e) {
      // The rows read before the failure go first, as they would in a single-thread read.
      send();
      post({ type: 'fail', seq, failure: failureOf(e) });
    }
  }
}

// ————————————————————————————————————————— the caller's end —————————————————————————————————————————

/** The worker's file as the caller sees it: feed it the worker's messages (`take`) and its end (`died`). */
export interface RemoteSource {
  /** The file once the worker opened it, or the intake guards' refusal. */
  opened: Promise<Result<OpenedSource>>;
  take(m: WorkerMessage): void;
  /** The worker stopped (its memory limit, the time limit, a crash): nothing waits for it any more. */
  died(): void;
}

/** The caller's end; `command` posts to the worker. */
export function remoteSource(command: (c: CallerCommand) => void): RemoteSource {
  const inbox = new Inbox<SheetMessage | { type: 'died' }>();
  let dead: Error | null = null;
  let opened: (r: Result<OpenedSource>) => void = () => undefined;
  let refused: (e: AppError | null) => void = () => undefined;
  let hashed: (r: { value: string } | { failure: string }) => void = () => undefined;
  const refusal = new Promise<AppError | null>((resolve) => (refused = resolve));
  const sha256 = new Promise<string>((resolve, reject) => (hashed = (r) => ('value' in r ? resolve(r.value) : reject(new Error(r.failure)))));
  sha256.catch(() => undefined); // its failure is reported where the hash is awaited
  let seq = 0;
  /** Each sheet's early rows (SourceSheet.early), by sequence number, until its rows come. */
  const earlies = new Map<number, (early: EarlyRows | null) => void>();
  const earlyOf = (mine: number): Promise<EarlyRows | null> => new Promise((resolve) => earlies.set(mine, resolve));
  const settleEarly = (mine: number, early: EarlyRows | null) => {
    earlies.get(mine)?.(early);
    earlies.delete(mine);
  };

  /** The next message about the current sheet; leftovers of a sheet left behind are skipped. */
  const receive = async (): Promise<SheetMessage> => {
    for (;;) {
      if (dead) throw dead;
      const m = await inbox.take();
      if (m.type === 'died') throw (dead = new Error('the read worker stopped'));
      if (m.seq !== seq) continue;
      if (m.type === 'fail') throw thrown(m.failure);
      return m;
    }
  };

  async function* rowsOf(mine: number, told: { lastRow: number | null }): AsyncGenerator<SourceRow> {
    try {
      for (;;) {
        if (seq !== mine) return; // the consumer moved on to the next sheet
        const m = await receive();
        settleEarly(mine, null); // the rows themselves are here: an early preview would come late
        if (m.type === 'rows-end') return;
        if (m.type !== 'rows') throw new Error(`read worker sent '${m.type}' among rows`);
        command({ type: 'taken' });
        told.lastRow = m.lastRow;
        yield* unpackRows(m.packed);
      }
    } finally {
      settleEarly(mine, null);
    }
  }

  async function* sheets(): AsyncGenerator<SourceSheet> {
    for (;;) {
      settleEarly(seq, null); // a sheet left behind
      seq++;
      command({ type: 'next' });
      const m = await receive();
      if (m.type === 'sheets-end') return;
      if (m.type !== 'sheet') throw new Error(`read worker sent '${m.type}' for a sheet`);
      const told = { lastRow: null as number | null };
      yield { name: m.name, visible: m.visible, rows: rowsOf(seq, told), lastRow: () => told.lastRow, early: earlyOf(seq) };
    }
  }

  const source = (facts: OpenedFacts): OpenedSource => ({
    file: facts.file,
    marks: new Map(facts.marks),
    book: { sheets: facts.sheets, open: sheets, close: () => command({ type: 'close' }) },
    refusal,
    sha256,
  });

  return {
    opened: new Promise((resolve) => (opened = resolve)),
    take(m) {
      if (m.type === 'ready') return;
      if (m.type === 'opened') opened(m.result.ok ? { ok: true, value: source(m.result.value) } : m.result);
      else if (m.type === 'refusal') refused(m.error);
      else if (m.type === 'sha256') hashed(m);
      else if (m.type === 'early') settleEarly(m.seq, { rows: [...unpackRows(m.packed)], complete: m.complete, lastRowAtLeast: m.lastRowAtLeast });
      else inbox.put(m);
    },
    died() {
      opened({ ok: false, error: { code: 'INTERNAL', message: 'the read worker stopped before opening the file' } });
      refused(null);
      hashed({ failure: 'the read worker stopped' });
      for (const mine of [...earlies.keys()]) settleEarly(mine, null);
      inbox.put({ type: 'died' });
    },
  };
}
