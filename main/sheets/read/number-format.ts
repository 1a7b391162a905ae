// What Excel shows for a number under its number format. exceljs's cell.text ignores formats, but the clerk's
// identifiers live in that text ("000123", "1,234.50", "13%"), so the common formats are applied here.
// Exotic formats (fractions, conditions) fall back to General.
import Decimal from 'decimal.js';

/** The largest integer Excel holds exactly (15 significant digits). */
const maxExactInteger = 999_999_999_999_999;

const plainShort = /^-?\d+\.\d+$/;

/** General: integers up to 15 digits as written, longer ones as Excel shows them (1.23457E+17), others to 15 significant digits. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) <= maxExactInteger) return String(value);
  if (Math.abs(value) >= 1e15) return scientific(value, 5);
  // Most values' shortest text has at most 15 digits: then it is what toPrecision(15) rounds to.
  const shortest = String(value);
  if (plainShort.test(shortest) && shortest.length - (shortest[0] === '-' ? 2 : 1) <= 15) return shortest;
  const text = String(Number(value.toPrecision(15)));
  return text.includes('e') ? scientific(value, 5) : text;
}

function scientific(value: number, decimals: number): string {
  const [mantissa = '0', exponent = '0'] = value.toExponential(decimals).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  const exp = Number(exponent);
  return `${trimmed}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/**
 * `new Decimal(value.toPrecision(15)).times(10 ** shift).toFixed(decimals, ROUND_HALF_UP)` by string
 * arithmetic, for the common case (a non-negative value without exponent); null otherwise. Formatting
 * runs for every numeric cell with a format, and decimal.js there costs more than the rest of the read.
 */
export function fixedHalfUp(value: number, shift: number, decimals: number): string | null {
  if (!(value >= 0) || !Number.isFinite(value)) return null;
  const precise = value.toPrecision(15);
  if (precise.includes('e')) return null;
  const dot = precise.indexOf('.');
  let digits = dot < 0 ? precise : precise.slice(0, dot) + precise.slice(dot + 1);
  let point = (dot < 0 ? precise.length : dot) + shift;
  // Digits kept: everything left of the point plus `decimals`; pad so the rounding digit exists.
  const keep = point + decimals;
  if (keep < 0) {
    digits = '0'.repeat(-keep) + digits;
    point -= keep;
  }
  const wanted = point + decimals;
  if (digits.length <= wanted) digits += '0'.repeat(wanted - digits.length + 1);
  const roundUp = digits.charCodeAt(wanted) >= 53;
  const kept = digits.slice(0, wanted).split('');
  if (roundUp) {
    let i = kept.length - 1;
    for (; i >= 0 && kept[i] === '9'; i--) kept[i] = '0';
    if (i >= 0) kept[i] = String.fromCharCode((kept[i] as string).charCodeAt(0) + 1);
    else {
      kept.unshift('1');
      point++;
    }
  }
  let int = kept.slice(0, point).join('').replace(/^0+(?=\d)/, '');
  if (int === '') int = '0';
  return decimals > 0 ? `${int}.${kept.slice(point).join('')}` : int;
}

/** Splits at top-level semicolons (not inside quotes). */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** Is this a date/time format? (Letters outside quotes and brackets.) */
const dateFormats = new Map<string, boolean>();

export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const known = dateFormats.get(format);
  if (known !== undefined) return known;
  const answer = computeIsDateFormat(format);
  if (dateFormats.size < 1000) dateFormats.set(format, answer);
  return answer;
}

function computeIsDateFormat(format: string): boolean {
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/[0#?]/.test(bare.replace(/[ymdhs]+/gi, ''));
}

const cache = new Map<string, (value: number) => string>();

/** Applies `format` to `value` as Excel displays it. */
export function formatNumber(value: number, format: string | undefined): string {
  if (!format || /^(general|@)$/i.test(format.trim())) return formatGeneral(value);
  let formatter = cache.get(format);
  if (!formatter) {
    formatter = compile(format);
    if (cache.size < 1000) cache.set(format, formatter);
  }
  return formatter(value);
}

function compile(format: string): (value: number) => string {
  const parts = sections(format).map(compileSection);
  const [positive, negative, zero] = parts;
  return (value) => {
    if (!Number.isFinite(value) || !positive) return formatGeneral(value);
    if (value < 0 && negative) return negative(-value);
    if (value === 0 && zero) return zero(0);
    return positive(value);
  };
}

function compileSection(section: string): ((value: number) => string) | undefined {
  // Currency like [$¥-804] keeps its symbol; colours, conditions and locales go.
  const cleaned = section.replace(/\[\$([^\]-]*)(-[^\]]*)?]/g, '"$1"').replace(/\[[^\]]*]/g, '');
  if (/^\s*general\s*$/i.test(cleaned)) return formatGeneral;
  // Literal text: quoted strings, \x escapes, _x padding (a space), *x fills (nothing).
  const tokens: { literal: boolean; text: string }[] = [];
  for (let i = 0; i < cleaned.length; i++) {
    const ch = cleaned[i] as string;
    if (ch === '"') {
      const end = cleaned.indexOf('"', i + 1);
      const stop = end < 0 ? cleaned.length : end;
      tokens.push({ literal: true, text: cleaned.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      tokens.push({ literal: true, text: cleaned[i + 1] ?? '' });
      i++;
    } else if (ch === '_') {
      tokens.push({ literal: true, text: ' ' });
      i++;
    } else if (ch === '*') {
      i++;
    } else tokens.push({ literal: false, text: ch });
  }
  const pattern = tokens.filter((tk) => !tk.literal).map((tk) => tk.text).join('');
  if (/[?/]/.test(pattern) || /[ymdhs]/i.test(pattern)) return undefined;
  const first = tokens.findIndex((tk) => !tk.literal && /[0#]/.test(tk.text));
  if (first < 0) return () => tokens.map((tk) => tk.text).join('');
  let last = first;
  tokens.forEach((tk, i) => {
    if (!tk.literal && /[0#.,Ee+-]/.test(tk.text) && i > last) last = i;
  });
  const numeric = tokens.slice(first, last + 1).map((tk) => tk.text).join('');
  const prefix = tokens.slice(0, first).map((tk) => tk.text).join('');
  const suffix = tokens.slice(last + 1).map((tk) => tk.text).join('');
  const percents = (pattern.match(/%/g) ?? []).length;
  const exponent = /E[+-]/i.exec(numeric);
  const mantissa = exponent ? numeric.slice(0, exponent.index) : numeric;
  const [intPart = '', fracPart = ''] = mantissa.split('.');
  const decimals = (fracPart.match(/[0#]/g) ?? []).length;
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const grouped = /[0#],[0#]/.test(intPart);
  return (value) => {
    let text = exponent ? null : fixedHalfUp(value, 2 * percents, decimals);
    if (text === null) {
      const scaled = new Decimal(value.toPrecision(15)).times(new Decimal(100).pow(percents));
      if (exponent) return prefix + scientific(scaled.toNumber(), decimals) + suffix;
      text = scaled.toFixed(decimals, Decimal.ROUND_HALF_UP);
    }
    if (decimals > minDecimals) {
      const [i = '', f = ''] = text.split('.');
      let frac = f;
      while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
      text = frac ? `${i}.${frac}` : i;
    }
    const [whole = '', frac] = text.split('.');
    let int = whole === '0' && minInt === 0 ? '' : whole;
    int = int.padStart(minInt, '0');
    if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return prefix + int + (frac !== undefined ? `.${frac}` : '') + suffix;
  };
}
