// Issue 12 item 7 in Chromium through the test host and the built-in sandbox: the sample cancel list has
// returns the ERP will not cancel (已完成, 已取消); their rows on the results screen show the ERP's words
// verbatim and, beside them, what to do.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../shared/i18n';
import { buildPrivateRenderer, openApp, shot, startHostProcess, watchProblems, type RunningHost } from './support';

describe('hints on the results screen in Chromium', () => {
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
    await page.getByTestId('env-banner').filter({ hasText: '沙箱' }).waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('a known refusal shows its 处理建议 beside the ERP message; the hint column is there in the table head', async () => {
    await page.getByTestId('sample').click();
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数');
    await page.getByTestId('to-submit').click();
    await page.getByTestId('start').click({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 90_000 }).toBe('已完成');
    const failures = page.getByTestId('failure-list');
    await expect.poll(() => failures.textContent(), { timeout: 10_000 }).toContain('CR202406010005');
    expect(await failures.locator('thead th').last().textContent()).toBe('处理建议');
    const row = failures.locator('tbody tr', { hasText: 'CR202406010005' });
    expect(await row.locator('.erp-message').textContent()).toBe('采购退货单不是待审核或者编辑中状态');
    expect(await row.locator('.erp-hint').textContent()).toBe(t('zh-CN', 'hints.returnNotCancellable'));
    await shot(page, 'hints-results');
    expect(problems).toEqual([]);
  });
});
