// One cell → one field value, per spreadsheets.md "Cell values". Every outcome is a value:
// the value, "empty", or a problem that tells the clerk what to do. Never throws.
import type { LocalizedText } from '../i18n';
import { normaliseDecimal } from './cell-decimal';
import { normaliseDateText } from './cell-date';
import { booleanValues } from './field-kit';
import { normaliseHeader } from './headers';
import type { EnumValue, FieldDef, FieldValue, RawCell } from './types';

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
  const length = lengthOf(value);
  if (field.maxLength !== undefined && length > field.maxLength) {
    return problem('operations.cell.tooLong', { max: field.maxLength, length });
  }
  return null;
}

/** An identifier is the text the clerk sees, unless Excel has already lost digits of it. */
function normaliseId(field: FieldDef, cell: RawCell, shown: string): NormalisedCell {
  // Ids keep inner spaces as typed, but a non-breaking space pasted from a web page is never part of a code.
  const id = shown.replace(nbsp, '').trim();
  if (id === '') return { empty: true };
  const digits = id.replace(/\D/g, '').length;
  if (scientific.test(id.normalize('NFKC'))) return problem('operations.cell.idScientific', { text: id });
  if (cell.kind === 'number' && ((cell.number !== undefined && Math.abs(cell.number) >= 1e15) || digits > 15)) {
    return problem('operations.cell.idTooManyDigits', { text: id });
  }
  return checkLength(field, id) ?? { value: id };
}

function choicesOf(field: FieldDef, values: readonly EnumValue[]): string {
  return values
    .map((v) => (field.type === 'enum' ? `${String(v.value)}(${v.labels[0] ?? ''})` : (v.labels[0] ?? String(v.value))))
    .join('/');
}

function normaliseChoice(field: FieldDef, shown: string): NormalisedCell {
  const values = field.values ?? (field.type === 'boolean' ? booleanValues() : []);
  const wanted = normaliseHeader(shown);
  const hit = values.find(
    (v) => normaliseHeader(String(v.value)) === wanted || v.labels.some((l) => normaliseHeader(l) === wanted),
  );
  if (hit) return { value: hit.value };
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

export function normaliseCell(field: FieldDef, cell: RawCell): NormalisedCell {
  if (cell.kind === 'error') {
    if (cell.error === 'no-cached-result') return problem('operations.cell.noCachedResult');
    return problem('operations.cell.error', { error: cell.error ?? cell.text });
  }
  if (cell.kind === 'empty') return { empty: true };
  const raw = cell.kind === 'number' && !cell.text && typeof cell.number === 'number' ? String(cell.number) : (cell.text ?? '');
  // Text keeps a pasted NBSP as an ordinary space (it separated words); ids drop it (normaliseId).
  const shown = raw.replace(zeroWidth, '').replace(field.type === 'text' ? nbsp : /(?!)/g, ' ').trim();
  if (shown === '' && cell.kind !== 'date') return { empty: true };

  switch (field.type) {
    case 'id':
      return normaliseId(field, cell, shown);
    case 'text':
      return checkLength(field, shown) ?? { value: shown };
    case 'decimal':
    case 'rate':
      return normaliseDecimal(field, cell, shown);
    case 'datetime': {
      const value = normaliseDateText(cell.kind === 'date' && cell.date ? cell.date : shown);
      return value ? { value } : problem('operations.cell.notDate', { text: shown || (cell.date ?? '') });
    }
    case 'boolean':
    case 'enum':
      return normaliseChoice(field, shown);
    case 'idList':
      return normaliseList(field, cell, shown);
  }
}
