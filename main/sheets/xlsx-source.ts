// Streams an .xlsx/.xlsm through exceljs's streaming parsers (never the whole workbook in memory), turning
// each cell into a RawCell and giving merged ranges' values to every cell they cover. exceljs's stream
// reader ignores <mergeCells>; the zip guard's pass over the zip finds them while the rows are parsed, and a
// sheet's first rows wait for them (merges.ts), so no sheet has to be buffered. The sheets come in the
// workbook's tab order, whatever order the zip holds them in.
import type { Row } from 'exceljs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { RawCell } from '../../shared/operations/types';
import type { ReadLimits } from './limits';
import { emptyCell, toRawCell } from './raw-cell';
import { MergeGate } from './merges';
import { SheetLimitError } from './source';
import type { SourceBook, SourceRow, SourceSheet } from './source';
import type { WorkbookMeta } from './workbook-meta';

/**
 * exceljs's streaming reader, loaded on first use: all of exceljs takes a fifth of a second to load (its
 * writers, CSV, the whole document model), its stream reader alone half that. The reading worker loads it
 * (preloadXlsx) while the intake guards run.
 */
type WorkbookReaderClass = new (input: null, options: Record<string, string>) => ExcelPartReader;
let exceljs: Promise<WorkbookReaderClass> | null = null;
export const preloadXlsx = (): Promise<WorkbookReaderClass> =>
  // A CommonJS module: its export is the default export under ESM, and the namespace under a CJS bundle.
  // @ts-expect-error -- exceljs declares no types for this path; the class is typed by the parts used here.
  (exceljs ??= import('exceljs/lib/stream/xlsx/workbook-reader.js').then(
    (m: unknown) => ((m as { default?: WorkbookReaderClass }).default ?? m) as WorkbookReaderClass,
  ));

/** A worksheet reader's parse(): the rows (and other events) each chunk of XML gave, a chunk at a time. */
interface StreamedWorksheet {
  parse(): AsyncGenerator<{ eventType: string; value: unknown }[]>;
}

/**
 * The parts of exceljs's WorkbookReader used here: its parsers of the shared strings, the styles and a
 * worksheet, each given a stream. We do not let it unzip: its unzipper ends the entry list early when the
 * consumer is slow (a busy machine loses xl/workbook.xml or the shared strings of a workbook whose
 * worksheets come first, exceljs issue #962's symptom), and it decodes each chunk of a part on its own, so
 * a Chinese character split between two chunks became U+FFFD. Here every part comes from yauzl, decoded
 * as one UTF-8 stream, in the order the parsers need: shared strings and styles, then the worksheets.
 */
interface ExcelPartReader {
  sharedStrings?: unknown[];
  properties?: unknown;
  model?: unknown;
  workbookRels?: unknown;
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseWorksheet(stream: Readable, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}

const openZip = (path: string): Promise<ZipFile> =>
  new Promise((resolve, reject) =>
    // The guard inflated every entry already; sizes are validated again in case the file changed since.
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (e, zip) =>
      e || !zip ? reject(e ?? new Error('no zip')) : resolve(zip),
    ),
  );

