// Every shape exceljs gives a cell, turned into the one RawCell the catalog understands.
// `text` is what the clerk sees: number formats applied, rich text joined, a formula's cached result.
import type { RawCell } from '../../../shared/operations/cells';
import { formatNumber, isDateFormat } from './number-format';

export const emptyCell: RawCell = Object.freeze({ kind: 'empty', text: '' }) as RawCell;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A Date from exceljs holds the wall-clock time in UTC fields (it converts serials without a zone). */
export function wallClock(date: Date): string {
  // Serials carry float noise (…59.999); round to the second as Excel displays.
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A date cell's text: the date alone unless the format (or the value) carries a time. */
function dateCell(date: Date, format: string | undefined): RawCell {
  if (Number.isNaN(date.getTime())) return { kind: 'error', text: '#VALUE!', error: '#VALUE!' };
  const full = wallClock(date);
  const bare = (format ?? '').replace(/"[^"]*"/g, '').replace(/\[[^\]]*]/g, '');
  const hasDate = !format || /[yd]/i.test(bare) || /m{3,}/i.test(bare);
  const hasTime = /[hs]/i.test(bare) || (!format && !full.endsWith(' 00:00:00'));
  const text = hasDate && hasTime ? full : hasTime ? full.slice(11) : full.slice(0, 10);
  return { kind: 'date', text, date: full };
}

function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

const richTextOf = (value: { richText?: unknown }): string | null =>
  Array.isArray(value.richText) ? value.richText.map((run: { text?: unknown }) => (typeof run?.text === 'string' ? run.text : '')).join('') : null;

/** A cell value as exceljs holds it (`cell.value`), its number format, and the workbook's date system. */
export function toRawCell(value: unknown, numFmt: string | undefined, date1904: boolean): RawCell {
  if (value === null || value === undefined || value === '') return emptyCell;
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { kind: 'error', text: '#VALUE!', error: '#VALUE!' };
    if (isDateFormat(numFmt)) return dateCell(excelSerialToDate(value, date1904), numFmt);
    return { kind: 'number', text: formatNumber(value, numFmt), number: value };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return dateCell(value, numFmt);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      // The stream reader parses every non-string cached result with parseFloat: an error result becomes NaN.
      if (!('result' in v) || v.result === undefined) return { kind: 'error', text: '', error: 'no-cached-result' };
      const result = v.result;
      if (typeof result === 'object' && result !== null && 'error' in result) return errorCell((result as { error: unknown }).error);
      return toRawCell(result, numFmt, date1904);
    }
    if ('error' in v) return errorCell(v.error);
    const rich = richTextOf(v);
    if (rich !== null) return rich === '' ? emptyCell : { kind: 'text', text: rich };
    if (typeof v.text === 'string') return { kind: 'text', text: v.text }; // hyperlink
    if (typeof v.text === 'object' && v.text !== null) return toRawCell(v.text, numFmt, date1904);
  }
  return { kind: 'text', text: String(value) };
}

function errorCell(error: unknown): RawCell {
  const text = typeof error === 'string' ? error : '#VALUE!';
  return { kind: 'error', text, error: text };
}

/** Text-only cells (CSV): every value is a string, exactly as written. */
export const textCell = (text: string): RawCell => (text === '' ? emptyCell : { kind: 'text', text });
