// Issue 14 item 1: headers with a unit in brackets (单价（元）, 税率（%）, 折扣(%), 数量(件)) still name their
// field, a % unit reads bare numbers as percentages (decimals, never floats), and every header the app
// cannot place is listed — in the read, in the import summary and in `validate --json` as ignoredColumns.
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../main/app-api/import-api';
import { main } from '../../../main/cli/index';
import { readSheet, readSheetInProcess } from '../../../main/sheets/read/reader';
import { bulkReturn, cleanEnv, runCli } from '../cli/helpers';
import { tempDir, writeXlsx } from './fixtures';

const dir = tempDir();
const at = (name: string) => path.join(dir, name);
const workerPath = path.resolve(import.meta.dirname, '../../../out/node/read-worker.cjs');

const headers = ['外部单号', '仓库编码', '供应商编号', '商家编码', '数量(件)', '单价（元）', '税率（%）', '折扣(%)', '单价(含税)', '内部备注', '', '税后金额（元/件）'];

async function unitsBook(): Promise<string> {
  return writeXlsx(at('units.xlsx'), [
    {
      name: '退货',
      rows: [
        headers,
        ['U-1', 'WH001', 'P001', 'SKU-1', 2, 12.5, 13, 80, 99, 'x', '', 14.13],
        ['U-2', 'WH001', 'P001', 'SKU-2', '3', '1,234.5', '13%', '12.5', '', '', '', ''],
        ['U-3', 'WH001', 'P001', 'SKU-3', 1, 1, 12.345, 0, '', '', 'stray', ''],
      ],
    },
  ]);
}

describe('units in headers and the columns that are not sent (issue 14, item 1)', () => {
  it('places 数量(件), 单价（元）, 税率（%）, 折扣(%) and scales the % columns; lists the rest left to right', async () => {
    const file = await unitsBook();
    for (const read of [await readSheetInProcess(file), await readSheet(file, { workerPath })]) {
      if (!read.ok) throw new Error(read.error.message);
      const sheet = read.value;
      expect(sheet.operation).toBe('return-create');
      expect(sheet.columns.slice(0, 9).map((c) => c.field)).toEqual(['outer_no', 'warehouse_no', 'provider_no', 'spec_no', 'num', 'price', 'tax_rate', 'discount', null]);
      expect(sheet.columns.filter((c) => c.percent).map((c) => c.header)).toEqual(['税率（%）', '折扣(%)']);
      expect(sheet.columns[11]?.field).toBe('tax_price');
      // 单价(含税) is not 单价: a bracket that is no unit names no field. The headerless column K is not a header.
      expect(sheet.ignoredColumns).toEqual(['单价(含税)', '内部备注']);
      const [one, two, three] = sheet.rows;
      expect(one?.values).toMatchObject({ num: '2', price: '12.5', tax_rate: '0.13', discount: '0.8', tax_price: '14.13' });
      // A cell with its own % is read as written; 12.5 under 折扣(%) is 0.125.
      expect(two?.values).toMatchObject({ num: '3', price: '1234.5', tax_rate: '0.13', discount: '0.125' });
      // 12.345% is 0.12345: more than Decimal(19,4) holds, said in the words of the column.
      expect(three?.values.tax_rate).toBeUndefined();
      // 0 % discount is 0, which the ERP refuses (折扣应大于0): said on that cell too.
      expect(three?.problems.map((p) => [p.column, p.text.key])).toEqual([
        ['税率（%）', 'operations.cell.percentTooPrecise'],
        ['折扣(%)', 'operations.cell.notPositive'],
      ]);
    }
  });

  it('carries the ignored columns through the import summary', async () => {
    const read = await readSheetInProcess(await unitsBook());
    if (!read.ok) throw new Error(read.error.message);
    expect(summarize('imp_x', read.value).ignoredColumns).toEqual(['单价(含税)', '内部备注']);
  });

  it('validate --json lists ignoredColumns (cli.md shape), and the prose says they will not be sent', async () => {
    await unitsBook();
    const run = async (args: string[]) => {
      const stdout = new PassThrough();
      let out = '';
      stdout.on('data', (d: Buffer) => (out += d.toString()));
      const code = await main(args, { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd: dir, interactive: false });
      return { code, out };
    };
    const json = await run(['validate', 'units.xlsx', '--json']);
    const body = JSON.parse(json.out) as Record<string, unknown>;
    // fingerprint, mapping and unmapped: issue 16's additions (docs/cli-mapping.md).
    expect(Object.keys(body)).toEqual(['operation', 'sheet', 'headerRow', 'rows', 'orders', 'counts', 'ignoredColumns', 'fingerprint', 'mapping', 'unmapped', 'problems', 'warnings']);
    expect(body.ignoredColumns).toEqual(['单价(含税)', '内部备注']);
    const prose = await run(['validate', 'units.xlsx']);
    expect(prose.out).toContain('这些列不会被发送（原样保留在结果中）：单价(含税)、内部备注');
    // A sheet whose every header is placed lists none.
    await writeXlsx(at('plain.xlsx'), [{ name: 'S', rows: [['returnNos'], ['CR1']] }]);
    expect(JSON.parse((await run(['validate', 'plain.xlsx', '--json'])).out).ignoredColumns).toEqual([]);
  });

  it('submit says which columns will not be sent before sending (stderr, so --json stays one object)', async () => {
    const file = await writeXlsx(at('extra.xlsx'), [{ name: 'S', rows: [['采购退货单号', '内部备注'], [bulkReturn(30), '别发']] }]);
    const run = await runCli(['submit', file, '--op', 'return-cancel', '--json'], { env: cleanEnv({ WDT_BULK_HOME: at('home') }), cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('这些列不会被发送（原样保留在结果中）：内部备注');
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 1, counts: { succeeded: 1 } });
  });
});
