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

/** The rows to resend, as main reads them: 4 cancel rows, the 4th still invalid. */
const draft = () => {
  const d = fakeImport(4, 4);
  d.summary = { ...d.summary, importId: 'imp_draftaaaaaaaaaaaaaaaaa', file: { ...d.summary.file, bytes: 0 } };
  return d;
};

async function openResults(fake: FakeWdt) {
  await renderApp(fake);
  fireEvent.click(screen.getByTestId('tab-jobs'));
  fireEvent.click(await screen.findByRole('button', { name: '查看 returns.xlsx' }, { timeout: 5000 }));
}

describe('resend only what failed (results screen)', () => {
  it('lists the rows to resend in the grid, edits one in place, and resends them as a follow-up linked both ways', async () => {
    const fake = new FakeWdt();
    fake.jobs = [fakeJob({ state: 'done', counts: { ...emptyCounts(), succeeded: 5, failed: 2, invalid: 1, unknown: 1, duplicate: 1 } })];
    fake.resendDraft = draft();
    await openResults(fake);
    const resend = await screen.findByTestId('resend', {}, { timeout: 5000 });
    expect(resend.textContent).toBe('重新提交失败的 4 行');
    expect(fake.callsOf('jobsResendDraft')).toEqual([{ jobId: 'job-1' }]);
    // The rows come from the draft, paged like the review grid's; row 5 is still invalid and said so.
    const editor = screen.getByTestId('resend-editor');
    await waitFor(() => expect(editor.querySelectorAll('.grid-row[data-row]')).toHaveLength(4));
    expect(editor.querySelector('.grid-row[data-row="5"]')?.className).toContain('row-invalid');
    expect(screen.getByTestId('resend-sendable').textContent).toBe('将发送 3 行（3 张单据）；仍有 1 行校验未通过，不会发送。');

    // Double-click edits the cell (the review grid's editor); Enter commits it through importEdit.
    const cell = editor.querySelector('.grid-row[data-row="3"] [data-col="0"]') as HTMLElement;
    fireEvent.doubleClick(cell);
    const input = (await screen.findByTestId('cell-editor')) as HTMLInputElement;
    expect(input.value).toBe('CR000000000002');
    fireEvent.change(input, { target: { value: 'CR000000000099' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(fake.callsOf('importEdit')).toEqual([{ importId: 'imp_draftaaaaaaaaaaaaaaaaa', rowNumber: 3, column: 0, value: 'CR000000000099' }]));
    expect((await screen.findByTestId('edited-count')).textContent).toContain('1');
    // Undo sets the stored text again through the same channel.
    await waitFor(() => expect((screen.getByTestId('undo') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(() => expect(fake.callsOf('importEdit').at(-1)).toMatchObject({ rowNumber: 3, column: 0, value: 'CR000000000002' }));

    // A withdrawn row is not resent: the count says so and main is told.
    fireEvent.click(screen.getByRole('checkbox', { name: '跳过第 4 行（不提交）' }));
    expect(screen.getByTestId('resend').textContent).toBe('重新提交失败的 3 行');
    fireEvent.click(screen.getByTestId('resend'));
    await waitFor(() => expect(fake.callsOf('jobsResend')).toEqual([{ jobId: 'job-1', importId: 'imp_draftaaaaaaaaaaaaaaaaa', withdrawnRows: [4] }]));
    expect(fake.jobs[0]).toMatchObject({ id: 'job-2', followsJob: 'job-1' });
    // The follow-up's view names its original; following the link opens the original, which names it back.
    fake.jobs[0]!.state = 'done';
    fake.jobs[0]!.counts = { ...emptyCounts(), succeeded: 4 };
    const follows = await screen.findByTestId('follows-job', {}, { timeout: 5000 });
    expect(follows.textContent).toContain('job-1');
    fireEvent.click(screen.getByRole('button', { name: 'job-1' }));
    expect((await screen.findByTestId('follow-ups', {}, { timeout: 5000 })).textContent).toContain('job-2');
  }, 30_000); // many steps: room for a loaded machine

  it('cannot resend while every row is still invalid, and says what to do', async () => {
    const fake = new FakeWdt();
    fake.jobs = [fakeJob({ state: 'done', counts: { ...emptyCounts(), succeeded: 1, invalid: 1 } })];
    const d = fakeImport(1, 1);
    d.summary = { ...d.summary, importId: 'imp_draftaaaaaaaaaaaaaaaaa' };
    fake.resendDraft = d;
    await openResults(fake);
    const resend = await screen.findByTestId('resend', {}, { timeout: 5000 });
    expect((resend as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('resend-sendable').textContent).toBe('没有可发送的行：请先改正标红的单元格。');
  });

  it('offers nothing to resend when every row succeeded, or while the job runs', async () => {
    const fake = new FakeWdt();
    fake.jobs = [fakeJob({ state: 'done', counts: { ...emptyCounts(), succeeded: 5 } })];
    await openResults(fake);
    await screen.findByTestId('result-counts', {}, { timeout: 5000 });
    expect(screen.queryByTestId('resend')).toBeNull();
    expect(fake.callsOf('jobsResendDraft')).toEqual([]);
  });
});
