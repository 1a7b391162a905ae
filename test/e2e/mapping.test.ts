// Issue 16 item 1 in Chromium through the test host: a sheet whose headers the app cannot place is mapped
// in the mapping step (samples shown, one column set aside), the mapping is remembered, and the next drop
// of the same headers (written with noise) is mapped without asking, with a notice and a way to change it;
// Settings lists the saved mapping.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeBook } from './files';
import { keepFailure, openFile, startFlow, type FlowApp } from './flow-steps';
import { shot } from './support';

describe('column mapping step, in Chromium (issue 16 item 1)', () => {
  let f: FlowApp | undefined;
  beforeAll(async () => {
    f = await startFlow();
  });
  afterEach(({ task }) => keepFailure(f, task));
  afterAll(async () => {
    await f?.close();
  });

  it('maps unknown headers, then reuses the mapping on the next drop', async () => {
    const { page, host } = f!;
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
});
