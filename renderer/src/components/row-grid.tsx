// The review grid: every row as read, virtualized (only the rows in view are in the DOM, pages are
// fetched as they scroll in), so 100,000 rows scroll like 100. Problem cells are highlighted with
// their message on hover; a row can be withdrawn; createOrder rows of one order share a band.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ImportColumnInfo, ImportRowView } from '../../../shared/contract';
import { render } from '../../../shared/i18n';
import { isBlocking } from '../../../shared/operations/types';
import type { CellProblem } from '../../../shared/operations/types';
import { useApp, useT } from '../hooks/use-app';
import { placeAt, useCssVars } from '../hooks/use-css-vars';
import type { Pages } from '../hooks/use-pages';

export const rowHeight = 32;

interface Props {
  columns: readonly ImportColumnInfo[];
  rows: Pages<ImportRowView>;
  withdrawn: ReadonlySet<number>;
  onWithdraw(rowNumber: number, withdrawn: boolean): void;
  /** Band rows by order (createOrder; the key column itself shows the order). */
  showOrders: boolean;
  /** Index to bring into view (set by the problem list). */
  scrollTo: { index: number; serial: number } | null;
}

const problemsOf = (row: ImportRowView, column: ImportColumnInfo): CellProblem[] =>
  row.problems.filter((p) => p.column === column.header || (column.field !== null && p.field === column.field));

export function RowGrid({ columns, rows, withdrawn, onWithdraw, showOrders, scrollTo }: Props) {
  const { lang } = useApp();
  const tr = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const total = rows.total ?? 0;
  // The sticky header sits above the rows inside the scroller: the rows start one row height down.
  // React 19 batches the scroll updates itself; flushSync from inside a render only draws a warning.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: rowHeight,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { ensure } = rows;
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [ensure, first, last, total]);
  useEffect(() => {
    if (scrollTo && scrollTo.index >= 0) virtualizer.scrollToIndex(scrollTo.index, { align: 'center' });
  }, [scrollTo, virtualizer]);

  const fixed = [4.5, 4.5, 10];
  const widths = [...fixed.map((w) => `${w}em`), ...columns.map(() => 'minmax(9em, 1fr)')].join(' ');
  const minWidth = fixed.reduce((a, b) => a + b, 0) + 9 * columns.length;
  const grid = useCssVars<HTMLDivElement>({ '--grid-cols': widths, '--grid-min': `${minWidth}em` });
  const sizer = useCssVars<HTMLDivElement>({ height: `${virtualizer.getTotalSize()}px` });

  const stateText = (row: ImportRowView): string => {
    if (withdrawn.has(row.rowNumber)) return tr('ui.review.withdrawn');
    if (row.disposition.kind === 'duplicate') return tr('ui.review.duplicateOf', { row: row.disposition.ofRow });
    if (row.disposition.kind === 'invalid') return tr('ui.review.problems', { count: row.problems.filter(isBlocking).length });
    // A warning does not hold the row back: it is sent, and the clerk has been told why it might be refused.
    if (row.problems.length > 0) return tr('ui.review.validWithWarnings', { count: row.problems.length });
    return tr('ui.review.valid');
  };

  return (
    <div className="grid" ref={grid} role="grid" aria-rowcount={total + 1} aria-colcount={columns.length + 3} aria-label={tr('ui.review.gridLabel')} data-testid="row-grid">
      <div className="grid-scroll" ref={scroller} tabIndex={0} aria-label={tr('ui.review.scrollLabel')}>
        <div className="grid-row grid-head" role="row" aria-rowindex={1}>
          <span role="columnheader">{tr('ui.review.rowNo')}</span>
          <span role="columnheader">{tr('ui.review.withdraw')}</span>
          <span role="columnheader">{tr('ui.review.state')}</span>
            {columns.map((c) => (
            <span role="columnheader" key={c.index} title={c.field ?? tr('ui.review.unknownColumn')} className={c.field ? '' : 'col-extra'}>
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
                  <span role="gridcell">{tr('ui.common.loading')}</span>
                </div>
              );
            }
            const out = withdrawn.has(row.rowNumber);
            const prevKey = item.index > 0 ? rows.at(item.index - 1)?.orderKey : undefined;
            const kind = out ? 'withdrawn' : row.disposition.kind;
            const band = showOrders && row.orderKey !== null && prevKey !== row.orderKey ? ' order-start' : '';
            return (
              <div key={item.key} className={`grid-row row-${kind}${band}`} ref={placeAt(item.start - rowHeight)} role="row" aria-rowindex={item.index + 2} data-row={row.rowNumber}>
                <span role="gridcell" className="cell-no">{row.rowNumber}</span>
                <span role="gridcell">
                  <input
                    type="checkbox"
                    checked={out}
                    onChange={(e) => onWithdraw(row.rowNumber, e.target.checked)}
                    aria-label={tr('ui.review.withdrawRow', { row: row.rowNumber })}
                  />
                </span>
                <span role="gridcell" className="cell-state">{stateText(row)}</span>
                {columns.map((c) => {
                  const found = problemsOf(row, c);
                  const message = found.map((p) => (isBlocking(p) ? render(lang, p.text) : `${tr('ui.review.warning')}${render(lang, p.text)}`)).join('\n');
                  const error = found.some(isBlocking);
                  return (
                    <span
                      role="gridcell"
                      key={c.index}
                      className={error ? 'cell cell-problem' : found.length > 0 ? 'cell cell-warning' : 'cell'}
                      title={found.length > 0 ? message : (row.cells[c.index] ?? '')}
                      aria-invalid={error || undefined}
                      aria-description={found.length > 0 ? message : undefined}
                    >
                      {row.cells[c.index] ?? ''}
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
