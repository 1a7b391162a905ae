// The shape of the operation catalog: one file per API method describes its fields, limits,
// how rows become call arguments and how an answer becomes per-order outcomes.
// Nothing outside shared/operations/ knows a method's details (rule 4: one method, one file).
import type { z } from 'zod';
import type { Message } from '../i18n/define';
import type { LocalizedText } from '../i18n';
import type { ReconcileSpec } from './reconcile-kit';

/** The submit-able operations' ids (CLI `--op` names): derived from the catalog, never listed by hand. */
import type { OperationId } from './catalog';
export type { OperationId };

/** How a cell's text is understood. */
export type FieldType =
  | 'id' // an identifier: the text the cell shows ("000123" stays "000123")
  | 'text' // free text, trimmed
  | 'decimal' // Decimal(19,4), kept as a canonical decimal string ("1234.5"), never a float
  | 'rate' // a decimal that also accepts a trailing % ("13%" → "0.13")
  | 'boolean' // 是/否, Y/N, true/false, 1/0 (+ field-specific words in `values`)
  | 'datetime' // "YYYY-MM-DD HH:mm:ss"
  | 'enum' // one of `values`
  | 'idList'; // several identifiers in one cell, separated by , ， ; ； 、 or new lines

/** A value after normalisation. Decimals are canonical decimal strings. */
export type FieldValue = string | boolean | number | readonly string[];

export interface EnumValue {
  value: string | number | boolean;
  /** Cell spellings that mean this value (matched after header-style normalisation). */
  labels: readonly string[];
}

export interface FieldDef {
  /** The API field name, e.g. `outer_no`; unique within an operation (the key of a row's values). */
  key: string;
  /** The name in the request when it differs from `key` (createOrder has `remark` in orderInfo and in detailList). */
  apiName?: string;
  /** `order`: one value per order (orderInfo, or the document number); `line`: one per row (detailList). */
  scope: 'order' | 'line';
  label: Message;
  /** Other header spellings. The zh-CN and en labels and the key are always accepted too. */
  aliases: readonly string[];
  type: FieldType;
  required: boolean;
  /** Maximum length in characters, as the API counts them (for an idList: of each item). */
  maxLength?: number;
  /** Characters the ERP refuses in this field (telno: `*`, "电话号码不能包含*"). */
  forbiddenChars?: string;
  /** Decimals: must be > 0 (quantities). */
  positive?: boolean;
  /** Decimals: must be ≥ 0 (prices, fees, rates). */
  nonNegative?: boolean;
  /** enum/boolean: the accepted spellings of each value. */
  values?: readonly EnumValue[];
  /** One line for the template's explanation sheet. */
  description: Message;
  /** Example cell text for the template's example row. */
  example?: string;
}

/** One validated order, ready to be planned into calls. */
export interface OrderDraft {
  /** What identifies the order to the ERP: `outer_no` for creates, the document number otherwise. */
  key: string;
  /** Source row numbers (1-based, as Excel shows them), in source order. */
  rows: readonly number[];
  /** Order-level values by API field. */
  header: Readonly<Record<string, FieldValue>>;
  /** Line-level values by API field, one per row (creates); empty for list operations. */
  lines: readonly Readonly<Record<string, FieldValue>>[];
}

/** The top-level JSON answer of the ERP, as parsed by the client. */
export interface ErpAnswer {
  status: number;
  message?: string;
  data?: unknown;
}

/** What one call did to one order, decided from the response structure (never from message text). */
export type OrderOutcome =
  | { key: string; state: 'succeeded'; message?: string; erpNo?: string; text?: LocalizedText }
  | { key: string; state: 'failed'; message: string; text?: LocalizedText; note?: LocalizedText }
  | { key: string; state: 'unknown'; message: string; text?: LocalizedText };
// `message` is the ERP's reason verbatim (failed) or our zh-CN rendering of `text`; `text`, where set,
// is our own wording, so a front end can show it in the reader's language. `note` (failed) is our own
// explanation beside the ERP's verbatim reason.