function directory(zip: ZipFile, limits: ReadLimits): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    if (zip.entryCount > limits.maxZipEntries) return reject(new Error('too many zip entries'));
    const entries = new Map<string, Entry>();
    let total = 0;
    zip.on('error', reject);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: Entry) => {
      total += entry.uncompressedSize;
      if (total > limits.maxUncompressedBytes) return reject(new Error('zip larger than when it was checked'));
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

const textOf = (zip: ZipFile, entry: Entry): Promise<Readable> =>
  new Promise((resolve, reject) =>
    zip.openReadStream(entry, (e, stream) => {
      if (e || !stream) return reject(e ?? new Error('no stream'));
      stream.setEncoding('utf8');
      resolve(stream);
    }),
  );

/** A worksheet as exceljs streams it: the rows each chunk of its XML gave, a chunk at a time. */
export interface WorksheetRows {
  name: string;
  visible: boolean;
  /** Its zip entry (where the zip guard finds its merged ranges). */
  part: string;
  rows: AsyncGenerator<Row[]>;
}

/**
 * The worksheets in tab order, as exceljs parses them, each one's rows parsed only as they are pulled.
 * Shared by openXlsx (rows in this thread) and the parse thread (parse-thread.ts).
 */
export function openWorksheets(path: string, meta: WorkbookMeta, limits: ReadLimits): { sheets(): AsyncGenerator<WorksheetRows>; close(): void } {
  let zip: ZipFile | null = null;
  let current: Readable | null = null;
  const close = () => {
    current?.destroy();
    current = null;
    zip?.close();
    zip = null;
  };
  async function* sheets(): AsyncGenerator<WorksheetRows> {
    const WorkbookReader = await preloadXlsx();
    const opened = await openZip(path);
    zip = opened;
    const entries = await directory(opened, limits);
    const part = async (name: string): Promise<Readable | null> => {
      const entry = entries.get(name);
      if (!entry) return null;
      current = await textOf(opened, entry);
      return current;
    };
    const reader = new WorkbookReader(null, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    // What exceljs would have read from xl/workbook.xml: the sheets are ours (meta), the date system too.
    reader.model = { sheets: [] };
    reader.workbookRels = [];
    reader.properties = { model: { date1904: meta.date1904 } };
    const strings = await part(meta.sharedStrings);
    if (strings) for await (const _ of reader._parseSharedStrings(strings)) void _;
    const styles = await part(meta.styles); // number formats, and exceljs's own date detection
    if (styles) await reader._parseStyles(styles);
    for (const [index, sheet] of meta.sheets.entries()) {
      if (!sheet.part?.startsWith('xl/worksheets/') || !entries.has(sheet.part)) continue; // a chart sheet has no rows
      const stream = await part(sheet.part);
      if (!stream) continue;
      const sheetNo = /(\d+)\.xml$/.exec(sheet.part)?.[1] ?? String(index + 1);
      const [event] = [...reader._parseWorksheet(stream, sheetNo)];
      yield { name: sheet.name, visible: sheet.visible, part: sheet.part, rows: chunksOf(event?.value as StreamedWorksheet, sheet.name) };
    }
  }

  // exceljs's worksheet parse() hands over the rows of each chunk of XML together; walking those arrays
  // (rather than its per-row async iterator) saves an async hop per row.
  async function* chunksOf(sheet: StreamedWorksheet, name: string): AsyncGenerator<Row[]> {
    let count = 0;
    for await (const events of sheet.parse()) {
      const rows: Row[] = [];
      for (const { eventType, value } of events) {
        if (eventType !== 'row') continue;
        const row = value as Row;
        if (++count > limits.maxRows + 100) {
          // The rows before it go on first: whoever reads them may stop at a limit of its own on the way.
          if (rows.length > 0) yield rows;
          throw new SheetLimitError('rows', name, row.number);
        }
        rows.push(row);
      }
      if (rows.length > 0) yield rows;
    }
  }

  return { sheets, close };
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
    for await (const chunk of sheet.rows) {
      for (const row of chunk) {
        const cells: RawCell[] = [];
        row.eachCell((cell, col) => {
          if (col > limits.maxColumns) throw new SheetLimitError('columns', sheet.name, row.number);
          const numFmt = (cell.style as { numFmt?: unknown } | undefined)?.numFmt;
          cells[col - 1] = toRawCell(cell.value, typeof numFmt === 'string' ? numFmt : undefined, meta.date1904);
        });
        for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = emptyCell;
        const source: SourceRow = { number: row.number, cells };
        if (merges.open) yield merges.fill(source);
        else yield* merges.pass(source);
      }
    }
    yield* await merges.end();
  }

  return { sheets: meta.sheets.map(({ name, visible }) => ({ name, visible })), open: sheets, close: worksheets.close };
}
