// Import → review in Chromium through the test host, with real .xlsx files: the sample offered on first
// launch, problems highlighted and listed, problems-only filter, createOrder rows grouped into orders,
// a refused legacy .xls with what to do, and a 100,000-row sheet that scrolls.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRows, writeBigCancel, writeBook, writeLegacyXls } from './files';
import { buildPrivateRenderer, openApp, shot, startHostProcess, watchProblems, type RunningHost } from './support';

describe('import and review in Chromium', () => {
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

  const open = async (file: string) => {
    await host.control('/test/dialogs', { open: [file] });
    await page.getByRole('button', { name: '打开文件' }).click();
  };

  it('offers the sample on first launch and reviews it with its problems', async () => {
    await expect.poll(() => page.getByTestId('env-banner').textContent(), { timeout: 20_000 }).toContain('沙箱');
    await shot(page, '01-first-launch');
    await page.getByTestId('sample').click();
    const counts = page.getByTestId('review-counts');
    await expect.poll(() => counts.textContent(), { timeout: 20_000 }).toContain('行数21');
    expect(await counts.textContent()).toContain('有问题1');
    expect(await counts.textContent()).toContain('重复1');
    expect(await page.getByTestId('operation-reason').textContent()).toContain('purchase.PurchaseReturn.batchCancelOrder');
    // The too-long number is highlighted in its cell, with the message on hover, and listed at the side.
    // (title row, blank row, header row 3: the 9th number is on sheet row 12)
    const bad = page.locator('.grid-row[data-row="12"] .cell-problem');
    await bad.waitFor();
    expect(await bad.getAttribute('title')).toMatch(/文本/);
    expect(await page.getByTestId('problem-list').textContent()).toContain('第 12 行');
    await shot(page, '02-review-sample');
    await page.getByTestId('filter-invalid').check();
    await expect.poll(() => page.locator('.grid-sizer .grid-row').count(), { timeout: 10_000 }).toBe(1);
    await shot(page, '03-review-problems-only');
    expect(problems).toEqual([]);
  });

  it('groups createOrder rows into orders and marks the bad quantity', async () => {
    await page.getByRole('button', { name: '换一个文件' }).click();
    await open(await writeBook(path.join(host.home, 'create.xlsx'), [{ name: '退货', rows: createRows() }]));
    const counts = page.getByTestId('review-counts');
    await expect.poll(() => counts.textContent(), { timeout: 20_000 }).toContain('单据数2');
    expect(await page.getByTestId('operation-select').inputValue()).toBe('return-create');
    await page.locator('.grid-sizer .grid-row[data-row]').first().waitFor();
    const order = await page.locator('.grid-sizer .grid-row[data-row]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row'))));
    // ORD-A's rows (2 and 4) are listed together, before ORD-B (3) and ORD-C (5).
    expect(order).toEqual([2, 4, 3, 5]);
    expect(await page.locator('.row-invalid .cell-problem').count()).toBeGreaterThan(0);
    await shot(page, '04-review-create-grouped');
  });

  it('takes a file dropped on the window, and saves a template', async () => {
    await page.getByRole('button', { name: '换一个文件' }).click();
    await page.getByTestId('dropzone').evaluate((zone) => {
      const data = new DataTransfer();
      data.items.add(new File(['returnNos\nCR202406010001\nCR202406010002\n'], 'dropped.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数2');
    expect(await page.locator('.file-line strong').textContent()).toBe('dropped.csv');
    await page.getByRole('button', { name: '换一个文件' }).click();
    await page.getByRole('button', { name: '采购退货批量取消' }).click();
    await page.getByText(/^模板已保存：/).waitFor({ timeout: 20_000 });
    // The full path, so the clerk can find it.
    const saved = ((await page.getByText(/^模板已保存：/).textContent()) ?? '').replace('模板已保存：', '');
    expect(path.dirname(saved)).toBe(path.join(host.home, 'downloads'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    expect(String(book.worksheets[0]?.getCell('A1').value)).toContain('采购退货单号');
  });

  it('refuses a legacy .xls and says to save it as .xlsx', async () => {
    await open(writeLegacyXls(path.join(host.home, 'old.xls')));
    const box = page.getByTestId('error-box');
    await box.waitFor({ timeout: 20_000 });
    expect(await box.getAttribute('data-code')).toBe('FILE_LEGACY_XLS');
    expect(await box.textContent()).toContain('.xlsx');
    await shot(page, '05-import-legacy-refused');
  });

  it('scrolls a 100,000-row sheet, fetching rows as they come into view', async () => {
    const file = await writeBigCancel(path.join(host.home, 'big.xlsx'), 100_000);
    await open(file);
    // 采购退货单号 heads both cancel and pending lists: the clerk picks which.
    await page.getByTestId('pick-operation').selectOption('return-cancel', { timeout: 60_000 });
    await shot(page, '06-import-pick-operation');
    await page.getByRole('button', { name: '按此操作读取' }).click();
    const counts = page.getByTestId('review-counts');
    await expect.poll(() => counts.textContent(), { timeout: 90_000, interval: 500 }).toContain('100,000');
    const scroller = page.locator('.grid-scroll');
    await page.locator('.grid-sizer .grid-row[data-row]').first().waitFor();
    // Only the rows in view are in the DOM.
    expect(await page.locator('.grid-sizer .grid-row').count()).toBeLessThan(80);
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => page.locator('.grid-sizer .grid-row[data-row="100001"]').count(), { timeout: 10_000 }).toBe(1);
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    await expect.poll(() => page.locator('.grid-sizer .grid-row[data-row]').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    await shot(page, '07-review-100k-middle');
    // Picking a problem in the side list brings its row into view.
    expect(await page.locator('.grid-sizer .grid-row[data-row="2001"]').count()).toBe(0);
    await page.locator('.problem', { hasText: '第 2001 行' }).click();
    await expect.poll(() => page.locator('.grid-sizer .grid-row[data-row="2001"]').count(), { timeout: 10_000 }).toBe(1);
    expect(problems).toEqual([]);
  });
});
