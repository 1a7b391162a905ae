// The sandbox's master-data methods over real HTTP: the vendor's request and answer shapes, windows of
// at most 30 days, pages, and 权限不足 per method.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { masterdataOf } from '../../../main/sandbox/masterdata';
import { specs as specKind } from '../../../main/sandbox/documents/specs';
import type { HttpWdtClient } from '../../../main/wdt/client';
import type { CallResult } from '../../../main/wdt/types';
import { formatChinaTime } from '../../../shared/operations/erp-time';
import { body, clientFor } from '../wdt/helpers';

let sandbox: Sandbox;
let client: HttpWdtClient;
beforeEach(async () => {
  sandbox = await startSandbox();
  client = clientFor(sandbox);
});
afterEach(async () => {
  await client.close();
  await sandbox.close();
});

const ask = (method: string, params: unknown, pageNo = 0, pageSize = 100) => client.call({ method, body: body(params), paging: { pageNo, pageSize, calcTotal: true } });
const answered = (r: CallResult) => {
  if (r.kind !== 'answered') throw new Error(`not answered: ${r.kind} ${r.message}`);
  return r.erp as { status: number; message?: string; data?: Record<string, unknown> };
};

describe('sandbox master data', () => {
  it('answers the warehouses changed in a window, with modified as epoch ms', async () => {
    const erp = answered(await ask('setting.Warehouse.queryWarehouse', { start_time: '2023-01-20 00:00:00', end_time: '2023-02-15 00:00:00' }));
    expect(erp.status).toBe(0);
    const details = erp.data!.details as { warehouse_no: string; name: string; modified: number }[];
    expect(details.map((d) => d.warehouse_no).sort()).toEqual(['WH001', 'WH002']);
    expect(erp.data!.total_count).toBe(2);
    expect(typeof details[0]!.modified).toBe('number');
    expect(details.find((d) => d.warehouse_no === 'WH001')!.name).toBe('上海主仓');
  });

  it('refuses a window wider than 30 days, or none, with the vendor\'s words', async () => {
    const wide = answered(await ask('goods.Goods.queryWithSpec', { start_time: '2023-01-01 00:00:00', end_time: '2023-02-01 00:00:01' }));
    expect(wide).toMatchObject({ status: 100, message: '您的查询时间过宽,查询时间不能大于30天' });
    const none = answered(await ask('setting.PurchaseProvider.queryDetail', {}));
    expect(none).toMatchObject({ status: 100, message: '参数中必须包含起止时间' });
    const exactly30 = answered(await ask('setting.PurchaseProvider.queryDetail', { modified_begin: '2023-03-01 00:00:00', modified_end: '2023-03-31 00:00:00' }));
    expect(exactly30.status).toBe(0);
    expect((exactly30.data!.details as { provider_no: string }[]).map((d) => d.provider_no)).toEqual(['P001']);
  });

  it('pages goods with their specs, the total the same on every page', async () => {
    const md = masterdataOf(sandbox.state);
    const now = Date.now();
    for (let i = 0; i < 5; i += 1) md.putSpec(`SKU-NEW-${i}`, `新品 ${i}`, now - i * 1000);
    // end_time left out: the page says it defaults to now.
    const window = { start_time: formatChinaTime(now - 24 * 3600_000) };
    const pages = [];
    for (let pageNo = 0; pageNo < 3; pageNo += 1) pages.push(answered(await ask('goods.Goods.queryWithSpec', window, pageNo, 2)).data!);
    expect(pages.map((p) => p.total_count)).toEqual([5, 5, 5]);
    const specs = pages.flatMap((p) => (p.goods_list as { spec_list: { spec_no: string }[] }[]).flatMap((g) => g.spec_list.map((s) => s.spec_no)));
    expect(specs.sort()).toEqual(['SKU-NEW-0', 'SKU-NEW-1', 'SKU-NEW-2', 'SKU-NEW-3', 'SKU-NEW-4']);
    // A SKU put in the master data is one createOrder accepts.
    expect(sandbox.state.table(specKind).has('SKU-NEW-0')).toBe(true);
  });

  it('lists supplier items whole without parameters, and narrows by supplier', async () => {
    const all = answered(await ask('purchase.ProviderGoods.queryDetail', {}));
    const pairs = (all.data!.details as { provider_no: string; spec_no: string }[]).map((d) => `${d.provider_no}/${d.spec_no}`);
    // The create samples: the template's example row and the tests' default row.
    expect(pairs).toContain('LJTest/xiaowanzi');
    expect(pairs).toContain('P001/SKU-TS-RED-M');
    const p2 = answered(await ask('purchase.ProviderGoods.queryDetail', { provider_no: 'P002' }));
    expect((p2.data!.details as { provider_no: string }[]).every((d) => d.provider_no === 'P002')).toBe(true);
    expect(p2.data!.total_count).toBe(3);
  });

  it('answers 权限不足 for a method the account was not granted', async () => {
    sandbox.setOptions({ deniedMethods: ['purchase.ProviderGoods.queryDetail'] });
    const r = await ask('purchase.ProviderGoods.queryDetail', {});
    expect(r).toMatchObject({ kind: 'credentials-refused', refusal: 'permission' });
    expect(answered(await ask('setting.Warehouse.queryWarehouse', { warehouse_no: 'WH001' })).status).toBe(0);
  });
});
