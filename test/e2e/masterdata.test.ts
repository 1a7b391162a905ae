// Master data in Chromium through the test host, against the real services and the embedded sandbox:
// Settings shows each list's age and refreshes with progress; a create sheet with a mistyped warehouse
// then shows the master-data warning in its cell and in the problem list (docs/masterdata.md).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBook } from './files';
import { buildPrivateRenderer, openApp, seriousViolations, shot, startHostProcess, watchProblems, type RunningHost } from './support';

describe('master data in Chromium', () => {
  let host: RunningHost;
  let app: Awaited<ReturnType<typeof openApp>>;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    host = await startHostProcess(['--renderer', await buildPrivateRenderer()]);
    app = await openApp(host);
    page = await app.context.newPage();
    problems = watchProblems(page);
    await page.goto(host.url);
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('Settings shows each list\'s age and refreshes the copy with progress', async () => {
    await expect.poll(() => page.getByTestId('env-banner').textContent(), { timeout: 20_000 }).toContain('沙箱');
    await page.getByTestId('tab-settings').click();
    const lists = page.getByTestId('masterdata-lists');
    await expect.poll(() => lists.textContent(), { timeout: 10_000 }).toContain('尚未获取');
    await page.getByTestId('masterdata-refresh').click();
    const progress = page.getByTestId('masterdata-progress');
    await progress.waitFor({ timeout: 20_000 });
    expect(await progress.textContent()).toMatch(/^正在刷新.+：已查询 \d+ 次，取得 \d+ 条/);
    await page.getByTestId('masterdata-stop').waitFor();
    await shot(page, 'md-01-refreshing');
    await expect.poll(() => page.getByTestId('masterdata-outcome').textContent(), { timeout: 60_000 }).toBe('刷新完成。');
    const text = (await lists.textContent()) ?? '';
    expect(text).toMatch(/仓库4 条，更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（0 分钟前）/);
    expect(text).toContain('货品（商家编码）10 条');
    expect(text).toContain('供应商货品12 条');
    await shot(page, 'md-02-refreshed');
    expect(problems).toEqual([]);
  });

  it('review shows a mistyped warehouse as a warning in its cell, with the code it probably means', async () => {
    await page.getByTestId('tab-work').click();
    const file = await writeBook(path.join(host.home, 'create.xlsx'), [
      {
        name: '退货',
        rows: [
          ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量'],
          ['ORD-A', 'wh001', 'P001', 'SKU-TS-RED-M', 2],
          ['ORD-B', 'WH001', 'P001', 'SKU-TS-RED-L', 1],
        ],
      },
    ]);
    await host.control('/test/dialogs', { open: [file] });
    await page.getByRole('button', { name: '打开文件' }).click();
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数2');
    const cell = page.locator('.grid-row[data-row="2"] .cell-warning');
    await cell.waitFor({ timeout: 10_000 });
    expect(await cell.getAttribute('title')).toContain('是否应为 “WH001”');
    expect(await page.getByTestId('problem-list').textContent()).toContain('仓库编码“wh001”不在本地的 ERP 仓库列表中');
    expect(await page.locator('.grid-row[data-row="3"] .cell-warning').count()).toBe(0);
    // The ERP's names beside the codes the copy knows: muted after the code, and said to screen readers.
    const known = page.locator('.grid-row[data-row="3"] [data-col="1"]');
    await expect.poll(() => known.textContent(), { timeout: 10_000 }).toBe('WH001上海主仓');
    expect(await known.getAttribute('aria-description')).toBe('仓库名称：上海主仓');
    expect(await page.locator('.grid-row[data-row="3"] [data-col="2"] .cell-note').count()).toBe(1);
    // The mistyped code has no name, only its warning.
    expect(await page.locator('.grid-row[data-row="2"] [data-col="1"] .cell-note').count()).toBe(0);
    await shot(page, 'md-03-review-warning');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('review previews a cancel list against the ERP, marks the already-cancelled rows and drops them before sending', async () => {
    const file = await writeBook(path.join(host.home, 'cancel.xlsx'), [
      { name: '清单', rows: [['采购退货单号'], ['CR202406010001'], ['CR202406010006'], ['CR202406010004'], ['CR202406010002']] },
    ]);
    await page.getByTestId('tab-work').click();
    // Coming from the create sheet's review: start over with another file (on its own, the import step is open).
    const another = page.getByRole('button', { name: '换一个文件' });
    if ((await another.count()) > 0) await another.click();
    await host.control('/test/dialogs', { open: [file] });
    await page.getByRole('button', { name: '打开文件' }).click();
    // 采购退货单号 heads both cancel and pending lists: the clerk picks which.
    await page.getByTestId('pick-operation').selectOption('return-cancel', { timeout: 30_000 });
    await page.getByRole('button', { name: '按此操作读取' }).click();
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数4');
    const panel = page.getByTestId('erp-preview');
    expect(await panel.textContent()).toContain('这一步可以跳过');
    await page.getByTestId('erp-preview-start').click();
    const summary = page.getByTestId('erp-preview-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toMatch(/在配置“sandbox”预览：2 单可以执行，2 单不能成功，0 单无法判断（调用 4 次）。$/);
    const cancelled = page.locator('.grid-row[data-row="3"] [data-col="0"]');
    expect(await cancelled.textContent()).toBe('CR202406010006已取消 / 未出库');
    expect(await cancelled.locator('.cell-note').getAttribute('class')).toContain('cell-note-bad');
    expect(await page.getByTestId('erp-preview-blocked').textContent()).toContain('单据已取消，发送会失败。');
    await shot(page, 'md-04-cancel-preview');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('erp-preview-drop').click();
    await expect.poll(() => page.getByTestId('review-counts').textContent()).toContain('已跳过2');
    expect(await page.locator('.grid-row[data-row="3"]').getAttribute('class')).toContain('row-withdrawn');
    expect(await page.locator('.grid-row[data-row="4"]').getAttribute('class')).toContain('row-withdrawn');
    expect(await page.getByTestId('erp-preview-dropped').textContent()).toContain('操作员排除');
    // Sent: only the two that can succeed; the dropped ones say why in the job.
    await page.getByTestId('to-submit').click();
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 10_000 }).toContain('2');
    await shot(page, 'md-05-dropped');
    expect(problems).toEqual([]);
  });
});
