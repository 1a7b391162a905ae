// A sheet while it is still being read: the first rows in the review grid (read-only, their state
// "checking" unless their own cells already fail), a progress bar, and the problems found so far. 下一步
// stays off: orders, duplicates and every row's disposition need the whole sheet (issue 18 item 3).
import { useMemo } from 'react';
import type { ImportRowView } from '../../../shared/contract';
import { render } from '../../../shared/i18n';
import { isBlocking } from '../../../shared/operations/types';
import { useApp, useT } from '../hooks/use-app';
import type { Pages } from '../hooks/use-pages';
import type { ReadingState } from '../hooks/use-read-progress';
import { groupsRows } from '../operations';
import { RowGrid } from './row-grid';
import { ScreenTitle } from './screen-title';

const noRows: ReadonlySet<number> = new Set();
const problemsShown = 200;

/** The first rows as a fixed list for the grid: no page to fetch, nothing withdrawn. */
function fixedPages(rows: readonly ImportRowView[]): Pages<ImportRowView> {
  return { total: rows.length, at: (i) => rows[i], ensure: () => undefined, error: null, reload: () => undefined, refresh: () => undefined };
}

export function ReadingPreview({ name, reading }: { name: string; reading: ReadingState }) {
  const { lang } = useApp();
  const tr = useT();
  const { first } = reading;
  const rows = useMemo(
    () =>
      fixedPages(
        first.rows.map((r): ImportRowView => ({
          ...r,
          // Only a row's own cell errors are known: with one it cannot be sent whatever its order does. The
          // others show as "checking" (RowGrid's `checking`), whatever disposition stands in here.
          disposition: r.problems.some(isBlocking) ? { kind: 'invalid' } : { kind: 'valid', orderKey: '' },
          orderKey: null,
        })),
      ),
    [first],
  );
  const count = (n: number) => n.toLocaleString();
  return (
    <div className="review reading" data-testid="reading-preview">
      <div className="review-top">
        <div className="file-line">
          <ScreenTitle className="inline-title">{tr('reading.ui.title')}</ScreenTitle>
          <strong>{name}</strong>
          <span className="muted">{tr('ui.review.headerRow', { row: first.headerRow })}</span>
        </div>
        <div className="progress-block" data-testid="reading-progress">
          <progress
            max={reading.total ?? undefined}
            value={reading.total === null ? undefined : reading.rows}
            aria-label={tr('reading.ui.progressLabel')}
          />
          <span role="status">
            {reading.total === null
              ? tr('reading.ui.progressNoTotal', { rows: count(reading.rows) })
              : tr('reading.ui.progress', { rows: count(reading.rows), total: count(reading.total) })}
          </span>
        </div>
        <p className="muted">{tr('reading.ui.firstRows', { count: first.rows.length })}</p>
      </div>
      <div className="review-body">
        <RowGrid
          operation={first.operation}
          columns={first.columns}
          rows={rows}
          withdrawn={noRows}
          onWithdraw={() => undefined}
          showOrders={groupsRows(first.operation)}
          scrollTo={null}
          checking
        />
        <aside className="side-list" aria-labelledby="reading-problems-title" data-testid="reading-problems">
          <h3 id="reading-problems-title">{tr('reading.ui.problemsSoFar', { count: count(reading.problems) })}</h3>
          <ul>
            {reading.problemList.slice(0, problemsShown).map((p, i) => (
              <li key={`${p.row}:${p.field}:${i}`} className={isBlocking(p) ? 'problem' : 'problem problem-warning'}>
                <span className="problem-where">{tr('ui.review.where', { row: p.row, column: p.column })}</span>
                <span className="problem-text">{isBlocking(p) ? '' : tr('ui.review.warning')}{render(lang, p.text)}</span>
              </li>
            ))}
          </ul>
          {reading.problems > Math.min(problemsShown, reading.problemList.length) && <p className="muted">{tr('reading.ui.moreLater')}</p>}
        </aside>
      </div>
      <div className="actions">
        <span className="muted">{tr('reading.ui.waitNext')}</span>
        <button type="button" className="primary" disabled title={tr('reading.ui.waitNext')} data-testid="to-submit">
          {tr('ui.review.next')}
        </button>
      </div>
    </div>
  );
}
