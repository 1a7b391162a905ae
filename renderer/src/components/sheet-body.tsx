// A read's rows in the review grid beside its problem list: the review screen and the results screen's rows
// to resend show a read alike (the grid edits in place when given the edit handlers).
import type { ImportRowView, ImportSummary } from '../../../shared/contract';
import type { CellProblem } from '../../../shared/operations/types';
import type { Pages } from '../hooks/use-pages';
import type { CellStep } from '../hooks/use-edit-history';
import { ErrorBox } from './error-box';
import { ProblemList } from './problem-list';
import { RowGrid, type GridTarget, type RowGridProps } from './row-grid';

interface Props {
  className: string;
  summary: Pick<ImportSummary, 'importId' | 'operation' | 'columns' | 'counts'>;
  rows: Pages<ImportRowView>;
  withdrawn: ReadonlySet<number>;
  onWithdraw(rowNumber: number, withdrawn: boolean): void;
  showOrders: boolean;
  scrollTo: GridTarget | null;
  grid: { onEdit(step: CellStep): void; onUndo(): void; onRedo(): void };
  /** Changes after each edit: the problem list is fetched again. */
  problemsVersion: number;
  onPick(problem: CellProblem): void;
  /** Notes after cells' text (issue 17: names beside codes, previewed ERP states). */
  annotate?: RowGridProps['annotate'];
}

export function SheetBody({ className, summary, rows, withdrawn, onWithdraw, showOrders, scrollTo, grid, problemsVersion, onPick, annotate }: Props) {
  const { importId, counts } = summary;
  return (
    <div className={className}>
      {rows.error ? (
        <ErrorBox error={rows.error} />
      ) : (
        <RowGrid operation={summary.operation} columns={summary.columns} rows={rows} withdrawn={withdrawn} onWithdraw={onWithdraw} showOrders={showOrders} scrollTo={scrollTo} {...grid} {...(annotate ? { annotate } : {})} />
      )}
      <ProblemList key={problemsVersion} importId={importId} total={counts.problems} warnings={counts.warnings} onPick={onPick} />
    </div>
  );
}
