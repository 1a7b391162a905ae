// The real renderer in Chromium against the real services through the test host: the shell shows the
// built-in sandbox profile, switches language, and opens a file through main's (queued) open dialog.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer, openApp, repoRoot, startHostProcess, type RunningHost } from './support';

describe('smoke: the app shell in Chromium', () => {
  let host: RunningHost;
  let app: Awaited<ReturnType<typeof openApp>>;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    await buildRenderer();
    host = await startHostProcess();
    app = await openApp(host);
    page = await app.context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // A meta-tag CSP can't carry frame-ancestors (the app:// header does); Chromium says so, harmlessly.
      if (message.type() === 'error' && !message.text().includes('frame-ancestors')) problems.push(`console: ${message.text()}`);
    });
    await page.goto(host.url);
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('shows the sandbox profile in the environment banner and takes a screenshot', async () => {
    const banner = page.getByTestId('env-banner');
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain('沙箱');
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('提交目标：sandbox（默认配置）');
    expect(await banner.getAttribute('class')).toContain('env-sandbox');
    expect(await page.title()).toBe('WDT 批量导入');
    const out = path.join(repoRoot, 'test-results/e2e');
    await mkdir(out, { recursive: true });
    await page.screenshot({ path: path.join(out, 'smoke.png') });
    expect(problems).toEqual([]);
  });

  it('keeps the CSP: the page cannot reach any origin but the host', async () => {
    const outcome = await page.evaluate(async () => {
      try {
        await fetch('http://127.0.0.2:9/');
        return 'reached';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
  });

  it('opens a file through the open dialog as an opaque ticket', async () => {
    const file = path.join(host.home, 'returns.csv');
    await writeFile(file, '采购退货单号\nCR001\n');
    await host.control('/test/dialogs', { open: [file] });
    await page.getByRole('button', { name: '打开文件' }).click();
    await expect.poll(() => page.locator('.ticket').textContent(), { timeout: 10_000 }).toBe('已选择：returns.csv');
    const read = await page.evaluate(async () => {
      const pending = await window.wdt.importOpenDialog();
      return pending;
    });
    // No queued answer: the dialog is cancelled, which is not an error.
    expect(read).toEqual({ ok: true, value: null });
  });

  it('switches the language to English and back', async () => {
    await page.getByTestId('lang-select').selectOption('en');
    const banner = page.getByTestId('env-banner');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain('SANDBOX');
    expect(await page.locator('h1').textContent()).toContain('WDT Bulk');
    await page.screenshot({ path: path.join(repoRoot, 'test-results/e2e/smoke-en.png') });
    await page.getByTestId('lang-select').selectOption('zh-CN');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain('沙箱');
  });
});
