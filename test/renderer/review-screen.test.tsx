// The review screen: a 100,000-row import pages through importRows without rendering every row,
// problems-only filter, withdrawing a row, the empty and error states, and nothing sent before submit.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeWdt, fakeImport } from './fake-api';
import { renderApp } from './render';

async function reviewOf(rows: number, problemEvery = 0) {
  const fake = new FakeWdt();
  fake.addImport(fakeImport(rows, problemEvery));
  await renderApp(fake);
  fireEvent.click(screen.getByTestId('sample'));
  await screen.findByTestId('review-counts');
  return fake;
}

const renderedRows = () => [...document.querySelectorAll('.grid-sizer .grid-row[data-row]')].map((r) => Number(r.getAttribute('data-row')));

describe('review screen', () => {
  it('pages a 100,000-row import: counts in full, only the rows in view rendered and fetched', async () => {
    const fake = await reviewOf(100_000, 1000);
    const counts = screen.getByTestId('review-counts').textContent ?? '';
    expect(counts).toContain((100_000).toLocaleString());
    expect(counts).toContain((99_900).toLocaleString());
    await waitFor(() => expect(renderedRows().length).toBeGreaterThan(5));
    expect(renderedRows().length).toBeLessThan(60);
    const pages = fake.callsOf('importRows') as { offset: number; limit: number }[];
    expect(pages.every((p) => p.limit <= 500)).toBe(true);
    expect(pages.length).toBeLessThanOrEqual(2);
    // Scrolling far down fetches the page there, and only that.
    const scroller = document.querySelector('.grid-scroll') as HTMLElement;
    act(() => scroller.scrollTo({ top: 32 * 70_000 }));
    await waitFor(() => expect(renderedRows()).toContain(70_002));
    expect((fake.callsOf('importRows') as { offset: number }[]).some((p) => p.offset === 70_000 - (70_000 % 200))).toBe(true);
    expect(fake.callsOf('importRows').length).toBeLessThan(8);
  });

  it('shows only the rows with problems when asked, and lists every problem at the side', async () => {
    const fake = await reviewOf(50, 10);
    expect(screen.getByTestId('problem-list').textContent).toContain('问题（5）');
    await waitFor(() => expect(document.querySelectorAll('.problem').length).toBe(5));
    fireEvent.click(screen.getByTestId('filter-invalid'));
    await waitFor(() => expect(renderedRows()).toEqual([11, 21, 31, 41, 51]));
    expect(fake.callsOf('importRows').at(-1)).toMatchObject({ filter: 'invalid' });
    const cell = document.querySelector('.grid-row[data-row="11"] .cell-problem');
    expect(cell?.getAttribute('title')).toContain('文本');
    expect(cell?.getAttribute('aria-invalid')).toBe('true');
  });

  it('withdraws a row: counted, carried to the preview, and nothing is sent before submit', async () => {
    const fake = await reviewOf(20);
    await waitFor(() => expect(renderedRows().length).toBeGreaterThan(3));
    fireEvent.click(screen.getByRole('checkbox', { name: '跳过第 3 行（不提交）' }));
    await waitFor(() => expect(screen.getByTestId('review-counts').textContent).toContain('已跳过1'));
    expect(document.querySelector('.grid-row[data-row="3"]')?.className).toContain('row-withdrawn');
    expect(fake.callsOf('jobsStart')).toEqual([]);
    // The counts come from the same preview the submit screen shows (nothing is sent by it).
    await waitFor(() => expect(fake.callsOf('jobsPreview').at(-1)).toMatchObject({ withdrawnRows: [3] }));
    fireEvent.click(screen.getByTestId('to-submit'));
    await screen.findByTestId('submit-counts');
    expect(fake.callsOf('jobsPreview').at(-1)).toMatchObject({ withdrawnRows: [3], profile: 'sandbox' });
    expect(screen.getByTestId('submit-counts').textContent).toContain('已跳过1');
    expect(fake.callsOf('jobsStart')).toEqual([]);
  });

  it('says there is nothing to show for an empty filter, and cannot go on without valid rows', async () => {
    await reviewOf(0);
    await screen.findByText('没有符合条件的行');
    expect((screen.getByTestId('to-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('没有可提交的行：请修改表格后重新导入')).toBeTruthy();
  });

  it('shows an error when the rows cannot be fetched', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(10));
    fake.fail('importRows', 'INVALID_ARGUMENT', '导入已关闭，请重新读取表格');
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('sample'));
    const box = await screen.findByTestId('error-box');
    expect(box.textContent).toContain('导入已关闭');
  });

  it('reads again as another operation when the clerk changes it', async () => {
    const fake = await reviewOf(5);
    fireEvent.change(screen.getByTestId('operation-select'), { target: { value: 'return-pending' } });
    await waitFor(() => expect(fake.callsOf('importRead').at(-1)).toMatchObject({ operation: 'return-pending', sheet: 'Sheet1' }));
    await waitFor(() => expect(fake.callsOf('importDiscard').length).toBe(1));
  });
});
