// Issue 12: a warning shows on its cell like a problem but the row stays valid (review screen); the results
// screen shows the hint for a known ERP message beside the ERP's own words, and nothing for an unknown one.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportRowView, JobRowView } from '../../shared/contract';
import { t } from '../../shared/i18n';
import { emptyCounts } from '../../shared/states';
import { FakeWdt, fakeImport, fakeJob } from './fake-api';
import { renderApp } from './render';

describe('review screen: warnings', () => {
  it('a warning cell is marked apart from problems, its row stays valid, and the side list says it is still sent', async () => {
    const fake = new FakeWdt();
    const base = fakeImport(3);
    const warned: ImportRowView = {
      rowNumber: 3, cells: ['CR000000000002'], disposition: { kind: 'valid', orderKey: 'CR000000000002' }, orderKey: 'CR000000000002',
      problems: [{ row: 3, column: '采购退货单号', field: 'returnNos', severity: 'warning', text: { key: 'operations.order.sameItemOtherBatch', params: { key: 'CG1', spec: 'SKU-A', row: 2 } } }],
    };
    fake.addImport({ summary: { ...base.summary, counts: { ...base.summary.counts, warnings: 1 } }, row: (i) => (i === 1 ? warned : base.row(i)) });
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('sample'));
    await screen.findByTestId('review-counts');
    await waitFor(() => expect(document.querySelector('.grid-row[data-row="3"]')).not.toBeNull());
    const row = document.querySelector('.grid-row[data-row="3"]') as HTMLElement;
    expect(row.className).toContain('row-valid');
    expect(row.querySelector('.cell-state')?.textContent).toBe('可提交（1 个提醒）');
    const cell = row.querySelector('.cell-warning');
    expect(cell?.getAttribute('title')).toContain('提醒（仍会提交）');
    expect(cell?.getAttribute('title')).toContain('SKU-A');
    expect(cell?.getAttribute('aria-invalid')).toBeNull();
    expect(row.querySelector('.cell-problem')).toBeNull();
    const list = screen.getByTestId('problem-list');
    expect(list.textContent).toContain('问题（0）');
    expect(screen.getByTestId('warning-count').textContent).toContain('1 个提醒');
    await waitFor(() => expect(list.querySelectorAll('.problem-warning').length).toBe(1));
  });
});

describe('results screen: what to do', () => {
  const failed = (rowNumber: number, message: string, hint: string | null): JobRowView =>
    ({ rowNumber, cells: [`CG${rowNumber}`], state: 'failed', message, hint, erpNo: null, call: 1, submittedAt: null });

  async function resultsWith(lang: 'zh-CN' | 'en') {
    const fake = new FakeWdt();
    fake.lang = lang;
    fake.jobs = [fakeJob({ state: 'done', counts: { ...emptyCounts(), failed: 2 } })];
    // main renders the hint in the reader's language (job-views.ts); the screen shows it as given.
    fake.jobRows = [failed(2, '仓库不存在', t(lang, 'hints.warehouseMissing')), failed(3, '供应商档案被锁定', null)];
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('tab-jobs'));
    fireEvent.click(await screen.findByRole('button', { name: lang === 'en' ? 'Open returns.xlsx' : '查看 returns.xlsx' }));
    const list = await screen.findByTestId('failure-list');
    await waitFor(() => expect(list.querySelectorAll('tbody tr').length).toBe(2));
    return list;
  }

  it('shows the hint beside the ERP message, verbatim and apart; an unknown message gets an empty hint cell', async () => {
    const list = await resultsWith('zh-CN');
    const headers = [...list.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers.at(-2)).toBe('原因（ERP 返回信息）');
    expect(headers.at(-1)).toBe('处理建议');
    const cells = [...list.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('.erp-message')?.textContent, tr.querySelector('.erp-hint')?.textContent]);
    expect(cells).toEqual([
      ['仓库不存在', t('zh-CN', 'hints.warehouseMissing')],
      ['供应商档案被锁定', ''],
    ]);
  });

  it('in English the column is "What to do"', async () => {
    const list = await resultsWith('en');
    expect([...list.querySelectorAll('thead th')].at(-1)?.textContent).toBe('What to do');
    expect(list.querySelector('tbody tr .erp-hint')?.textContent).toBe(t('en', 'hints.warehouseMissing'));
  });
});
