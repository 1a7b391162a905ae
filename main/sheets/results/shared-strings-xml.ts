// The workbook's shared strings part (xl/sharedStrings.xml) in one string, byte for byte what exceljs's
// WorkbookWriter.addSharedStrings makes (test/main/sheets/results-row-xml.test.ts compares the two): exceljs
// renders it through an XmlStream of five pushes and a regex test per string, ~40 ms for a 10,000-row job's
// unique keys at the workbook's commit. A writer without the internals this knows keeps exceljs's own.
import type ExcelJS from 'exceljs';

interface BookInternals {
  sharedStrings: { values: unknown[] };
  zip: { append(source: string, data: { name: string }): unknown };
  addSharedStrings(): Promise<void>;
}

const hasInternals = (book: unknown): book is BookInternals => {
  const b = book as Partial<BookInternals>;
  return Array.isArray(b.sharedStrings?.values) && typeof b.zip?.append === 'function' && typeof b.addSharedStrings === 'function';
};

const entities: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/** exceljs's xmlEncode: the five entities; DEL and the control characters other than tab, LF and CR dropped. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const needsEncoding = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const xmlEncode = (text: string): string => text.replace(needsEncoding, (ch) => entities[ch] ?? '');

/** exceljs's TextXform: leading or trailing white space, or a line break, is kept with xml:space. */
const preserve = /^\s|\n|\s$/;

export function sharedStringsXml(values: readonly string[]): string {
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${values.length}" uniqueCount="${values.length}">`;
  for (const v of values) xml += `<si><t${preserve.test(v) ? ' xml:space="preserve"' : ''}>${xmlEncode(v)}</t></si>`;
  return `${xml}</sst>`;
}

/** Makes `book` write its shared strings with sharedStringsXml (plain strings only: anything else is left to exceljs). */
export function fastSharedStrings(book: ExcelJS.stream.xlsx.WorkbookWriter): void {
  if (!hasInternals(book)) return;
  const own = book.addSharedStrings.bind(book);
  book.addSharedStrings = () => {
    const values = book.sharedStrings.values;
    if (values.length === 0 || !values.every((v): v is string => typeof v === 'string')) return own();
    book.zip.append(sharedStringsXml(values), { name: '/xl/sharedStrings.xml' });
    return Promise.resolve();
  };
}
