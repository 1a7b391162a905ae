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

/** Each operation's spellings, made on first use (so an operation added to the catalog later has its own). */
const lookups = new WeakMap<OperationDef, Map<string, FieldDef>>();
function lookup(op: OperationDef): Map<string, FieldDef> {
  let byName = lookups.get(op);
  if (!byName) {
    byName = new Map<string, FieldDef>();
    // First field wins a shared spelling, so field order decides (none share one today).
    for (const f of op.fields) for (const s of spellingsOf(f)) if (s && !byName.has(s)) byName.set(s, f);
    lookups.set(op, byName);
  }
  return byName;
}

/** A unit in brackets at the end of a header, after NFKC (so full-width brackets are ASCII): 单价(元), 税率(%). */
const unitSuffix = /\(([^()]{1,12})\)$/;
/** Units a number column may name: money (单价(元), 单价(元/件)) and counts (数量(件)); a % unit marks a rate. */
const decimalUnits = new Set([
  '元', '人民币', 'rmb', 'cny', '¥', 'yuan',
  '件', '个', '箱', '盒', '台', '套', '双', '只', '瓶', '包', '袋', '张', '支', '条', '把', '块', '本', '罐', '桶', '卷', '对',
  'pcs', 'pc', 'kg', 'g', '克', '千克', '公斤', '吨', '米', 'm', '升', 'l', 'ml',
]);
const percentUnits = new Set(['%', '百分比', 'percent']);

/** Where a header puts its column: the field, and whether its numbers are percentages (a % unit). */
export interface HeaderPlace {
  field: FieldDef;
  /** The header names a % unit (税率(%)): 13 in the column means 0.13; a cell's own 13% is read as written. */
  percent: boolean;
}

/**
 * The field a header names, and its unit. A unit in brackets still names the field, but only a unit that
 * fits it: a % unit a rate, a money or count unit a number column. 单价(含税) names no unit and so no field
 * (it is not 单价): the clerk sees the column listed as not sent rather than a price quietly mistaken.
 */
export function placeHeader(op: OperationDef, headerText: string): HeaderPlace | undefined {
  const byName = lookup(op);
  const name = normaliseHeader(headerText);
  const exact = byName.get(name);
  if (exact) return { field: exact, percent: false };
  const unit = unitSuffix.exec(name);
  if (!unit) return undefined;
  const field = byName.get(normaliseHeader(name.slice(0, unit.index)));
  if (!field) return undefined;
  const text = unit[1] as string;
  if (percentUnits.has(text)) return field.type === 'rate' ? { field, percent: true } : undefined;
  // 元/件: the first part is the unit of the number itself.
  return field.type === 'decimal' && decimalUnits.has(text.split('/')[0] as string) ? { field, percent: false } : undefined;
}

export function matchHeader(op: OperationDef, headerText: string): FieldDef | undefined {
  return placeHeader(op, headerText)?.field;
}

/** How many cells look like a known header of any operation; the reader takes the best row of the first 20. */
export function scoreHeaderRow(cells: string[]): number {
  return cells.filter((c) => operations.some((op) => matchHeader(op, c) !== undefined)).length;
}

export type Inference = { operation: OperationId; matched: string[] } | { ambiguous: OperationId[] } | null;

/**
 * The operation a header row names: every operation whose signature (OperationDef.signature) the headers
 * hold fits, and the one whose signature asks most wins — a create sheet (外部单号 + 商家编码 + 退货数量)
 * may carry other number columns too. Several fits asking equally much are ambiguous and the person picks:
 * 采购退货单号 fits both cancel and pending; the API names `returnNos` / `purchaseReturnNos` belong to
 * one method each and settle it.
 */
export function inferOperation(headers: string[]): Inference {
  const fits = operations.filter((op) => {
    const found = new Set(headers.map((h) => matchHeader(op, h)?.key));
    return op.signature.length > 0 && op.signature.every((key) => found.has(key));
  });
  const most = Math.max(0, ...fits.map((op) => op.signature.length));
  const best = fits.filter((op) => op.signature.length === most);
  const [chosen] = best;
  if (best.length === 1 && chosen) return { operation: chosen.id, matched: headers.filter((h) => matchHeader(chosen, h) !== undefined) };
  if (best.length > 1) return { ambiguous: best.map((op) => op.id) };
  return null;
}
