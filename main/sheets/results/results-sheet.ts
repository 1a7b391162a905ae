// The few moves every sheet of the results workbook makes on exceljs's streaming writer: open a sheet with a
// frozen header row and widths, write a styled header, stream rows of plain values, close it with an auto-filter
// over the rows written. Streaming waits for the zip to take each sheet's XML, so a 100,000-row workbook never
// sits in memory as text (issue 18: the write's peak stays under 250 MB).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Style } from 'exceljs';
import type { PlainValue } from './results-cells';
import { headerStyle, plainStyle } from './results-layout';
import { columnLetter } from '../read/sheet-rows';
import { RowXml } from './row-xml';

export type StreamBook = ExcelJS.stream.xlsx.WorkbookWriter;
export type CellStyle = Partial<Style>;

export interface SheetSpec {
  name: string;
  headers: readonly string[];
  widths: readonly number[];
  /** An auto-filter over the header and the rows written (set when the sheet closes). */
  filter: boolean;
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

/** Each sheet's straight-to-XML row writer (null: its writer is not the exceljs this knows). */
const rowXml = new WeakMap<ExcelJS.Worksheet, RowXml | null>();

/**
 * Writes one row and commits it to the stream. Every value is a string, number, Date or null: exceljs turns
 * exactly those into string/number/date/empty cells, never a formula or a hyperlink.
 */
export function writeRow(ws: ExcelJS.Worksheet, values: readonly PlainValue[], styles?: readonly (CellStyle | undefined)[], notes?: ReadonlyMap<number, string>): void {
  // A row without notes goes straight to XML (row-xml.ts: the same bytes, a fifth of the work); notes need exceljs.
  if (!notes || notes.size === 0) {
    let fast = rowXml.get(ws);
    if (fast === undefined) rowXml.set(ws, (fast = RowXml.of(ws)));
    if (fast?.write(values, (i) => styles?.[i] ?? plainStyle)) return;
  }
  const row = ws.addRow(values as PlainValue[]);
  for (let i = 0; i < values.length; i++) {
    // A shared style object per cell: exceljs caches its style id by identity.
    row.getCell(i + 1).style = (styles?.[i] ?? plainStyle) as Style;
  }
  // Notes by 0-based column (an edited cell's original text).
  if (notes) for (const [i, note] of notes) row.getCell(i + 1).note = note;
  row.commit();
}

/**
 * How often a sheet waits for the zip: every row written is XML held in memory until the zip (deflate, on the
 * thread pool) takes it. Written in one synchronous loop, a 100,000-row sheet piled up ~100 MB of it.
 */
const drainEvery = 200;

/**
 * A sheet being streamed: rows go out one by one; every `drainEvery` rows it waits until the zip has taken what
 * was written. The auto-filter covers exactly the rows written (exceljs writes it when the sheet commits).
 */
export class SheetStream {
  private written = 0;

  constructor(
    readonly ws: ExcelJS.Worksheet,
    private readonly spec: Pick<SheetSpec, 'headers' | 'filter'>,
  ) {}

  static open(book: StreamBook, spec: SheetSpec): SheetStream {
    return new SheetStream(openSheet(book, spec), spec);
  }

  get rows(): number {
    return this.written;
  }

  async write(values: readonly PlainValue[], styles?: readonly (CellStyle | undefined)[], notes?: ReadonlyMap<number, string>): Promise<void> {
    writeRow(this.ws, values, styles, notes);
    this.written += 1;
    if (this.written % drainEvery === 0) await zipped(this.ws);
  }

  commit(): void {
    if (this.spec.filter && this.spec.headers.length > 0) this.ws.autoFilter = `A1:${columnLetter(this.spec.headers.length - 1)}${this.written + 1}`;
    this.ws.commit();
  }
}

/**
 * Waits while the sheet's XML waits for the zip. exceljs hands each sheet to archiver as a stream piped into a
 * PassThrough (archiver-utils' normalizeInputSource); that PassThrough asks for a drain once it holds more than
 * its high-water mark. Its name is exceljs's own (`pipes`), not a public API: if a version changes it, there is
 * nothing to wait for and the write is as before (correct, only larger in memory).
 */
async function zipped(ws: ExcelJS.Worksheet): Promise<void> {
  const pipe = (ws as unknown as { stream?: { pipes?: ZipPipe[] } }).stream?.pipes?.[0];
  // archiver's PassThrough is readable-stream 2's, which predates `writableNeedDrain`: its state says it.
  if (pipe && (pipe.writableNeedDrain ?? pipe._writableState?.needDrain)) await once(pipe, 'drain');
}

type ZipPipe = Writable & { _writableState?: { needDrain?: boolean } };
