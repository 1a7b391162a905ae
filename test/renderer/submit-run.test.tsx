// Submit (profile choice, production confirmation, is_check for creates) and run (live progress,
// calls as they happen, pause, waiting for the network, on to the results when done).
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyCounts } from '../../shared/states';
import { FakeWdt, fakeImport, fakeJob, productionProfile } from './fake-api';
import { atSubmit, renderApp } from './render';

describe('submit screen', () => {
  it('asks a production submit to be confirmed with the seller account, and Escape cancels it', async () => {
    const fake = new FakeWdt();
    fake.profiles.push(productionProfile);
    fake.addImport(fakeImport(30));
    await atSubmit(fake);
    fireEvent.click(screen.getByRole('radio', { name: /acme-prod/ }));
    await waitFor(() => expect(screen.getByTestId('env-banner').className).toContain('env-production'));
    await waitFor(() => expect(fake.callsOf('jobsPreview').at(-1)).toMatchObject({ profile: 'acme-prod' }));
    fireEvent.click(screen.getByTestId('start'));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(screen.getByTestId('confirm-text').textContent).toContain('卖家账号 acme');
    expect(screen.getByTestId('confirm-text').textContent).toContain('batchCancelOrder');
    expect(document.activeElement).toBe(screen.getByTestId('confirm-tick'));
    // Enter without the tick does nothing; Escape closes without sending.
    fireEvent.submit(dialog);
    expect(fake.callsOf('jobsStart')).toEqual([]);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(fake.callsOf('jobsStart')).toEqual([]);
    // Ticked and submitted (Enter), the start carries confirmed: true.
    fireEvent.click(screen.getByTestId('start'));
    fireEvent.click(await screen.findByTestId('confirm-tick'));
    fireEvent.submit(screen.getByTestId('confirm-dialog'));
    await waitFor(() => expect(fake.callsOf('jobsStart')).toEqual([{ importId: fakeImport(1).summary.importId, profile: 'acme-prod', isCheck: false, withdrawnRows: [], includeDone: false, confirmed: true }]));
    // The run screen's banner names the job's ERP.
    await screen.findByTestId('job-state');
    await waitFor(() => expect(screen.getByTestId('env-banner').textContent).toContain('本任务配置：acme-prod'));
    expect(screen.getByTestId('env-banner').className).toContain('env-production');
  });

  it("shows a job's own ERP in the banner, not the profile the next submit would use", async () => {
    const fake = new FakeWdt();
    fake.profiles.push(productionProfile);
    fake.jobs.push(fakeJob({ id: 'job-prod', profileName: 'acme-prod', environment: 'production', sid: 'acme', state: 'done' }));
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('tab-jobs'));
    fireEvent.click(await screen.findByRole('button', { name: /^查看 / }));
    await waitFor(() => expect(screen.getByTestId('env-banner').textContent).toContain('本任务配置：acme-prod'));
    expect(screen.getByTestId('env-banner').className).toContain('env-production');
    expect(screen.getByTestId('env-banner').textContent).toContain('卖家账号 acme');
    // Away from the job, the banner is back on the profile a new submit goes to.
    fireEvent.click(screen.getByTestId('tab-jobs'));
    await waitFor(() => expect(screen.getByTestId('env-banner').textContent).toContain('提交目标：sandbox（默认配置）'));
    expect(screen.getByTestId('env-banner').className).toContain('env-sandbox');
  });

  it('starts a sandbox submit without a confirmation', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(3));
    await atSubmit(fake);
    fireEvent.click(screen.getByTestId('start'));
    await waitFor(() => expect(fake.callsOf('jobsStart')).toHaveLength(1));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
  });

  it('makes is_check an explicit choice for creates', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(3, 0, 'return-create'));
    await atSubmit(fake);
    const start = screen.getByTestId('start') as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    expect(screen.getByText('请先选择是否直接审核')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '直接审核' }));
    expect(start.disabled).toBe(false);
    fireEvent.click(start);
    await waitFor(() => expect(fake.callsOf('jobsStart')[0]).toMatchObject({ isCheck: true }));
  });

  it('shows why a start failed', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(3));
    fake.fail('jobsStart', 'INTERNAL', 'not available yet');
    await atSubmit(fake);
    fireEvent.click(screen.getByTestId('start'));
    expect((await screen.findByTestId('error-box')).textContent).toContain('未能开始提交');
  });
});

