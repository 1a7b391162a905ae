// The catalog: every submit-able operation, found by id ('return-cancel') or API method name.
// Adding a method = one file + one line here (architecture rule 4).
import { otherInCancel } from './other-in-cancel';
import { returnCancel } from './return-cancel';
import { returnCreate } from './return-create';
import { returnPending } from './return-pending';
import { stockinCancel } from './stockin-cancel';
import type { OperationDef, PerCallSetting } from './types';

export const operations: readonly OperationDef[] = [returnCreate, returnCancel, returnPending, otherInCancel, stockinCancel];

/** Accepts the CLI id or the full method name (case-insensitive, surrounding spaces ignored). */
export function getOperation(idOrMethod: string): OperationDef | undefined {
  const wanted = idOrMethod.trim().toLowerCase();
  return operations.find((op) => op.id === wanted || op.method.toLowerCase() === wanted);
}

/** Orders per call: the method's maximum, lowered by the profile setting where the method has one; never below 1. */
export function perCallLimit(op: OperationDef, limits: Record<PerCallSetting, number>): number {
  const { max, setting } = op.perCall;
  const configured = setting ? limits[setting] : Number.POSITIVE_INFINITY;
  // A missing or nonsensical setting falls back to the method's own maximum rather than stalling the job.
  const usable = Number.isFinite(configured) && configured >= 1 ? Math.floor(configured) : max;
  return Math.max(1, Math.min(max, usable));
}
