// Editing cells in the review grid (issue 16 item 2), by keyboard alone and by mouse: Enter or a double-click
// opens the cell's editor, Enter or Tab commits (one importEdit), Escape cancels (none); Ctrl+Z / Ctrl+Y and
// the buttons undo and redo by setting the text before / after again.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeWdt, fakeImport } from './fake-api';
import { renderApp } from './render';

async function review() {
  const fake = new FakeWdt();
  fake.addImport(fakeImport(20, 5));
  await renderApp(fake);
  fireEvent.click(screen.getByTestId('sample'));
  await screen.findByTestId('review-counts');
  await waitFor(() => expect(document.querySelector('.grid-row[data-row="2"]')).not.toBeNull());
  const grid = screen.getByRole('grid');
  grid.focus();
  return { fake, grid };
}

const key = (el: Element, k: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(el, { key: k, ...init });

describe('editing in the review grid', () => {
  it('keyboard only: Enter opens the editor, Enter commits, Ctrl+Z undoes and Ctrl+Y redoes', async () => {
    const { fake, grid } = await review();
    for (let i = 0; i < 3; i++) key(grid, 'ArrowRight'); // past 行号, 跳过, 状态: the sheet's first column
    key(grid, 'Enter');
    const input = await screen.findByTestId('cell-editor');
    expect(input).toHaveProperty('value', 'CR000000000001');
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('aria-label')).toBe('修改 第 2 行「采购退货单号」');
    fireEvent.change(input, { target: { value: ' CR999 ' } });
    key(input, 'Enter');
    await waitFor(() => expect(fake.callsOf('importEdit')).toEqual([{ importId: 'imp_aaaaaaaaaaaaaaaaaaaaaaaa', rowNumber: 2, column: 0, value: 'CR999' }]));
    expect(screen.queryByTestId('cell-editor')).toBeNull();
    expect(document.activeElement).toBe(grid);
    await waitFor(() => expect(screen.getByTestId('edited-count').textContent).toContain('1'));
    expect(screen.getByTestId('undo')).toHaveProperty('disabled', false);
    expect(screen.getByTestId('redo')).toHaveProperty('disabled', true);

    key(grid, 'z', { ctrlKey: true });
    await waitFor(() => expect(fake.callsOf('importEdit').at(-1)).toMatchObject({ rowNumber: 2, column: 0, value: 'CR000000000001' }));
    await waitFor(() => expect(screen.getByTestId('redo')).toHaveProperty('disabled', false));
    expect(screen.getByTestId('undo')).toHaveProperty('disabled', true);
    key(grid, 'y', { ctrlKey: true });
    await waitFor(() => expect(fake.callsOf('importEdit').at(-1)).toMatchObject({ value: 'CR999' }));
    expect(fake.callsOf('importEdit')).toHaveLength(3);
    // Ctrl+Shift+Z redoes too; with nothing to redo it sends nothing.
    key(grid, 'Z', { ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(screen.getByTestId('undo')).toHaveProperty('disabled', false));
    expect(fake.callsOf('importEdit')).toHaveLength(3);
  });

  it('Escape cancels without a call; the same text committed sends nothing; a double-click opens the editor', async () => {
    const { fake, grid } = await review();
    for (let i = 0; i < 3; i++) key(grid, 'ArrowRight');
    key(grid, 'Enter');
    const input = await screen.findByTestId('cell-editor');
    fireEvent.change(input, { target: { value: 'nope' } });
    key(input, 'Escape');
    expect(screen.queryByTestId('cell-editor')).toBeNull();
    key(grid, 'F2');
    key(await screen.findByTestId('cell-editor'), 'Enter'); // unchanged
    const cell = document.querySelector('.grid-row[data-row="4"] [data-col="0"]') as HTMLElement;
    fireEvent.doubleClick(cell);
    const again = await screen.findByTestId('cell-editor');
    expect(again).toHaveProperty('value', 'CR000000000003');
    fireEvent.change(again, { target: { value: 'CR5' } });
    key(again, 'Tab');
    await waitFor(() => expect(fake.callsOf('importEdit')).toEqual([{ importId: 'imp_aaaaaaaaaaaaaaaaaaaaaaaa', rowNumber: 4, column: 0, value: 'CR5' }]));
  });

  it('an edited cell says what the file has', async () => {
    const fake = new FakeWdt();
    const imp = fakeImport(5);
    const plain = imp.row;
    imp.row = (i) => (i === 0 ? { ...plain(i), cells: ['CR1-FIXED'], edits: [{ column: 0, original: 'CR1' }] } : plain(i));
    fake.addImport(imp);
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('sample'));
    const cell = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.grid-row[data-row="2"] [data-col="0"]');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    expect(cell.className).toContain('cell-edited');
    expect(cell.getAttribute('aria-description')).toBe('已修改，原值：CR1');
  });
});
