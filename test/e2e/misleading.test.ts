// Issue 14, the misleading ones, in Chromium through the test host: columns with a unit in brackets are
// placed and the ones that are not are listed before sending; a job stopped while its ERP is down is
// interrupted (never 已完成), its workbook gives the unsent rows no call or submit time and lists them to
// fix, and it resumes; the sample goes to the built-in sandbox even when a production profile is the default.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { returnStatus } from '../../main/sandbox';
import { writeBook } from './files';
import { addProfile, openCancelList, openFile, toEmptyImport, useFlow, type FlowApp } from './flow-steps';
import { shot } from './support';

describe('what was sent is never misread, in Chromium (issue 14, items 1 to 3)', () => {
  /** The app, and an ERP of this file's own on loopback: the "production" and "dead port" profiles point at it. */
  const f = {} as FlowApp & { erp: Sandbox; erpData: string };
  useFlow(async (flow) => {
    const erpData = path.join(await mkdtemp(path.join(os.tmpdir(), 'wdt-e2e-erp-')), 'erp.json');
    Object.assign(f, flow, { erpData, erp: await startSandbox({ dataFile: erpData }) });
  });
  afterAll(async () => {
    await f.erp?.close();
  });

  const makeDefault = async (name: string) => {
    await f.page.getByTestId('tab-settings').click();
    const card = f.page.getByTestId('profile-list').locator('li', { hasText: name });
    await card.getByRole('button', { name: '设为默认' }).click();
    await expect.poll(() => card.textContent()).toContain('默认');
  };

  it('places 单价（元） and 税率（%）, and lists the columns that will not be sent on review and submit (item 1)', async () => {
    const headers = ['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量', '单价（元）', '税率（%）', '内部备注', '单价(含税)'];
    const file = await writeBook(path.join(f.host.home, 'units.xlsx'), [
      { name: '退货', rows: [headers, ['E2E-U1', 'WH001', 'P001', 'SKU-TS-RED-M', 1, 12.5, 13, '别发', 14]] },
    ]);
    await openFile(f.page, f.host, file);
    // Two columns name no field: the mapping step asks about them first; 单价（元） and 税率（%） are already placed.
    await f.page.getByTestId('mapping-screen').waitFor({ timeout: 20_000 });
    expect(await f.page.getByTestId('mapping-unplaced').textContent()).toContain('这些列无法自动识别：内部备注、单价(含税)');
    expect(await f.page.getByTestId('map-5').inputValue()).not.toBe('');
    expect(await f.page.getByTestId('map-6').inputValue()).not.toBe('');
    expect(await f.page.getByTestId('map-8').inputValue()).toBe('');
    await f.page.getByTestId('mapping-apply').click();
    await expect.poll(() => f.page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数1');
    expect(await f.page.getByTestId('operation-select').inputValue()).toBe('return-create');
    const notice = f.page.getByTestId('ignored-columns');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('这些列不会被发送：内部备注、单价(含税)');
    // The grid marks only those two as extra: 单价（元） and 税率（%） feed their fields.
    expect(await f.page.locator('[role="columnheader"].col-extra').allTextContents()).toEqual(['内部备注', '单价(含税)']);
    await shot(f.page, '21-review-ignored-columns');
    await f.page.getByTestId('to-submit').click();
    await expect.poll(() => f.page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('单据数1');
    expect(await f.page.getByTestId('ignored-columns').textContent()).toContain('内部备注、单价(含税)');
    await f.page.getByRole('button', { name: '返回检查' }).click();
  });

  it('the sample goes to the built-in sandbox though a production profile is the default (item 3)', async () => {
    await addProfile(f.page, 'acme-prod', 'production', f.erp.url);
    await makeDefault('acme-prod');
    await expect.poll(() => f.page.getByTestId('env-banner').getAttribute('class')).toContain('env-production');
    await toEmptyImport(f.page);
    await f.page.getByTestId('sample').click();
    await expect.poll(() => f.page.getByTestId('review-counts').textContent(), { timeout: 20_000 }).toContain('行数21');
    await f.page.getByTestId('to-submit').click();
    await f.page.getByTestId('sample-sandbox').waitFor();
    // Only the sandbox is offered, and it is the one chosen: the banner says so too.
    const choices = f.page.getByRole('radiogroup').getByRole('radio');
    await expect.poll(() => choices.count()).toBe(1);
    expect(await f.page.getByRole('radio', { name: /acme-prod/ }).count()).toBe(0);
    await expect.poll(() => f.page.getByTestId('env-banner').getAttribute('class')).toContain('env-sandbox');
    await expect.poll(() => f.page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('单据数19');
    await f.page.getByTestId('start').click();
    expect(await f.page.getByTestId('confirm-dialog').count()).toBe(0);
    await expect.poll(() => f.page.getByTestId('job-state').textContent(), { timeout: 60_000 }).toBe('已完成');
    // The production ERP saw nothing: its seeded returns are as they were.
    expect(f.erp.state.returns.get('CR202406010001')?.status).not.toBe(returnStatus.cancelled);
    expect(f.erp.state.returns.get('CR202406020001')?.status).not.toBe(returnStatus.cancelled);

    // Main holds the line too: a renderer asking for the production profile with the sample is refused.
    const refused = await f.page.evaluate(async () => {
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
    const port = f.erp.port;
    await addProfile(f.page, 'dead-port', 'test', f.erp.url);
    const numbers = ['CR202406020001', 'CR202406020002', 'CR202406020003', 'CR202406020004'];
    const file = await writeBook(path.join(f.host.home, 'stopped.xlsx'), [{ name: '清单', rows: [['采购退货单号'], ...numbers.map((n) => [n])] }]);
    await openCancelList(f.page, f.host, file, numbers.length);
    await f.page.getByTestId('to-submit').click();
    await f.page.getByRole('radio', { name: /dead-port/ }).check();
    await expect.poll(() => f.page.getByTestId('submit-counts').textContent(), { timeout: 20_000 }).toContain('单据数4');
    await f.erp.close(); // the profile's address is now a dead port
    await f.page.getByTestId('start').click();
    await expect.poll(() => f.page.getByTestId('job-state').textContent(), { timeout: 30_000 }).toBe('等待网络');

    // Stop asks first; Cancel (focused) keeps the job going.
    await f.page.getByTestId('stop').click();
    const dialog = f.page.getByTestId('stop-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('4 行不会发送');
    await f.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // Not stopped: it still waits (or is trying again this very moment).
    expect(['等待网络', '执行中']).toContain(await f.page.getByTestId('job-state').textContent());
    await f.page.getByTestId('stop').click();
    const asked = Date.now();
    await f.page.getByTestId('stop-confirm').click();
    await expect.poll(() => f.page.getByTestId('job-state').textContent(), { timeout: 3_000 }).toBe('已中断');
    expect(Date.now() - asked).toBeLessThan(3_000);
    await f.page.getByTestId('interrupted').waitFor();
    expect(await f.page.getByTestId('interrupted').textContent()).toContain('您停止了此任务');
    expect(await f.page.getByTestId('resume').isVisible()).toBe(true);
    await shot(f.page, '20-run-stopped');

    // The jobs list: interrupted with four rows to send, never 已完成.
    await f.page.getByTestId('tab-jobs').click();
    const row = f.page.locator('tr', { hasText: 'stopped.xlsx' });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('已中断');
    expect(await row.textContent()).not.toContain('已完成');
    expect(await row.textContent()).toContain('待提交 4');

    // Its workbook: the unsent rows have no call or submit time, and they wait on the To fix sheet.
    await row.getByRole('button', { name: '导出结果' }).click();
    // The notice names the whole path the workbook was saved to (browser mode: on the host's computer).
    const saved = f.page.getByTestId('jobs-saved');
    await expect.poll(() => saved.textContent(), { timeout: 20_000 }).toMatch(/downloads.*stopped/);
    const name = path.basename(((await saved.textContent()) ?? '').split('：').at(-1)!.trim());
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(f.host.home, 'downloads', name));
    const results = book.worksheets[1]!;
    const headers = (results.getRow(1).values as unknown[]).map(String);
    for (let i = 2; i <= 5; i++) {
      const cells = results.getRow(i);
      expect(cells.getCell(headers.indexOf('状态')).text).toBe('待提交');
      expect(cells.getCell(headers.indexOf('调用')).value).toBeNull();
      expect(cells.getCell(headers.indexOf('提交时间')).value).toBeNull();
    }
    const toFix = book.worksheets[2]!;
    expect([2, 3, 4, 5].map((i) => toFix.getRow(i).getCell(1).text)).toEqual(numbers);

    // Resumable: with the ERP back, 继续 sends the four rows.
    f.erp = await startSandbox({ port, dataFile: f.erpData });
    // 继续 opens the job: it runs, and ends on its results.
    await row.getByTestId('job-resume').click();
    await expect.poll(() => f.page.getByTestId('result-counts').textContent(), { timeout: 60_000, interval: 500 }).toContain('成功4');
    expect(await f.page.getByTestId('job-state').textContent()).toBe('已完成');
    for (const no of numbers) expect(f.erp.state.returns.get(no)?.status).toBe(returnStatus.cancelled);
    expect(f.problems).toEqual([]);
  });
});
