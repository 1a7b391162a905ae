// A real create workbook, read by the app's reader, checked against the local copy after the ERP is
// gone (offline): unknown codes warned cell by cell with suggestions, names for the grid.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from '../../../shared/i18n';
import { checkCreateSheet } from '../../../shared/masterdata/check-create';
import { createSheet, readImport } from '../jobs/helpers';
import { mdRig, type MdRig } from './helpers';

let rig: MdRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('a create sheet checked offline', () => {
  it('flags unknown codes and unsupplied SKUs as warnings with suggestions, without the ERP', async () => {
    rig = await mdRig();
    expect((await rig.refresh()).ok).toBe(true);
    await rig.sandbox.close(); // offline from here on
    const file = await createSheet(path.join(rig.dir, 'create.xlsx'), [
      { outer: 'O1', warehouse: 'WH001', provider: 'P001', spec: 'SKU-TS-RED-M' },
      { outer: 'O2', warehouse: 'wh002', provider: 'P001', spec: 'SKU-123' },
      { outer: 'O3', warehouse: 'WH001', provider: 'P777', spec: 'SKU-NOPE' },
      { outer: 'O4', warehouse: 'WH001', provider: 'P002', spec: 'SKU-TS-RED-L' },
    ]);
    const sheet = await readImport(file, 'return-create');
    const got = checkCreateSheet(sheet, rig.store.lookup('sandbox'));
    const lines = got.problems.map((p) => `${p.row} ${p.column} ${p.severity}: ${render('zh-CN', p.text)}`);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^3 仓库编码 warning: 仓库编码“wh002”.*是否应为 “WH002”/);
    expect(lines[1]).toMatch(/^3 商家编码 warning: 商家编码“SKU-123”.*是否应为 “SKU-000123”/);
    expect(lines[2]).toMatch(/^4 供应商编号 warning: 供应商编号“P777”不在本地/);
    expect(lines[3]).toMatch(/^4 商家编码 warning: 商家编码“SKU-NOPE”不在本地/);
    expect(lines[4]).toMatch(/^5 商家编码 warning: .*供应商“P002”不供应商家编码“SKU-TS-RED-L”/);
    expect(got.names.warehouse_no).toEqual({ WH001: '上海主仓' });
    expect(got.names.provider_no).toEqual({ P001: '华东纺织有限公司', P002: '宏达服饰配件厂' });
  });
});
