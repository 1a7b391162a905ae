// Decimal(19,4) cells: quantities, money and rates, parsed with decimal.js and kept as canonical
// decimal strings ("1234.5"), so no value ever passes through a binary float on its way to the body.
import Decimal from 'decimal.js';
import type { LocalizedText } from '../i18n';
import type { RawCell } from './cells';
import type { FieldDef } from './types';

/** Enough precision that a division by 100 (13% → 0.13) of any Decimal(19,4) input is exact. */
const D = Decimal.clone({ precision: 40 });
/** Decimal(19,4): at most 15 digits before the point. */
const limit = new D('1e15');

export type DecimalResult = { value: string } | { problem: LocalizedText };

const problem = (key: LocalizedText['key'], text: string): DecimalResult => ({ problem: { key, params: { text } } });

/** Text as clerks type it: full-width digits, spaces, thousands separators (1,234.5), a trailing % for rates. */
function parseText(field: FieldDef, shown: string): Decimal | DecimalResult {
  let s = shown.normalize('NFKC').replace(/\s+/gu, '');
  let percent = false;
  if (s.endsWith('%')) {
    if (field.type !== 'rate') return problem('operations.cell.percentNotAllowed', shown);
    percent = true;
    s = s.slice(0, -1);
  }
  // Only well-formed thousands groups: "1,5" is a European decimal or a typo, never 15.
  if (s.includes(',')) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return problem('operations.cell.notDecimal', shown);
    s = s.replace(/,/g, '');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return problem('operations.cell.notDecimal', shown);
  const d = new D(s);
  return percent ? d.div(100) : d;
}

export function normaliseDecimal(field: FieldDef, cell: RawCell, shown: string): DecimalResult {
  let d: Decimal;
  if (cell.kind === 'number' && typeof cell.number === 'number') {
    if (!Number.isFinite(cell.number)) return problem('operations.cell.notDecimal', shown);
    // Excel keeps 15 significant digits; a formula's 0.30000000000000004 is the 0.3 the clerk sees.
    d = new D(cell.number.toPrecision(15));
  } else if (cell.kind === 'text' || cell.kind === 'number') {
    const parsed = parseText(field, shown);
    if (!(parsed instanceof D)) return parsed;
    d = parsed;
  } else {
    return problem('operations.cell.notDecimal', shown);
  }
  if (d.isNegative() && !d.isZero() && (field.positive || field.nonNegative)) return problem('operations.cell.negative', shown);
  if (d.isZero() && field.positive) return problem('operations.cell.notPositive', shown);
  if (d.decimalPlaces() > 4) return problem('operations.cell.tooManyDecimals', shown);
  if (d.abs().gte(limit)) return problem('operations.cell.outOfRange', shown);
  // toFixed() never uses exponent notation; -0 becomes "0".
  return { value: d.isZero() ? '0' : d.toFixed() };
}

/**
 * A number under a % unit (税率(%)): 13 is 0.13, by decimal division. More than 4 decimals after the
 * division (12.345 → 0.12345) is beyond Decimal(19,4), and the message says how it was read.
 */
export function fromPercent(value: string, shown: string): DecimalResult {
  const d = new D(value).div(100);
  if (d.decimalPlaces() > 4) return { problem: { key: 'operations.cell.percentTooPrecise', params: { text: shown, value: d.toFixed() } } };
  return { value: d.isZero() ? '0' : d.toFixed() };
}
