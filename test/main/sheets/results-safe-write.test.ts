// A crash or a failure midway leaves the old file or the complete new one, never a torn one, and no temp files.
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobReportSource, JobRowReport } from '../../../main/jobs/report';
import { resultsSheetNames } from '../../../main/sheets/results/results-layout';
import { writeResults } from '../../../main/sheets/results/results-writer';
import { safeWrite } from '../../../main/sheets/safe-write';
import { tempDir } from './fixtures';
import { cancelSource } from './results-fixtures';

const old = 'the old results, complete';

describe('safeWrite', () => {
  it('replaces the target only when the new content is complete', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'out.bin');
    writeFileSync(target, old);
    const written = await safeWrite(target, async (stream) => {
      stream.write('new ');
      await new Promise((resolve) => setTimeout(resolve, 10));
      stream.end('content');
    });
    expect(written).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['out.bin']);
  });

  it('leaves the old file and no temp file when the writer fails midway', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'out.bin');
    writeFileSync(target, old);
    const failing = safeWrite(target, async (stream) => {
      stream.write('half of the new ');
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('crashed midway');
    });
    await expect(failing).rejects.toThrow('crashed midway');
    expect(readFileSync(target, 'utf8')).toBe(old);
    expect(readdirSync(dir)).toEqual(['out.bin']);
  });

  it('fails without touching anything when the folder does not exist', async () => {
    const dir = tempDir();
    await expect(safeWrite(path.join(dir, 'missing', 'out.bin'), async (s) => void s.end('x'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeResults is all or nothing', () => {
  it('keeps the previous workbook when the job store fails halfway through the rows', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'results.xlsx');
    const first = await writeResults(cancelSource(), target);
    expect(first.ok).toBe(true);
    const before = readFileSync(target);

    const base = cancelSource();
    const broken: JobReportSource = {
      ...base,
      // The store breaks halfway through reading the rows, the temporary workbook already open (a job of up to
      // 20,000 rows is read once, by the counting pass; a bigger one again for each sheet).
      rows: function* (): Generator<JobRowReport> {
        let n = 0;
        for (const row of base.rows()) {
          if (++n === 4) throw new Error('database disk image is malformed');
          yield row;
        }
      },
    };
    await expect(writeResults(broken, target)).rejects.toThrow('malformed');
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['results.xlsx']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    expect(book.getWorksheet(resultsSheetNames.results)?.rowCount).toBe(7);
  });

  it('returns a typed error naming the path when the file cannot be written', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'no-such-folder', 'results.xlsx');
    const r = await writeResults(cancelSource('en'), target);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_ARGUMENT');
    expect(r.error.message).toContain('Could not write the results workbook');
    expect(r.error.message).toContain(target);
  });
});
