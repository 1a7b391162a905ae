// Every job, every row (issue 16 item 5) on the jobs screen: the list narrowed by the store's filters and
// paged; one job's 100,000 rows in a window (only the rows in view in the DOM, pages fetched as they scroll
// in), narrowed by state and by a key or row number; the review's problem list saved as a workbook. Timeouts
// are generous: jsdom renders a hundred table rows slowly on a busy machine.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobRowView } from '../../shared/contract';
import { emptyCounts } from '../../shared/states';
import { FakeWdt, fakeImport, fakeJob } from './fake-api';
import { renderApp } from './render';

const key = (i: number) => `PR${String(i).padStart(7, '0')}`;
const state = (i: number): JobRowView['state'] => (i % 10 === 3 ? 'failed' : 'succeeded');

function bigJob(fake: FakeWdt, rows: number) {
  const counts = { ...emptyCounts(), failed: Math.floor((rows + 6) / 10), succeeded: 0 };
  counts.succeeded = rows - counts.failed;
  fake.jobs = [fakeJob({ id: 'job-big', state: 'done', sourceName: 'big.xlsx', counts }), fakeJob({ id: 'job-small', sourceName: 'small.xlsx', profileName: 'acme' })];
  fake.jobRows = Array.from({ length: rows }, (_, i) => ({
    rowNumber: i + 2, key: key(i), cells: [key(i)], state: state(i), message: state(i) === 'failed' ? `单据不存在 ${key(i)}` : '', hint: null, erpNo: null, call: Math.floor(i / 50) + 1, submittedAt: null,
  }));
}

const renderedRows = () => [...document.querySelectorAll('[data-testid="job-rows"] .grid-sizer .grid-row[data-row]')].map((r) => Number(r.getAttribute('data-row')));
const rowCalls = (fake: FakeWdt) => fake.callsOf('jobsRows') as { offset: number; limit: number; states?: string[]; search?: string }[];

async function openRows(fake: FakeWdt) {
  await renderApp(fake);
  fireEvent.click(screen.getByTestId('tab-jobs'));
  const table = await screen.findByTestId('jobs-table');
  fireEvent.click(within(table).getByRole('button', { name: '查看全部行：big.xlsx' }));
  await screen.findByTestId('job-rows');
}

describe('one job, every row', () => {
  it('windows a 100,000-row job: only the rows in view are rendered and fetched; the end is reachable', { timeout: 30_000 }, async () => {
    const fake = new FakeWdt();
    bigJob(fake, 100_000);
    await openRows(fake);
    await waitFor(() => expect(renderedRows().length).toBeGreaterThan(5));
    expect(renderedRows().length).toBeLessThan(60);
    expect(screen.getByTestId('job-rows-count').textContent).toBe(`显示 ${(100_000).toLocaleString()} 行`);
    expect(rowCalls(fake).every((c) => c.limit <= 500)).toBe(true);
    const first = document.querySelector('[data-row="2"]') as HTMLElement;
    expect([...first.querySelectorAll('[role="cell"]')].map((c) => c.textContent)).toEqual(['2', key(0), '成功', '', '1']);
    const scroller = screen.getByTestId('job-rows-scroll');
    act(() => scroller.scrollTo({ top: 32 * 100_000 }));
    await waitFor(() => expect(renderedRows()).toContain(100_001));
    expect(renderedRows().length).toBeLessThan(60);
    expect(rowCalls(fake).length).toBeLessThan(6);
    const last = document.querySelector('[data-row="100001"]') as HTMLElement;
    expect(last.textContent).toContain(key(99_999));
  });

  it('narrows by state (the states the job has, with counts) and by a key, and goes back to the list', { timeout: 20_000 }, async () => {
    const fake = new FakeWdt();
    bigJob(fake, 1000);
    await openRows(fake);
    const select = screen.getByTestId('job-rows-state') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['全部（1,000）', '成功（900）', '失败（100）']);
    fireEvent.change(select, { target: { value: 'failed' } });
    await waitFor(() => expect(screen.getByTestId('job-rows-count').textContent).toBe('显示 100 行'));
    expect(rowCalls(fake).at(-1)).toMatchObject({ states: ['failed'] });
    await waitFor(() => expect(renderedRows()[0]).toBe(5));
    expect((document.querySelector('[data-row="5"]') as HTMLElement).textContent).toContain(`单据不存在 ${key(3)}`);
    fireEvent.change(screen.getByTestId('job-rows-search'), { target: { value: ' pr0000013 ' } });
    await waitFor(() => expect(rowCalls(fake).at(-1)).toMatchObject({ states: ['failed'], search: 'pr0000013' }));
    await waitFor(() => expect(renderedRows()).toEqual([15]));
    fireEvent.change(select, { target: { value: 'all' } });
    await waitFor(() => expect(rowCalls(fake).at(-1)).toEqual({ jobId: 'job-big', offset: 0, limit: 200, search: 'pr0000013' }));
    fireEvent.click(screen.getByTestId('job-rows-back'));
    await screen.findByTestId('jobs-table');
  });
});

