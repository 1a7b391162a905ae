// A big sheet's first rows on screen while the rest is read (issue 18 item 3): main's read is held open,
// progress events arrive, and the grid, a progress bar and the problems so far show before it ends;
// 下一步 stays off until the read is done, then the review takes over.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReadProgressView } from '../../shared/contract';
import type { CellProblem } from '../../shared/operations/types';
import { FakeWdt, fakeImport } from './fake-api';
import { renderApp } from './render';

const token = 'tok_big_aaaaaaaaaaaaaaaaaaa';
const tooLong = (row: number): CellProblem => ({ row, column: '采购退货单号', field: 'returnNos', text: { key: 'ui.sample.tooLong' } });
const firstRows: NonNullable<ReadProgressView['first']> = {
  sheet: 'Sheet1',
  headerRow: 1,
  operation: 'return-cancel',
  columns: [{ index: 0, header: '采购退货单号', field: 'returnNos' }],
  rows: [
    { rowNumber: 2, cells: ['CR000000000001'], problems: [] },
    { rowNumber: 3, cells: ['CR0000000000000000000000002'], problems: [tooLong(3)] },
    { rowNumber: 4, cells: ['CR000000000003'], problems: [] },
  ],
};

async function startBigRead() {
  const fake = new FakeWdt();
  fake.addImport(fakeImport(3));
  fake.hold('importRead');
  fake.pending.push({ token, name: 'big.xlsx', bytes: 10 });
  await renderApp(fake);
  fireEvent.click(screen.getByRole('button', { name: '打开文件' }));
  await screen.findByText('正在读取“big.xlsx”…');
  return fake;
}

describe('a sheet shown while it is read', () => {
  it('shows the first rows, a progress bar and the problems so far before the read ends, and no way on', async () => {
    const fake = await startBigRead();
    fake.emit('onDidReadProgress', { token, rows: 100, total: 100_000, problems: 1, newProblems: [tooLong(3)], first: firstRows });
    const preview = await screen.findByTestId('reading-preview', {}, { timeout: 4000 });
    const grid = within(preview).getByTestId('row-grid');
    expect(grid.querySelectorAll('[data-row]')).toHaveLength(3);
    expect(grid.querySelector('[data-row="3"]')?.textContent).toContain('1 个问题');
    expect(grid.querySelector('[data-row="2"]')?.textContent).toContain('检查中');
    const bar = within(preview).getByRole('progressbar', { name: '读取进度' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([100, 100_000]);
    expect(within(preview).getByRole('status').textContent).toBe('已检查 100 行，共约 100,000 行');
    expect(within(preview).getByTestId('reading-problems').textContent).toContain('目前发现的问题：1 个');
    expect((screen.getByTestId('to-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('review-counts')).toBeNull();

    // The rest streams in: the bar moves and the problem list fills; another read's events change nothing.
    fake.emit('onDidReadProgress', { token: 'tok_other_aaaaaaaaaaaaaaaa', rows: 5, total: 5, problems: 0, newProblems: [] });
    fake.emit('onDidReadProgress', { token, rows: 60_000, total: 100_000, problems: 2, newProblems: [tooLong(40_000)] });
    await waitFor(() => expect(bar.value).toBe(60_000));
    expect(within(preview).getByRole('status').textContent).toBe('已检查 60,000 行，共约 100,000 行');
    const problems = within(preview).getByTestId('reading-problems');
    expect(problems.textContent).toContain('目前发现的问题：2 个');
    expect(problems.textContent).toContain('第 40000 行');

    fake.release('importRead');
    await screen.findByTestId('review-counts');
    expect(screen.queryByTestId('reading-preview')).toBeNull();
    await waitFor(() => expect((screen.getByTestId('to-submit') as HTMLButtonElement).disabled).toBe(false));
  });

  it('shows the first rows even when main reports them the moment the read is asked for', async () => {
    // The read is asked for in the effect that receives the ticket, before the "reading" render commits:
    // a listener set up only by that render missed this event, and the preview never came.
    const fake = new FakeWdt();
    fake.addImport(fakeImport(3));
    fake.hold('importRead');
    fake.whenCalled('importRead', () =>
      fake.emit('onDidReadProgress', { token, rows: 3, total: 100_000, problems: 1, newProblems: [tooLong(3)], first: firstRows }),
    );
    // A file opened with the app: taken at launch, and read at once.
    fake.pending.push({ token, name: 'big.xlsx', bytes: 10 });
    await renderApp(fake);
    const preview = await screen.findByTestId('reading-preview');
    expect(within(preview).getByTestId('row-grid').querySelectorAll('[data-row]')).toHaveLength(3);
    fake.release('importRead');
    await screen.findByTestId('review-counts');
    expect(screen.queryByTestId('reading-preview')).toBeNull();
  });

  it('replaces a provisional preview when main tells the first rows again (a merge changed them)', async () => {
    // Main tells an .xlsx sheet's first rows before its merged ranges are known, then again, corrected,
    // when a merge covers one of them (main/sheets/read/first-rows.ts): here row 3's number came from a merge.
    const fake = await startBigRead();
    const provisional = { ...firstRows, rows: firstRows.rows.map((r) => (r.rowNumber === 3 ? { rowNumber: 3, cells: [''], problems: [] } : r)) };
    fake.emit('onDidReadProgress', { token, rows: 100, total: 50_000, problems: 0, newProblems: [], first: provisional });
    const preview = await screen.findByTestId('reading-preview', {}, { timeout: 4000 });
    const grid = within(preview).getByTestId('row-grid');
    await waitFor(() => expect(grid.querySelector('[data-row="3"]')?.textContent).not.toContain('CR0000000000000000000000002'));
    fake.emit('onDidReadProgress', { token, rows: 100, total: 100_000, problems: 1, newProblems: [tooLong(3)], first: firstRows });
    await waitFor(() => expect(within(screen.getByTestId('reading-preview')).getByTestId('row-grid').querySelector('[data-row="3"]')?.textContent).toContain('CR0000000000000000000000002'));
    expect(within(screen.getByTestId('reading-preview')).getByTestId('row-grid').querySelector('[data-row="3"]')?.textContent).toContain('1 个问题');
    fake.release('importRead');
    await screen.findByTestId('review-counts');
  });

  it('says rows so far when the file does not say its size', async () => {
    const fake = await startBigRead();
    fake.emit('onDidReadProgress', { token, rows: 3, total: null, problems: 0, newProblems: [], first: firstRows });
    const preview = await screen.findByTestId('reading-preview', {}, { timeout: 4000 });
    expect(within(preview).getByRole('status').textContent).toBe('已检查 3 行');
    fake.release('importRead');
    await screen.findByTestId('review-counts');
  });
});
