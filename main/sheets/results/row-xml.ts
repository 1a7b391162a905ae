// A results row straight to its sheet's XML, byte for byte what exceljs's streaming writer makes of the same
// plain values and styles (test/main/sheets/results-row-xml.test.ts compares the two), without exceljs's Row, Cell and
// model objects, its XmlStream and its per-row style registration: those were ~60 % of the workbook's time
// (jobs bench, 10,000 rows on Results and To fix). Styles and shared strings still go through the workbook's
// own registries, in the same order, so their ids and the styles.xml / sharedStrings.xml written are the same.
// It leans on exceljs 4.4.0's writer internals (pinned in package.json); a writer without them is left to
// exceljs (`RowXml.of` returns null), so an upgrade can only make the write slower, never different.
import type ExcelJS from 'exceljs';
import type { PlainValue } from './results-cells';
import { columnLetter } from '../read/sheet-rows';

/** exceljs's Enums.ValueType, the four kinds a plain value can be. */
const valueType = { null: 0, number: 2, string: 3, date: 4 } as const;

interface StyleRegistry {
  addStyleModel(model: object, cellType?: number): number;
}
interface SharedStrings {
  add(text: string): number;
}
/** What of exceljs's WorksheetWriter this reads and moves: the next row's number, its pending rows, its stream. */
interface WriterInternals {
  _rowZero: number;
  _rows: unknown[];
  startedData: boolean;
  useSharedStrings: boolean;
  stream: { write(text: string): unknown };
  _workbook: { styles?: StyleRegistry; sharedStrings?: SharedStrings };
}

const hasInternals = (ws: unknown): ws is WriterInternals => {
  const w = ws as Partial<WriterInternals>;
  return (
    typeof w._rowZero === 'number' &&
    Array.isArray(w._rows) &&
    w.useSharedStrings === true &&
    typeof w._workbook?.styles?.addStyleModel === 'function' &&
    typeof w._workbook.sharedStrings?.add === 'function'
  );
};

/** Excel's serial day number of a Date, as exceljs writes it (utils.dateToExcel, 1900 system). */
const excelDate = (d: Date): number => 25569 + d.getTime() / (24 * 3600 * 1000);

/** Column letters by 0-based index, kept: every cell of every row names its column. */
const letters: string[] = [];
const letterOf = (i: number): string => (letters[i] ??= columnLetter(i));

export class RowXml {
  /** The row element's own style: exceljs registers a fresh `{}` for every row (same XML, so the same id). */
  private readonly rowAttrs: string;

  private constructor(
    private readonly ws: WriterInternals,
    private readonly styles: StyleRegistry,
    private readonly strings: SharedStrings,
  ) {
    const rowStyle = styles.addStyleModel({});
    this.rowAttrs = `${rowStyle ? ` s="${rowStyle}" customFormat="1"` : ''} x14ac:dyDescent="0.25"`;
  }

  /** The fast path for this sheet, or null when its writer is not the one this file knows (exceljs writes then). */
  static of(ws: ExcelJS.Worksheet): RowXml | null {
    if (!hasInternals(ws)) return null;
    return new RowXml(ws, ws._workbook.styles!, ws._workbook.sharedStrings!);
  }

  /**
   * Writes one row of plain values with a style per cell, as `ws.addRow(values)` + a style on every cell + commit
   * would; false (nothing written) when exceljs still holds rows of its own or has not opened the sheet's data.
   */
  write(values: readonly PlainValue[], styleOf: (i: number) => object): boolean {
    const ws = this.ws;
    if (ws._rows.length > 0 || !ws.startedData) return false;
    const r = ws._rowZero;
    ws._rowZero = r + 1;
    // A row with no value is not written at all (exceljs skips it, styles unregistered), though it takes its number.
    if (!values.some((v) => v !== null && v !== undefined)) return true;
    let cells = '';
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? null;
      const type = v === null ? valueType.null : typeof v === 'string' ? valueType.string : typeof v === 'number' ? valueType.number : valueType.date;
      const s = this.styles.addStyleModel(styleOf(i), type);
      if (type === valueType.null) {
        // exceljs writes an empty cell only when it carries a style.
        if (s) cells += `<c r="${letterOf(i)}${r}" s="${s}"/>`;
        continue;
      }
      const head = `<c r="${letterOf(i)}${r}"${s ? ` s="${s}"` : ''}`;
      if (type === valueType.string) cells += `${head} t="s"><v>${this.strings.add(v as string)}</v></c>`;
      else if (type === valueType.number) cells += `${head}><v>${String(v)}</v></c>`;
      else cells += `${head}><v>${String(excelDate(v as Date))}</v></c>`;
    }
    ws.stream.write(`<row r="${r}" spans="1:${values.length}"${this.rowAttrs}>${cells}</row>`);
    return true;
  }
}