/** job-big running, none of its `rows` rows answered yet. */
function runningJob(fake: FakeWdt, rows: number) {
  fake.jobs = [fakeJob({ id: 'job-big', state: 'running', sourceName: 'big.xlsx', counts: { ...emptyCounts(), pending: rows } })];
  fake.jobRows = Array.from({ length: rows }, (_, i) => ({
    rowNumber: i + 2, key: key(i), cells: [key(i)], state: 'pending', message: '', hint: null, erpNo: null, call: null, submittedAt: null,
  }));
}

describe('a running job’s rows follow it', () => {
  it('a progress push refreshes the counts and the rows in view, keeping the scroll position and focus', { timeout: 20_000 }, async () => {
    const fake = new FakeWdt();
    const rows = 1000;
    runningJob(fake, rows);
    await openRows(fake);
    const select = screen.getByTestId('job-rows-state') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['全部（1,000）', '待提交（1,000）']);
    const scroller = screen.getByTestId('job-rows-scroll');
    act(() => scroller.scrollTo({ top: 32 * 600 }));
    await waitFor(() => expect(renderedRows()).toContain(602));
    scroller.focus();
    const top = scroller.scrollTop;
    const stateOf = (row: number) => document.querySelector(`[data-row="${row}"] [role="cell"]:nth-child(3)`)?.textContent;
    expect(stateOf(602)).toBe('待提交');

    // The ERP answers for row 602's order: the store says failed, and main pushes the job's progress.
    fake.jobRows[600] = { ...fake.jobRows[600]!, state: 'failed', message: '单据不存在', call: 12, submittedAt: new Date().toISOString() };
    const counts = { ...emptyCounts(), pending: rows - 1, failed: 1 };
    const asked = rowCalls(fake).length;
    act(() => fake.emit('onDidProgress', { jobId: 'job-big', state: 'running', counts, attempts: 12, callsPlanned: 20, callsDone: 12, rows, startedAt: null, waitingReason: null, lastAttempt: null }));
    await waitFor(() => expect(stateOf(602)).toBe('失败'));
    expect((document.querySelector('[data-row="602"]') as HTMLElement).textContent).toContain('单据不存在');
    expect([...select.options].map((o) => o.textContent)).toEqual(['全部（1,000）', '失败（1）', '待提交（999）']);
    // Only the pages in view were asked again, and the view did not move.
    const offsets = rowCalls(fake).slice(asked).map((c) => c.offset);
    expect(offsets).toContain(600);
    expect(offsets).not.toContain(0);
    expect(scroller.scrollTop).toBe(top);
    expect(document.activeElement).toBe(scroller);

    // Another job's push changes nothing here; the job's end (a job change) is asked for and shown.
    const before = rowCalls(fake).length;
    act(() => fake.emit('onDidProgress', { jobId: 'job-other', state: 'running', counts: emptyCounts(), attempts: 0, callsPlanned: 1, callsDone: 0, rows: 1, startedAt: null, waitingReason: null, lastAttempt: null }));
    expect(rowCalls(fake).length).toBe(before);
    fake.jobs = [fakeJob({ id: 'job-big', state: 'done', sourceName: 'big.xlsx', counts: { ...emptyCounts(), succeeded: rows - 1, failed: 1 } })];
    act(() => fake.emit('onDidChangeJobs', { jobId: 'job-big' }));
    await waitFor(() => expect([...select.options].map((o) => o.textContent)).toEqual(['全部（1,000）', '成功（999）', '失败（1）']));
  });

  it('a job that ends between the list and the rows screen shows its end, though no push comes after', { timeout: 20_000 }, async () => {
    const fake = new FakeWdt();
    const rows = 30;
    runningJob(fake, rows);
    // The job ends the moment the rows screen first asks for its rows (its end was pushed before anyone listened).
    fake.whenCalled('jobsRows', () => {
      fake.jobs = [fakeJob({ id: 'job-big', state: 'done', sourceName: 'big.xlsx', counts: { ...emptyCounts(), succeeded: rows } })];
      fake.jobRows = fake.jobRows.map((r) => ({ ...r, state: 'succeeded', call: 1 }));
    });
    await openRows(fake);
    const select = screen.getByTestId('job-rows-state') as HTMLSelectElement;
    await waitFor(() => expect([...select.options].map((o) => o.textContent)).toEqual([`全部（${rows}）`, `成功（${rows}）`]));
    await waitFor(() => expect(document.querySelector('[data-row="2"] [role="cell"]:nth-child(3)')?.textContent).toBe('成功'));
  });
});

