// The straight-to-XML rows (row-xml.ts) and shared strings (shared-strings-xml.ts) against exceljs's own writers: the same job written both ways — once as
// the app writes it, once with both fast paths refused so exceljs writes every row and the strings — must give byte-identical parts
// (every sheet, the shared strings, the styles). The jobs cover every state, decimals with their number formats,
// dates, empty cells, injection payloads, edited cells (their rows go through exceljs for the note, between fast
// rows) and more rows than a sheet writes between two waits for the zip.
process.env.TZ = 'Asia/Shanghai';

import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { JobReportSource, JobRowReport } from '../../../main/jobs/report';
import { openInflated, openZip, readDirectory } from '../../../main/sheets/read/zip-read';
import { writeResults } from '../../../main/sheets/results/results-writer';
import { RowXml } from '../../../main/sheets/results/row-xml';
import { tempDir } from './fixtures';
import { cancelSource, createSource, makeSource } from './results-fixtures';

type Write = typeof writeResults;
const now = () => new Date('2027-01-02T09:30:00+08:00');

/** Every part of an .xlsx, by name, as text. */
async function parts(file: string): Promise<Map<string, string>> {
  const zip = await openZip(file, true);
  const out = new Map<string, string>();
  try {
    for (const entry of await readDirectory(zip)) {
      const chunks: Buffer[] = [];
      for await (const chunk of await openInflated(zip, entry, 64 * 1024)) chunks.push(chunk as Buffer);
      out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
    }
  } finally {
    zip.close();
  }
  return out;
}

async function both(source: () => JobReportSource, name: string): Promise<{ fast: Map<string, string>; exceljs: Map<string, string> }> {
  const dir = tempDir();
  const write = async (w: Write, file: string) => {
    const r = await w(source(), path.join(dir, file), { now });
    if (!r.ok) throw new Error(r.error.message);
    return parts(r.value);
  };
  const fast = await write(writeResults, `${name}-fast.xlsx`);
  vi.resetModules();
  vi.doMock('../../../main/sheets/results/row-xml', () => ({ RowXml: { of: () => null } }));
  vi.doMock('../../../main/sheets/results/shared-strings-xml', () => ({ fastSharedStrings: () => undefined }));
  try {
    const slow = (await import('../../../main/sheets/results/results-writer')).writeResults;
    return { fast, exceljs: await write(slow, `${name}-exceljs.xlsx`) };
  } finally {
    vi.doUnmock('../../../main/sheets/results/row-xml');
    vi.doUnmock('../../../main/sheets/results/shared-strings-xml');
    vi.resetModules();
  }
}

/** A create job of 450 rows: every state, decimals, dates, empty cells, messages with edge white space and entities, every 7th row edited. */
function bigCreate(): JobReportSource {
  const base = createSource();
  const summary = base.summary();
  const seed = [...base.rows()];
  const rows: JobRowReport[] = Array.from({ length: 450 }, (_, i) => {
    const from = seed[i % seed.length]!;
    const cells = from.cells.map((c, j) => (j === 1 && i % 5 === 0 ? '' : c));
    // Messages the shared strings part must write exactly: white space kept at either end or across lines, entities.
    const tricky = [` 前导空格 ${i}`, `末尾空格 ${i} `, `两行\n第二行 & <b> "q" 'a'\t${i}`, from.message];
    const message = from.message ? tricky[i % tricky.length]! : from.message;
    return { ...from, rowNumber: i + 2, cells, message, ...(i % 7 === 3 ? { edits: [{ column: 0, original: `原值${i}` }] } : {}) };
  });
  return makeSource({ operation: summary.operation, method: summary.method, columns: [...summary.columns], columnFields: [...summary.columnFields], rows, attempts: [...base.attempts()] });
}

describe('rows written straight to XML', () => {
  it.each([
    ['cancel', cancelSource],
    ['create', createSource],
    ['english', () => cancelSource('en')],
    ['big-create', bigCreate],
  ] as const)('give the same workbook parts as exceljs writing every row (%s)', async (name, source) => {
    const { fast, exceljs } = await both(source, name);
    expect([...fast.keys()].sort()).toEqual([...exceljs.keys()].sort());
    expect(fast.get('xl/worksheets/sheet2.xml')).toContain('<row r="3"');
    for (const [part, text] of exceljs) expect(fast.get(part), part).toBe(text);
  });

  it('really takes the fast path for rows without notes (exceljs only for the edited ones)', async () => {
    const spy = vi.spyOn(RowXml.prototype, 'write');
    try {
      const r = await writeResults(bigCreate(), path.join(tempDir(), 'spy.xlsx'), { now });
      expect(r.ok).toBe(true);
      // At least the Results sheet's 450 rows less the edited ones (every 7th: 64), and more for the other sheets.
      expect(spy.mock.results.filter((x) => x.value === true).length).toBeGreaterThan(450 - 64);
    } finally {
      spy.mockRestore();
    }
  });
});
