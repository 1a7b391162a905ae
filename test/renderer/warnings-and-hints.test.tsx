// Issue 12: a warning shows on its cell like a problem but the row stays valid (review screen); the results
// screen shows the hint for a known ERP message beside the ERP's own words, and nothing for an unknown one.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportRowView } from '../../shared/contract';
import { FakeWdt, fakeImport } from './fake-api';
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
