// Results (counts per state, failures with the ERP's reasons, save/open, re-import), the jobs list
// (empty, error, resume, export), settings (write-only secret, test, delete) and the language switch.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyCounts } from '../../shared/states';
import { FakeWdt, fakeImport, fakeJob, productionProfile } from './fake-api';
import { renderApp } from './render';

describe('results screen', () => {
  it('shows counts per state and the failures with the ERP reason; saves, opens and re-imports', async () => {
    const fake = new FakeWdt();
    fake.jobs = [fakeJob({ state: 'done', counts: { ...emptyCounts(), succeeded: 5, failed: 2, duplicate: 1 } })];
    fake.jobRows = [
      { rowNumber: 4, cells: ['CR202406010005'], state: 'failed', message: '采购退货单状态不正确，不能取消', hint: null, erpNo: null, call: 1, submittedAt: null },
      { rowNumber: 5, cells: ['CR209912319999'], state: 'failed', message: '单据不存在', hint: null, erpNo: null, call: 1, submittedAt: null },
    ];
    fake.addImport(fakeImport(2));
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('tab-jobs'));
    fireEvent.click(await screen.findByRole('button', { name: '查看 returns.xlsx' }));
    const counts = await screen.findByTestId('result-counts');
    expect(counts.textContent).toContain('成功5');
    expect(counts.textContent).toContain('失败2');
    expect(counts.textContent).toContain('重复1');
    const failures = await screen.findByTestId('failure-list');
    await waitFor(() => expect(failures.textContent).toContain('采购退货单状态不正确，不能取消'));
    expect(fake.callsOf('jobsRows')).toContainEqual(expect.objectContaining({ states: ['failed', 'unknown', 'invalid'] }));
    const open = screen.getByTestId('open-results') as HTMLButtonElement;
    expect(open.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('save-results'));
    expect((await screen.findByTestId('saved-name')).textContent).toContain('/home/clerk/returns.结果.xlsx');
    expect(open.disabled).toBe(false);
    fireEvent.click(open);
    await waitFor(() => expect(fake.callsOf('jobsOpenResults')).toEqual([{ jobId: 'job-1', reveal: false }]));
    fireEvent.click(screen.getByTestId('saved-name-reveal'));
    await waitFor(() => expect(fake.callsOf('jobsOpenResults').at(-1)).toEqual({ jobId: 'job-1', reveal: true }));
    // The rows to fix are saved and opened in the spreadsheet program first; reading them again is the clerk's next step.
    fireEvent.click(screen.getByTestId('reimport'));
    expect((await screen.findByTestId('fix-opened')).textContent).toContain('/home/clerk/to-fix.xlsx');
    expect(fake.callsOf('importRead')).toEqual([]);
    fireEvent.click(screen.getByTestId('fix-import'));
    await screen.findByTestId('review-counts');
    expect(fake.callsOf('importRead').at(-1)).toEqual({ token: 'tok_fix_aaaaaaaaaaaaaaaaaa', sheet: '失败' });
  });
});

describe('jobs screen', () => {
  it('says there are no jobs yet', async () => {
    await renderApp();
    fireEvent.click(screen.getByTestId('tab-jobs'));
    expect(await screen.findByText(/还没有任务/)).toBeTruthy();
  });

  it('shows the error when the store cannot be read', async () => {
    const fake = new FakeWdt();
    fake.fail('jobsQuery', 'INTERNAL', 'not available yet');
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('tab-jobs'));
    expect((await screen.findByTestId('error-box')).textContent).toContain('not available yet');
  });

  it('resumes an interrupted job and exports one again; reloads when jobs change', async () => {
    const fake = new FakeWdt();
    fake.jobs = [fakeJob({ id: 'job-2', state: 'interrupted', sourceName: 'b.xlsx' }), fakeJob({ id: 'job-1', state: 'done' })];
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('tab-jobs'));
    const table = await screen.findByTestId('jobs-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('已中断')).toBeTruthy();
    fireEvent.click(within(table).getAllByRole('button', { name: /^导出结果/ })[1] as HTMLElement);
    await screen.findByText('浏览器模式：文件已保存在运行本程序的电脑上：/home/clerk/returns.结果.xlsx');
    expect(fake.callsOf('jobsSaveResults')).toEqual([{ jobId: 'job-1' }]);
    const before = { list: fake.callsOf('jobsList').length, query: fake.callsOf('jobsQuery').length };
    fake.emit('onDidChangeJobs', { jobId: 'job-2' });
    // The jobs table (a page the store filters) and the offline notice (which watches for waiting jobs) both reload.
    await waitFor(() => expect(fake.callsOf('jobsQuery').length).toBe(before.query + 1));
    await waitFor(() => expect(fake.callsOf('jobsList').length).toBe(before.list + 1));
    fireEvent.click(screen.getByTestId('job-resume'));
    await waitFor(() => expect(fake.callsOf('jobsResume')).toEqual([{ jobId: 'job-2' }]));
    await screen.findByTestId('progress');
  });
});

