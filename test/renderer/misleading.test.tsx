// Issue 14 items 1–3 on the screens (jsdom, typed fake window.wdt): the columns not sent listed on review
// and submit, the sample offering only the sandbox, and 停止 asking before it stops.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyCounts } from '../../shared/states';
import { FakeWdt, fakeImport, productionProfile, sandboxProfile } from './fake-api';
import { App } from '../../renderer/src/app';
import { atSubmit, renderApp } from './render';

describe('what was sent is never misread (issue 14)', () => {
  it('lists the columns that will not be sent on review and on submit (item 1)', async () => {
    const fake = new FakeWdt();
    const read = fakeImport(3);
    read.summary.ignoredColumns = ['单价(含税)', '内部备注'];
    fake.addImport(read);
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('sample'));
    expect((await screen.findByTestId('ignored-columns')).textContent).toBe(
      '这些列不会被发送：单价(含税)、内部备注。它们原样保留在结果工作簿中；如需发送，请把表头改成模板中的列名后重新导入。',
    );
    fireEvent.click(screen.getByTestId('to-submit'));
    await screen.findByTestId('submit-counts');
    expect(screen.getByTestId('ignored-columns').textContent).toContain('单价(含税)、内部备注');
  });

  it('says nothing when every column is placed', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(3));
    await atSubmit(fake);
    expect(screen.queryByTestId('ignored-columns')).toBeNull();
  });

  it('offers only the built-in sandbox for the sample, though a production profile is the default (item 3)', async () => {
    const fake = new FakeWdt();
    fake.profiles = [{ ...sandboxProfile, isDefault: false }, { ...productionProfile, isDefault: true }];
    const read = fakeImport(3);
    read.summary.sandboxOnly = true;
    fake.addImport(read);
    render(<App api={fake.api} />);
    await waitFor(() => expect(screen.getByTestId('env-banner').textContent).toContain('acme-prod'));
    fireEvent.click(screen.getByTestId('sample'));
    await screen.findByTestId('review-counts');
    fireEvent.click(screen.getByTestId('to-submit'));
    expect(await screen.findByTestId('sample-sandbox')).toBeTruthy();
    expect(screen.getAllByRole('radio', { name: /sandbox|acme-prod/ }).map((r) => (r as HTMLInputElement).value)).toEqual(['sandbox']);
    await waitFor(() => expect(screen.getByTestId('env-banner').className).toContain('env-sandbox'));
    await waitFor(() => expect(fake.callsOf('jobsPreview').at(-1)).toMatchObject({ profile: 'sandbox' }));
    expect(fake.callsOf('jobsPreview')).not.toContainEqual(expect.objectContaining({ profile: 'acme-prod' }));
  });

  it('asks before stopping; Cancel (focused) keeps the job, 停止任务 stops it (item 2)', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(10));
    await atSubmit(fake);
    fireEvent.click(screen.getByTestId('start'));
    await screen.findByTestId('progress');
    const counts = { ...emptyCounts(), succeeded: 3, pending: 7 };
    act(() => fake.emit('onDidProgress', { jobId: 'job-1', state: 'waiting', counts, attempts: 1, callsPlanned: 1, callsDone: 0, rows: 10, startedAt: null, waitingReason: '网络不可用', lastAttempt: null }));
    fireEvent.click(await screen.findByTestId('stop'));
    const dialog = await screen.findByTestId('stop-dialog');
    expect(dialog.textContent).toContain('尚未发送的 7 行不会发送');
    expect(document.activeElement?.textContent).toBe('取消');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId('stop-dialog')).toBeNull();
    expect(fake.callsOf('jobsStop')).toEqual([]);
    fireEvent.click(screen.getByTestId('stop'));
    fireEvent.click(await screen.findByTestId('stop-confirm'));
    await waitFor(() => expect(fake.callsOf('jobsStop')).toEqual([{ jobId: 'job-1' }]));
    act(() => fake.emit('onDidProgress', { jobId: 'job-1', state: 'interrupted', counts, attempts: 1, callsPlanned: 1, callsDone: 0, rows: 10, startedAt: null, waitingReason: '您停止了此任务：未发送的行仍待发送，点“继续”即可发送', lastAttempt: null }));
    expect((await screen.findByTestId('interrupted')).textContent).toContain('您停止了此任务');
    expect(screen.queryByTestId('stop')).toBeNull();
    expect(screen.getByTestId('resume')).toBeTruthy();
    expect(screen.queryByTestId('result-counts')).toBeNull();
  });
});
