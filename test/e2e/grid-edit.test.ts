// Issue 16 item 2 in Chromium through the test host: a createOrder sheet with a bad quantity is fixed in the
// review grid with the keyboard alone, the job succeeds against the built-in sandbox, and the saved results
// workbook marks the edited cell with the file's text in a note.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { noteText } from '../main/sheets/results-fixtures';
import { describe, expect, it } from 'vitest';
import { writeBook } from './files';
import { openFile, useFlow } from './flow-steps';
import { seriousViolations, shot, type RunningHost } from './support';


describe('editing a cell in the review grid', () => {
  let host: RunningHost;
  let page: Page;
  let problems: string[];

  useFlow(async (f) => {
    ({ host, page, problems } = f);
  });

  it('a bad quantity fixed with the keyboard: the job succeeds and the workbook shows the edit', async () => {
    const file = await writeBook(path.join(host.home, 'edit.xlsx'), [{
      name: '采购退货',
      rows: [
        ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量'],
        ['EDIT-OK', 'WH001', 'P001', 'SKU-TS-RED-M', 1],
        ['EDIT-FIX', 'WH001', 'P001', 'SKU-TS-RED-M', 'abc'],
      ],
    }]);
    await openFile(page, host, file);
    const counts = page.getByTestId('review-counts');
    await expect.poll(() => counts.textContent(), { timeout: 20_000 }).toContain('行数2');
    expect(await counts.textContent()).toContain('有问题1');
    const bad = page.locator('.grid-row[data-row="3"] [data-col="4"]');
    await bad.waitFor();
    expect(await bad.getAttribute('aria-invalid')).toBe('true');

    // Keyboard only: into the grid, down to row 3, across to 退货数量 (past 行号, 跳过, 状态 and four sheet columns).
    await page.getByRole('grid').focus();
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('cell-editor');
    await editor.waitFor();
    expect(await editor.inputValue()).toBe('abc');
    // The grid with a cell open for editing passes axe (no serious or critical violation).
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => counts.textContent(), { timeout: 10_000 }).toContain('有问题0');
    await expect.poll(() => bad.getAttribute('class')).toContain('cell-edited');
    expect(await bad.getAttribute('aria-invalid')).toBeNull();
    expect(await bad.getAttribute('aria-description')).toBe('已修改，原值：abc');
    await shot(page, 'grid-edit-fixed');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('to-submit').click();
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('单据数2');
    await page.locator('input[name="is-check"]').first().check();
    await page.getByTestId('start').click();
    await expect.poll(() => page.getByTestId('result-counts').textContent(), { timeout: 60_000 }).toContain('成功2');

    await page.getByTestId('save-results').click();
    const saved = (await page.getByTestId('saved-name').getAttribute('title', { timeout: 30_000 })) ?? '';
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const results = book.getWorksheet('明细 Results')!;
    const qty = results.getRow(3).getCell(5);
    expect(qty.value).toBe(2);
    expect(noteText(qty)).toBe('在本程序中修改过。原值：abc');
    expect(noteText(results.getRow(2).getCell(5))).toBe('');
    expect(problems).toEqual([]);
  });
});
