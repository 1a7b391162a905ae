// Header matching: clerks' header cells come with stars, (必填) markers, full-width characters,
// stray spaces and line breaks; all of that is noise. Also infers the operation from a header row.
import { operations } from './catalog';
import type { FieldDef, OperationDef, OperationId } from './types';

/** Zero-width characters and the BOM, which \s does not cover. */
const zeroWidth = /[\u200b-\u200d\u2060\ufeff]/g;
/** Trailing markers of required/optional columns, after NFKC (full-width brackets are already ASCII). */
const trailingMarker = /(\((必填|必须|必需|required|选填|可选|optional)\)|\*)$/;

/** The comparable form of a header cell: NFKC, lower case, no spaces or line breaks, no * or (必填) markers. */
export function normaliseHeader(text: string): string {
  let s = text.normalize('NFKC').toLowerCase().replace(zeroWidth, '').replace(/\s+/gu, '');
  s = s.replace(/^\*+/, '');
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(trailingMarker, '');
  }
  return s;
}

/** Every normalised spelling of a field: its labels, its key, its API name and its aliases. */
const spellingsOf = (f: FieldDef): string[] =>
  [f.label['zh-CN'], f.label.en, f.key, f.apiName ?? f.key, ...f.aliases].map(normaliseHeader);

const lookup = new Map<OperationId, Map<string, FieldDef>>(
  operations.map((op) => {
    const byName = new Map<string, FieldDef>();
    // First field wins a shared spelling, so catalog order decides (none share one today).
    for (const f of op.fields) for (const s of spellingsOf(f)) if (s && !byName.has(s)) byName.set(s, f);
    return [op.id, byName];
  }),
);

export function matchHeader(op: OperationDef, headerText: string): FieldDef | undefined {
  return lookup.get(op.id)?.get(normaliseHeader(headerText));
}

/** How many cells look like a known header of any operation; the reader takes the best row of the first 20. */
export function scoreHeaderRow(cells: string[]): number {
  return cells.filter((c) => operations.some((op) => matchHeader(op, c) !== undefined)).length;
}

/** The fields a sheet needs before its headers alone name the operation. */
const signature: Record<OperationId, readonly string[]> = {
  'return-create': ['outer_no', 'spec_no', 'num'],
  'return-cancel': ['returnNos'],
  'return-pending': ['purchaseReturnNos'],
  'other-in-cancel': ['order_no_list'],
  'stockin-cancel': ['stockin_no'],
};

export type Inference = { operation: OperationId; matched: string[] } | { ambiguous: OperationId[] } | null;

/**
 * The operation a header row names. A create sheet is recognised by 外部单号 + 商家编码 + 退货数量
 * (it may carry other number columns too); otherwise exactly one list operation must fit. 采购退货单号
 * fits both cancel and pending, so that sheet is ambiguous and the person picks; the API names
 * `returnNos` / `purchaseReturnNos` belong to one method each and settle it.
 */
export function inferOperation(headers: string[]): Inference {
  const fits = operations.filter((op) => {
    const found = new Set(headers.map((h) => matchHeader(op, h)?.key));
    return signature[op.id].every((key) => found.has(key));
  });
  const chosen = fits.find((op) => op.id === 'return-create') ?? (fits.length === 1 ? fits[0] : undefined);
  if (chosen) return { operation: chosen.id, matched: headers.filter((h) => matchHeader(chosen, h) !== undefined) };
  if (fits.length > 1) return { ambiguous: fits.map((op) => op.id) };
  return null;
}
