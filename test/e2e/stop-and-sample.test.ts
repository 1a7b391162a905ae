// Issue 14, the misleading ones, in Chromium through the test host: a job stopped while its ERP is down is
// interrupted (never 已完成), its workbook gives the unsent rows no batch or submit time and lists them to
// fix, and it resumes; the sample goes to the built-in sandbox even when a production profile is the default.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCredentials, startSandbox, type Sandbox } from '../../main/sandbox';
import { returnStatus } from '../../main/sandbox/model';
import { writeBook } from './files';
import { buildPrivateRenderer, openApp, shot, startHostProcess, watchProblems, type RunningHost } from './support';

describe('stop and sample in Chromium (issue 14, items 2 and 3)', () => {
  let host: RunningHost;
  let app: Awaited<ReturnType<typeof openApp>>;
  let page: Page;
  let problems: string[];
  /** An ERP of this test's own on loopback: the "production" and "dead port" profiles point at it. */
  let erp: Sandbox;
  let erpData: string;

  beforeAll(async () => {
    host = await startHostProcess(['--renderer', await buildPrivateRenderer()]);
    app = await openApp(host);
    page = await app.context.newPage();
    problems = watchProblems(page);
    erpData = path.join(await mkdtemp(path.join(os.tmpdir(), 'wdt-e2e-erp-')), 'erp.json');
    erp = await startSandbox({ dataFile: erpData });
    await page.goto(host.url);
    await page.getByTestId('env-banner').filter({ hasText: '沙箱' }).waitFor({ timeout: 20_000 });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await shot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    console.error(host.stderr.join('').slice(-4000));
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
    await erp?.close();
  });

  const addProfile = async (name: string, environment: 'test' | 'production', baseUrl: string) => {
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('add-profile').click();
    const form = page.getByTestId('profile-form');
    await form.locator('[name="name"]').fill(name);
    await form.locator('[name="environment"]').selectOption(environment);
    await form.locator('[name="baseUrl"]').fill(baseUrl);
    await form.locator('[name="sid"]').fill(sandboxCredentials.sid);
    await form.locator('[name="appkey"]').fill(sandboxCredentials.appkey);
    await form.locator('[name="appSecret"]').fill(sandboxCredentials.appSecret);
    await form.locator('[name="appSecret"]').press('Enter');
    await form.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => page.getByTestId('profile-list').textContent()).toContain(name);
  };

  const makeDefault = async (name: string) => {
    await page.getByTestId('tab-settings').click();
    const card = page.getByTestId('profile-list').locator('li', { hasText: name });
    await card.getByRole('button', { name: '设为默认' }).click();
    await expect.poll(() => card.textContent()).toContain('默认');
  };

  it('the sample goes to the built-in sandbox though a production profile is the default (item 3)', async () => {
    await addProfile('acme-prod', 'production', erp.url);
    await makeDefault('acme-prod');
    await expect.poll(() => page.getByTestId('env-banner').getAttribute('class')).toContain('env-production');
    await page.getByTestId('tab-work').click();
    await page.getByTestId('sample').click();
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数21');
    await page.getByTestId('to-submit').click();
    await page.getByTestId('sample-sandbox').waitFor();
    // Only the sandbox is offered, and it is the one chosen: the banner says so too.
    const choices = page.getByRole('radiogroup').getByRole('radio');
    await expect.poll(() => choices.count()).toBe(1);
    expect(await page.getByRole('radio', { name: /acme-prod/ }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('env-banner').getAttribute('class')).toContain('env-sandbox');
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('单据数19');
    await page.getByTestId('start').click();
    expect(await page.getByTestId('confirm-dialog').count()).toBe(0);
    await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 60_000 }).toBe('已完成');
    // The production ERP saw nothing: its seeded returns are as they were.
    expect(erp.state.returns.get('CR202406010001')?.status).not.toBe(returnStatus.cancelled);
    expect(erp.state.returns.get('CR202406020001')?.status).not.toBe(returnStatus.cancelled);

    // Main holds the line too: a renderer asking for the production profile with the sample is refused.
    const refused = await page.evaluate(async () => {
      const wdt = (window as unknown as { wdt: Record<string, (a?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>> }).wdt;
      const ticket = (await wdt.importSample!()) as { ok: true; value: { token: string } };
      const read = (await wdt.importRead!({ token: ticket.value.token, operation: 'return-cancel' })) as { ok: true; value: { importId: string } };
      const preview = await wdt.jobsPreview!({ importId: read.value.importId, profile: 'acme-prod', withdrawnRows: [] });
      const start = await wdt.jobsStart!({ importId: read.value.importId, profile: 'acme-prod', isCheck: false, withdrawnRows: [], confirmed: true });
      return [preview.ok ? 'ok' : preview.error?.code, start.ok ? 'ok' : start.error?.code];
    });
    expect(refused).toEqual(['PROFILE_INVALID', 'PROFILE_INVALID']);
    await makeDefault('sandbox');
  });

  it('stop on a dead port asks first, answers at once, leaves the job interrupted and resumable (item 2)', async () => {
    const port = erp.port;
    await addProfile('dead-port', 'test', erp.url);
    const numbers = ['CR202406020001', 'CR202406020002', 'CR202406020003', 'CR202406020004'];
    const file = await writeBook(path.join(host.home, 'stopped.xlsx'), [{ name: '清单', rows: [['采购退货单号'], ...numbers.map((n) => [n])] }]);
    await page.getByTestId('tab-work').click();
    const again = page.getByRole('button', { name: /^(换一个文件|导入新表格)$/ });
    await again.or(page.getByRole('button', { name: '打开文件' })).first().waitFor();
    if (await again.isVisible()) await again.click();
    await host.control('/test/dialogs', { open: [file] });
    await page.getByRole('button', { name: '打开文件' }).click();
    await page.getByTestId('pick-operation').selectOption('return-cancel', { timeout: 20_000 });
    await page.getByRole('button', { name: '按此操作读取' }).click();
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数4');
    await page.getByTestId('to-submit').click();
    await page.getByRole('radio', { name: /dead-port/ }).check();
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('单据数4');
    await erp.close(); // the profile's address is now a dead port
    await page.getByTestId('start').click();
    await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 30_000 }).toBe('等待网络');

    // Stop asks first; Cancel (focused) keeps the job going.
    await page.getByTestId('stop').click();
    const dialog = page.getByTestId('stop-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('4 行不会发送');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('job-state').textContent()).toBe('等待网络');
    await page.getByTestId('stop').click();
    const asked = Date.now();
    await page.getByTestId('stop-confirm').click();
    await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 3_000 }).toBe('已中断');
    expect(Date.now() - asked).toBeLessThan(3_000);
    await page.getByTestId('interrupted').waitFor();
    expect(await page.getByTestId('interrupted').textContent()).toContain('您停止了此任务');
    expect(await page.getByTestId('resume').isVisible()).toBe(true);
    await shot(page, '20-run-stopped');

    // The jobs list: interrupted with four rows to send, never 已完成.
    await page.getByTestId('tab-jobs').click();
    const row = page.locator('tr', { hasText: 'stopped.xlsx' });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('已中断');
    expect(await row.textContent()).not.toContain('已完成');
    expect(await row.textContent()).toContain('待提交 4');

    // Its workbook: the unsent rows have no batch or submit time, and they wait on the To fix sheet.
    await row.getByRole('button', { name: '导出结果' }).click();
    const saved = page.getByText(/^已保存：stopped/);
    await saved.waitFor({ timeout: 20_000 });
    const name = ((await saved.textContent()) ?? '').replace(/^已保存：/, '');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(host.home, 'downloads', name));
    const results = book.worksheets[1]!;
    const headers = (results.getRow(1).values as unknown[]).map(String);
    for (let i = 2; i <= 5; i++) {
      const cells = results.getRow(i);
      expect(cells.getCell(headers.indexOf('状态')).text).toBe('待提交');
      expect(cells.getCell(headers.indexOf('批次')).value).toBeNull();
      expect(cells.getCell(headers.indexOf('提交时间')).value).toBeNull();
    }
    const toFix = book.worksheets[2]!;
    expect([2, 3, 4, 5].map((i) => toFix.getRow(i).getCell(1).text)).toEqual(numbers);

    // Resumable: with the ERP back, 继续 sends the four rows.
    erp = await startSandbox({ port, dataFile: erpData });
    // 继续 opens the job: it runs, and ends on its results.
    await row.getByTestId('job-resume').click();
    await expect.poll(() => page.getByTestId('result-counts').textContent(), { timeout: 60_000, interval: 500 }).toContain('成功4');
    expect(await page.getByTestId('job-state').textContent()).toBe('已完成');
    for (const no of numbers) expect(erp.state.returns.get(no)?.status).toBe(returnStatus.cancelled);
    expect(problems).toEqual([]);
  });
});