describe('run screen', () => {
  it('follows progress pushes: the bar, counts, calls as they happen, waiting, pause, then results', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(10));
    await atSubmit(fake);
    fireEvent.click(screen.getByTestId('start'));
    const bar = (await screen.findByTestId('progress')) as HTMLProgressElement;
    expect(bar.value).toBe(0);
    expect(screen.getByText('还没有调用')).toBeTruthy();
    const call = { call: 1, attempt: 1, method: 'purchase.PurchaseReturn.batchCancelOrder', orders: 4, outcome: 'answered', httpStatus: 200, erpStatus: 0, erpMessage: null, durationMs: 35, at: new Date().toISOString() };
    const counts = { ...emptyCounts(), succeeded: 3, failed: 1, pending: 6 };
    act(() => fake.emit('onDidProgress', { jobId: 'job-1', state: 'running', counts, attempts: 1, callsPlanned: 3, callsDone: 1, rows: 10, startedAt: new Date(Date.now() - 60_000).toISOString(), waitingReason: null, lastAttempt: call }));
    await waitFor(() => expect(bar.value).toBe(4));
    expect(screen.getByText('已处理 4 / 10 行')).toBeTruthy();
    expect(screen.getByTestId('run-counts').textContent).toContain('1/3（尝试 1 次）');
    expect(screen.getByTestId('attempt-list').textContent).toContain('已应答');
    // A second try of the same call is its own line, naming the call and the try.
    act(() => fake.emit('onDidProgress', { jobId: 'job-1', state: 'running', counts, attempts: 2, callsPlanned: 3, callsDone: 1, rows: 10, startedAt: null, waitingReason: null, lastAttempt: { ...call, call: 2, attempt: 2, outcome: 'rate-limited' } }));
    await waitFor(() => expect(screen.getByTestId('attempt-list').textContent).toContain('2（第 2 次）'));
    expect(screen.getByTestId('attempt-list').querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.getByTestId('run-counts').textContent).toContain('1/3（尝试 2 次）');
    // Another job's push changes nothing here.
    act(() => fake.emit('onDidProgress', { jobId: 'other', state: 'running', counts: { ...counts, pending: 0, succeeded: 9 }, attempts: 9, callsPlanned: 3, callsDone: 3, rows: 10, startedAt: null, waitingReason: null, lastAttempt: null }));
    expect(bar.value).toBe(4);
    act(() => fake.emit('onDidProgress', { jobId: 'job-1', state: 'waiting', counts, attempts: 2, callsPlanned: 3, callsDone: 1, rows: 10, startedAt: null, waitingReason: '网络不可用，等待恢复', lastAttempt: null }));
    expect((await screen.findByTestId('waiting')).textContent).toContain('网络不可用，等待恢复');
    act(() => fake.emit('onDidProgress', { jobId: 'job-1', state: 'running', counts, attempts: 2, callsPlanned: 3, callsDone: 1, rows: 10, startedAt: null, waitingReason: null, lastAttempt: null }));
    fireEvent.click(await screen.findByTestId('pause'));
    await waitFor(() => expect(fake.callsOf('jobsPause')).toEqual([{ jobId: 'job-1' }]));
    act(() => fake.emit('onDidProgress', { jobId: 'job-1', state: 'done', counts: { ...counts, pending: 0, succeeded: 9 }, attempts: 3, callsPlanned: 3, callsDone: 3, rows: 10, startedAt: null, waitingReason: null, lastAttempt: null }));
    await screen.findByTestId('result-counts');
  });

  it('says why a job was interrupted (the store full) and offers resume', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(10));
    await atSubmit(fake);
    fireEvent.click(screen.getByTestId('start'));
    await screen.findByTestId('progress');
    const counts = { ...emptyCounts(), succeeded: 4, pending: 6 };
    const reason = '磁盘已满：数据文件夹 /home/clerk/.config/wdt-bulk 中的任务库无法写入（SQLITE_FULL）。';
    act(() => fake.emit('onDidProgress', { jobId: 'job-1', state: 'interrupted', counts, attempts: 1, callsPlanned: 3, callsDone: 1, rows: 10, startedAt: null, waitingReason: reason, lastAttempt: null }));
    const notice = await screen.findByTestId('interrupted');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain(reason);
    expect(screen.queryByTestId('waiting')).toBeNull();
    fireEvent.click(screen.getByTestId('resume'));
    await waitFor(() => expect(fake.callsOf('jobsResume')).toEqual([{ jobId: 'job-1' }]));
  });
});
