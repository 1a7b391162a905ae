// The import screen: first launch (sample offered), loading, refusals with what to do, an ambiguous
// sheet read again with the operation the clerk picks, templates, files opened from the OS.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeWdt, fakeImport } from './fake-api';
import { renderApp } from './render';

describe('import screen', () => {
  it('offers the sample on first launch and reads it as a cancel list', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(21, 7));
    await renderApp(fake);
    expect(screen.getByText('示例是一份采购退货取消清单，提交到内置沙箱，不会影响真实数据。')).toBeTruthy();
    fireEvent.click(screen.getByTestId('sample'));
    await screen.findByTestId('review-counts');
    expect(fake.callsOf('importRead')).toEqual([{ token: 'tok_sample_aaaaaaaaaaaaaaa', operation: 'return-cancel' }]);
  });

  it('shows the reading state while main reads the file', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(3));
    fake.hold('importRead');
    fake.pending.push({ token: 'tok_x_aaaaaaaaaaaaaaaaaaaaa', name: 'big.xlsx', bytes: 10 });
    await renderApp(fake);
    fireEvent.click(screen.getByRole('button', { name: '打开文件' }));
    await screen.findByText('正在读取“big.xlsx”…');
    expect(screen.queryByTestId('review-counts')).toBeNull();
    fake.release('importRead');
    await screen.findByTestId('review-counts');
  });

  it('explains a legacy .xls refusal with what to do, and reads nothing', async () => {
    const fake = new FakeWdt();
    fake.fail('importRead', 'FILE_LEGACY_XLS', '文件“old.xls”是旧版 Excel 格式');
    fake.pending.push({ token: 'tok_x_aaaaaaaaaaaaaaaaaaaaa', name: 'old.xls', bytes: 10 });
    await renderApp(fake);
    fireEvent.click(screen.getByRole('button', { name: '打开文件' }));
    const box = await screen.findByTestId('error-box');
    expect(box.getAttribute('data-code')).toBe('FILE_LEGACY_XLS');
    expect(box.textContent).toContain('无法导入这个文件');
    expect(box.textContent).toContain('另存为');
    expect(screen.queryByTestId('review-counts')).toBeNull();
  });

  it('lets the clerk pick the operation when the headers fit several', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(5));
    fake.fail('importRead', 'OPERATION_UNKNOWN', '表头可用于多种操作');
    fake.pending.push({ token: 'tok_x_aaaaaaaaaaaaaaaaaaaaa', name: 'list.xlsx', bytes: 10 });
    await renderApp(fake);
    fireEvent.click(screen.getByRole('button', { name: '打开文件' }));
    const picker = await screen.findByTestId('pick-operation');
    expect(screen.getByTestId('error-box').textContent).toContain('请选择要做的操作');
    const readAs = screen.getByRole('button', { name: '按此操作读取' });
    expect((readAs as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(picker, { target: { value: 'return-pending' } });
    expect((readAs as HTMLButtonElement).disabled).toBe(false);
    fake.succeed('importRead');
    fireEvent.click(readAs);
    await screen.findByTestId('review-counts');
    expect(fake.callsOf('importRead').at(-1)).toEqual({ token: 'tok_x_aaaaaaaaaaaaaaaaaaaaa', operation: 'return-pending' });
  });

  it('saves a template and says where', async () => {
    const { fake } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: '采购退货单新建' }));
    await screen.findByText('模板已保存：/home/clerk/return-create.xlsx');
    expect(fake.callsOf('templatesSave')).toEqual([{ operation: 'return-create' }]);
  });

  it('takes a file opened from the OS', async () => {
    const fake = new FakeWdt();
    fake.addImport(fakeImport(4));
    await renderApp(fake);
    fake.pending.push({ token: 'tok_os_aaaaaaaaaaaaaaaaaaaa', name: 'from-os.xlsx', bytes: 10 });
    fake.emit('onDidImportFile', { token: 'tok_os_aaaaaaaaaaaaaaaaaaaa', name: 'from-os.xlsx', bytes: 10 });
    await screen.findByTestId('review-counts');
    await waitFor(() => expect(fake.callsOf('importRead')).toEqual([{ token: 'tok_os_aaaaaaaaaaaaaaaaaaaa' }]));
  });
});