describe('the jobs list', () => {
  it('asks the store with each filter and says when nothing matches', { timeout: 20_000 }, async () => {
    const fake = new FakeWdt();
    bigJob(fake, 10);
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('tab-jobs'));
    const table = await screen.findByTestId('jobs-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const profile = screen.getByTestId('job-filter-profile') as HTMLSelectElement;
    expect([...profile.options].map((o) => o.value)).toEqual(['', 'acme', 'sandbox']);
    fireEvent.change(profile, { target: { value: 'acme' } });
    await waitFor(() => expect(within(screen.getByTestId('jobs-table')).getAllByRole('row')).toHaveLength(2));
    expect(fake.callsOf('jobsQuery').at(-1)).toEqual({ offset: 0, limit: 100, filter: { profile: 'acme' } });
    fireEvent.change(screen.getByTestId('job-filter-state'), { target: { value: 'done' } });
    await screen.findByText('没有符合筛选条件的任务。');
    expect(fake.callsOf('jobsQuery').at(-1)).toEqual({ offset: 0, limit: 100, filter: { profile: 'acme', state: 'done' } });
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    fireEvent.change(screen.getByTestId('job-filter-text'), { target: { value: 'BIG' } });
    fireEvent.change(screen.getByTestId('job-filter-from'), { target: { value: '2027-01-01' } });
    await waitFor(() => expect(fake.callsOf('jobsQuery').at(-1)).toEqual({ offset: 0, limit: 100, filter: { text: 'BIG', from: '2027-01-01' } }));
    await waitFor(() => expect(within(screen.getByTestId('jobs-table')).getAllByRole('row')).toHaveLength(2));
    expect(screen.getByTestId('jobs-table').textContent).toContain('big.xlsx');
  });

  it('pages a long list a hundred at a time', { timeout: 20_000 }, async () => {
    const fake = new FakeWdt();
    fake.jobs = Array.from({ length: 150 }, (_, i) => fakeJob({ id: `job-${i}`, sourceName: `f${i}.xlsx` }));
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('tab-jobs'));
    await screen.findByTestId('jobs-table');
    expect(within(screen.getByTestId('jobs-table')).getAllByRole('row')).toHaveLength(101);
    expect((screen.getByTestId('jobs-prev') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('jobs-next'));
    await waitFor(() => expect(within(screen.getByTestId('jobs-table')).getAllByRole('row')).toHaveLength(51));
    expect(screen.getByText('第 101–150 个，共 150 个')).toBeTruthy();
    expect(fake.callsOf('jobsQuery').at(-1)).toEqual({ offset: 100, limit: 100, filter: {} });
    expect((screen.getByTestId('jobs-next') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the review problem list', () => {
  it('saves the problem list through main and says where', { timeout: 20_000 }, async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(50, 10));
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('sample'));
    await screen.findByTestId('review-counts');
    fireEvent.click(screen.getByTestId('export-problems'));
    expect((await screen.findByTestId('problems-saved')).textContent).toBe('问题清单已保存：returns.问题清单.xlsx');
    expect(fake.callsOf('jobsSaveProblems')).toEqual([{ importId: fake.imports.keys().next().value }]);
  });
});
