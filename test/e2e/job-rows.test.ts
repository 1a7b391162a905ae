// Issue 16 item 5 in Chromium through the test host: a 100,000-row job (stored through the store's own API in
// the host's data folder — sending that many through the sandbox would take minutes) is browsed to its last
// row with the keyboard and narrowed by state and by a key; the jobs list is filtered by the store; the
// review's problem list is exported and read back with exceljs. Every screen passes axe.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openJobDatabase } from '../../main/jobs/database';
import { JobStore } from '../../main/jobs/job-store';
import { bigKey, bigState, seedBigJob } from '../main/jobs/big-job';
import { writeBook } from './files';
import { openFile, useFlow } from './flow-steps';
import { seriousViolations, shot, type RunningHost } from './support';

const rows = 100_000;
const failed = Array.from({ length: rows }, (_, i) => i).filter((i) => bigState(i) === 'failed').length;
const renderedRows = (page: Page) => page.locator('[data-testid="job-rows"] .grid-sizer .grid-row[data-row]').count();

describe('every job, every row', () => {
  let host: RunningHost;
  let page: Page;
  let problems: string[];

  useFlow(async (f) => {
    ({ host, page, problems } = f);
    // The host has the store open (it looked for jobs to resume at start): a second connection writes beside it.
    const db = openJobDatabase(path.join(host.home, 'jobs.sqlite'));
    try {
      const store = new JobStore(db);
      seedBigJob(store, rows, { name: 'big-cancel.xlsx', now: Date.parse('2026-11-20T10:00:00Z') });
      seedBigJob(store, 30, { name: 'shop-returns.xlsx', profileName: 'prod-shop', now: Date.parse('2026-11-23T10:00:00Z') });
    } finally {
      db.close();
    }
  }, 420_000);

  it('the jobs list is filtered by the store', async () => {
    await page.getByTestId('tab-jobs').click();
    const table = page.getByTestId('jobs-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 20_000 }).toBe(2);
    await page.getByTestId('job-filter-profile').selectOption('prod-shop');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.textContent()).toContain('shop-returns.xlsx');
    await page.getByTestId('job-filter-profile').selectOption('');
    await page.getByTestId('job-filter-text').fill('big-CANCEL');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.textContent()).toContain('big-cancel.xlsx');
    await page.getByTestId('job-filter-to').fill('2026-11-19');
    await page.getByText('没有符合筛选条件的任务。').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
  });

  it('a 100,000-row job is browsed to its last row with the keyboard, then narrowed by state and key', async () => {
    await page.getByTestId('tab-jobs').click();
    await page.getByRole('button', { name: '查看全部行：big-cancel.xlsx' }).click();
    const count = page.getByTestId('job-rows-count');
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe(`显示 ${(100_000).toLocaleString('zh-CN')} 行`);
    await page.locator('[data-row="2"]').waitFor();
    expect(await page.locator('[data-row="2"] [role="cell"]').allTextContents()).toEqual(['2', bigKey(0), '成功', '', '1']);
    expect(await renderedRows(page)).toBeLessThan(80);
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard only: into the table, End scrolls to the bottom; the last row arrives from the store.
    await page.getByTestId('job-rows-scroll').focus();
    await page.keyboard.press('End');
    const last = page.locator(`[data-row="${rows + 1}"]`);
    await last.waitFor({ timeout: 20_000 });
    expect(await last.textContent()).toContain(bigKey(rows - 1));
    expect(await renderedRows(page)).toBeLessThan(80);
    await shot(page, 'job-rows-end');

    await page.getByTestId('job-rows-state').selectOption('failed');
    await expect.poll(() => count.textContent()).toBe(`显示 ${failed.toLocaleString('zh-CN')} 行`);
    await page.locator('[data-row="5"]').waitFor();
    expect(await page.locator('[data-row="5"]').textContent()).toContain(`单据不存在 ${bigKey(3)}`);
    // 98,763 ends in 3 (failed); its sheet row is 98,765.
    await page.getByTestId('job-rows-search').fill(bigKey(98_763).toLowerCase());
    await expect.poll(() => count.textContent()).toBe('显示 1 行');
    await page.locator('[data-row="98765"]').waitFor();
    expect(await renderedRows(page)).toBe(1);
    await page.getByTestId('job-rows-state').selectOption('succeeded');
    await page.getByText('没有符合条件的行。').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('job-rows-back').click();
    await page.getByTestId('jobs-table').waitFor();
  }, 120_000);

  it('the review problem list is exported as a workbook and reads back', async () => {
    const file = await writeBook(path.join(host.home, '问题.xlsx'), [{
      name: '采购退货',
      rows: [
        ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量'],
        ['P-OK', 'WH001', 'P001', 'SKU-TS-RED-M', 1],
        ['P-BAD', 'WH001', 'P001', 'SKU-TS-RED-M', 'abc'],
      ],
    }]);
    await openFile(page, host, file);
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('有问题1');
    const shown = (await page.getByTestId('problem-list').locator('.problem-text').first().textContent()) ?? '';
    await page.getByTestId('export-problems').click();
    const saved = page.getByTestId('problems-saved');
    await saved.waitFor({ timeout: 20_000 });
    const written = (await saved.getAttribute('title')) ?? '';
    expect(path.basename(written)).toMatch(/^问题\.问题清单-\d{8}-\d{6}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(written);
    const sheet = book.getWorksheet('问题清单')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '文件', '工作表', '行号', '列', '单元格内容', '类型', '问题', '怎么办']);
    const line = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(line.slice(0, 5)).toEqual(['问题.xlsx', '采购退货', 3, '退货数量', 'abc']);
    // The same words the screen shows.
    expect(line[6]).toBe(shown);
    expect(sheet.rowCount).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
