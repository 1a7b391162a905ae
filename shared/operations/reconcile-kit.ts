// Reconciliation by query, the shape shared by every method that has one: look the document up with a
// read-only query, then decide who did what from its state and its last-changed time (wdt-protocol.md):
// a document in the state our call would leave it counts as our doing only if it changed no earlier than
// our first attempt left, on the ERP's clock. Pure: the runner does the calls.
import type { ErpAnswer } from './types';

/** One lookup call: the query's positional arguments; paging travels in the query string. */
export interface LookupCall {
  args: unknown[];
}

/** The document a lookup found. */
export interface FoundDocument {
  /** Its number as the ERP gives it. */
  no: string;
  /** Is it in the state our call would leave it in? null: the answer does not say. */
  effectShown: boolean | null;
  /** When it last changed (or, for a create, was made), in epoch ms; null: unreadable. */
  changedMs: number | null;
}

/** What the query can tell about one operation. */
export interface ReconcileSpec {
  /** The read-only query method (it needs its own API permission). */
  method: string;
  /** What our call does to the document, for the words of the verdict. */
  effect: 'created' | 'cancelled' | 'stopped';
  /**
   * The lookups for one key, tried in order until one finds it (the -1 rule adds a second). `window` is
   * the span to search on the ERP's clock ('yyyy-MM-dd HH:mm:ss', at most 30 days) for queries that need one.
   */
  lookups(key: string, window: { start: string; end: string }): LookupCall[];
  /** Did the window matter? A query by number ignores it, so not finding the document is proof it does not exist. */
  windowed: boolean;
  /** The document of `key` in an answer: null when absent, 'unreadable' when the answer cannot be read. */
  find(answer: ErpAnswer, key: string): FoundDocument | null | 'unreadable';
}

export type QueryVerdict =
  | { kind: 'succeeded'; doc: FoundDocument }
  /** Our call did nothing: sending it (again) is safe. */
  | { kind: 'not-done' }
  /** The document was already so before our first attempt: not our doing. */
  | { kind: 'already'; doc: FoundDocument; sinceMs: number }
  /** The answer cannot tell: a person must look. */
  | { kind: 'unknown' };

/**
 * The ERP's times have one-second resolution and our estimate of its clock (from the Date header) is good
 * to about a second: a change within this margin before our first send still counts as ours.
 */
export const clockMarginMs = 2_000;

/** Who did it (wdt-protocol.md, "What the pages leave open"). `sentAtServerMs`: our first attempt, on the ERP's clock. */
export function verdictOf(found: FoundDocument | null, sentAtServerMs: number | null): QueryVerdict {
  if (found === null) return { kind: 'not-done' };
  if (found.effectShown === null) return { kind: 'unknown' };
  if (!found.effectShown) return { kind: 'not-done' };
  if (found.changedMs === null || sentAtServerMs === null) return { kind: 'unknown' };
  if (found.changedMs >= sentAtServerMs - clockMarginMs) return { kind: 'succeeded', doc: found };
  return { kind: 'already', doc: found, sinceMs: found.changedMs };
}
