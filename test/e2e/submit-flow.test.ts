// The whole flow in Chromium through the test host with the job engine: the sample submitted to the
// built-in sandbox → run → results → the saved workbook opened with exceljs; a production profile's
// confirmation; a job that waits while its ERP is down and goes on by itself when it is back; English.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { sandboxCredentials, startSandbox, type Sandbox } from '../../main/sandbox';
import { returnStatus } from '../../main/sandbox';
import { cleanEnv, erpEnv, runCli } from '../main/cli/helpers';
import { writeBook } from './files';
import { addProfile as addProfileAt, openCancelList, useFlow } from './flow-steps';
import { shot, type RunningHost } from './support';

describe('submit, run and results in Chromium', () => {
  let host: RunningHost;
  let page: Page;
  let problems: string[];
  let erp: Sandbox;
  let erpData: string;

  useFlow(async (f) => {
    ({ host, page, problems } = f);
    erpData = path.join(await mkdtemp(path.join(os.tmpdir(), 'wdt-e2e-erp-')), 'erp.json');
    erp = await startSandbox({ dataFile: erpData });
  });
  afterAll(async () => {
    await erp?.close();
  });

  /** A cancel list headed 采购退货单号 (cancel or pending: the clerk picks cancel). */
  const importCancelList = async (name: string, numbers: string[]) => {
    const file = await writeBook(path.join(host.home, name), [{ name: '清单', rows: [['采购退货单号'], ...numbers.map((n) => [n])] }]);
    await openCancelList(page, host, file, numbers.length);
  };

  const addProfile = (name: string, environment: 'test' | 'production') => addProfileAt(page, name, environment, erp.url);

  it('submits the sample to the built-in sandbox, follows it to the results, and saves a workbook that adds up', async () => {
    await page.getByTestId('sample').click();
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数21');
    await page.getByTestId('to-submit').click();
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('单据数19');
    await shot(page, '08-submit-sandbox');
    await page.getByTestId('start').click();
    await page.getByTestId('job-state').waitFor({ timeout: 20_000 });
    await shot(page, '09-run');
    const counts = page.getByTestId('result-counts');
    await expect.poll(() => counts.textContent(), { timeout: 60_000 }).toContain('重复1');
    await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 60_000 }).toBe('已完成');
    const text = (await counts.textContent()) ?? '';
    const count = (word: string) => Number(new RegExp(`${word}(\\d+)`).exec(text)?.[1]);
    expect(count('成功') + count('失败')).toBe(19);
    expect(count('失败')).toBeGreaterThanOrEqual(3);
    expect(count('校验未通过')).toBe(1);
    const failures = page.getByTestId('failure-list');
    await expect.poll(() => failures.textContent(), { timeout: 10_000 }).toContain('CR202406010005');
    await shot(page, '10-results');

    await page.getByTestId('save-results').click();
    // Browser mode says where the file went: the full path, on the computer running the app.
    const saved = page.getByTestId('saved-name');
    expect(await saved.textContent({ timeout: 30_000 })).toMatch(/^浏览器模式：文件已保存在运行本程序的电脑上：/);
    const file = (await saved.getAttribute('title')) ?? '';
    expect(path.dirname(file)).toBe(path.join(host.home, 'downloads'));
    const name = path.basename(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.length).toBe(4);
    const results = book.worksheets[1]!;
    expect(results.actualRowCount).toBe(22);
    const cells: string[] = [];
    results.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain('成功');
    expect(cells).toContain('失败');
    expect(cells).toContain('重复');
    const toFix = book.worksheets[2]!;
    expect(toFix.actualRowCount - 1).toBe(count('失败') + 1);
    await page.getByTestId('open-results').click();
    await expect.poll(async () => JSON.stringify(await host.control('/test/opened', {}))).toContain(name);

    // The rows to fix are saved and opened in the spreadsheet program; once fixed they come back as a
    // new import, read from the results workbook's to-fix sheet.
    await page.getByTestId('reimport').click();
    await page.getByTestId('fix-import').click();
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain(`行数${count('失败') + 1}`);
    expect(await page.getByTestId('operation-select').inputValue()).toBe('return-cancel');
    await shot(page, '10b-review-to-fix');
    expect(problems).toEqual([]);
  });

  it('asks a production submit to be confirmed with the seller account; Escape cancels, the tick and Enter send', async () => {
    await addProfile('acme-prod', 'production');
    // Under scripts/with-keyring.sh (npm test, CI) the host's secrets go to a real Secret Service.
    if (process.env.WDT_KEYRING_READY) {
      await expect.poll(() => page.getByTestId('profile-list').textContent()).toContain('密钥在系统钥匙串中');
      expect(await page.getByText('系统钥匙串不可用：密钥仅保存在本次运行中').count()).toBe(0);
    }
    await shot(page, '11-settings-profiles');
    await importCancelList('prod.xlsx', ['CR202406010001', 'CR202406010002', 'CR202406010003']);
    await page.getByTestId('to-submit').click();
    await page.getByRole('radio', { name: /acme-prod/ }).check();
    await expect.poll(() => page.getByTestId('env-banner').getAttribute('class')).toContain('env-production');
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('单据数3');
    await shot(page, '12-submit-production');
    await page.getByTestId('start').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    const text = (await page.getByTestId('confirm-text').textContent()) ?? '';
    expect(text).toContain(sandboxCredentials.sid);
    expect(text).toContain('batchCancelOrder');
    expect(text).toContain('3');
    await shot(page, '13-confirm-production');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('start').isVisible()).toBe(true);
    await page.getByTestId('start').click();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('result-counts').textContent(), { timeout: 60_000 }).toContain('成功3');
    // The results of a production job sit under a red banner that names the job's profile.
    expect(await page.getByTestId('env-banner').getAttribute('class')).toContain('env-production');
    expect(await page.getByTestId('env-banner').textContent()).toContain('本任务配置：acme-prod');
    // The production profile is this test's own sandbox: the returns really were cancelled there.
    for (const no of ['CR202406010001', 'CR202406010002', 'CR202406010003']) expect(erp.state.returns.get(no)?.status).toBe(returnStatus.cancelled);
  });

  it('waits while the ERP is down and goes on by itself when it is back', async () => {
    await addProfile('erp-test', 'test');
    await importCancelList('offline.xlsx', ['CR202406020001', 'CR202406020002', 'CR202406020003', 'CR202406020004']);
    await page.getByTestId('to-submit').click();
    await page.getByRole('radio', { name: /erp-test/ }).check();
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('单据数4');
    const port = erp.port;
    await erp.close();
    await page.getByTestId('start').click();
    await page.getByTestId('waiting').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 10_000 }).toBe('等待网络');
    // Said once, by the run screen: the shell's notice is for waiting jobs elsewhere.
    expect(await page.getByTestId('offline-notice').count()).toBe(0);
    await shot(page, '14-run-offline');
    erp = await startSandbox({ port, dataFile: erpData });
    await expect.poll(() => page.getByTestId('result-counts').textContent(), { timeout: 90_000, interval: 1000 }).toContain('成功4');
    await shot(page, '15-results-after-offline');
  });

  it('shows the calls as they happen, pauses after the call in flight, survives a reload, and resumes from the jobs list', async () => {
    erp.setOptions({ latencyMs: 1200 });
    await page.getByTestId('tab-settings').click();
    await page.getByRole('button', { name: '修改：erp-test' }).click();
    await page.getByTestId('profile-form').locator('[name="concurrency"]').fill('1');
    await page.getByTestId('profile-form').locator('[name="sid"]').press('Enter');
    await page.getByTestId('profile-form').waitFor({ state: 'detached' });
    const numbers = Array.from({ length: 50 }, (_, i) => `CR20240602${String(i + 5).padStart(4, '0')}`);
    await importCancelList('slow.xlsx', numbers);
    await page.getByTestId('to-submit').click();
    await page.getByRole('radio', { name: /erp-test/ }).check();
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('单据数50');
    await page.getByTestId('start').click();
    await page.getByTestId('attempt-list').waitFor({ timeout: 20_000 });
    await shot(page, '16-run-calls');
    await page.getByTestId('pause').click();
    await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 20_000 }).toBe('已暂停');
    const settled = Number(await page.getByTestId('progress').getAttribute('value'));
    expect(settled).toBeLessThan(50);
    await shot(page, '17-run-paused');
    // Closing the window loses nothing: a fresh page finds the paused job in the list and resumes it there.
    await page.reload();
    erp.setOptions({ latencyMs: 0 });
    await page.getByTestId('tab-jobs').click();
    const row = page.locator('tr', { hasText: 'slow.xlsx' });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('已暂停');
    await row.getByTestId('job-resume').click();
    await expect.poll(() => page.getByTestId('result-counts').textContent(), { timeout: 60_000 }).toContain('成功50');
  });

  it('lists a job submitted from the command line into the same store, and exports it again', async () => {
    const file = await writeBook(path.join(host.home, 'cli.xlsx'), [{ name: 'S', rows: [['returnNos'], ['CR202406010008']] }]);
    const run = await runCli(['submit', file, '--json', '--out', path.join(host.home, 'cli.results.xlsx')], {
      env: cleanEnv({ WDT_BULK_HOME: host.home, ...erpEnv(erp.url) }),
      cwd: host.home,
    });
    expect(run.code, run.stderr).toBe(0);
    await page.getByTestId('tab-jobs').click();
    const row = page.locator('tr', { hasText: 'cli.xlsx' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('已完成');
    await row.getByRole('button', { name: '导出结果' }).click();
    await expect.poll(() => page.getByTestId('jobs-saved').textContent(), { timeout: 20_000 }).toMatch(/cli\.结果-/);
  });

  it('shows the results and the jobs list in English', async () => {
    await page.getByTestId('tab-work').click();
    await page.getByTestId('lang-select').selectOption('en');
    await expect.poll(() => page.getByTestId('result-counts').textContent(), { timeout: 10_000 }).toContain('succeeded50');
    expect(await page.getByTestId('env-banner').textContent()).toContain("This job's profile: erp-test");
    await shot(page, '18-results-en');
    await page.getByTestId('tab-jobs').click();
    const table = page.getByTestId('jobs-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 10_000 }).toBe(5);
    expect(await table.textContent()).toContain('Done');
    await shot(page, '19-jobs-en');
    await page.getByTestId('lang-select').selectOption('zh-CN');
    // After the reload the banner is back on the default profile: the choice was for that one submit.
    await expect.poll(() => page.getByTestId('env-banner').textContent()).toContain('提交目标：sandbox（默认配置）');
    expect(problems).toEqual([]);
  });
});
