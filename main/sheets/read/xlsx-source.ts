// Streams an .xlsx/.xlsm through exceljs's streaming parsers (never the whole workbook in memory): its own
// parsers for the shared strings and styles, its SAX events under its worksheet rules for the rows
// (sheet-xml.ts), turning each cell into a RawCell (here, or in the reading thread when a parse thread
// parses: parse-thread.ts) and giving merged ranges' values to every cell they cover. exceljs's stream
// reader ignores <mergeCells>; the zip guard's pass over the zip finds them while the rows are parsed, and a
// sheet's first rows wait for them (merges.ts), so no sheet has to be buffered. The sheets come in the
// workbook's tab order, whatever order the zip holds them in.
import type { Readable } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';
import type { RawCell } from '../../../shared/operations/types';
import type { ReadLimits } from './limits';
import { emptyCell, toRawCell } from './raw-cell';
import { MergeGate } from './merges';
import { deferredStrings, parseSheetXml } from './sheet-xml';
import type { CellSink, SheetContext, SheetXmlParts } from './sheet-xml';
import type { SourceBook, SourceRow, SourceSheet } from './source';
import type { WorkbookMeta } from './workbook-meta';
import { openZip, readDirectory } from './zip-read';

/**
 * exceljs's parts, loaded on first use: all of exceljs takes a fifth of a second to load (its writers, CSV,
 * the whole document model). The worksheet rules (sheet-xml.ts) need its SAX helper, its utils and its
 * style parser; the shared strings need its stream WorkbookReader, which brings its unzipper and more and
 * loads in twice the time. A parse thread loads only the former (the read worker parses the shared strings:
 * parse-thread.ts); a single-thread read loads both (preloadXlsx). Either loads while the intake guards run.
 */
type WorkbookReaderClass = new (input: null, options: Record<string, string>) => ExcelPartReader;
interface StylesParser {
  parseStream(stream: Readable): Promise<unknown>;
  getStyleModel(id: number): { numFmt?: unknown } | null | undefined;
}
interface ExcelSheetParts extends SheetXmlParts {
  StyleManager: new () => StylesParser;
}
let sheetParts: Promise<ExcelSheetParts> | null = null;
let readerClass: Promise<WorkbookReaderClass> | null = null;
// A CommonJS module: its export is the default export under ESM, and the namespace under a CJS bundle.
const cjs = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;
export const preloadSheetParts = (): Promise<ExcelSheetParts> =>
  (sheetParts ??= Promise.all([
    // @ts-expect-error -- exceljs declares no types for these paths; they are typed by the parts used here.
    import('exceljs/lib/utils/parse-sax.js'),
    // @ts-expect-error -- as above
    import('exceljs/lib/utils/utils.js'),
    // @ts-expect-error -- as above (the StyleManager of exceljs's WorkbookReader._parseStyles)
    import('exceljs/lib/xlsx/xform/style/styles-xform.js'),
  ]).then(([parseSax, utils, styles]: unknown[]) => ({
    parseSax: cjs<SheetXmlParts['parseSax']>(parseSax),
    utils: cjs<SheetXmlParts['utils']>(utils),
    StyleManager: cjs<ExcelSheetParts['StyleManager']>(styles),
  })));
export const preloadSharedStrings = (): Promise<WorkbookReaderClass> =>
  // @ts-expect-error -- as above
  (readerClass ??= import('exceljs/lib/stream/xlsx/workbook-reader.js').then((m: unknown) => cjs<WorkbookReaderClass>(m)));
export const preloadXlsx = (): Promise<unknown> => Promise.all([preloadSheetParts(), preloadSharedStrings()]);

/**
 * The parts of exceljs's WorkbookReader used here: its parsers of the shared strings, the styles and a
 * worksheet, each given a stream. We do not let it unzip: its unzipper ends the entry list early when the
 * consumer is slow (a busy machine loses xl/workbook.xml or the shared strings of a workbook whose
 * worksheets come first, exceljs issue #962's symptom), and it decodes each chunk of a part on its own, so
 * a Chinese character split between two chunks became U+FFFD. Here every part comes from yauzl, decoded
 * as one UTF-8 stream, in the order the parsers need: shared strings and styles, then the worksheets,
 * whose SAX events go to our handler of exceljs's worksheet rules (sheet-xml.ts).
 */
interface ExcelPartReader {
  sharedStrings?: unknown[];
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
}

/** The shared strings as exceljs's WorkbookReader parses them (undefined: the workbook has none). */
async function parseSharedStrings(stream: Readable | null): Promise<unknown[] | undefined> {
  if (!stream) return undefined;
  const WorkbookReader = await preloadSharedStrings();
  const reader = new WorkbookReader(null, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const _ of reader._parseSharedStrings(stream)) void _;
  return reader.sharedStrings;
}

