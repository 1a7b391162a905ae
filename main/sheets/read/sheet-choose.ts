// Which sheet, which header row, which operation: the first visible sheet whose header row (the best-scoring
// of its first 20 rows) names an operation — or the sheet and operation the person chose.
import { getOperation, operations } from '../../../shared/operations/catalog';
import { headerFingerprint, inferOperation, matchHeader, normaliseHeader, scoreHeaderRow } from '../../../shared/operations/headers';
import type { AppliedMapping, ColumnMapping } from '../../../shared/operations/headers';
import type { OperationDef, OperationId } from '../../../shared/operations/types';
import { t } from '../../../shared/i18n';
import type { Lang, LocalizedText } from '../../../shared/i18n';
import { appError, err, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { headerSearchRows } from './limits';
import { resultsSheetNames } from '../results/results-layout';
import type { EarlyRows, SourceBook, SourceRow } from './source';
import type { SheetInfo, SheetNotice } from './types';

export interface HeaderPick {
  sheet: string;
  headerRow: number;
  /** The header cells' text as written. */
  headers: string[];
  operation: OperationDef;
  reason: LocalizedText;
  /** The header set's fingerprint, and the mapping that places its columns (given, or remembered for it). */
  fingerprint: string;
  mapping: AppliedMapping | null;
  /** Rows after the header row that were already read, then the rest of the sheet. */
  rows: AsyncIterable<SourceRow>;
  /** The sheet's last row as the file says (SourceSheet.lastRow), for a progress bar. */
  lastRow: () => number | null;
  sheets: SheetInfo[];
  notices: SheetNotice[];
}

export const cellTexts = (row: SourceRow): string[] => row.cells.map((c) => c.text.trim());

const candidatesText = (ids: readonly OperationId[]) => ids.join(', ');

/** Reads rows up to the header search window; returns them and the iterator, positioned after them. */
async function readTop(rows: AsyncIterable<SourceRow>) {
  const iterator = rows[Symbol.asyncIterator]();
  const top: SourceRow[] = [];
  let overflow: SourceRow | null = null;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    if (next.value.number > headerSearchRows) {
      overflow = next.value;
      break;
    }
    top.push(next.value);
  }
  return { top, iterator, overflow };
}

type Saved = ColumnMapping & { fingerprint: string };

/**
 * The best header row for `op` (or for any operation), earliest on ties; null when nothing matches. A given
 * mapping's headers count as known. With an operation chosen and nothing known, the first non-blank row:
 * the mapping step places its columns.
 */
