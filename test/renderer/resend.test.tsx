// Issue 16 on the screens: the submit screen says what an earlier job already did and lets the clerk
// include those rows; the results screen resends only failed, invalid and unknown rows as a linked
// follow-up and shows the link both ways (and the jobs list too).
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyCounts } from '../../shared/states';
import { FakeWdt, fakeImport, fakeJob } from './fake-api';
import { atSubmit, renderApp } from './render';

describe('never twice by accident (submit screen)', () => {
  it('shows the earlier jobs and sends includeDone only when the clerk ticks it', async () => {
    const fake = new FakeWdt();
    fake.earlier = {
      sameFile: [{ jobId: 'job-old', at: '2026-11-25T14:02:00.000+08:00', profileName: 'sandbox', rows: 0 }],
      done: [{ jobId: 'job-old', at: '2026-11-25T14:02:00.000+08:00', profileName: 'sandbox', rows: 27 }],
      doneRows: 27,
      alwaysSkip: false,
      lines: ['同一个文件已于 11-25 14:02 由任务 job-old（配置 sandbox）提交过', '其中 27 行已由任务 job-old（11-25 14:02，配置 sandbox）取消成功', '这些行默认跳过，不会再次发送。'],
    };
    fake.addImport(fakeImport(1));
    await atSubmit(fake);
    const notice = await screen.findByTestId('earlier-notice', {}, { timeout: 5000 });
    expect(notice.textContent).toContain('其中 27 行已由任务 job-old');
    await waitFor(() => expect(fake.callsOf('jobsPreview').at(-1)).toMatchObject({ includeDone: false }));
    fireEvent.click(screen.getByTestId('include-done'));
    await waitFor(() => expect(fake.callsOf('jobsPreview').at(-1)).toMatchObject({ includeDone: true }));
    await waitFor(() => expect((screen.getByTestId('start') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('start'));
    await waitFor(() => expect(fake.callsOf('jobsStart').at(-1)).toMatchObject({ includeDone: true }));
  });

  it('offers no checkbox for a create whose done rows are always skipped', async () => {
    const fake = new FakeWdt();
    fake.earlier = { sameFile: [], done: [{ jobId: 'job-old', at: '2026-11-25T14:02:00.000+08:00', profileName: 'sandbox', rows: 2 }], doneRows: 2, alwaysSkip: true, lines: ['其中 2 行…', '总是跳过'] };
    fake.addImport(fakeImport(1));
    await atSubmit(fake);
    await screen.findByTestId('earlier-notice', {}, { timeout: 5000 });
    expect(screen.queryByTestId('include-done')).toBeNull();
  });
});

describe('resend only what failed (results screen)', () => {
  it('resends the failed, invalid and unknown rows as a follow-up and links the two jobs', async () => {
    const fake = new FakeWdt();
    fake.jobs = [fakeJob({ state: 'done', counts: { ...emptyCounts(), succeeded: 5, failed: 2, invalid: 1, unknown: 1, duplicate: 1 } })];
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('tab-jobs'));
    fireEvent.click(await screen.findByRole('button', { name: '查看 returns.xlsx' }, { timeout: 5000 }));
    const resend = await screen.findByTestId('resend', {}, { timeout: 5000 });
    expect(resend.textContent).toBe('重新提交失败的 4 行');
    fireEvent.click(resend);
    await waitFor(() => expect(fake.callsOf('jobsResend')).toEqual([{ jobId: 'job-1' }]));
    expect(fake.jobs[0]).toMatchObject({ id: 'job-2', followsJob: 'job-1' });
    // The follow-up's view names its original; following the link opens the original, which names it back.
    fake.jobs[0]!.state = 'done';
    fake.jobs[0]!.counts = { ...emptyCounts(), succeeded: 4 };
    const follows = await screen.findByTestId('follows-job', {}, { timeout: 5000 });
    expect(follows.textContent).toContain('job-1');
    fireEvent.click(screen.getByRole('button', { name: 'job-1' }));
    expect((await screen.findByTestId('follow-ups', {}, { timeout: 5000 })).textContent).toContain('job-2');
  });

  it('offers nothing to resend when every row succeeded, or while the job runs', async () => {
    const fake = new FakeWdt();
    fake.jobs = [fakeJob({ state: 'done', counts: { ...emptyCounts(), succeeded: 5 } })];
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('tab-jobs'));
    fireEvent.click(await screen.findByRole('button', { name: '查看 returns.xlsx' }, { timeout: 5000 }));
    await screen.findByTestId('result-counts', {}, { timeout: 5000 });
    expect(screen.queryByTestId('resend')).toBeNull();
  });
});