/** The workbook's shared strings alone, from a zip of its own: what a reading thread needs beside its parse thread. */
export async function readSharedStrings(path: string, meta: WorkbookMeta, limits: ReadLimits): Promise<unknown[] | undefined> {
  const zip = await openZip(path, true);
  try {
    const entry = (await directory(zip, limits)).get(meta.sharedStrings);
    return await parseSharedStrings(entry ? await textOf(zip, entry) : null);
  } finally {
    zip.close();
  }
}

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

/** A worksheet, parsed only once `parse` is walked. */
export interface WorksheetRows {
  name: string;
  visible: boolean;
  /** Its zip entry (where the zip guard finds its merged ranges). */
  part: string;
  /** Parses the rows into `sink`, yielding after each chunk of XML (drain the sink then). */
  parse(sink: CellSink): AsyncGenerator<void>;
}

/**
 * The worksheets in tab order, each one's rows parsed only as they are pulled. Shared by openXlsx (rows in
 * this thread) and the parse thread (parse-thread.ts).
 */
export function openWorksheets(
  path: string,
  meta: WorkbookMeta,
  limits: ReadLimits,
  /** Leave the shared strings to the reading thread: cells name them by index (parse-thread.ts). */
  deferSharedStrings = false,
): { sheets(): AsyncGenerator<WorksheetRows>; close(): void } {
  let zip: ZipFile | null = null;
  let current: Readable | null = null;
  const close = () => {
    current?.destroy();
    current = null;
    zip?.close();
    zip = null;
  };
  async function* sheets(): AsyncGenerator<WorksheetRows> {
    const parts = await preloadSheetParts();
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
    const sharedStrings = deferSharedStrings ? deferredStrings : await parseSharedStrings(await part(meta.sharedStrings));
    // Number formats, and exceljs's own date detection: parsed as its WorkbookReader._parseStyles does.
    const stylesPart = await part(meta.styles);
    let styles: StylesParser | undefined;
    if (stylesPart) {
      styles = new parts.StyleManager();
      await styles.parseStream(stylesPart);
    }
    const context: SheetContext = { sharedStrings, styles, date1904: meta.date1904 };
    for (const sheet of meta.sheets) {
      if (!sheet.part?.startsWith('xl/worksheets/') || !entries.has(sheet.part)) continue; // a chart sheet has no rows
      const name = sheet.part;
      yield {
        name: sheet.name,
        visible: sheet.visible,
        part: name,
        async *parse(sink: CellSink) {
          const stream = await part(name);
          if (stream) yield* parseSheetXml(stream, parts, context, sink, sheet.name, limits);
        },
      };
    }
  }
  return { sheets, close };
}

/** Rows of RawCells as the sheet's XML is parsed (the single-thread read's sink). */
class RawRows implements CellSink {
  private done: SourceRow[] = [];
  private number = 0;
  private cells: (RawCell | undefined)[] = [];
  constructor(private readonly date1904: boolean) {}

  startRow(number: number): void {
    this.number = number;
    this.cells = [];
  }

  cell(col: number, value: unknown, numFmt: string | undefined): void {
    this.cells[col - 1] = value === undefined ? undefined : toRawCell(value, numFmt, this.date1904);
  }

  endRow(): void {
    const cells = this.cells;
    // As exceljs's eachCell: a row's cells run to its last cell with a value; the holes are empty cells.
    let width = cells.length;
    while (width > 0 && cells[width - 1] === undefined) width--;
    cells.length = width;
    for (let i = 0; i < width; i++) if (!cells[i]) cells[i] = emptyCell;
    this.done.push({ number: this.number, cells: cells as RawCell[] });
  }

  take(): SourceRow[] {
    const rows = this.done;
    this.done = [];
    return rows;
  }
}

/** The workbook's rows as RawCells, in this thread. `merges` gives a worksheet entry's merged ranges once known (ZipFacts.merges); its rows wait for them. */
export function openXlsx(path: string, meta: WorkbookMeta, merges: (part: string) => Promise<string[]>, limits: ReadLimits): SourceBook {
  const worksheets = openWorksheets(path, meta, limits);
  async function* sheets(): AsyncGenerator<SourceSheet> {
    for await (const sheet of worksheets.sheets()) {
      yield { name: sheet.name, visible: sheet.visible, rows: rowsOf(sheet, new MergeGate(merges(sheet.part))) };
    }
  }

  async function* rowsOf(sheet: WorksheetRows, merges: MergeGate): AsyncGenerator<SourceRow> {
    const sink = new RawRows(meta.date1904);
    try {
      for await (const _ of sheet.parse(sink)) {
        for (const row of sink.take()) {
          if (merges.open) yield merges.fill(row);
          else yield* merges.pass(row);
        }
      }
    } catch (e) {
      // The rows parsed before the failure go first, merges and all: their reader may stop at a limit of its
      // own on the way, and must do so whenever the merges happen to become known.
      for (const row of sink.take()) yield* merges.pass(row);
      yield* await merges.end();
      throw e;
    }
    yield* await merges.end();
  }

  return { sheets: meta.sheets.map(({ name, visible }) => ({ name, visible })), open: sheets, close: worksheets.close };
}
