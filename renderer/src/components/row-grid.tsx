// The review grid: every row as read, virtualized (only the rows in view are in the DOM, pages are
// fetched as they scroll in), so 100,000 rows scroll like 100. Problem cells are highlighted with
// their message on hover; a row can be skipped; createOrder rows of one order share a band. The row
// number, skip, state and key columns stay put while the sheet scrolls sideways; the grid is one tab
// stop with arrow keys inside (use-grid-keys); a problem picked in the list scrolls to its row and
// column and makes that cell the active one. A sheet cell is edited in place (Enter, F2 or a double-click;
// cell-editor.tsx); Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) undo and redo; edited cells are marked with the file's text.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ImportColumnInfo, ImportRowView } from '../../../shared/contract';
import { render } from '../../../shared/i18n';
import { isBlocking } from '../../../shared/operations/types';
import { getOperation } from '../../../shared/operations/catalog';
import type { CellProblem } from '../../../shared/operations/types';
import { countKey, useApp, useT } from '../hooks/use-app';
import { placeAt, useCssVars } from '../hooks/use-css-vars';
import { rowHeight, useRowWindow } from '../hooks/use-row-window';
import { useGridKeys } from '../hooks/use-grid-keys';
import type { Pages } from '../hooks/use-pages';
import type { CellStep } from '../hooks/use-edit-history';
import { CellEditor, type EditEnd } from './cell-editor';

export { rowHeight };

/** A note shown after a cell's text (a code's ERP name, a document's state): `label` is what a screen reader and the tooltip say. */
export interface CellNote {
  text: string;
  label: string;
  tone: 'muted' | 'ok' | 'bad';
}

/** A cell to bring into view and make active: the row's index in the list, the sheet column's index. */
export interface GridTarget {
  index: number;
  column: number;
  serial: number;
}

export interface RowGridProps {
  operation: string;
  columns: readonly ImportColumnInfo[];
  rows: Pages<ImportRowView>;
  withdrawn: ReadonlySet<number>;
  onWithdraw(rowNumber: number, withdrawn: boolean): void;
  /** Band rows by order (createOrder; the key column itself shows the order). */
  showOrders: boolean;
  /** Set by the problem list. */
  scrollTo: GridTarget | null;
  /** A sheet cell edited in place (absent: the grid is read-only). */
  onEdit?(step: CellStep): void;
  onUndo?(): void;
  onRedo?(): void;
  /** The rows of a sheet still being read (reading-preview.tsx): a row's state is "checking" unless its own cells fail, and none can be withdrawn yet. */
  checking?: boolean;
  /** A note after a cell's text, or null (issue 17: names beside codes, the ERP state of a previewed document). */
  annotate?(row: ImportRowView, column: ImportColumnInfo): CellNote | null;
}

const problemsOf = (row: ImportRowView, column: ImportColumnInfo): CellProblem[] =>
  row.problems.filter((p) => p.column === column.header || (column.field !== null && p.field === column.field));

/** Row number, skip, state: the grid's own columns before the sheet's (em). */
const fixed = [4.5, 5, 10];
const keyWidth = 11;
const lead = fixed.length;

