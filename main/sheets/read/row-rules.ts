// The reader's row rules: which rows below the header are not data — blank, a totals line, the template's
// example, a repeated header. A read (sheet-rows.ts) drops them with a notice. A follow-up (a job's rows
// offered again, main/jobs/follow-up.ts) must lose none of them, so there such a row stays a row, invalid,
// with a problem saying why (`droppedProblem`) — and the draft's editor (revalidate.ts) judges an edited
// row by the same rules, so what the clerk sees before resending is what the follow-up stores.
import { matchHeader } from '../../../shared/operations/headers';
import type { MessageKey } from '../../../shared/i18n';
import type { CellProblem, OperationDef } from '../../../shared/operations/types';
import type { RowCheck } from './row-check';
import type { ImportColumn, SheetNotice } from './types';

/** First non-empty cell of a totals line. */
const totalsMarker = /^(合计|总计|小计|共计|總計|合計|total|subtotal|sum)/i;
/** First non-empty cell of the template's example row (see template.ts). */
export const exampleMarker = /^(示例|example)/i;

/** Why a row is not data; `column` is the 0-based column of the cell that says so. */
export type NotData =
  | { kind: 'blank' }
  | { kind: 'totals'; column: number; text: string }
  | { kind: 'example'; column: number }
  | { kind: 'header' };

export interface RowRules {
  /** Null for a data row. `texts` are the row's trimmed cells. */
  notData(texts: readonly string[]): NotData | null;
  /** The mapped columns of a row that hold their header's text (what makes it look like a header). */
  headerColumns(texts: readonly string[]): number[];
}

export function rowRules(op: OperationDef, headers: readonly string[], columns: readonly ImportColumn[], check: RowCheck): RowRules {
  const { defs, mapped } = check;
  // A repeated header row: at least half the mapped columns hold their header again. Exact text is checked
  // first; the (costly) normalised match runs only when the key column already reads like a header.
  const keyIndex = columns.findIndex((c) => c.field === op.keyField);
  const need = Math.max(1, Math.ceil(mapped.length / 2));
  let lastKey: string | undefined;
  let lastKeyIsHeader = false;
  const holdsHeader = (texts: readonly string[], i: number): boolean => {
    const text = texts[i];
    if (!text) return false;
    if (text === headers[i]) return true;
    const def = defs[i];
    return def !== undefined && matchHeader(op, text)?.key === def.key;
  };
  const looksLikeHeader = (texts: readonly string[]): boolean => {
    let same = 0;
    for (const i of mapped) if (texts[i] === headers[i]) same++;
    if (same >= need) return true;
    const keyText = keyIndex >= 0 ? texts[keyIndex] : undefined;
    if (!keyText) return false;
    // The rows of one order usually follow each other with the same key: match each key text once.
    if (keyText !== lastKey) [lastKey, lastKeyIsHeader] = [keyText, matchHeader(op, keyText)?.key === op.keyField];
    if (!lastKeyIsHeader) return false;
    return defs.filter((d, i) => d && texts[i] && matchHeader(op, texts[i] as string)?.key === d.key).length >= need;
  };
  return {
    notData(texts) {
      const column = texts.findIndex((s) => s !== '');
      if (column < 0) return { kind: 'blank' };
      const first = texts[column] as string;
      // NFKC and space removal only matter for what the markers can match; most first cells are plain ASCII codes.
      const firstBare = /^[\x21-\x7e]*$/.test(first) ? first : first.normalize('NFKC').replace(/\s+/g, '');
      if (totalsMarker.test(firstBare)) return { kind: 'totals', column, text: first };
      if (exampleMarker.test(firstBare)) return { kind: 'example', column };
      if (mapped.length > 0 && looksLikeHeader(texts)) return { kind: 'header' };
      return null;
    },
    headerColumns: (texts) => mapped.filter((i) => holdsHeader(texts, i)),
  };
}

/** What a read says of a row it drops (blank rows are dropped silently). */
export function notDataNotice(row: number, why: NotData): SheetNotice | null {
  if (why.kind === 'totals') return { row, text: { key: 'sheets.notice.totals', params: { row, text: why.text } } };
  if (why.kind === 'example') return { row, text: { key: 'sheets.notice.example', params: { row } } };
  if (why.kind === 'header') return { row, text: { key: 'sheets.notice.repeatedHeader', params: { row } } };
  return null;
}

const notDataKeys: ReadonlySet<string> = new Set<MessageKey>(['sheets.problem.blankRow', 'sheets.problem.totalsRow', 'sheets.problem.exampleRow', 'sheets.problem.headerRow']);
/** A problem `droppedProblem` made: judged again from the whole row after each edit. */
export const isNotDataProblem = (p: CellProblem): boolean => notDataKeys.has(p.text.key);

/**
 * The problem of a row kept although it is not data (a follow-up's row): an error on the order key's field,
 * so grouping adds no "key required" of its own and the row is invalid, never sent. It names the row and
 * the columns that make it so, and says what to do (fill it in, or withdraw it from the resend).
 */
export function droppedProblem(op: OperationDef, columns: readonly ImportColumn[], rules: RowRules, row: number, texts: readonly string[], why: NotData): CellProblem {
  const keyColumn = columns.find((c) => c.field === op.keyField)?.header ?? op.fields.find((f) => f.key === op.keyField)?.label['zh-CN'] ?? op.keyField;
  // A cell past the header row has no header of its own: the key column names the row then.
  const headerAt = (i: number) => columns[i]?.header || keyColumn;
  const at = (column: string, key: MessageKey, params: Record<string, string | number>): CellProblem => ({ row, column, field: op.keyField, text: { key, params: { row, ...params } } });
  if (why.kind === 'blank') {
    const required = columns.filter((c) => c.field !== null && (c.field === op.keyField || op.fields.some((f) => f.key === c.field && f.required)));
    return at(keyColumn, 'sheets.problem.blankRow', { columns: required.map((c) => c.header).join('、') });
  }
  if (why.kind === 'totals') return at(headerAt(why.column), 'sheets.problem.totalsRow', { column: headerAt(why.column), text: why.text });
  if (why.kind === 'example') return at(headerAt(why.column), 'sheets.problem.exampleRow', { column: headerAt(why.column) });
  const holding = rules.headerColumns(texts).map(headerAt);
  return at(holding[0] ?? keyColumn, 'sheets.problem.headerRow', { columns: holding.join('、') });
}