/** A problem with one cell or row, named by row and column. */
export interface CellProblem {
  /** Row number as Excel shows it (1-based). */
  row: number;
  /** The header as written, or the field's label when the column is missing. */
  column: string;
  /** The API field name. */
  field: string;
  text: LocalizedText;
  /** Absent means `error` (every problem was one before warnings existed, and stored ones still are). */
  severity?: Severity;
}

/** `error`: the row is not sent; `warning`: shown like an error, but the row is sent (the ERP may still refuse it). */
export type Severity = 'error' | 'warning';

/** True for a problem that keeps its row from being sent. */
export const isBlocking = (p: { severity?: Severity }): boolean => p.severity !== 'warning';

/** A finding across an order's lines that no single cell shows (createOrder: the same spec_no twice). */
export interface LineFinding {
  row: number;
  field: string;
  text: LocalizedText;
  severity: Severity;
}

/** One line of an order as its checks see it: the source row and its normalised values. */
export interface LineValues {
  row: number;
  values: Readonly<Record<string, FieldValue>>;
}

/** How a row ended up after reading and grouping. */
export type RowDisposition =
  | { kind: 'valid'; orderKey: string }
  | { kind: 'invalid' } // see problems (own or its order's)
  | { kind: 'duplicate'; ofRow: number };

/** Per-call options chosen by the person (not by the sheet); an operation declares which it takes (`options`). */
export interface CallOptions {
  /** is_check (审核): check what the call creates right away. */
  isCheck: boolean;
}

/** A call option an operation takes: the person chooses it once per job, the screens and the CLI ask it. */
export interface OperationOption {
  /** Which CallOptions value it sets. */
  key: keyof CallOptions;
  /** Its name in the API request (`is_check`). */
  apiName: string;
  label: Message;
  description: Message;
}

/** True when the operation takes this option (the CLI refuses `--check` elsewhere; the Summary lists it). */
export const takesOption = (op: Pick<OperationDef<string>, 'options'>, key: keyof CallOptions): boolean =>
  op.options?.some((o) => o.key === key) ?? false;

/** Profile settings that may override a method's per-call limit. */
export type PerCallSetting = 'otherInCancelPerCall';


/**
 * One API method, everything the app knows of it. `Id` is the literal id in the method's own file, so the
 * catalog derives OperationId; elsewhere it is OperationId.
 */
export interface OperationDef<Id extends string = OperationId> {
  /** The CLI `--op` name, e.g. `return-cancel`. */
  id: Id;
  /** The API method name, e.g. `purchase.PurchaseReturn.batchCancelOrder`. */
  method: string;
  label: Message;
  description: Message;
  fields: readonly FieldDef[];
  /**
   * The field keys whose headers, all present, name this operation (inferOperation). Where several
   * operations fit a header row, the one whose signature asks most wins (a create sheet carries number columns too).
   */
  signature: readonly string[];
  /** Call options the person chooses for this method (createOrder: is_check); absent = none. */
  options?: readonly OperationOption[];
  /** The field that identifies an order (see OrderDraft.key). */
  keyField: string;
  /** Checks across one order's lines (by-key operations); an `error` keeps the whole order from being sent. */
  checkLines?(key: string, lines: readonly LineValues[]): LineFinding[];
  /** `by-key`: rows sharing the key form one order with several lines; `one-per-row`: a repeated key is a duplicate. */
  grouping: 'by-key' | 'one-per-row';
  /** Orders per call: at most `max`; a profile setting may lower (or, where the page gives none, set) it. */
  perCall: { max: number; setting?: PerCallSetting };
  /** Where set, unknown outcomes are settled by this read-only query (reconcile-kit.ts); else by resending. */
  reconcile?: ReconcileSpec;
  /** Validates one normalised row (order-level and line-level values together) — unknown in, typed out. */
  rowSchema: z.ZodType<Record<string, FieldValue>>;
  /** The positional arguments of one call carrying these orders (decimals via jsonDecimal()). */
  buildArgs(orders: readonly OrderDraft[], options: CallOptions): unknown[];
  /**
   * Per-order outcomes of an answered call (status 0, or a refusal > 0), one per key, in key order.
   * `orders` are the drafts sent, where an outcome depends on what was asked (createOrder's check_fail_cancel).
   */
  outcomes(answer: ErpAnswer, keys: readonly string[], orders?: readonly OrderDraft[]): OrderOutcome[];
}
