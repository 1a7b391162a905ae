// Intake guards on real files: the type comes from the bytes, refusals are typed and say what to do.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSheetInProcess } from '../../../main/sheets/read/read-pipeline';
import { deflatedEntry, tempDir, workbookShell, writeCfb, writeUtf8Csv, writeXlsx, writeZip, zerosEntry } from './fixtures';

const dir = tempDir();
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  // A real legacy .xls written by LibreOffice, then renamed .xlsx as clerks do.
  writeUtf8Csv(at('legacy.csv'), '采购退货单号\nCR001\n');
  execFileSync('soffice', ['--headless', '--convert-to', 'xls', '--outdir', dir, at('legacy.csv')], { stdio: 'ignore', timeout: 60_000 });
  copyFileSync(at('legacy.xls'), at('legacy-renamed.xlsx'));
}, 90_000);

describe('intake', () => {
  it('refuses a password-protected workbook (EncryptionInfo/EncryptedPackage)', async () => {
    const r = await readSheetInProcess(writeCfb(at('locked.xlsx'), ['EncryptionInfo', 'EncryptedPackage']));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('FILE_ENCRYPTED');
      expect(r.error.message).toContain('locked.xlsx');
    }
  });

  it('refuses a CFB holding a Workbook stream as a legacy .xls, whatever its name', async () => {
    const r = await readSheetInProcess(writeCfb(at('old.xlsx'), ['Workbook']));
    expect(!r.ok && r.error.code).toBe('FILE_LEGACY_XLS');
  });

  it('refuses a LibreOffice-written .xls renamed .xlsx, saying "save as .xlsx"', async () => {
    const r = await readSheetInProcess(at('legacy-renamed.xlsx'), { lang: 'en' });
    expect(!r.ok && r.error.code).toBe('FILE_LEGACY_XLS');
    expect(!r.ok && r.error.message).toMatch(/Save As" \.xlsx/);
  });

  it('refuses random bytes and other zips as "not a spreadsheet"', async () => {
    writeFileSync(at('noise.xlsx'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const noise = await readSheetInProcess(at('noise.xlsx'));
    expect(!noise.ok && noise.error.code).toBe('FILE_UNREADABLE');
    const otherZip = await readSheetInProcess(writeZip(at('doc.xlsx'), [deflatedEntry('word/document.xml', '<w/>')]));
    expect(!otherZip.ok && otherZip.error.code).toBe('FILE_UNREADABLE');
  });

  it('states the size limit when a file is too large', async () => {
    writeUtf8Csv(at('big.csv'), `采购退货单号\n${'CR1\n'.repeat(1000)}`);
    const r = await readSheetInProcess(at('big.csv'), { limits: { maxFileBytes: 1024 * 1024 / 512 }, lang: 'en' });
    expect(!r.ok && r.error.code).toBe('FILE_TOO_LARGE');
    expect(!r.ok && r.error.message).toContain('0 MB');
  });

  it('refuses a 2 GB zip bomb within seconds, naming the limits', async () => {
    const started = Date.now();
    const file = writeZip(at('bomb.xlsx'), [...workbookShell(), zerosEntry('xl/worksheets/sheet1.xml', 2 * 1024 * 1024 * 1024 - 1)]);
    const r = await readSheetInProcess(file, { lang: 'en' });
    expect(!r.ok && r.error.code).toBe('FILE_TOO_LARGE');
    expect(!r.ok && r.error.message).toMatch(/1024 MB.*200:1/);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('refuses a zip whose central directory lies about sizes, by inflating with a running cap', async () => {
    const file = writeZip(at('liar.xlsx'), [...workbookShell(), zerosEntry('xl/worksheets/sheet1.xml', 300 * 1024 * 1024, 1000)]);
    const before = process.memoryUsage().rss;
    const r = await readSheetInProcess(file);
    expect(!r.ok && r.error.code).toBe('FILE_TOO_LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  }, 30_000);

  it('records the SHA-256 and the real format of a good file', async () => {
    const file = await writeXlsx(at('good.xlsx'), [{ name: 'S', rows: [['采购退货单号'], ['CR001']] }]);
    const r = await readSheetInProcess(file, { operation: 'return-cancel' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.file.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
      expect(r.value.file.format).toBe('xlsx');
    }
  });
});
