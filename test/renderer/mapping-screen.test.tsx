// The mapping step (issue 16 item 1) over the fake window.wdt: a read with a required field and no column
// opens it; each column shows sample values and a field dropdown; applying reads again with the mapping;
// a saved mapping applied by main is said on the review with a way to change it; Settings lists and removes.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/contract';
import { FakeWdt, fakeImport } from './fake-api';
import { renderApp } from './render';

function unknownHeaders(): { fake: FakeWdt; first: ImportSummary } {
  const fake = new FakeWdt();
  const imp = fakeImport(3);
  const first: ImportSummary = {
    ...imp.summary,
    columns: [{ index: 0, header: '退货单据', field: null }],
    ignoredColumns: ['退货单据'],
    unmapped: { columns: ['退货单据'], fields: ['returnNos'] },
  };
  fake.addImport({ ...imp, summary: first });
  return { fake, first };
}

describe('mapping step', () => {
  it('opens when a required field has no column, shows samples, and applies the chosen field', async () => {
    const { fake, first } = unknownHeaders();
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('sample'));
    await screen.findByTestId('mapping-screen');
    await waitFor(() => expect(screen.getByTestId('mapping-table').textContent).toContain('CR000000000001'));
    expect(screen.getByTestId('mapping-missing').textContent).toContain('采购退货单号');
    fireEvent.change(screen.getByTestId('map-0'), { target: { value: 'returnNos' } });
    expect(screen.queryByTestId('mapping-missing')).toBeNull();
    fake.nextReads.push({ ...first, columns: [{ index: 0, header: '退货单据', field: 'returnNos' }], ignoredColumns: [], unmapped: { columns: [], fields: [] }, mapping: { source: 'chosen', columns: { 退货单据: 'returnNos' } } });
    fireEvent.click(screen.getByTestId('mapping-apply'));
    await screen.findByTestId('review-counts');
    expect(fake.callsOf('importRead').at(-1)).toEqual({
      token: 'tok_sample_aaaaaaaaaaaaaaa', sheet: 'Sheet1', operation: 'return-cancel', mapping: { columns: [{ header: '退货单据', field: 'returnNos' }], remember: true },
    });
  });

  it('opens also when every field has a column but a column cannot be placed, names it, and keeps it 不导入 by default', async () => {
    const fake = new FakeWdt();
    const imp = fakeImport(2);
    const columns = [{ index: 0, header: '采购退货单号', field: 'returnNos' }, { index: 1, header: '说明', field: null }];
    const first: ImportSummary = { ...imp.summary, columns, ignoredColumns: ['说明'], unmapped: { columns: ['说明'], fields: [] } };
    fake.addImport({ ...imp, summary: first });
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('sample'));
    await screen.findByTestId('mapping-screen');
    expect(screen.getByTestId('mapping-unplaced').textContent).toContain('这些列无法自动识别：说明');
    expect(screen.queryByTestId('mapping-missing')).toBeNull();
    expect((screen.getByTestId('map-0') as HTMLSelectElement).value).toBe('returnNos');
    expect((screen.getByTestId('map-1') as HTMLSelectElement).value).toBe('');
    fake.nextReads.push({ ...first, unmapped: { columns: [], fields: [] }, mapping: { source: 'chosen', columns: { 采购退货单号: 'returnNos', 说明: null } } });
    fireEvent.click(screen.getByTestId('mapping-apply'));
    await screen.findByTestId('review-counts');
    expect(fake.callsOf('importRead').at(-1)).toMatchObject({ mapping: { columns: [{ header: '采购退货单号', field: 'returnNos' }, { header: '说明', field: null }], remember: true } });
  });

  it('the app’s own sample goes straight to the review although its 备注 column is not placed', async () => {
    const fake = new FakeWdt();
    const imp = fakeImport(2);
    fake.addImport({ ...imp, summary: { ...imp.summary, ignoredColumns: ['备注'], unmapped: { columns: ['备注'], fields: [] }, sandboxOnly: true } });
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('sample'));
    await screen.findByTestId('review-counts');
    expect(screen.queryByTestId('mapping-screen')).toBeNull();
    expect(screen.getByTestId('mapping-notice').textContent).toContain('修改对应关系');
  });

  it('a saved mapping applied by main is said on the review, and the mapping can be changed', async () => {
    const fake = new FakeWdt();
    const imp = fakeImport(2);
    fake.addImport({ ...imp, summary: { ...imp.summary, mapping: { source: 'saved', columns: { 退货单据: 'returnNos' } } } });
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('sample'));
    const notice = await screen.findByTestId('mapping-notice');
    expect(notice.textContent).toContain('已自动使用保存的列对应关系（1 列）');
    fireEvent.click(screen.getByTestId('mapping-change'));
    await screen.findByTestId('mapping-screen');
    expect((screen.getByTestId('map-0') as HTMLSelectElement).value).toBe('returnNos');
  });

  it('refuses one field for two columns before anything is read', async () => {
    const { fake, first } = unknownHeaders();
    fake.imports.clear();
    const two = { ...first, columns: [{ index: 0, header: '退货单据', field: null }, { index: 1, header: '单号2', field: null }] };
    fake.addImport({ ...fakeImport(1), summary: two });
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('sample'));
    await screen.findByTestId('mapping-screen');
    fireEvent.change(screen.getByTestId('map-0'), { target: { value: 'returnNos' } });
    fireEvent.change(screen.getByTestId('map-1'), { target: { value: 'returnNos' } });
    expect(screen.getByTestId('mapping-twice').textContent).toContain('采购退货单号');
    expect((screen.getByTestId('mapping-apply') as HTMLButtonElement).disabled).toBe(true);
  });

  it('Settings lists saved mappings and removes one', async () => {
    const fake = new FakeWdt();
    fake.savedMappings = [{ operation: 'return-cancel', fingerprint: 'h1-abc', headers: ['退货单据'], columns: { 退货单据: 'returnNos' }, savedAt: '2026-11-25T12:00:00.000Z' }];
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('tab-settings'));
    const panel = await screen.findByTestId('saved-mappings');
    await waitFor(() => expect(panel.textContent).toContain('退货单据'));
    fireEvent.click(screen.getByRole('button', { name: /删除 采购退货批量取消 的列对应关系/ }));
    await waitFor(() => expect(screen.getByTestId('saved-mappings').textContent).toContain('还没有保存的列对应关系'));
    expect(fake.callsOf('importMappingRemove')).toEqual([{ operation: 'return-cancel', fingerprint: 'h1-abc' }]);
  });
});
