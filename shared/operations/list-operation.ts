// The four "list of document numbers" methods share one shape: a sheet with one number per row,
// no lines, a repeated number submitted once. Each method file supplies its own field, limit and
// outcome reading; this builds the rest of the OperationDef.
import type { Message } from '../i18n/define';
import { rowSchemaOf } from './field-kit';
import type { ErpAnswer, FieldDef, OperationDef, OrderDraft, OrderOutcome, PerCallSetting } from './types';
import type { ReconcileSpec } from './reconcile-kit';

export interface ListOperationInit<Id extends string = string> {
  /** The CLI `--op` name: a literal, so the catalog derives OperationId from it. */
  id: Id;
  method: string;
  label: Message;
  description: Message;
  keyDef: FieldDef;
  perCall: { max: number; setting?: PerCallSetting };
  reconcile?: ReconcileSpec;
  /** `list`: the one argument is the list of numbers; `single`: the one argument is one number (string). */
  argument: 'list' | 'single';
  outcomes(answer: ErpAnswer, keys: readonly string[]): OrderOutcome[];
}

/** A list-style operation: its sheet is named by its one number column (the signature is that field). */
export function defineListOperation<const Id extends string>(init: ListOperationInit<Id>): OperationDef<Id> {
  const { keyDef, argument, ...rest } = init;
  return {
    ...rest,
    fields: [keyDef],
    keyField: keyDef.key,
    signature: [keyDef.key],
    grouping: 'one-per-row',
    rowSchema: rowSchemaOf([keyDef], keyDef.key),
    buildArgs(orders: readonly OrderDraft[]): unknown[] {
      // More orders than the method takes is a planner bug, never something a clerk can cause.
      if (orders.length === 0) throw new Error(`${init.method}: a call needs at least one order`);
      if (orders.length > init.perCall.max) throw new Error(`${init.method}: ${orders.length} orders exceed ${init.perCall.max} per call`);
      if (argument === 'single') {
        const [only] = orders;
        if (orders.length !== 1 || !only) throw new Error(`${init.method}: exactly one number per call`);
        return [only.key];
      }
      return [orders.map((o) => o.key)];
    },
  };
}
