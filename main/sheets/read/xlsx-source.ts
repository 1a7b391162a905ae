// Streams an .xlsx/.xlsm through exceljs's public streaming reader, ExcelJS.stream.xlsx.WorkbookReader
// (never the whole workbook in memory), turning each cell into a RawCell and giving merged ranges' values
// to every cell they cover. exceljs's stream reader ignores <mergeCells>; the zip guard's pass over the zip
// finds them before the sheet is parsed (merges.ts), so no sheet has to be buffered. The sheets come in the workbook's tab order, whatever order the zip holds them in.
//
// We do not let the WorkbookReader unzip: its unzipper ends the entry list early when the consumer is slow
// (a busy machine loses xl/workbook.xml or the shared strings of a workbook whose worksheets come first,
// exceljs issue #962's symptom), it decodes each chunk of a part on its own (a Chinese character split
// between two chunks became U+FFFD), and it only finds worksheets named sheetN.xml. So every part comes
// from yauzl, decoded as one UTF-8 stream, and is handed to the WorkbookReader's own part parsers — its
// `_parseSharedStrings`, `_parseStyles` and `_parseWorksheet` methods. Those are underscored methods of a
// public class, not a private import; package.json pins exceljs to the exact version they were checked
// against (4.4.0), and xlsx-read.test.ts / robustness.test.ts hold the cells they give to the reader's rules.
import type { Readable } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';
import type ExcelModule from 'exceljs';
import type { RawCell } from '../../../shared/operations/cells';
import type { ReadLimits } from './limits';
import { emptyCell, toRawCell } from './raw-cell';
import { mergeFiller } from './merges';
import { earlyRowsCount, SheetLimitError } from './source';
import type { EarlyRows, SourceBook, SourceRow, SourceSheet } from './source';
import type { WorkbookMeta } from './workbook-meta';
import type { SheetScan } from './zip-guard';
import { openZip, readDirectory } from './zip-read';

/** The cells of exceljs's Row that the reader uses (exceljs's public Row/Cell API). */
interface ExcelRow {
  number: number;
  eachCell(callback: (cell: { value: unknown; numFmt?: unknown }, col: number) => void): void;
}

/** The WorkbookReader's part parsers, each given one part's stream (see the header comment). */
interface ExcelPartParsers {
  sharedStrings?: unknown;
  properties?: unknown;
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseWorksheet(rows: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelRow> }>;
}
type WorkbookReaderClass = new (input: null, options: Record<string, string>) => ExcelPartParsers;

// A CommonJS module: its export is the default export under ESM, and the namespace under a CJS bundle.
const cjs = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;
let readerClass: Promise<WorkbookReaderClass> | null = null;
/** exceljs takes a fifth of a second to load: the worker starts loading it while the intake guards run. */
export const preloadXlsx = (): Promise<WorkbookReaderClass> =>
  (readerClass ??= import('exceljs').then((m) => cjs<typeof ExcelModule>(m).stream.xlsx.WorkbookReader as unknown as WorkbookReaderClass));

const readerOptions = { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' };

/**
 * The entries by name, once the directory is within the limits again: the file may have changed since the
 * guard saw it. Every read of an entry is then held to its declared size (openZip's validateEntrySizes).
 */
async function directory(zip: ZipFile, limits: ReadLimits): Promise<Map<string, Entry>> {
  if (zip.entryCount > limits.maxZipEntries) throw new Error('too many zip entries');
  const entries = await readDirectory(zip);
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) throw new Error('zip larger than when it was checked');
  return new Map(entries.map((entry) => [entry.fileName, entry]));
}

const textOf = (zip: ZipFile, entry: Entry): Promise<Readable> =>
  new Promise((resolve, reject) =>
    zip.openReadStream(entry, (e, stream) => {
      if (e || !stream) return reject(e ?? new Error('no stream'));
      // A damaged entry can fail its size check after its parser has finished with it (exceljs's style
      // parser stops at its closing tag): with no one listening that would be an uncaught 'error' event.
      // Whoever reads the stream still gets the error through its own listener.
      stream.on('error', () => undefined);
      stream.setEncoding('utf8');
      resolve(stream);
    }),
  );

/**
 * One exceljs Row as a SourceRow: as exceljs's eachCell, the cells run to the last cell with a value, and the
 * holes are empty cells. Throws SheetLimitError for a value past the column limit.
 */
function sourceRow(row: ExcelRow, date1904: boolean, sheet: string, maxColumns: number): SourceRow {
  const cells: RawCell[] = [];
  let tooWide = false;
  row.eachCell((cell, col) => {
    if (col > maxColumns) tooWide = true;
    else cells[col - 1] = toRawCell(cell.value, typeof cell.numFmt === 'string' ? cell.numFmt : undefined, date1904);
  });
  if (tooWide) throw new SheetLimitError('columns', sheet, row.number);
  for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = emptyCell;
  return { number: row.number, cells };
}

