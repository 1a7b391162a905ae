// Issue 17 on the review screen, over the typed fake window.wdt: the ERP's names beside warehouse and
// supplier codes (muted, after the code, said to screen readers), and the optional preview of a cancel
// list — progress, stop, each number's state beside it, the blocked ones listed and dropped in one click.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportRowView, MasterdataPreviewView } from '../../shared/contract';
import { FakeWdt, fakeImport } from './fake-api';
import { renderApp } from './render';

async function review(fake: FakeWdt) {
  await renderApp(fake);
  fireEvent.click(screen.getByTestId('sample'));
  await screen.findByTestId('review-counts');
}

const cell = (row: number, col: number) => document.querySelector(`.grid-row[data-row="${row}"] [data-col="${col}"]`);

function createImport() {
  const base = fakeImport(2, 0, 'return-create');
  const rows: ImportRowView[] = [
    { rowNumber: 2, cells: ['ORD-A', 'WH001', 'P001'], problems: [], disposition: { kind: 'valid', orderKey: 'ORD-A' }, orderKey: 'ORD-A' },
    { rowNumber: 3, cells: ['ORD-B', 'WH404', 'P001'], problems: [], disposition: { kind: 'valid', orderKey: 'ORD-B' }, orderKey: 'ORD-B' },
  ];
  return {
    row: (i: number) => rows[i]!,
    summary: {
      ...base.summary,
      columns: [
        { index: 0, header: '外部单号', field: 'outer_no' },
        { index: 1, header: '仓库编码', field: 'warehouse_no' },
        { index: 2, header: '供应商编号', field: 'provider_no' },
      ],
    },
  };
}

const previewOf = (importId: string): MasterdataPreviewView => ({
  importId,
  profile: 'sandbox',
  mode: 'by-number',
  cap: 200,
  complete: true,
  calls: 3,
  counts: { ok: 1, blocked: 2, unknown: 0 },
  notice: null,
  at: '2026-11-25 18:00',
  rows: [
    { key: 'CR000000000001', rows: [2], verdict: 'ok', labels: [{ key: 'masterdata.status.checked' }, { key: 'masterdata.stockout.none' }], reason: null, found: null },
    { key: 'CR000000000002', rows: [3], verdict: 'blocked', labels: [{ key: 'masterdata.status.cancelled' }, { key: 'masterdata.stockout.none' }], reason: { key: 'masterdata.preview.alreadyCancelled' }, found: null },
    { key: 'CR000000000003', rows: [4], verdict: 'blocked', labels: [], reason: { key: 'masterdata.preview.notFound' }, found: null },
  ],
});

describe('names beside codes', () => {
  it('shows the ERP\'s warehouse and supplier names after the codes it knows, muted, and says them to screen readers', async () => {
    const fake = new FakeWdt();
    fake.addImport(createImport());
    fake.names = { warehouse_no: { WH001: '上海主仓' }, provider_no: { P001: '测试供应商' }, spec_no: {} };
    await review(fake);
    await waitFor(() => expect(cell(2, 1)?.textContent).toBe('WH001上海主仓'));
    const note = cell(2, 1)!.querySelector('.cell-note');
    expect(note?.className).toContain('cell-note-muted');
    expect(cell(2, 1)!.getAttribute('aria-description')).toBe('仓库名称：上海主仓');
    expect(cell(2, 1)!.getAttribute('title')).toBe('仓库名称：上海主仓');
    expect(cell(2, 2)?.textContent).toBe('P001测试供应商');
    // A code the copy does not know shows no name (its warning says why).
    expect(cell(3, 1)?.textContent).toBe('WH404');
    expect(fake.callsOf('masterdataNames')).toEqual([{ importId: fake.imports.keys().next().value }]);
    // A create sheet has no ERP preview.
    expect(screen.queryByTestId('erp-preview')).toBeNull();
  });
});

