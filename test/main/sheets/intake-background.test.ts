// The zip guard inflates the worksheets alongside the parser (zip-guard.ts): a lie in the directory found
// while the sheet is being read, or after it was read, still refuses the whole file, in both paths.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheet, readSheetInProcess } from '../../../main/sheets/read/reader';
import { deflatedEntry, tempDir, writeZip, zerosEntry } from './fixtures';

type ZipEntrySpec = ReturnType<typeof deflatedEntry>;

const dir = tempDir();
const at = (name: string) => path.join(dir, name);
const workerPath = path.resolve('out/node/read-worker.cjs');

const shell = (): ZipEntrySpec[] => [
  deflatedEntry('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  deflatedEntry('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
  deflatedEntry('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
];

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
function sheetXml(rows: number): string {
  const body: string[] = [`<row r="1">${inline('A1', '采购退货单号')}</row>`];
  for (let r = 2; r <= rows + 1; r++) body.push(`<row r="${r}">${inline(`A${r}`, `CR${r}`)}</row>`);
  return `<?xml version="1.0"?><worksheet><sheetData>${body.join('')}</sheetData></worksheet>`;
}

describe('a zip that lies, found while or after the sheet is read', () => {
  it('refuses a read worksheet that inflates past its declared size, in bounded memory', async () => {
    const file = writeZip(at('liar-sheet.xlsx'), [...shell(), zerosEntry('xl/worksheets/sheet1.xml', 300 * 1024 * 1024, 1000)]);
    const before = process.memoryUsage().rss;
    const inProcess = await readSheetInProcess(file, { lang: 'en' });
    expect(!inProcess.ok && inProcess.error.code).toBe('FILE_TOO_LARGE');
    expect(!inProcess.ok && inProcess.error.message).toMatch(/1024 MB.*200:1/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(await readSheet(file, { workerPath, lang: 'en' })).toEqual(inProcess);
  }, 30_000);

  it('refuses a file whose sheet reads fine but a later entry lies', async () => {
    const file = writeZip(at('liar-later.xlsx'), [...shell(), deflatedEntry('xl/worksheets/sheet1.xml', sheetXml(3000)), zerosEntry('xl/media/image1.png', 300 * 1024 * 1024, 1000)]);
    const inProcess = await readSheetInProcess(file, { lang: 'en', operation: 'return-cancel' });
    expect(!inProcess.ok && inProcess.error.code).toBe('FILE_TOO_LARGE');
    expect(await readSheet(file, { workerPath, lang: 'en', operation: 'return-cancel' })).toEqual(inProcess);
  }, 30_000);

  it('reads the same file without the lie', async () => {
    const file = writeZip(at('honest.xlsx'), [...shell(), deflatedEntry('xl/worksheets/sheet1.xml', sheetXml(3000))]);
    const inProcess = await readSheetInProcess(file, { operation: 'return-cancel' });
    expect(inProcess.ok && inProcess.value.rows.length).toBe(3000);
    expect(await readSheet(file, { workerPath, operation: 'return-cancel' })).toEqual(inProcess);
  });
});