function bestHeaderRow(top: SourceRow[], op: OperationDef | undefined, mapping: ColumnMapping | undefined): SourceRow | null {
  let best: SourceRow | null = null;
  let bestScore = 0;
  const mapped = (c: string) => mapping !== undefined && Object.hasOwn(mapping.columns, normaliseHeader(c));
  for (const row of top) {
    const texts = cellTexts(row);
    const known = op ? texts.filter((c) => c !== '' && matchHeader(op, c) !== undefined).length : scoreHeaderRow(texts);
    const score = known + texts.filter((c) => c !== '' && mapped(c)).length;
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best ?? (op ? (top.find((r) => cellTexts(r).some((c) => c !== '')) ?? null) : null);
}

/** The first of the top rows whose header set has a remembered mapping (for `op` when one is chosen). */
function savedHeaderRow(top: SourceRow[], saved: readonly Saved[], op: OperationDef | undefined): { row: SourceRow; fits: Saved[] } | null {
  if (saved.length === 0) return null;
  for (const row of top) {
    const texts = cellTexts(row);
    if (!texts.some((c) => c !== '')) continue;
    const print = headerFingerprint(texts);
    const fits = saved.filter((m) => m.fingerprint === print && (!op || m.operation === op.id));
    if (fits.length > 0) return { row, fits };
  }
  return null;
}

async function* chain(rest: SourceRow[], overflow: SourceRow | null, iterator: AsyncIterator<SourceRow>): AsyncGenerator<SourceRow> {
  yield* rest;
  if (!overflow) return;
  yield overflow;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

/** What the caller wants of the choice (ReadOptions), and who is told of a provisional one. */
export interface Wanted {
  sheet?: string;
  operation?: OperationId;
  marks?: ReadonlyMap<string, OperationId>;
  mapping?: ColumnMapping & { source: 'file' | 'chosen' };
  saved?: readonly Saved[];
  /**
   * Told the choice as a sheet's early rows make it (SourceSheet.early: before its merges are known), with
   * the rows after the header among them: for a provisional preview only. The choice itself waits for the rows.
   */
  early?: (pick: EarlyPick) => void;
}

/** A choice made on a sheet's early rows (Wanted.early). */
export interface EarlyPick {
  sheet: string;
  headerRow: number;
  headers: string[];
  operation: OperationDef;
  mapping: AppliedMapping | null;
  /** The early rows after the header row; `complete` when they are the whole sheet. */
  rows: SourceRow[];
  complete: boolean;
  /** The sheet's last row as far as known yet (EarlyRows.lastRowAtLeast). */
  lastRowAtLeast: number | null;
}

/** What a sheet's top rows say: its header row, and the operation and mapping when they name one. */
interface Decision {
  header: SourceRow | null;
  headers: string[];
  inference: ReturnType<typeof inferOperation> | null;
  op: OperationDef | undefined;
  reason: LocalizedText;
  fingerprint: string;
  mapping: AppliedMapping | null;
}

function decide(top: SourceRow[], sheet: string, wanted: Wanted, chosenOp: OperationDef | undefined): Decision {
  // A header set the clerk mapped before (and no mapping given now): that row, with its mapping.
  const remembered = wanted.mapping ? null : savedHeaderRow(top, wanted.saved ?? [], chosenOp);
  const header = remembered?.row ?? bestHeaderRow(top, chosenOp, wanted.mapping);
  const headers = header ? header.cells.map((c) => c.text.trim()) : [];
  const inference = header ? inferOperation(headers.filter((h) => h !== '')) : null;

  let op: OperationDef | undefined = chosenOp;
  let reason: LocalizedText = { key: 'sheets.operation.chosen' };
  if (!op && inference && 'operation' in inference) {
    op = getOperation(inference.operation);
    reason = { key: 'sheets.operation.inferred', params: { headers: inference.matched.join('、') } };
  }
  // Headers that fit several operations, on a sheet this app wrote for one of them (its template, or the
  // to-fix sheet of its results workbook): that one.
  const marked = wanted.marks?.get(sheet);
  if (!op && marked && inference && 'ambiguous' in inference && inference.ambiguous.includes(marked)) {
    op = getOperation(marked);
    reason = { key: 'sheets.operation.marked' };
  }
  // A remembered mapping for these headers: the one for the inferred operation, else the newest (saved last).
  let saved: Saved | undefined;
  if (remembered) {
    saved = remembered.fits.find((m) => m.operation === op?.id) ?? remembered.fits[remembered.fits.length - 1];
    if (saved && !op) {
      op = getOperation(saved.operation);
      reason = { key: 'mapping.reason' };
    }
  }
  const fingerprint = headerFingerprint(headers);
  const given = op && (wanted.mapping ?? (saved && saved.operation === op.id ? { ...saved, source: 'saved' as const } : undefined));
  const mapping: AppliedMapping | null = given ? { operation: given.operation, columns: given.columns, source: given.source, fingerprint } : null;
  return { header, headers, inference, op, reason, fingerprint, mapping };
}

/** The choice the early rows make, told to `wanted.early` (never the read's own choice). */
function tellEarly(early: EarlyRows, sheet: string, wanted: Wanted, chosenOp: OperationDef | undefined): void {
  const last = early.rows[early.rows.length - 1];
  // The header search needs every row of its window.
  if (!wanted.early || !last || (!early.complete && last.number <= headerSearchRows)) return;
  const d = decide(early.rows.filter((r) => r.number <= headerSearchRows), sheet, wanted, chosenOp);
  if (!d.header || !d.op) return;
  const headerRow = d.header.number;
  wanted.early({ sheet, headerRow, headers: d.headers, operation: d.op, mapping: d.mapping, rows: early.rows.filter((r) => r.number > headerRow), complete: early.complete, lastRowAtLeast: early.lastRowAtLeast });
}

export async function chooseSheet(book: SourceBook, wanted: Wanted, fileName: string, lang: Lang): Promise<Result<HeaderPick>> {
  const sheetNames = book.sheets.map((s) => s.name).join('、');
  if (wanted.sheet !== undefined && !book.sheets.some((s) => s.name === wanted.sheet)) {
    const params = { file: fileName, sheet: wanted.sheet, sheets: sheetNames };
    return err(appError('SHEET_NOT_FOUND', t(lang, 'sheets.sheet.notFound', params), params));
  }
  const chosenId = wanted.operation ?? wanted.mapping?.operation;
  const chosenOp = chosenId ? getOperation(chosenId) : undefined;
  const infos: SheetInfo[] = book.sheets.map((s) => ({ name: s.name, visible: s.visible, operation: null }));
  const notices: SheetNotice[] = [];
  let ambiguity: { sheet: string; candidates: OperationId[] } | null = null;
  // A results workbook dropped back in whole: read its to-fix sheet, never 明细 Results (whose headers match
  // too, and which would resubmit the rows that already succeeded).
  const toFix = resultsSheetNames.toFix;
  const target = wanted.sheet ?? (book.sheets.some((s) => s.name === toFix && s.visible) ? toFix : undefined);
  if (wanted.sheet === undefined && target === toFix) notices.push({ row: 0, text: { key: 'workbook.reimport.toFix', params: { sheet: toFix } } });

  for await (const sheet of book.open()) {
    if (target !== undefined ? sheet.name !== target : !sheet.visible) {
      if (target === undefined) notices.push({ row: 0, text: { key: 'sheets.notice.hiddenSkipped', params: { sheet: sheet.name } } });
      continue;
    }
    const reading = readTop(sheet.rows);
    if (wanted.early) void sheet.early?.then((early) => early && tellEarly(early, sheet.name, wanted, chosenOp));
    const { top, iterator, overflow } = await reading;
    const { header, headers, inference, op, reason, fingerprint, mapping } = decide(top, sheet.name, wanted, chosenOp);
    const info = infos.find((i) => i.name === sheet.name);
    if (info && inference && 'operation' in inference) info.operation = inference.operation;
    if (header && op) {
      const rest = top.filter((r) => r.number > header.number);
      return ok({ sheet: sheet.name, headerRow: header.number, headers, operation: op, reason, fingerprint, mapping, rows: chain(rest, overflow, iterator), lastRow: () => sheet.lastRow?.() ?? null, sheets: infos, notices });
    }
    if (header && inference && 'ambiguous' in inference && !ambiguity) ambiguity = { sheet: sheet.name, candidates: inference.ambiguous };
    if (header && !ambiguity && target !== undefined) ambiguity = { sheet: sheet.name, candidates: operations.map((o) => o.id) };
    if (target !== undefined) break;
  }
  book.close();
  if (ambiguity) {
    const key = ambiguity.candidates.length < operations.length ? 'sheets.operation.ambiguous' : 'sheets.operation.none';
    const params = { file: fileName, sheet: ambiguity.sheet, candidates: candidatesText(ambiguity.candidates) };
    return err(appError('OPERATION_UNKNOWN', t(lang, key, params), { ...params, candidates: ambiguity.candidates }));
  }
  const params = { file: fileName, sheets: sheetNames };
  return err(appError('OPERATION_UNKNOWN', t(lang, 'sheets.sheet.noHeaders', params), { ...params, candidates: operations.map((o) => o.id) }));
}
