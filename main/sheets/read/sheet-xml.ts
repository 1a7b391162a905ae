// A worksheet's rows from exceljs's own SAX events (its parse-sax over saxes), handed straight to a sink:
// exactly what exceljs's stream WorksheetReader would put in each cell's `value` (and the number format it
// would give the cell), without building its document model: a Row, a Cell, a Value and an address object
// per cell, whose making and collecting took half of the parse. The rules below are WorksheetReader.parse's
// (exceljs 4.4, lib/stream/xlsx/worksheet-reader.js), quirks included, so a sheet reads as it always did;
// xlsx-read.test.ts and robustness.test.ts hold the reader to them.
import type { ReadLimits } from './limits';
import { SheetLimitError } from './source';

/** Receives a sheet's rows as they are parsed. */
export interface CellSink {
  startRow(number: number): void;
  /** A cell's value as exceljs's `cell.value` gives it (undefined: the cell holds none) and its number format. */
  cell(col: number, value: unknown, numFmt: string | undefined): void;
  endRow(): void;
  /** A shared-string cell whose strings are the reading thread's (SheetContext.sharedStrings is deferredStrings). */
  sharedString?(col: number, index: number, numFmt: string | undefined): void;
}

/** The shared strings are parsed elsewhere: cells of type 's' go to the sink by index. */
export const deferredStrings = 'deferred';

/** The exceljs helpers the rules need, loaded with its stream reader (xlsx-source.ts). */
export interface SheetXmlParts {
  parseSax(stream: AsyncIterable<string>): AsyncGenerator<{ eventType: string; value: unknown }[]>;
  utils: { xmlDecode(text: string): string; isDateFmt(fmt: unknown): boolean; excelToDate(v: number, date1904: boolean): Date };
}

/** What the workbook's other parts gave: shared strings and styles (exceljs's parsers), the date system. */
export interface SheetContext {
  sharedStrings: unknown[] | undefined | typeof deferredStrings;
  styles: { getStyleModel(id: number): { numFmt?: unknown } | null | undefined } | undefined;
  date1904: boolean;
}

interface SaxNode {
  name: string;
  attributes: Record<string, string | undefined>;
}

interface Text {
  text: string;
}

/** Excel's last column, XFD. */
const maxExcelColumn = 16384;

/** The column of a cell reference ("AB12" → 28), as exceljs's colCache.decodeAddress reads it. */
function columnOf(ref: string | undefined): number {
  if (ref === undefined) throw new Error('Invalid Address: undefined');
  let col = 0;
  let hasRow = false;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 48 && ch <= 57) hasRow = true;
    else if (hasRow && col > 0 && ch !== 36) break;
  }
  if (col === 0 || !hasRow) throw new Error(`Invalid Address: ${ref}`);
  if (col > maxExcelColumn) throw new Error(`Out of bounds. Invalid column letter: ${ref}`);
  return col;
}

const styleFormat = (style: { numFmt?: unknown } | null | undefined): string | undefined => (typeof style?.numFmt === 'string' ? style.numFmt : undefined);

/**
 * Parses one worksheet into `sink`, yielding after each chunk of XML (the sink is drained then). Throws
 * SheetLimitError past the raw-row or column limit, at the row where the single-row-at-a-time read did.
 */
