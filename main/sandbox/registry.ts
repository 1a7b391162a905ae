// What the sandbox ERP knows: its document kinds (documents/index.ts) and, through them, its methods.
// One live list each, read when asked (never copied at module load), so what the seams add is seen by
// the next state opened and the next call dispatched.
import { z } from 'zod';
import type { MethodHandler } from './handler-kit';
import { builtInDocuments } from './documents';
import type { DocumentKind } from './documents/kit';

const kinds: DocumentKind[] = [...builtInDocuments];
const addedMethods = new Map<string, MethodHandler>();

/** Every document kind, in data-file order. */
export const documentKinds = (): readonly DocumentKind[] => kinds;

/** Every method the sandbox answers, by API method name: the kinds' own, then added ones. */
export function sandboxMethods(): Readonly<Record<string, MethodHandler>> {
  return Object.assign({}, ...kinds.map((k) => k.methods), Object.fromEntries(addedMethods)) as Record<string, MethodHandler>;
}

/** The handler of one API method, or undefined (the sandbox answers 接口[…]不存在). */
export const methodHandler = (method: string): MethodHandler | undefined => sandboxMethods()[method];

const dispose = <T>(list: T[], item: T) => () => {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
};

/**
 * For tests and for the adding-a-method walkthrough only (docs/adding-a-method.md): adds a document kind
 * (a state opened afterwards has its table) and returns the function that takes it out again. A real
 * kind is a file in documents/ and a line in documents/index.ts.
 */
export function addDocumentKind<T>(kind: DocumentKind<T>): () => void {
  if (kinds.some((k) => k.table === kind.table)) throw new Error(`the sandbox already has a table ${kind.table}`);
  const entry = kind as DocumentKind;
  kinds.push(entry);
  return dispose(kinds, entry);
}

/** For tests and for the walkthrough only: adds a method acting on existing documents; returns its remover. */
export function addSandboxMethod(method: string, handler: MethodHandler): () => void {
  if (methodHandler(method)) throw new Error(`the sandbox already answers ${method}`);
  addedMethods.set(method, handler);
  return () => void addedMethods.delete(method);
}

/** Bookkeeping beside the tables: createOrder attempts per outer_no (evidence) and the next return_id. */
const bookkeeping = {
  createAttempts: z.record(z.string(), z.number().int()).default({}),
  nextReturnId: z.number().int().default(1000),
};

/**
 * The data file, as the kinds registered now read it: a missing table gets its kind's seed, a missing
 * field its default, so a file written by an earlier version (before a kind or a field) still loads.
 */
export const sandboxDataSchema = () =>
  z.looseObject({
    ...Object.fromEntries(kinds.map((k) => [k.table, z.array(k.schema).default(() => k.seed())])),
    ...bookkeeping,
  });

/** Everything the sandbox knows; what `dataFile` holds and `GET /__sandbox/state` shows. */
export type SandboxData = { [table: string]: unknown } & { createAttempts: Record<string, number>; nextReturnId: number };
