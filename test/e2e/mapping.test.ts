// Issue 16 item 1 in Chromium through the test host: a sheet whose headers the app cannot place is mapped
// in the mapping step (samples shown, one column set aside), the mapping is remembered, and the next drop
// of the same headers (written with noise) is mapped without asking, with a notice and a way to change it;
// Settings lists the saved mapping.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBook } from './files';
import { openFile, useFlow } from './flow-steps';
import { shot } from './support';

describe('column mapping step, in Chromium (issue 16 item 1)', () => {
  const f = useFlow();

  it('maps unknown headers, then reuses the mapping on the next drop', async () => {
    const { page, host } = f;
    const rows = [
      ['CR202406010001', '编辑中'],
      ['CR202406010002', '待审核'],
    ];
    const first = await writeBook(path.join(host.home, 'unknown-headers.xlsx'), [{ name: '清单', rows: [['退货单据', '说明'], ...rows] }]);
    await openFile(page, host, first);
    // No operation fits these headers: the clerk picks one, then maps the columns.
    await page.getByTestId('pick-operation').selectOption('return-cancel', { timeout: 20_000 });
    await page.getByRole('button', { name: '按此操作读取' }).click();
    await page.getByTestId('mapping-screen').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('mapping-table').textContent()).toContain('CR202406010001');
    expect(await page.getByTestId('mapping-missing').textContent()).toContain('采购退货单号');
    await page.getByTestId('map-0').selectOption('returnNos');
    expect(await page.getByTestId('map-1').inputValue()).toBe('');
    expect(await page.getByTestId('mapping-unmapped').textContent()).toContain('操作的字段都已对应');
    await shot(page, '30-mapping-step');
    await page.getByTestId('mapping-apply').click();
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数2');
    // The set-aside column is still listed as kept and not sent.
    expect(await page.getByTestId('ignored-columns').textContent()).toContain('说明');

    // The same headers again, written with noise and in another file: mapped without asking.
    const second = await writeBook(path.join(host.home, 'same-headers.xlsx'), [{ name: 'Sheet1', rows: [['*退货单据（必填）', ' 说明 '], ['CR202406010003', 'x']] }]);
    await openFile(page, host, second);
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数1');
    expect(await page.getByTestId('operation-select').inputValue()).toBe('return-cancel');
    expect(await page.getByTestId('mapping-notice').textContent()).toContain('已自动使用保存的列对应关系');
    await shot(page, '31-mapping-reused');
    // …and it can be changed: the step opens with the saved choice.
    await page.getByTestId('mapping-change').click();
    await page.getByTestId('mapping-screen').waitFor();
    expect(await page.getByTestId('map-0').inputValue()).toBe('returnNos');

    await page.getByTestId('tab-settings').click();
    await expect.poll(() => page.getByTestId('saved-mappings').textContent()).toContain('退货单据');
  });

  it('opens by itself for a column it cannot place, though every field has one; 不导入 is remembered for those headers', async () => {
    const { page, host } = f;
    const header = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价', '采购员说明'];
    const row = (n: number) => [`MAP-${n}`, 'WH001', 'P001', 'SKU-CAP-01', 1, 12, `说明${n}`];
    await openFile(page, host, await writeBook(path.join(host.home, 'own-column.xlsx'), [{ name: '退货', rows: [header, row(1), row(2)] }]));
    await page.getByTestId('mapping-screen').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('mapping-unplaced').textContent()).toContain('这些列无法自动识别：采购员说明');
    expect(await page.getByTestId('mapping-missing').count()).toBe(0);
    expect(await page.getByTestId('map-0').inputValue()).toBe('outer_no');
    expect(await page.getByTestId('map-6').inputValue()).toBe('');
    await shot(page, '32-mapping-unplaced');
    await page.getByTestId('mapping-apply').click();
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数2');
    expect(await page.getByTestId('ignored-columns').textContent()).toContain('采购员说明');

    // The same headers next time: straight to the review, the column still set aside, with a way to change it.
    await openFile(page, host, await writeBook(path.join(host.home, 'own-column-2.xlsx'), [{ name: '退货', rows: [header, row(3)] }]));
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数1');
    expect(await page.getByTestId('mapping-notice').textContent()).toContain('已自动使用保存的列对应关系');
    expect(await page.getByTestId('ignored-columns').textContent()).toContain('采购员说明');
  });
});