export function RowGrid({ operation, columns, rows, withdrawn, onWithdraw, showOrders, scrollTo, onEdit, onUndo, onRedo, checking = false, annotate }: RowGridProps) {
  const { lang } = useApp();
  const tr = useT();
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const { total, virtualizer, items, sizer } = useRowWindow(rows, scroller);
  const keyColumn = columns.findIndex((c) => c.field !== null && c.field === getOperation(operation)?.keyField);
  const toggle = (index: number) => {
    const row = rows.at(index);
    if (row) onWithdraw(row.rowNumber, !withdrawn.has(row.rowNumber));
  };
  const [editing, setEditing] = useState<{ index: number; col: number } | null>(null);
  const startEdit = (index: number, col: number) => {
    if (onEdit && col >= lead && rows.at(index)) setEditing({ index, col });
  };
  const keys = useGridKeys(total, columns.length + lead, (cell) => {
    if (cell.col === 1) toggle(cell.index);
    else startEdit(cell.index, cell.col);
  });
  const { active, setActive } = keys;
  const endEdit = (how: EditEnd, value: string) => {
    const cell = editing;
    setEditing(null);
    scroller.current?.focus({ preventScroll: true });
    if (!cell) return;
    const row = rows.at(cell.index);
    const column = columns[cell.col - lead];
    if (how !== 'cancel' && row && column && onEdit) onEdit({ rowNumber: row.rowNumber, column: column.index, before: row.cells[column.index] ?? '', after: value.trim() });
    if (how === 'commit-next') setActive({ index: cell.index, col: cell.col + 1 });
    if (how === 'commit-prev') setActive({ index: cell.index, col: Math.max(lead, cell.col - 1) });
  };
  const onGridKeyDown = (event: KeyboardEvent) => {
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (ctrl && key === 'z' && !event.shiftKey && onUndo) {
      event.preventDefault();
      onUndo();
    } else if (ctrl && (key === 'y' || (key === 'z' && event.shiftKey)) && onRedo) {
      event.preventDefault();
      onRedo();
    } else if (event.key === 'F2') {
      event.preventDefault();
      startEdit(active.index, active.col);
    } else keys.onKeyDown(event);
  };

  const cellId = (index: number, col: number) => `${id}-r${index}-c${col}`;
  // Keep the active cell in view: the row through the virtualizer, the column by the browser (the
  // scroller's scroll-padding keeps it clear of the frozen columns).
  useEffect(() => {
    if (total === 0) return;
    virtualizer.scrollToIndex(active.index, { align: 'auto' });
    const frame = requestAnimationFrame(() => document.getElementById(cellId(active.index, active.col))?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [active.index, active.col, total]);
  useEffect(() => {
    if (!scrollTo || scrollTo.index < 0) return;
    virtualizer.scrollToIndex(scrollTo.index, { align: 'center' });
    setActive({ index: scrollTo.index, col: scrollTo.column + lead });
    scroller.current?.focus({ preventScroll: true });
  }, [scrollTo]);

  // A note after the key (a previewed document's ERP state) needs room in the frozen key column.
  const keyEm = annotate ? keyWidth + 9 : keyWidth;
  const widths = [...fixed.map((w) => `${w}em`), ...columns.map((_, i) => (i === keyColumn ? `${keyEm}em` : 'minmax(9em, 1fr)'))].join(' ');
  const fixedWidth = fixed.reduce((a, b) => a + b, 0);
  const minWidth = fixedWidth + 9 * columns.length + 2;
  const grid = useCssVars<HTMLDivElement>({
    '--grid-cols': widths,
    '--grid-min': `${minWidth}em`,
    '--frozen': `${fixedWidth + (keyColumn >= 0 ? keyEm : 0)}em`,
    '--key-left': `${fixedWidth}em`,
  });

  const stateText = (row: ImportRowView): string => {
    if (withdrawn.has(row.rowNumber)) return tr('ui.review.withdrawn');
    if (row.disposition.kind === 'duplicate') return tr('ui.review.duplicateOf', { row: row.disposition.ofRow });
    if (row.disposition.kind === 'invalid') {
      const errors = row.problems.filter(isBlocking).length;
      return tr(countKey('ui.review.problems', errors), { count: errors });
    }
    if (checking) return tr('reading.ui.checking');
    // A warning does not hold the row back: it is sent, and the clerk has been told why it might be refused.
    if (row.problems.length > 0) return tr('ui.review.validWithWarnings', { count: row.problems.length });
    return tr('ui.review.valid');
  };
  const cellClass = (index: number, col: number, base: string) => {
    const frozen = col < lead ? ` frozen frozen-${col}` : col - lead === keyColumn ? ' frozen frozen-key' : '';
    return `${base}${frozen}${active.index === index && active.col === col ? ' cell-active' : ''}`;
  };

  return (
    <div className="grid" ref={grid} data-testid="row-grid">
      <div
        className="grid-scroll"
        ref={scroller}
        role="grid"
        tabIndex={0}
        aria-label={tr('ui.review.gridLabel')}
        aria-description={tr(onEdit ? 'edit.ui.gridKeys' : 'ui.review.gridKeys')}
        aria-rowcount={total + 1}
        aria-colcount={columns.length + lead}
        aria-activedescendant={total > 0 ? cellId(active.index, active.col) : undefined}
        onKeyDown={onGridKeyDown}
      >
        <div className="grid-row grid-head" role="row" aria-rowindex={1}>
          <span role="columnheader" className="frozen frozen-0">{tr('ui.review.rowNo')}</span>
          <span role="columnheader" className="frozen frozen-1">{tr('ui.review.withdraw')}</span>
          <span role="columnheader" className="frozen frozen-2">{tr('ui.review.state')}</span>
          {columns.map((c, i) => (
            <span role="columnheader" key={c.index} title={c.field ?? tr('ui.review.unknownColumn')} className={`${c.field ? '' : 'col-extra'}${i === keyColumn ? ' frozen frozen-key' : ''}`}>
              {c.header}
            </span>
          ))}
        </div>
        {rows.total === 0 && <p className="empty">{tr('ui.review.noRows')}</p>}
        <div className="grid-sizer" ref={sizer}>
          {items.map((item) => {
            const row = rows.at(item.index);
            if (!row) {
              return (
                <div key={item.key} className="grid-row grid-loading" ref={placeAt(item.start - rowHeight)} role="row" aria-rowindex={item.index + 2}>
                  <span role="gridcell" id={cellId(item.index, active.index === item.index ? active.col : 0)}>{tr('ui.common.loading')}</span>
                </div>
              );
            }
            const out = withdrawn.has(row.rowNumber);
            const prevKey = item.index > 0 ? rows.at(item.index - 1)?.orderKey : undefined;
            const kind = out ? 'withdrawn' : checking && row.disposition.kind !== 'invalid' ? 'checking' : row.disposition.kind;
            const band = showOrders && row.orderKey !== null && prevKey !== row.orderKey ? ' order-start' : '';
            const at = (col: number) => ({ id: cellId(item.index, col), onMouseDown: () => setActive({ index: item.index, col }) });
            return (
              <div key={item.key} className={`grid-row row-${kind}${band}`} ref={placeAt(item.start - rowHeight)} role="row" aria-rowindex={item.index + 2} data-row={row.rowNumber}>
                <span role="gridcell" className={cellClass(item.index, 0, 'cell-no')} {...at(0)}>
                  {row.rowNumber}
                </span>
                <span role="gridcell" className={cellClass(item.index, 1, 'cell-skip')} {...at(1)}>
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    checked={out}
                    disabled={checking}
                    onChange={(e) => onWithdraw(row.rowNumber, e.target.checked)}
                    aria-label={tr('ui.review.withdrawRow', { row: row.rowNumber })}
                  />
                </span>
                <span role="gridcell" className={cellClass(item.index, 2, 'cell-state')} {...at(2)}>
                  {stateText(row)}
                </span>
                {columns.map((c, i) => {
                  const found = problemsOf(row, c);
                  const edit = row.edits?.find((e) => e.column === c.index);
                  const said = found.map((p) => (isBlocking(p) ? render(lang, p.text) : `${tr('ui.review.warning')}${render(lang, p.text)}`));
                  if (edit) said.push(tr('edit.ui.edited', { original: edit.original === '' ? tr('edit.ui.originalEmpty') : edit.original }));
                  const note = annotate?.(row, c) ?? null;
                  if (note) said.push(note.label);
                  const message = said.join('\n');
                  const error = found.some(isBlocking);
                  const tone = error ? 'cell cell-problem' : found.length > 0 ? 'cell cell-warning' : 'cell';
                  const inEdit = editing !== null && editing.index === item.index && editing.col === i + lead;
                  return (
                    <span
                      role="gridcell"
                      key={c.index}
                      {...at(i + lead)}
                      onDoubleClick={() => startEdit(item.index, i + lead)}
                      className={cellClass(item.index, i + lead, edit ? `${tone} cell-edited` : tone)}
                      title={said.length > 0 ? message : (row.cells[c.index] ?? '')}
                      aria-invalid={error || undefined}
                      aria-description={said.length > 0 ? message : undefined}
                      data-col={c.index}
                      data-edited={edit ? 'true' : undefined}
                    >
                      {inEdit ? (
                        <CellEditor value={row.cells[c.index] ?? ''} label={tr('edit.ui.editor', { row: row.rowNumber, column: c.header })} onEnd={endEdit} />
                      ) : note ? (
                        <>
                          {row.cells[c.index] ?? ''}
                          <span className={`cell-note cell-note-${note.tone}`}>{note.text}</span>
                        </>
                      ) : (
                        (row.cells[c.index] ?? '')
                      )}
                    </span>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
