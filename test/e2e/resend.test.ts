// Issue 16 item 3 in Chromium through the test host, against the built-in sandbox ERP: a create row the ERP
// refuses (a goods code it does not have) is edited on the results screen — the review grid's editor, judged
// at once — and resent as a follow-up job that succeeds; the link shows both ways, and the follow-up's saved
// workbook marks the edited cell with the file's text and names the original job on its Summary sheet.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noteText } from '../main/sheets/results-fixtures';
import { writeBook } from './files';
import { openFile, useFlow } from './flow-steps';
import { seriousViolations, shot, type RunningHost } from './support';

describe('resend a failed row edited on the results screen', () => {
  let host: RunningHost;
  let page: Page;
  let problems: string[];

  useFlow(async (f) => {
    ({ host, page, problems } = f);
  });

  it('a refused row is fixed in place and resent as a linked job that succeeds', async () => {
    const file = await writeBook(path.join(host.home, 'resend.xlsx'), [{
      name: '采购退货',
      rows: [
        ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量'],
        ['RS-E2E-OK', 'WH001', 'P001', 'SKU-TS-RED-M', 1],
        ['RS-E2E-FIX', 'WH001', 'P001', 'SKU-E2E-NO-SUCH', 1],
      ],
    }]);
    await openFile(page, host, file);
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数2');
    await page.getByTestId('to-submit').click();
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('单据数2');
    await page.locator('input[name="is-check"]').first().check();
    await page.getByTestId('start').click();
    const counts = page.getByTestId('result-counts');
    await expect.poll(() => counts.textContent(), { timeout: 60_000 }).toContain('失败1');
    expect(await counts.textContent()).toContain('成功1');

    // Only the refused row is offered, with its cells, in the review grid's editor.
    const editor = page.getByTestId('resend-editor');
    const spec = editor.locator('.grid-row[data-row="3"] [data-col="3"]');
    await spec.waitFor({ timeout: 20_000 });
    expect(await editor.locator('.grid-row[data-row]').count()).toBe(1);
    expect(await page.getByTestId('resend').textContent()).toBe('重新提交失败的 1 行');

    // A bad quantity first: judged at once by the reader's rules (the row would not be sent) — then undone.
    const qty = editor.locator('.grid-row[data-row="3"] [data-col="4"]');
    await qty.dblclick();
    await page.getByTestId('cell-editor').fill('abc');
    await page.keyboard.press('Enter');
    await expect.poll(() => qty.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await page.getByTestId('resend').isDisabled()).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => qty.getAttribute('aria-invalid'), { timeout: 10_000 }).toBeNull();

    // The goods code the ERP did not know, corrected in place.
    await spec.dblclick();
    const input = page.getByTestId('cell-editor');
    expect(await input.inputValue()).toBe('SKU-E2E-NO-SUCH');
    await input.fill('SKU-TS-RED-M');
    await page.keyboard.press('Enter');
    await expect.poll(() => spec.getAttribute('class'), { timeout: 10_000 }).toContain('cell-edited');
    expect(await spec.getAttribute('aria-description')).toBe('已修改，原值：SKU-E2E-NO-SUCH');
    expect(await page.getByTestId('resend-sendable').textContent()).toContain('将发送 1 行');
    await shot(page, 'resend-edited');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('resend').click();
    // The follow-up's run, then its results: it names its original, and it succeeded.
    const follows = page.getByTestId('follows-job');
    await follows.waitFor({ timeout: 30_000 });
    await expect.poll(() => counts.textContent(), { timeout: 60_000 }).toContain('失败0');
    expect(await counts.textContent()).toContain('成功1');
    const original = (await follows.getByTestId('job-link').textContent()) ?? '';
    expect(original).toMatch(/\S+/);
    expect(await page.getByTestId('resend-editor').count()).toBe(0); // nothing left to resend

    await page.getByTestId('save-results').click();
    const saved = (await page.getByTestId('saved-name').getAttribute('title', { timeout: 30_000 })) ?? '';
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const results = book.getWorksheet('明细 Results')!;
    expect(results.getRow(2).getCell(1).value).toBe('RS-E2E-FIX');
    expect(results.getRow(2).getCell(4).value).toBe('SKU-TS-RED-M');
    expect(noteText(results.getRow(2).getCell(4))).toBe('在本程序中修改过。原值：SKU-E2E-NO-SUCH');
    const summary = new Map<string, string>();
    book.getWorksheet('汇总 Summary')!.eachRow((row) => summary.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(summary.get('重新提交自任务（原任务）')).toBe(original);

    // The other way: the original's results list the follow-up.
    await follows.getByTestId('job-link').click();
    const followUps = page.getByTestId('follow-ups');
    await followUps.waitFor({ timeout: 20_000 });
    const followUp = (await followUps.getByTestId('job-link').first().textContent()) ?? '';
    expect([...summary.values()]).toContain(followUp);
    expect(await counts.textContent()).toContain('失败1'); // the original stands as it was
    expect(problems).toEqual([]);
  });
});
