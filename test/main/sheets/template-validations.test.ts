// Issue 14 item 11: the template's dropdowns, read from the .xlsx as Excel reads them. Each closed-set
// column has exactly one validation range (exceljs's own merge wrote Q2:Q1000 and Q10:Q1000 over each
// other), the example row's value is one of its dropdown's choices, and every choice is a spelling the
// reader accepts.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { templateRows } from '../../../main/sheets/templates/template-layout';
import { writeTemplate } from '../../../main/sheets/templates/template';
import { openInflated, openZip, readDirectory } from '../../../main/sheets/read/zip-read';
import { langs } from '../../../shared/i18n';
import { normaliseCell } from '../../../shared/operations/cells';
import { operations } from '../../../shared/operations/catalog';
import { tempDir } from './fixtures';

const dir = tempDir();

/** The first worksheet's XML as written, without exceljs's reading (which spreads ranges over cells). */
async function sheetXml(file: string): Promise<string> {
  const zip = await openZip(file, true);
  try {
    const entry = (await readDirectory(zip)).find((e) => e.fileName === 'xl/worksheets/sheet1.xml');
    if (!entry) throw new Error(`${file}: no sheet1.xml`);
    const chunks: Buffer[] = [];
    for await (const chunk of await openInflated(zip, entry, 64 * 1024)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    zip.close();
  }
}

interface Range {
  column: string;
  from: number;
  to: number;
  list: string[];
}

function validationsOf(xml: string): Range[] {
  return [...xml.matchAll(/<dataValidation [^>]*sqref="([A-Z]+)(\d+):([A-Z]+)(\d+)"[^>]*>\s*<formula1>&quot;([^<]*)&quot;<\/formula1>/g)].map((m) => {
    expect(m[1]).toBe(m[3]); // one column per range
    return { column: m[1] as string, from: Number(m[2]), to: Number(m[4]), list: (m[5] as string).split(',') };
  });
}

const columnIndex = (letters: string): number => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

describe('template dropdowns (issue 14, item 11)', () => {
  for (const op of operations) {
    for (const lang of langs) {
      it(`${op.id} (${lang}): one range per closed-set column, the example inside its list, every choice readable`, async () => {
        const file = path.join(dir, `${op.id}-${lang}.xlsx`);
        expect((await writeTemplate(op, lang, file)).ok).toBe(true);
        const ranges = validationsOf(await sheetXml(file));
        const closed = op.fields.filter((f) => f.type === 'boolean' || f.type === 'enum');
        expect(ranges.length).toBe(closed.length);
        // No cell under two validations: each column once, from row 2 to the template's last row.
        expect(new Set(ranges.map((r) => r.column)).size).toBe(ranges.length);
        for (const r of ranges) expect([r.from, r.to]).toEqual([2, templateRows]);

        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(file);
        const example = book.worksheets[0]?.getRow(2);
        for (const r of ranges) {
          const field = op.fields[columnIndex(r.column)];
          if (!field) throw new Error(`validation on column ${r.column} has no field`);
          expect(field.type === 'boolean' || field.type === 'enum').toBe(true);
          for (const choice of r.list) {
            const read = normaliseCell(field, { kind: 'text', text: choice });
            expect(read, `${field.key}: ${choice}`).toHaveProperty('value');
          }
          const shown = example?.getCell(columnIndex(r.column) + 1).text ?? '';
          if (shown !== '') expect(r.list, `${field.key}: example ${shown}`).toContain(shown);
        }
      });
    }
  }

  it('offers 是/否 and 残次品/正品 for 是否残次品, whose example is 是', async () => {
    const op = operations.find((o) => o.id === 'return-create');
    if (!op) throw new Error('catalog lacks return-create');
    const file = path.join(dir, 'defect.xlsx');
    expect((await writeTemplate(op, 'zh-CN', file)).ok).toBe(true);
    const defect = op.fields.findIndex((f) => f.key === 'defect');
    const range = validationsOf(await sheetXml(file)).find((r) => columnIndex(r.column) === defect);
    expect(range?.list).toEqual(['是', '否', '残次品', '正品']);
    expect(op.fields[defect]?.example).toBe('是');
  });
});
