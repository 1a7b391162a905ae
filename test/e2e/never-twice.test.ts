// Issue 16 item 4 in Chromium through the test host, against the built-in sandbox ERP: the same cancel
// list dropped a second time warns before anything is sent — the same file, and which rows an earlier job
// already cancelled (with its id) — and skips those rows by default; the run sends only the row that did
// not succeed before, and the results (screen and saved workbook) say which job did the skipped rows.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeBook } from './files';
import { openCancelList, useFlow } from './flow-steps';
import { seriousViolations, shot, type RunningHost } from './support';

describe('never twice by accident: a resubmitted file warns and skips', () => {
  let host: RunningHost;
  let page: Page;
  let problems: string[];

  useFlow(async (f) => {
    ({ host, page, problems } = f);
  });

  const runToEnd = async () => {
    await page.getByTestId('start').click();
    await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 60_000 }).toBe('已完成');
    return (await page.getByTestId('result-counts').textContent()) ?? '';
  };

  it('the second drop of a cancel list names the earlier job, skips its cancelled rows and sends only the rest', async () => {
    // Two returns the sandbox can cancel, and one it refuses (already cancelled in its seed).
    const file = await writeBook(path.join(host.home, 'cancel-twice.xlsx'), [
      { name: 'S', rows: [['采购退货单号'], ['CR202406010002'], ['CR202406010003'], ['CR202406010006']] },
    ]);

    // First time: nothing earlier to say; two cancelled, one refused.
    await openCancelList(page, host, file, 3);
    await page.getByTestId('to-submit').click();
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('可提交单据数3');
    expect(await page.getByTestId('earlier-notice').count()).toBe(0);
    const first = await runToEnd();
    expect(first).toContain('成功2');
    expect(first).toContain('失败1');
    await page.getByTestId('tab-jobs').click();
    const firstJob = (await page.locator('tr[data-job]').first().getAttribute('data-job', { timeout: 10_000 })) ?? '';
    expect(firstJob).not.toBe('');

    // Second time, the very same file: said before anything is sent, with numbers and the job's id.
    await openCancelList(page, host, file, 3);
    await page.getByTestId('to-submit').click();
    const notice = page.getByTestId('earlier-notice');
    await notice.waitFor({ timeout: 20_000 });
    const said = (await notice.textContent()) ?? '';
    expect(said).toContain(`同一个文件已于`);
    expect(said).toContain(`其中 2 行已由任务 ${firstJob}`);
    expect(said).toContain('这些行默认跳过');
    // Skipped by default: only the refused return is left to send; the clerk could tick to include them.
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('可提交单据数1');
    expect(await page.getByTestId('done-count').textContent()).toBe('之前已成功（跳过）2');
    expect(await page.getByTestId('include-done').isChecked()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'never-twice-submit-notice');
    // Ticked, they would go again (and the count of skipped ones leaves); unticked for this run.
    await page.getByTestId('include-done').check();
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('可提交单据数3');
    expect(await page.getByTestId('done-count').count()).toBe(0);
    await page.getByTestId('include-done').uncheck();
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('可提交单据数1');

    const second = await runToEnd();
    expect(second).toContain('已跳过2');
    expect(second).toContain('失败1');
    expect(Number(/成功(\d+)/.exec(second)?.[1] ?? 0)).toBe(0);

    // The saved workbook's rows say which job did the skipped ones: an audit needs no one to ask.
    await page.getByTestId('save-results').click();
    const saved = (await page.getByTestId('saved-name').getAttribute('title', { timeout: 30_000 })) ?? '';
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const lines: string[] = [];
    book.worksheets[1]!.eachRow((row) => lines.push((row.values as unknown[]).map((v) => String(v ?? '')).join('|')));
    const skipped = lines.filter((l) => l.includes('CR202406010002') || l.includes('CR202406010003'));
    expect(skipped).toHaveLength(2);
    for (const line of skipped) expect(line).toContain(`已由任务 ${firstJob}`);
    expect(problems).toEqual([]);
  });
});
