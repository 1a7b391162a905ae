// Steps the flow tests share: the app in Chromium on a host of the file's own, and the clerk's moves
// that set a test up (a profile added in Settings, a file opened through the dialog).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { sandboxCredentials } from '../../main/sandbox';
import { buildPrivateRenderer, openApp, shot, startHostProcess, watchProblems, type RunningHost } from './support';

export interface FlowApp {
  host: RunningHost;
  page: Page;
  /** Page errors and console errors seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** A host with a private renderer build, Chromium on it, the first screen shown (the sandbox banner). */
export async function startFlow(): Promise<FlowApp> {
  const host = await startHostProcess(['--renderer', await buildPrivateRenderer()]);
  const app = await openApp(host);
  const page = await app.context.newPage();
  const problems = watchProblems(page);
  await page.goto(host.url);
  await page.getByTestId('env-banner').filter({ hasText: '沙箱' }).waitFor({ timeout: 20_000 });
  return {
    host,
    page,
    problems,
    async close() {
      await app.close();
      await host.stop();
    },
  };
}

/**
 * One app for a describe block: started before its tests (then `setup`, e.g. to take its page and host
 * or to seed its store), a failed test's screen and log kept, and closed after the last test. Returns the
 * app, filled in once started.
 */
export function useFlow(setup?: (flow: FlowApp) => void | Promise<void>, timeout?: number): FlowApp {
  const flow = {} as FlowApp;
  let started: FlowApp | undefined;
  beforeAll(async () => {
    started = await startFlow();
    Object.assign(flow, started);
    await setup?.(flow);
  }, timeout);
  afterEach(({ task }) => keepFailure(started, task));
  afterAll(async () => {
    await started?.close();
  });
  return flow;
}

/** A failed step leaves its screen and the host's log behind, to see why. */
export async function keepFailure(flow: FlowApp | undefined, task: { name: string; result?: { state?: string } }): Promise<void> {
  if (!flow || task.result?.state !== 'fail') return;
  await shot(flow.page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  console.error(flow.host.stderr.join('').slice(-4000));
}

/** Adds a profile in Settings with the sandbox's credentials, at `baseUrl`. */
export async function addProfile(page: Page, name: string, environment: 'test' | 'production', baseUrl: string): Promise<void> {
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
}

/** Back to an empty import screen from wherever the flow was (review, or a job's results). */
export async function toEmptyImport(page: Page): Promise<void> {
  await page.getByTestId('tab-work').click();
  const again = page.getByRole('button', { name: /^(换一个文件|导入新表格)$/ });
  await again.or(page.getByRole('button', { name: '打开文件' })).first().waitFor();
  if (await again.isVisible()) await again.click();
}

/** An empty import screen, then the file through the open dialog. */
export async function openFile(page: Page, host: RunningHost, file: string): Promise<void> {
  await toEmptyImport(page);
  await host.control('/test/dialogs', { open: [file] });
  await page.getByRole('button', { name: '打开文件' }).click();
}

/** Opens a list headed 采购退货单号 as a cancel list (it fits cancel and pending: the clerk picks) and waits for its review. */
export async function openCancelList(page: Page, host: RunningHost, file: string, rows: number): Promise<void> {
  await openFile(page, host, file);
  await page.getByTestId('pick-operation').selectOption('return-cancel', { timeout: 20_000 });
  await page.getByRole('button', { name: '按此操作读取' }).click();
  await expect.poll(() => page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain(`行数${rows}`);
}
