// Planning: orders → calls, each within the method's per-call limit (catalog, lowered by the profile).
// Only valid, kept orders reach here: invalid and duplicate rows are never planned.
import type { OrderDraft } from '../../shared/operations/types';

/** The order keys of each call, in order; every call holds 1..perCall orders. */
export function planCalls(orders: readonly Pick<OrderDraft, 'key'>[], perCall: number): string[][] {
  if (!Number.isInteger(perCall) || perCall < 1) throw new Error(`planCalls: per-call limit must be a positive integer, got ${perCall}`);
  const calls: string[][] = [];
  for (let i = 0; i < orders.length; i += perCall) calls.push(orders.slice(i, i + perCall).map((o) => o.key));
  return calls;
}
