// The catalog: every submit-able operation, found by id ('return-cancel') or API method name.
// Adding a method = one file + one line in `builtIn` (docs/adding-a-method.md). Everything an
// operation differs by lives in its file; nothing outside shared/operations compares an id (lint).
import { z } from 'zod';
import { otherInCancel } from './other-in-cancel';
import { returnCancel } from './return-cancel';
import { returnCreate } from './return-create';
import { returnPending } from './return-pending';
import { stockinCancel } from './stockin-cancel';
import type { OperationDef, PerCallSetting } from './types';

const builtIn = [returnCreate, returnCancel, returnPending, otherInCancel, stockinCancel] as const satisfies readonly OperationDef<string>[];

/** The submit-able operations (CLI `--op` names), as the catalog's files spell them. */
export type OperationId = (typeof builtIn)[number]['id'];

const live: OperationDef[] = [...builtIn];

/**
 * Every operation, in catalog order. One live list (never copied at module load), so whatever asks
 * later (header lookup, inference, getOperation, the ids schema) sees an operation `addOperation` added.
 */
export const operations: readonly OperationDef[] = live;

/** The ids, in catalog order (the review screen's choice, the CLI's `--op` list). */
export const operationIds = (): OperationId[] => live.map((op) => op.id);

/** True for an id of the catalog (exact, as stored in a job or a sheet's mark). */
export const isOperationId = (id: string): id is OperationId => live.some((op) => op.id === id);

/** A stored or requested operation id; checked against the catalog when parsed, not when this module loads. */
export const operationIdSchema = z.custom<OperationId>((v) => typeof v === 'string' && isOperationId(v), {
  message: 'not an operation of the catalog',
});

/**
 * For tests and for the adding-a-method walkthrough only (docs/adding-a-method.md): adds an operation
 * defined outside this folder and returns the function that takes it out again. Product code never calls it:
 * a real method is a file here and a line in `builtIn`. The added id is outside OperationId's union.
 */
export function addOperation(op: OperationDef<string>): () => void {
  if (getOperation(op.id) || getOperation(op.method)) throw new Error(`the catalog already has ${op.id} / ${op.method}`);
  const entry = op as OperationDef;
  live.push(entry);
  return () => {
    const at = live.indexOf(entry);
    if (at >= 0) live.splice(at, 1);
  };
}

/** True while the catalog holds exactly its built-in operations (none added at runtime): a worker thread's catalog is the same. */
export const onlyBuiltIn = (): boolean => live.length === builtIn.length && live.every((op, i) => op === builtIn[i]);

/** Accepts the CLI id or the full method name (case-insensitive, surrounding spaces ignored). */
export function getOperation(idOrMethod: string): OperationDef | undefined {
  const wanted = idOrMethod.trim().toLowerCase();
  return live.find((op) => op.id === wanted || op.method.toLowerCase() === wanted);
}

/** Orders per call: the method's maximum, lowered by the profile setting where the method has one; never below 1. */
export function perCallLimit(op: OperationDef<string>, limits: Record<PerCallSetting, number>): number {
  const { max, setting } = op.perCall;
  const configured = setting ? limits[setting] : Number.POSITIVE_INFINITY;
  // A missing or nonsensical setting falls back to the method's own maximum rather than stalling the job.
  const usable = Number.isFinite(configured) && configured >= 1 ? Math.floor(configured) : max;
  return Math.max(1, Math.min(max, usable));
}
