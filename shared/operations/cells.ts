// One cell → one field value, per spreadsheets.md "Cell values". Every outcome is a value:
// the value, "empty", or a problem that tells the clerk what to do. Never throws.
import type { LocalizedText } from '../i18n';
import { fromPercent, normaliseDecimal } from './cell-decimal';
import { normaliseDateText } from './cell-date';
import { booleanValues } from './field-kit';
import { normaliseHeader } from './headers';
import type { EnumValue, FieldDef, FieldValue } from './types';

/**
 * One cell as the reader saw it: this module's input, before normaliseCell gives it a field type.
 * It lives here, beside its consumer, because shared/ cannot import main/: the reader (main/sheets/read,
 * raw-cell.ts) is its only maker and imports it from here. `text` is what the clerk sees, number formats
 * applied (a cell formatted `000123` shows "000123"); typed values ride along where the cell had one.
 */
export interface RawCell {
  kind: 'empty' | 'text' | 'number' | 'boolean' | 'date' | 'error';
  /** The displayed text. */
  text: string;
  /** kind 'number': the cell's numeric value. */
  number?: number;
  /** kind 'date': the wall-clock date and time as 'YYYY-MM-DD HH:mm:ss' (1900 or 1904 system already applied). */
  date?: string;
  /** kind 'error': the Excel error ('#N/A', '#REF!'…) or 'no-cached-result' for a formula without a cached value. */
  error?: string;
}

export type NormalisedCell = { value: FieldValue } | { empty: true } | { problem: LocalizedText };

const zeroWidth = /[\u200b-\u200d\u2060\ufeff]/g;
const nbsp = /[\u00a0\u202f]/g;
/** Separators between several numbers in one cell (ref_purchase_nos). */
const listSeparators = /[,，;；、\r\n]+/;
/** How Excel shows a number too long for its cell: 1.23457E+17. */
const scientific = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

const problem = (key: LocalizedText['key'], params?: LocalizedText['params']): NormalisedCell =>
  ({ problem: params ? { key, params } : { key } });

/** Characters as the API counts them: code points, so 𠮷 is one. */
const lengthOf = (s: string): number => [...s].length;

function checkLength(field: FieldDef, value: string): NormalisedCell | null {
  // UTF-16 units are never fewer than code points: a short string needs no counting.
  if (field.maxLength === undefined || value.length <= field.maxLength) return null;
  const length = lengthOf(value);
  if (length > field.maxLength) return problem('operations.cell.tooLong', { max: field.maxLength, length });
  return null;
}

/** A character the ERP refuses in this field, named so the clerk can find it (telno: `*`). */
function checkForbidden(field: FieldDef, value: string): NormalisedCell | null {
  if (field.forbiddenChars === undefined) return null;
  for (const char of field.forbiddenChars) if (value.includes(char)) return problem('operations.cell.forbiddenChar', { char, text: value });
  return null;
}

/** Any character NFKC could change (all of ASCII is stable under NFKC). */
const nonAscii = /[\u0080-\uffff]/;
/** Characters normaliseCell removes or replaces; most cells hold none, and skip both replaces. */
const hidden = /[\u00a0\u200b-\u200d\u2060\u202f\ufeff]/;