describe('the ERP preview of a cancel list', () => {
  it('is optional: nothing is asked until the clerk starts it; progress shows and the clerk can stop it', async () => {
    const fake = new FakeWdt();
    const imp = fakeImport(3);
    fake.addImport(imp);
    fake.preview = previewOf(imp.summary.importId);
    await review(fake);
    expect(screen.getByTestId('erp-preview').textContent).toContain('这一步可以跳过');
    expect(fake.callsOf('masterdataPreview')).toEqual([]);
    expect(fake.callsOf('masterdataNames')).toEqual([]);
    fake.hold('masterdataPreview');
    fireEvent.click(screen.getByTestId('erp-preview-start'));
    await screen.findByTestId('erp-preview-stop');
    expect(screen.getByTestId('erp-preview-progress').textContent).toBe('正在连接 ERP…');
    act(() => fake.emit('onDidMasterdataPreviewProgress', { importId: imp.summary.importId, done: 1, total: 3 }));
    expect(screen.getByTestId('erp-preview-progress').textContent).toBe('正在查询 ERP：1 / 3 单');
    fireEvent.click(screen.getByTestId('erp-preview-stop'));
    await waitFor(() => expect(fake.callsOf('masterdataPreviewStop')).toHaveLength(1));
    fake.release('masterdataPreview');
    await screen.findByTestId('erp-preview-result');
  });

  it('shows each number\'s state beside it, lists the ones that cannot succeed, and drops them in one click', async () => {
    const fake = new FakeWdt();
    const imp = fakeImport(3);
    fake.addImport(imp);
    fake.preview = previewOf(imp.summary.importId);
    await review(fake);
    fireEvent.click(screen.getByTestId('erp-preview-start'));
    await screen.findByTestId('erp-preview-result');
    expect(screen.getByTestId('erp-preview-summary').textContent).toBe('2026-11-25 18:00 在配置“sandbox”预览：1 单可以执行，2 单不能成功，0 单无法判断（调用 3 次）。');
    await waitFor(() => expect(cell(3, 0)?.textContent).toBe('CR000000000002已取消 / 未出库'));
    expect(cell(3, 0)!.querySelector('.cell-note')?.className).toContain('cell-note-bad');
    expect(cell(3, 0)!.getAttribute('aria-description')).toBe('ERP 状态：已取消 / 未出库（不能成功）单据已取消，发送会失败。');
    expect(cell(2, 0)!.querySelector('.cell-note')?.className).toContain('cell-note-ok');
    const blocked = screen.getByTestId('erp-preview-blocked');
    expect([...blocked.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-key'))).toEqual(['CR000000000002', 'CR000000000003']);
    expect(blocked.textContent).toContain('ERP 中没有这张单据');
    fireEvent.click(screen.getByTestId('erp-preview-drop'));
    await waitFor(() => expect(screen.getByTestId('review-counts').textContent).toContain('已跳过2'));
    expect(document.querySelector('.grid-row[data-row="3"]')?.className).toContain('row-withdrawn');
    expect(document.querySelector('.grid-row[data-row="4"]')?.className).toContain('row-withdrawn');
    expect(document.querySelector('.grid-row[data-row="2"]')?.className).not.toContain('row-withdrawn');
    expect(screen.getByTestId('erp-preview-dropped').textContent).toContain('操作员排除');
    await waitFor(() => expect(fake.callsOf('jobsPreview').at(-1)).toMatchObject({ withdrawnRows: [3, 4] }));
    expect(fake.callsOf('jobsStart')).toEqual([]);
  });

  it('a preview that fails says why and leaves the list as it was', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(3));
    fake.preview = null;
    await review(fake);
    fireEvent.click(screen.getByTestId('erp-preview-start'));
    await waitFor(() => expect(screen.getByTestId('erp-preview').textContent).toContain('no preview'));
    expect(document.querySelector('.cell-note')).toBeNull();
    expect(screen.getByTestId('erp-preview-start').textContent).toBe('预览 ERP 状态');
  });
});
