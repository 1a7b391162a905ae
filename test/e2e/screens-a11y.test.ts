// Every clerk screen at 1366×768, in zh-CN and en — review, submit, run (sending, waiting for a dead ERP,
// stopped), results, jobs, settings — saved as screenshots (test/e2e/artifacts/screen-*.png, to look at)
// and checked with axe-core: no serious or critical accessibility violation on any of them.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCredentials, startSandbox, type Sandbox } from '../../main/sandbox';
import type { Lang } from '../../shared/i18n';
import { freePort } from '../main/cli/helpers';
import { writeBook } from './files';
import { buildPrivateRenderer, openApp, seriousViolations, shot, startHostProcess, watchProblems, type RunningHost } from './support';

const words = {
  'zh-CN': { open: '打开文件', another: /^(换一个文件|导入新表格|返回检查)$/, done: '已完成', rows: '行数', orders: '可提交单据数', back: '返回检查' },
  en: { open: 'Open file', another: /^(Another file|Import another sheet|Back to review)$/, done: 'Done', rows: 'Rows', orders: 'Orders to send', back: 'Back to review' },
} as const;

describe('every screen, in both languages: screenshots and an accessibility check', () => {
  let host: RunningHost;
  let app: Awaited<ReturnType<typeof openApp>>;
  let page: Page;
  let problems: string[];
  let erp: Sandbox;
  const report: Record<string, string[]> = {};

  beforeAll(async () => {
    host = await startHostProcess(['--renderer', await buildPrivateRenderer()]);
    app = await openApp(host);
    page = await app.context.newPage();
    problems = watchProblems(page);
    erp = await startSandbox({});
    erp.setOptions({ latencyMs: 3000 });
    await page.goto(host.url);
    await page.getByTestId('env-banner').filter({ hasText: '沙箱' }).waitFor({ timeout: 20_000 });
    // Two more profiles: a slow test ERP (to see a job sending) and a dead one (to see it wait).
    const dead = await freePort();
    for (const [name, url, concurrency] of [['slow-erp', erp.url, '1'], ['dead-erp', `http://127.0.0.1:${dead}`, '1']] as const) {
      await page.getByTestId('tab-settings').click();
      await page.getByTestId('add-profile').click();
      const form = page.getByTestId('profile-form');
      await form.locator('[name="name"]').fill(name);
      await form.locator('[name="baseUrl"]').fill(url);
      await form.locator('[name="sid"]').fill(sandboxCredentials.sid);
      await form.locator('[name="appkey"]').fill(sandboxCredentials.appkey);
      await form.locator('[name="appSecret"]').fill(sandboxCredentials.appSecret);
      await form.locator('[name="concurrency"]').fill(concurrency);
      await form.locator('[name="appSecret"]').press('Enter');
      await form.waitFor({ state: 'detached', timeout: 10_000 });
    }
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await shot(page, `failed-a11y-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
    await erp?.close();
  });

  /** Screenshot and axe for the screen on view. */
  const look = async (name: string) => {
    await page.waitForTimeout(300);
    await shot(page, `screen-${name}`);
    report[name] = await seriousViolations(page);
  };

  /** Back to an empty import screen from wherever the flow is (submit → review → import). */
  const toImport = async (lang: Lang) => {
    const w = words[lang];
    await page.getByTestId('tab-work').click();
    const again = page.getByRole('button', { name: w.another });
    // A stopped job's run screen leads on to its results, and from there to a new import.
    const toResults = page.getByTestId('to-results');
    await again.or(page.getByRole('button', { name: w.open })).or(toResults).first().waitFor();
    if (await toResults.isVisible()) await toResults.click();
    await again.or(page.getByRole('button', { name: w.open })).first().waitFor();
    for (let i = 0; i < 2 && (await again.first().isVisible()); i += 1) {
      await again.first().click();
      await page.waitForTimeout(200);
    }
    await page.getByRole('button', { name: w.open }).waitFor();
  };

  const importList = async (lang: Lang, name: string, numbers: string[]) => {
    const w = words[lang];
    await toImport(lang);
    const file = await writeBook(path.join(host.home, name), [{ name: 'S', rows: [['returnNos'], ...numbers.map((n) => [n])] }]);
    await host.control('/test/dialogs', { open: [file] });
    await page.getByRole('button', { name: w.open }).click();
    await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain(`${w.rows}${numbers.length}`);
  };

  const startOn = async (lang: Lang, profile: string, orders: number) => {
    await page.getByTestId('to-submit').click();
    await page.getByRole('radio', { name: new RegExp(profile) }).check();
    await expect.poll(() => page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain(`${words[lang].orders}${orders}`);
    await page.getByTestId('start').click();
  };

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`${lang}: review, submit, run, waiting, stopped, results, jobs and settings`, async () => {
      await page.getByTestId('lang-select').selectOption(lang);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const tag = lang === 'en' ? 'en' : 'zh';
      const w = words[lang];

      // Review (the sample: problems, a duplicate) and submit.
      await toImport(lang);
      await page.getByTestId('sample').click();
      await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain(`${w.rows}21`);
      await page.locator('.grid-sizer .grid-row[data-row]').first().waitFor();
      await look(`${tag}-review`);
      await page.getByTestId('to-submit').click();
      await page.getByTestId('submit-counts').waitFor({ timeout: 20_000 });
      await look(`${tag}-submit`);
      await page.getByRole('button', { name: w.back }).click();

      // Run: a slow ERP, one call at a time.
      const base = lang === 'en' ? 20 : 0;
      await importList(lang, `slow-${tag}.xlsx`, Array.from({ length: 12 }, (_, i) => `CR20240602${String(base + i + 1).padStart(4, '0')}`));
      await startOn(lang, 'slow-erp', 12);
      await page.getByTestId('attempt-list').waitFor({ timeout: 30_000 });
      await look(`${tag}-run`);
      await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 60_000 }).toBe(w.done);

      // Waiting: the dead ERP; then stopped there (a confirmation, where there is one, is answered yes).
      await importList(lang, `dead-${tag}.xlsx`, [`CR20240602${String(base + 15).padStart(4, '0')}`]);
      await startOn(lang, 'dead-erp', 1);
      await page.getByTestId('waiting').waitFor({ timeout: 30_000 });
      await page.getByTestId('next-try').waitFor({ timeout: 30_000 });
      await look(`${tag}-run-waiting`);
      await page.getByTestId('stop').click();
      const confirm = page.getByRole('dialog');
      await page.waitForTimeout(300);
      if (await confirm.isVisible()) await confirm.getByRole('button').last().click();
      await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 60_000 }).not.toMatch(/^(等待网络|Waiting)$/);
      await look(`${tag}-run-stopped`);

      // Results: a few returns on the built-in sandbox, some refused. Each language cancels its own return:
      // one the first pass already cancelled would be skipped as done (never twice), leaving 3 to send.
      const cancellable = lang === 'en' ? 'CR202406010002' : 'CR202406010001';
      await importList(lang, `results-${tag}.xlsx`, [cancellable, 'CR202406010004', 'CR202406010005', 'CR209912319999']);
      await startOn(lang, 'sandbox', 4);
      await expect.poll(() => page.getByTestId('job-state').textContent(), { timeout: 60_000 }).toBe(w.done);
      await page.getByTestId('top-reasons').waitFor({ timeout: 10_000 });
      await page.getByTestId('save-results').click();
      await page.getByTestId('saved-name').waitFor({ timeout: 30_000 });
      await look(`${tag}-results`);

      await page.getByTestId('tab-jobs').click();
      await page.getByTestId('jobs-table').waitFor();
      await look(`${tag}-jobs`);
      await page.getByTestId('tab-settings').click();
      await page.getByTestId('profile-list').waitFor();
      await look(`${tag}-settings`);
      await page.getByTestId('add-profile').click();
      await page.getByTestId('profile-form').waitFor();
      await look(`${tag}-settings-form`);
      await page.keyboard.press('Escape');

      const serious = Object.entries(report).filter(([name, found]) => name.startsWith(tag) && found.length > 0);
      expect(serious).toEqual([]);
    });
  }

  it('saw no page errors', () => {
    expect(problems).toEqual([]);
  });
});