export async function* parseSheetXml(
  stream: AsyncIterable<string>,
  parts: SheetXmlParts,
  context: SheetContext,
  sink: CellSink,
  sheet: string,
  limits: Pick<ReadLimits, 'maxRawRows' | 'maxColumns'>,
): AsyncGenerator<void> {
  const { xmlDecode, isDateFmt, excelToDate } = parts.utils;
  const { sharedStrings, styles, date1904 } = context;
  let inRows = false;
  let row: { number: number; numFmt: string | undefined; tooWide: boolean } | null = null;
  let c: { ref: string | undefined; s: number; t: string | undefined; f: Text | null; v: Text | null } | null = null;
  // Text goes to the last <f>, <v>, <is> or <t> opened, until another opens (exceljs never resets it).
  let current: Text | null = null;
  let count = 0;
  for await (const events of parts.parseSax(stream)) {
    for (const { eventType, value } of events) {
      if (eventType === 'text') {
        if (current) current.text += value as string;
      } else if (eventType === 'opentag') {
        const node = value as SaxNode;
        switch (node.name) {
          case 'sheetData':
            inRows = true;
            break;
          case 'row':
            if (inRows) {
              const number = parseInt(node.attributes.r as string, 10);
              // A row's style is its cells' unless they have their own (exceljs's Cell takes row.style).
              const s = node.attributes.s ? styles?.getStyleModel(parseInt(node.attributes.s, 10)) : undefined;
              row = { number, numFmt: styleFormat(s), tooWide: false };
              sink.startRow(number);
            }
            break;
          case 'c':
            if (row) c = { ref: node.attributes.r, s: parseInt(node.attributes.s as string, 10), t: node.attributes.t, f: null, v: null };
            break;
          case 'f':
            if (c) current = c.f = { text: '' };
            break;
          case 'v':
          case 'is':
          case 't':
            if (c) current = c.v = { text: '' };
            break;
          default:
            break;
        }
      } else if (eventType === 'closetag') {
        const node = value as SaxNode;
        if (node.name === 'sheetData') {
          inRows = false;
        } else if (node.name === 'row') {
          if (row) {
            // Every row element counts here, blank formatted ones too: a bound on the work. Rows holding a
            // value are counted against maxRows where blanks are told apart (sheet-rows.ts).
            if (++count > limits.maxRawRows) throw new SheetLimitError('rawRows', sheet, row.number);
            if (row.tooWide) throw new SheetLimitError('columns', sheet, row.number);
            sink.endRow();
          }
          row = null;
        } else if (node.name === 'c' && row && c) {
          const col = columnOf(c.ref);
          let numFmt = row.numFmt;
          if (c.s) {
            // exceljs: `s` is parsed as an integer, and 0 (the default style) keeps the row's.
            const style = (styles as NonNullable<SheetContext['styles']>).getStyleModel(c.s);
            if (style) numFmt = styleFormat(style);
          }
          let cellValue: unknown;
          let assigned = true;
          if (c.f) {
            const formula: { formula: string; result?: unknown } = { formula: c.f.text };
            if (c.v) formula.result = c.t === 'str' ? xmlDecode(c.v.text) : parseFloat(c.v.text);
            // exceljs's FormulaValue keeps only the truthy fields (a result of 0 is dropped); an empty formula
            // (a shared formula's follower) is not a formula to it but a plain object kept as it is.
            cellValue = formula.formula ? { formula: formula.formula, ...(formula.result ? { result: formula.result } : {}) } : formula;
          } else if (c.v && c.t === 's' && sharedStrings === deferredStrings) {
            // Whether it holds a value is known where the strings are (the column limit is checked there too).
            (sink.sharedString as NonNullable<CellSink['sharedString']>)(col, parseInt(c.v.text, 10), numFmt);
            assigned = false;
          } else if (c.v) {
            const text = c.v.text;
            switch (c.t) {
              case 's': {
                const index = parseInt(text, 10);
                cellValue = sharedStrings ? (sharedStrings as unknown[])[index] : { sharedString: index };
                break;
              }
              case 'inlineStr':
              case 'str':
                cellValue = xmlDecode(text);
                break;
              case 'e':
                cellValue = { error: text };
                break;
              case 'b':
                cellValue = parseInt(text, 10) !== 0;
                break;
              default:
                cellValue = isDateFmt(numFmt) ? excelToDate(parseFloat(text), date1904) : parseFloat(text);
                break;
            }
          } else {
            assigned = false; // a styled empty cell: no value
          }
          if (assigned) {
            // The column limit is the row's, checked once the row is whole (after the row limit), as before.
            if (cellValue !== undefined && cellValue !== null && col > limits.maxColumns) row.tooWide = true;
            sink.cell(col, cellValue ?? undefined, numFmt);
          }
          c = null;
        }
      }
    }
    yield;
  }
}
