// What a results cell may hold: a plain string, a number, a date or nothing — never a formula, a hyperlink or
// rich text. Text from the sheet or from the ERP (`=HYPERLINK(…)`, `+1+1`, `@SUM(1)`) goes in as a string
// value, which exceljs writes as a string cell; nothing here ever builds an object value.
import type { FieldType } from '../../../shared/operations/types';

export type PlainValue = string | number | Date | null;

/** Excel's limit on the characters of one cell. */
export const maxCellChars = 32_767;

/** Characters XML 1.0 cannot carry (exceljs would drop them silently; we drop them visibly the same way). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character either pattern above may touch (any surrogate, paired or not): without one, the text is already safe. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const mayNeedCleaning = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** A string as it can be written: XML-safe, at most 32,767 characters (cut on a character boundary). */
export function plainText(text: string): string {
  // Every cell of every row passes here; the lookbehind replace is the costly part, and almost no text needs it.
  let s = mayNeedCleaning.test(text) ? text.replace(notXml, '').replace(loneSurrogate, '\uFFFD') : text;
  if (s.length > maxCellChars) {
    s = s.slice(0, maxCellChars);
    if (/[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
  }
  return s;
}

/** A plain decimal as a sheet shows it: no grouping, no leading zeros, at most 15 significant digits. */
const plainDecimal = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * A quantity or amount cell: a number when its text is a plain decimal Excel holds exactly (with a format
 * keeping the decimals the clerk saw, "3.50" stays 3.50); otherwise the text as it was ("1,234.5", "13%").
 */
export function decimalValue(text: string): { value: PlainValue; numFmt?: string } {
  if (!plainDecimal.test(text)) return { value: text === '' ? null : plainText(text) };
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length > 15) return { value: text };
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  return decimals > 0 ? { value: Number(text), numFmt: `0.${'0'.repeat(decimals)}` } : { value: Number(text) };
}

/** A source cell for the results and to-fix sheets: decimals as numbers, everything else as the text seen. */
export function sourceValue(text: string | undefined, type: FieldType | undefined): { value: PlainValue; numFmt?: string } {
  if (text === undefined || text === '') return { value: null };
  if (type === 'decimal' || type === 'rate') return decimalValue(text);
  return { value: plainText(text) };
}

/** A count, status or duration from the store: a finite number, or empty (NaN would be an invalid cell). */
export const numberOrNull = (n: number | null | undefined): number | null => (typeof n === 'number' && Number.isFinite(n) ? n : null);

const pad = (n: number) => String(n).padStart(2, '0');

/** '+08:00' for a UTC offset in minutes east. */
export function offsetText(minutesEast: number): string {
  const sign = minutesEast < 0 ? '-' : '+';
  const m = Math.abs(minutesEast);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

const parse = (iso: string): Date | null => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

/**
 * An ISO time as a date cell showing this machine's local wall-clock time. Excel dates have no zone: exceljs
 * writes a Date's UTC fields, so the Date is shifted by the local offset first. Unparseable text stays text.
 */
export function localDateValue(iso: string | null): PlainValue {
  if (iso === null || iso === '') return null;
  const d = parse(iso);
  if (!d) return plainText(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
}

/** An ISO time as 'YYYY-MM-DD HH:mm:ss +08:00' in this machine's zone (for the summary). */
export function localTimeText(iso: string): string {
  const d = parse(iso);
  if (!d) return plainText(iso);
  const wall = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${wall} ${offsetText(-d.getTimezoneOffset())}`;
}

/** This machine's zone: IANA name and current offset ('Asia/Shanghai (UTC+08:00)'). */
export function zoneText(now: Date): string {
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${name} (UTC${offsetText(-now.getTimezoneOffset())})`;
}

/** How wide a text shows, in Excel character units: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
  }
  return w;
}

/** Tracks the widest text of each column over a sample of rows; widths are clamped to [min, max]. */
export class WidthTracker {
  private readonly widest: number[];
  constructor(headers: readonly string[]) {
    this.widest = headers.map((h) => displayWidth(h));
  }
  see(index: number, text: string | undefined): void {
    if (!text) return;
    // Only the first line of a multi-line text decides; long texts wrap anyway.
    const w = displayWidth(text.length > 80 ? text.slice(0, 80) : text);
    if (w > (this.widest[index] ?? 0)) this.widest[index] = w;
  }
  widths(min = 8, max = 50): number[] {
    return this.widest.map((w) => Math.min(max, Math.max(min, w + 2)));
  }
}