/** An identifier is the text the clerk sees, unless Excel has already lost digits of it. */
function normaliseId(field: FieldDef, cell: RawCell, shown: string): NormalisedCell {
  // Ids keep inner spaces as typed, but a non-breaking space pasted from a web page is never part of a code.
  const id = shown.replace(nbsp, '').trim();
  if (id === '') return { empty: true };
  if (scientific.test(nonAscii.test(id) ? id.normalize('NFKC') : id)) return problem('operations.cell.idScientific', { text: id });
  if (cell.kind === 'number' && ((cell.number !== undefined && Math.abs(cell.number) >= 1e15) || digitCount(id) > 15)) {
    return problem('operations.cell.idTooManyDigits', { text: id });
  }
  return checkLength(field, id) ?? checkForbidden(field, id) ?? { value: id };
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function choicesOf(field: FieldDef, values: readonly EnumValue[]): string {
  return values
    .map((v) => (field.type === 'enum' ? `${String(v.value)}(${v.labels[0] ?? ''})` : (v.labels[0] ?? String(v.value))))
    .join('/');
}

/** Each choice field's spellings, normalised once; the first value in order wins a shared spelling. */
const spellings = new WeakMap<FieldDef, { values: readonly EnumValue[]; byText: Map<string, EnumValue['value']> }>();

function spellingsOf(field: FieldDef) {
  let known = spellings.get(field);
  if (!known) {
    const values = field.values ?? (field.type === 'boolean' ? booleanValues() : []);
    const byText = new Map<string, EnumValue['value']>();
    for (const v of values) {
      for (const spelling of [String(v.value), ...v.labels].map(normaliseHeader)) if (!byText.has(spelling)) byText.set(spelling, v.value);
    }
    known = { values, byText };
    spellings.set(field, known);
  }
  return known;
}

function normaliseChoice(field: FieldDef, shown: string): NormalisedCell {
  const { values, byText } = spellingsOf(field);
  const hit = byText.get(normaliseHeader(shown));
  if (hit !== undefined) return { value: hit };
  return problem('operations.cell.notChoice', { text: shown, choices: choicesOf(field, values) });
}

function normaliseList(field: FieldDef, cell: RawCell, shown: string): NormalisedCell {
  const items: string[] = [];
  for (const part of shown.split(listSeparators)) {
    const one = normaliseId(field, cell, part);
    if ('problem' in one) return one;
    if ('value' in one && typeof one.value === 'string') items.push(one.value);
  }
  return items.length === 0 ? { empty: true } : { value: items };
}

/** Dates repeat down a column; parsing each distinct text once is enough (bounded, cleared when full). */
const dates = new Map<string, string | null>();

function dateText(text: string): string | null {
  let value = dates.get(text);
  if (value === undefined) {
    value = normaliseDateText(text);
    if (dates.size >= 4096) dates.clear();
    dates.set(text, value);
  }
  return value;
}

/** An unsigned ASCII decimal as typed, already within Decimal(19,4): up to 15 digits, up to 4 decimals. */
const plainText = /^(\d{1,15})(?:\.(\d{1,4}))?$/;

/**
 * The common decimals without decimal.js: a number cell whose shortest round-trip text has at most 15
 * significant digits (then it is exactly what toPrecision(15) gives), or plain digits typed as text.
 * Returns null for everything else, which normaliseDecimal handles; the tests hold both paths equal.
 */
export function plainDecimal(field: FieldDef, cell: RawCell, shown: string): NormalisedCell | null {
  let canonical: string;
  let decimals = 0;
  if (cell.kind === 'number' && typeof cell.number === 'number') {
    const n = cell.number;
    if (Number.isInteger(n) && Math.abs(n) < 1e15) canonical = n === 0 ? '0' : String(n);
    else {
      const s = String(n);
      const m = /^-?(\d+)\.(\d+)$/.exec(s);
      if (!m) return null;
      const [, int = '', frac = ''] = m;
      if ((int === '0' ? frac.replace(/^0+/, '') : int + frac).length > 15) return null;
      canonical = s;
      decimals = frac.length;
    }
  } else if (cell.kind === 'text') {
    const m = plainText.exec(shown);
    if (!m) return null;
    const int = (m[1] ?? '').replace(/^0+(?=\d)/, '');
    const frac = (m[2] ?? '').replace(/0+$/, '');
    canonical = frac ? `${int}.${frac}` : int;
  } else return null;
  // The same checks, in the same order, as normaliseDecimal.
  if (canonical.startsWith('-') && (field.positive || field.nonNegative)) return problem('operations.cell.negative', { text: shown });
  if (canonical === '0' && field.positive) return problem('operations.cell.notPositive', { text: shown });
  if (decimals > 4) return problem('operations.cell.tooManyDecimals', { text: shown });
  return { value: canonical };
}

/**
 * `percentUnit`: the column's header names a % unit (税率(%), headers.ts placeHeader), so a bare 13 is
 * 13% = 0.13; a cell that shows its own % (typed 13%, or a percent-formatted 0.13) is read as written.
 */
export function normaliseCell(field: FieldDef, cell: RawCell, percentUnit = false): NormalisedCell {
  if (cell.kind === 'error') {
    if (cell.error === 'no-cached-result') return problem('operations.cell.noCachedResult');
    return problem('operations.cell.error', { error: cell.error ?? cell.text });
  }
  if (cell.kind === 'empty') return { empty: true };
  const raw = cell.kind === 'number' && !cell.text && typeof cell.number === 'number' ? String(cell.number) : (cell.text ?? '');
  // Text keeps a pasted NBSP as an ordinary space (it separated words); ids drop it (normaliseId).
  const shown = hidden.test(raw) ? raw.replace(zeroWidth, '').replace(field.type === 'text' ? nbsp : /(?!)/g, ' ').trim() : raw.trim();
  if (shown === '' && cell.kind !== 'date') return { empty: true };

  switch (field.type) {
    case 'id':
      return normaliseId(field, cell, shown);
    case 'text':
      return checkLength(field, shown) ?? checkForbidden(field, shown) ?? { value: shown };
    case 'decimal':
    case 'rate': {
      const read = plainDecimal(field, cell, shown) ?? normaliseDecimal(field, cell, shown);
      const ownPercent = shown.endsWith('%') || shown.endsWith('％');
      return percentUnit && field.type === 'rate' && 'value' in read && !ownPercent ? fromPercent(String(read.value), shown) : read;
    }
    case 'datetime': {
      const value = dateText(cell.kind === 'date' && cell.date ? cell.date : shown);
      return value ? { value } : problem('operations.cell.notDate', { text: shown || (cell.date ?? '') });
    }
    case 'boolean':
    case 'enum':
      return normaliseChoice(field, shown);
    case 'idList':
      return normaliseList(field, cell, shown);
  }
}
