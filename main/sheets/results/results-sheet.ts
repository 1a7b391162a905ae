// The few moves every sheet of the results workbook makes on exceljs's streaming writer: open a sheet with a
// frozen header row, widths and an auto-filter over the data, write a styled header, stream rows of plain values.
import type ExcelJS from 'exceljs';
import type { Style } from 'exceljs';
import type { PlainValue } from './results-cells';
import { headerStyle, plainStyle } from './results-layout';
import { columnLetter } from '../read/sheet-rows';

export type StreamBook = ExcelJS.stream.xlsx.WorkbookWriter;
export type CellStyle = Partial<Style>;

export interface SheetSpec {
  name: string;
  headers: readonly string[];
  widths: readonly number[];
  /** Data rows below the header (for the auto-filter's range); null: no auto-filter. */
  dataRows: number | null;
  /** Column-wide styles (the to-fix sheet's text columns), by 0-based column. */
  columnStyles?: readonly (CellStyle | undefined)[];
  /** Header notes (the to-fix sheet's API field names, as in the template), by 0-based column. */
  notes?: readonly (string | undefined)[];
}

/** Opens a sheet and writes its header row (bold, filled, frozen). */
export function openSheet(book: StreamBook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = book.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  ws.columns = spec.widths.map((width, i) => {
    const style = spec.columnStyles?.[i];
    return style ? { width, style } : { width };
  });
  if (spec.dataRows !== null && spec.headers.length > 0) {
    ws.autoFilter = `A1:${columnLetter(spec.headers.length - 1)}${spec.dataRows + 1}`;
  }
  const header = ws.addRow([...spec.headers]);
  spec.headers.forEach((_, i) => {
    const cell = header.getCell(i + 1);
    cell.style = headerStyle as Style;
    const note = spec.notes?.[i];
    if (note) cell.note = note;
  });
  header.commit();
  return ws;
}

/**
 * Writes one row and commits it to the stream. Every value is a string, number, Date or null: exceljs turns
 * exactly those into string/number/date/empty cells, never a formula or a hyperlink.
 */
export function writeRow(ws: ExcelJS.Worksheet, values: readonly PlainValue[], styles?: readonly (CellStyle | undefined)[], notes?: ReadonlyMap<number, string>): void {
  const row = ws.addRow(values as PlainValue[]);
  for (let i = 0; i < values.length; i++) {
    // A shared style object per cell: exceljs caches its style id by identity.
    row.getCell(i + 1).style = (styles?.[i] ?? plainStyle) as Style;
  }
  // Notes by 0-based column (an edited cell's original text).
  if (notes) for (const [i, note] of notes) row.getCell(i + 1).note = note;
  row.commit();
}
