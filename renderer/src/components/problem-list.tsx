// The side list of every cell problem (row, column, message), paged; choosing one brings its row
// into view in the grid, scrolled to its column, with the cell focused. The whole list can be saved as a
// small workbook before submitting (main asks where; main/sheets/results/problem-list.ts writes it).
import { useEffect, useState } from 'react';
import type { Page, SavedFile } from '../../../shared/contract';
import { render } from '../../../shared/i18n';
import { isBlocking } from '../../../shared/operations/types';
import type { CellProblem } from '../../../shared/operations/types';
import type { Result } from '../../../shared/result';
import { ErrorBox } from './error-box';
import { useApp, useT } from '../hooks/use-app';
import { useAsync } from '../hooks/use-async';
import { usePages } from '../hooks/use-pages';

const shown = 100;

interface Props {
  importId: string;
  /** Errors: what keeps rows from being sent. */
  total: number;
  /** Warnings, listed with the errors (the rows are sent anyway). */
  warnings: number;
  /** The clerk chose a problem: show its cell. */
  onPick(problem: CellProblem): void;
}

export function ProblemList({ importId, total, warnings, onPick }: Props) {
  const { api, lang } = useApp();
  const tr = useT();
  const [count, setCount] = useState(shown);
  const pages = usePages<CellProblem>(
    `problems:${importId}`,
    (offset, limit): Promise<Result<Page<CellProblem>>> => api.importProblems({ importId, offset, limit }),
    shown,
  );
  const [saved, runSave] = useAsync<SavedFile>();
  const visible = Math.min(count, pages.total ?? 0);
  const { ensure } = pages;
  useEffect(() => ensure(0, Math.max(0, visible - 1)), [ensure, visible]);
  const items: CellProblem[] = [];
  for (let i = 0; i < visible; i += 1) {
    const item = pages.at(i);
    if (item) items.push(item);
  }
  return (
    <aside className="side-list" aria-labelledby="problems-title" data-testid="problem-list">
      <h3 id="problems-title">{tr('ui.review.problemList', { count: total })}</h3>
      {warnings > 0 && <p className="muted" data-testid="warning-count">{tr('ui.review.warningCount', { count: warnings })}</p>}
      {total + warnings > 0 && (
        <button type="button" disabled={saved.status === 'loading'} onClick={() => void runSave(() => api.jobsSaveProblems({ importId }))} data-testid="export-problems">
          {tr('problems.export')}
        </button>
      )}
      {saved.status === 'done' && saved.value.saved && (
        <p className="muted" role="status" title={saved.value.path ?? ''} data-testid="problems-saved">
          {tr('problems.saved', { name: saved.value.name ?? '' })}
        </p>
      )}
      {saved.status === 'error' && <ErrorBox error={saved.error} />}
      {pages.error && <ErrorBox error={pages.error} />}
      {total === 0 && <p className="muted">{tr('ui.review.noProblems')}</p>}
      <ul>
        {items.map((p, i) => (
          <li key={`${p.row}:${p.field}:${i}`}>
            <button type="button" className={isBlocking(p) ? 'problem' : 'problem problem-warning'} onClick={() => onPick(p)}>
              <span className="problem-where">{tr('ui.review.where', { row: p.row, column: p.column })}</span>
              <span className="problem-text">{isBlocking(p) ? '' : tr('ui.review.warning')}{render(lang, p.text)}</span>
            </button>
          </li>
        ))}
      </ul>
      {(pages.total ?? 0) > visible && (
        <button type="button" className="link" onClick={() => setCount((c) => c + shown)}>
          {tr('ui.review.moreProblems', { count: (pages.total ?? 0) - visible })}
        </button>
      )}
    </aside>
  );
}
