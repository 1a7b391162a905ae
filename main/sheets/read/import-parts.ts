// The check worker's finished import crosses in parts (check-channel.ts), so that no task of the calling
// thread takes long: as one message, receiving it (structured-clone deserialisation of ≈ 55,000 strings of
// a 100,000-row sheet: its distinct texts and order keys) was 13–14 ms of the calling thread's CPU in a
// single task, its worst pause of the read. The typed arrays are moved in the import's head; every list that
// grows with the sheet (texts, lists, order keys, notices, problems by row) is cut into parts of bounded
// weight, each its own message on a port of its own that the calling thread takes one part at a time
// (receiveMessageOnPort), a task each. Node delivers every message queued on a port in one go:
// had the parts come as 'message' events, they would have been one long task again.
import type { MessagePort } from 'node:worker_threads';
import { receiveMessageOnPort } from 'node:worker_threads';
import type { CellProblem } from '../../../shared/operations/types';
import type { ShippedImport } from './check-channel';
import type { SheetNotice } from './types';

/** The lists that grow with the sheet, by name; `own` and `extra` (Maps) cross as their entries. */
interface Bulk {
  texts: string[];
  lists: (readonly string[])[];
  keys: string[];
  notices: SheetNotice[];
  own: [number, readonly CellProblem[]][];
  extra: [number, readonly CellProblem[]][];
}
type BulkName = keyof Bulk;

/** One part of one list, items in order. */
export interface ImportPart {
  list: BulkName;
  items: unknown[];
}

/**
 * A part's weight limit: 4,096 short strings, or texts of ≈ 256,000 characters, or 512 objects (a row's
 * problems, a notice, a list value) — each part about a millisecond or less to receive on a slow machine.
 */
const partWeight = 4096;
const weightOf = (item: unknown): number => (typeof item === 'string' ? 1 + (item.length >> 6) : 8);

function cut(list: BulkName, items: Iterable<unknown>, into: ImportPart[]): void {
  let part: unknown[] = [];
  let weight = 0;
  for (const item of items) {
    part.push(item);
    weight += weightOf(item);
    if (weight >= partWeight) {
      into.push({ list, items: part });
      part = [];
      weight = 0;
    }
  }
  if (part.length > 0) into.push({ list, items: part });
}

/** The shipped import as its head (those lists emptied; the typed arrays stay in it, to be moved) and the parts of its lists. */
export function partsOf(shipped: ShippedImport): { head: ShippedImport; parts: ImportPart[] } {
  const { rows, orders } = shipped;
  const parts: ImportPart[] = [];
  // A Map's items are its entries.
  const lists: [BulkName, Iterable<unknown>][] = [['texts', rows.texts], ['lists', rows.lists], ['keys', orders.keys], ['notices', shipped.notices], ['own', rows.own], ['extra', rows.extra]];
  for (const [list, items] of lists) cut(list, items, parts);
  const head: ShippedImport = { ...shipped, notices: [], rows: { ...rows, texts: [], lists: [], own: new Map(), extra: new Map() }, orders: { ...orders, keys: [] } };
  return { head, parts };
}

/** Puts the import together again from its head and its parts, in order. */
export class ImportAssembly {
  private readonly bulk: Bulk = { texts: [], lists: [], keys: [], notices: [], own: [], extra: [] };
  private readonly own = new Map<number, readonly CellProblem[]>();
  private readonly extra = new Map<number, readonly CellProblem[]>();

  take(part: ImportPart): void {
    if (part.list === 'own' || part.list === 'extra') {
      const map = this[part.list];
      for (const [row, problems] of part.items as Bulk['own']) map.set(row, problems);
      return;
    }
    // One push of the whole part (at most 4,096 items: within any argument limit).
    (this.bulk[part.list] as unknown[]).push(...part.items);
  }

  finish(head: ShippedImport): ShippedImport {
    const { texts, lists, keys, notices } = this.bulk;
    return { ...head, notices, rows: { ...head.rows, texts, lists, own: this.own, extra: this.extra }, orders: { ...head.orders, keys } };
  }
}

/**
 * Takes `count` parts from `port` (the check worker posted them before the head), one part a task (each is
 * bounded work: ≈ 0.5 ms to receive and append on the bench's machine; a 6 ms slice of several parts let a
 * loaded machine's pause reach 10–14 ms of this thread's CPU), and the import they make with `head`. A part
 * not there yet is waited for a turn at a time; null once `over` (the read ended otherwise: the worker
 * stopped, the time limit).
 */
export async function assemble(head: ShippedImport, count: number, port: MessagePort, over: AbortSignal): Promise<ShippedImport | null> {
  const assembly = new ImportAssembly();
  for (let taken = 0; taken < count; ) {
    // A turn first: the head's message was a task of its own.
    await new Promise((resolve) => setImmediate(resolve));
    if (over.aborted) return null;
    const received = receiveMessageOnPort(port);
    if (!received) continue;
    assembly.take(received.message as ImportPart);
    taken++;
  }
  return assembly.finish(head);
}