describe('settings screen', () => {
  it('adds a profile with a write-only secret, edits it without resending the secret, tests and deletes it', async () => {
    const { fake } = await renderApp();
    fireEvent.click(screen.getByTestId('tab-settings'));
    fireEvent.click(screen.getByTestId('add-profile'));
    const form = await screen.findByTestId('profile-form');
    const field = (name: string) => form.querySelector(`[name="${name}"]`) as HTMLInputElement;
    expect(document.activeElement).toBe(field('name'));
    expect(field('appSecret').type).toBe('password');
    fireEvent.change(field('name'), { target: { value: 'acme' } });
    fireEvent.change(field('baseUrl'), { target: { value: 'https://api.example.cn' } });
    fireEvent.change(field('sid'), { target: { value: 'acme' } });
    fireEvent.change(field('appkey'), { target: { value: 'key' } });
    fireEvent.change(field('appSecret'), { target: { value: 's3cret:salt' } });
    fireEvent.submit(form);
    await waitFor(() => expect(screen.queryByTestId('profile-form')).toBeNull());
    expect(fake.callsOf('profilesSave')[0]).toMatchObject({ name: 'acme', appSecret: 's3cret:salt', environment: 'test' });
    fireEvent.click(await screen.findByRole('button', { name: '修改：acme' }));
    const edit = await screen.findByTestId('profile-form');
    const secret = edit.querySelector('[name="appSecret"]') as HTMLInputElement;
    expect(secret.value).toBe('');
    expect(secret.placeholder).toBe('已保存；留空则保持不变');
    fireEvent.submit(edit);
    await waitFor(() => expect(fake.callsOf('profilesSave')).toHaveLength(2));
    expect(fake.callsOf('profilesSave')[1]).toMatchObject({ previousName: 'acme' });
    expect(fake.callsOf('profilesSave')[1]).not.toHaveProperty('appSecret');
    fireEvent.click(screen.getByRole('button', { name: '测试连接：acme' }));
    expect((await screen.findByTestId('connection-check')).textContent).toContain('连接正常');
    fireEvent.click(screen.getByRole('button', { name: '删除：acme' }));
    const dialog = await screen.findByRole('dialog');
    expect(document.activeElement?.textContent).toBe('取消');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(fake.callsOf('profilesRemove')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '删除：acme' }));
    fireEvent.submit(await screen.findByRole('dialog'));
    await waitFor(() => expect(fake.callsOf('profilesRemove')).toEqual([{ name: 'acme' }]));
  });

  it('starts a new profile with the documented limits: 100 other-in cancels per call (issue 14, item 11)', async () => {
    await renderApp();
    fireEvent.click(screen.getByTestId('tab-settings'));
    fireEvent.click(screen.getByTestId('add-profile'));
    const form = await screen.findByTestId('profile-form');
    const value = (name: string) => (form.querySelector(`[name="${name}"]`) as HTMLInputElement).value;
    // shared/operations/other-in-cancel.ts and docs: the page gives no limit, the profile's default is 100.
    expect(value('otherInCancelPerCall')).toBe('100');
    // The same numbers main's profile store gives a profile saved without limits.
    expect(value('callsPerMinute')).toBe('300');
    expect(value('concurrency')).toBe('4');
  });

  it('marks a production profile red in the list', async () => {
    const fake = new FakeWdt();
    fake.profiles.push(productionProfile);
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('tab-settings'));
    const cards = screen.getByTestId('profile-list').querySelectorAll('li');
    expect(cards[1]?.className).toContain('choice-production');
    expect(cards[1]?.textContent).toContain('正式');
  });
});

describe('language', () => {
  it('switches every screen to English and back', async () => {
    const { fake } = await renderApp();
    fireEvent.change(screen.getByTestId('lang-select'), { target: { value: 'en' } });
    await waitFor(() => expect(screen.getByTestId('env-banner').textContent).toContain('SANDBOX'));
    expect(fake.callsOf('appSetLang')).toEqual([{ lang: 'en' }]);
    expect(screen.getByRole('button', { name: 'Open file' })).toBeTruthy();
    expect(screen.getByTestId('tab-jobs').textContent).toBe('Jobs');
    expect(document.documentElement.lang).toBe('en');
    fireEvent.click(screen.getByTestId('tab-settings'));
    expect(screen.getByText('ERP profiles')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '中文' }));
    await waitFor(() => expect(screen.getByTestId('env-banner').textContent).toContain('沙箱'));
    expect(screen.getByText('ERP 配置')).toBeTruthy();
  });
});
