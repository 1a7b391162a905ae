// Streams an .xlsx/.xlsm with exceljs's WorkbookReader (never the whole workbook in memory), turning each
// cell into a RawCell and giving merged ranges' values to every cell they cover. exceljs's stream reader
// ignores <mergeCells>; the zip guard found them already, so no sheet has to be buffered.
import ExcelJS from 'exceljs';
import type { Row } from 'exceljs';
import { createReadStream } from 'node:fs';
import type { ReadStream } from 'node:fs';
import type { RawCell } from '../../shared/operations/types';
import type { ReadLimits } from './limits';
import { emptyCell, toRawCell } from './raw-cell';
import { SheetLimitError } from './source';
import type { SourceBook, SourceRow, SourceSheet } from './source';
import type { WorkbookMeta } from './workbook-meta';

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const colNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** "B2:C5" → 0-based columns, 1-based rows. */
export function parseRange(ref: string): Range | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const [a, b] = [colNumber(m[1] as string) - 1, colNumber(m[3] as string) - 1];
  const [r1, r2] = [Number(m[2]), Number(m[4])];
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(a, b), right: Math.max(a, b) };
}

/** Applies merged ranges to rows as they stream: the top-left value is remembered and copied down and across. */
class MergeFiller {
  private readonly values = new Map<Range, RawCell>();
  constructor(private readonly ranges: Range[]) {}

  fill(row: SourceRow): void {
    for (const range of this.ranges) {
      if (row.number < range.top || row.number > range.bottom) continue;
      if (row.number === range.top) this.values.set(range, row.cells[range.left] ?? emptyCell);
      const value = this.values.get(range);
      if (!value) continue;
      for (let c = range.left; c <= range.right; c++) row.cells[c] = value;
    }
  }
}

interface StreamedWorksheet {
  id?: number | string;
  name?: string;
  state?: string;
  [Symbol.asyncIterator](): AsyncGenerator<Row>;
}

export function openXlsx(path: string, meta: WorkbookMeta, merges: Map<string, string[]>, limits: ReadLimits): SourceBook {
  let input: ReadStream | null = null;
  const close = () => {
    input?.destroy();
    input = null;
  };
  async function* sheets(): AsyncGenerator<SourceSheet> {
    input = createReadStream(path);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // number formats, and exceljs's own date detection
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const ws of reader as AsyncIterable<unknown>) {
      const sheet = ws as StreamedWorksheet;
      const byPart = meta.sheets.find((s) => s.part === `xl/worksheets/sheet${String(sheet.id)}.xml`);
      const known = meta.sheets.find((s) => s.name === sheet.name) ?? byPart;
      const name = sheet.name ?? known?.name ?? `Sheet${String(sheet.id)}`;
      const visible = sheet.state ? sheet.state === 'visible' : (known?.visible ?? true);
      const ranges = (known?.part ? merges.get(known.part) ?? [] : []).map(parseRange).filter((r): r is Range => r !== null);
      yield { name, visible, rows: rowsOf(sheet, name, new MergeFiller(ranges)) };
    }
  }

  async function* rowsOf(sheet: StreamedWorksheet, name: string, merger: MergeFiller): AsyncGenerator<SourceRow> {
    let count = 0;
    for await (const row of sheet) {
      if (++count > limits.maxRows + 100) throw new SheetLimitError('rows', name, row.number);
      const cells: RawCell[] = [];
      row.eachCell((cell, col) => {
        if (col > limits.maxColumns) throw new SheetLimitError('columns', name, row.number);
        const numFmt = (cell.style as { numFmt?: unknown } | undefined)?.numFmt;
        cells[col - 1] = toRawCell(cell.value, typeof numFmt === 'string' ? numFmt : undefined, meta.date1904);
      });
      for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = emptyCell;
      const source: SourceRow = { number: row.number, cells };
      merger.fill(source);
      yield source;
    }
  }

  return { sheets: meta.sheets.map(({ name, visible }) => ({ name, visible })), open: sheets, close };
}