/** The workbook's rows as RawCells. `scan` gives a worksheet entry's merged ranges once known (ZipFacts.sheetScan); its rows wait for them. */
export function openXlsx(path: string, meta: WorkbookMeta, scan: (part: string) => Promise<SheetScan>, limits: ReadLimits, soFar: (part: string) => number | null = () => null): SourceBook {
  let zip: ZipFile | null = null;
  let current: Readable | null = null;
  const close = () => {
    current?.destroy();
    current = null;
    zip?.close();
    zip = null;
  };

  async function* sheets(): AsyncGenerator<SourceSheet> {
    const WorkbookReader = await preloadXlsx();
    const opened = await openZip(path, true);
    zip = opened;
    const entries = await directory(opened, limits);
    const part = async (name: string): Promise<Readable | null> => {
      const entry = entries.get(name);
      if (!entry) return null;
      current?.destroy(); // the part before is done with: read no more of it
      current = await textOf(opened, entry);
      return current;
    };
    const parsers = new WorkbookReader(null, readerOptions);
    const strings = await part(meta.sharedStrings);
    if (strings) for await (const _ of parsers._parseSharedStrings(strings)) void _;
    const styles = await part(meta.styles);
    if (styles) await parsers._parseStyles(styles);
    // The date system, as the WorkbookReader's _parseWorkbook would set it from the same attribute of
    // xl/workbook.xml (workbook-meta.ts read it already; the file may lack the part).
    parsers.properties = { model: { date1904: meta.date1904 } };
    for (const sheet of meta.sheets) {
      if (!sheet.part?.startsWith('xl/worksheets/') || !entries.has(sheet.part)) continue; // a chart sheet has no rows
      const scanned = scan(sheet.part);
      let lastRow: number | null = null;
      void scanned.then((s) => (lastRow = s.lastRow), () => undefined);
      const ranges = scanned.then((s) => s.ranges);
      ranges.catch(() => undefined); // a sheet that is never read must not leave the guard's refusal unhandled
      let told: (early: EarlyRows | null) => void = () => undefined;
      const early = new Promise<EarlyRows | null>((resolve) => (told = resolve));
      yield { name: sheet.name, visible: sheet.visible, rows: rowsOf(parsers, () => part(sheet.part as string), sheet.name, ranges, told, () => soFar(sheet.part as string)), lastRow: () => lastRow, early };
    }
  }

  /** exceljs's own WorksheetReader over the part (the sheet number only names it in exceljs's events), as RawCells. */
  async function* parsed(parsers: ExcelPartParsers, stream: Readable, sheet: string): AsyncGenerator<SourceRow> {
    let count = 0;
    for (const { value: worksheet } of parsers._parseWorksheet(stream, '1')) {
      for await (const row of worksheet) {
        // Every row element counts here, blank formatted ones too: a bound on the work. Rows holding a
        // value are counted against maxRows where blanks are told apart (sheet-rows.ts).
        if (++count > limits.maxRawRows) throw new SheetLimitError('rawRows', sheet, row.number);
        yield sourceRow(row, meta.date1904, sheet, limits.maxColumns);
      }
    }
  }

  /**
   * The sheet's rows, filled by its merged ranges. The part is parsed at once, while the zip guard's scan is
   * still looking for the merges (they sit after the rows): up to `earlyRowsCount` rows are parsed ahead and
   * told as they are (`tellEarly`, for a provisional preview); the rows themselves wait for the merges.
   * Parsing ahead inflates no more than the guard already allowed: the directory's declared sizes passed its
   * total and ratio limits before anything was read, and yauzl holds this read to them (directory()).
   */
  async function* rowsOf(parsers: ExcelPartParsers, opening: () => Promise<Readable | null>, sheet: string, ranges: Promise<string[]>, tellEarly: (early: EarlyRows | null) => void, lastRowSoFar: () => number | null): AsyncGenerator<SourceRow> {
    let known = false;
    void ranges.then(
      () => (known = true),
      () => (known = true),
    );
    const held: SourceRow[] = [];
    let ended = false;
    let rows: AsyncGenerator<SourceRow> | null = null;
    try {
      const stream = await opening();
      if (!stream) return;
      rows = parsed(parsers, stream, sheet);
      while (!known && held.length < earlyRowsCount) {
        const next = await rows.next();
        if (next.done) {
          ended = true;
          break;
        }
        held.push(next.value);
      }
      // The merges fill the held rows in place: the preview's copies are made first.
      tellEarly(known || held.length === 0 ? null : { rows: held.map((r) => ({ number: r.number, cells: [...r.cells] })), complete: ended, lastRowAtLeast: ended ? null : lastRowSoFar() });
      const merged = await mergeFiller(ranges);
      for (const row of held) yield merged.fill(row);
      if (!ended) for await (const row of rows) yield merged.fill(row);
    } finally {
      tellEarly(null); // a failure, or a sheet left before its first rows: nothing to preview (a no-op once told)
      void rows?.return(undefined).catch(() => undefined); // a sheet left part-way: its parse stops
    }
  }

  return { sheets: meta.sheets.map(({ name, visible }) => ({ name, visible })), open: sheets, close };
}
