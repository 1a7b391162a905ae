// Review: the rows as read, the counts, every problem; the operation (with why it was chosen) and the
// sheet can be changed, rows withdrawn, cells edited in the grid (judged again at once by main, with undo and
// redo; the file is never changed). Nothing is sent from here: "Next" only opens the submit step.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CellProblem } from '../../../shared/operations/types';
import type { FileTicket, ImportRowView, ImportSummary, MasterdataPreviewView, RowFilter, SubmitPreview } from '../../../shared/contract';
import { previewSpecOf } from '../../../shared/masterdata/preview-rules';
import { getOperation } from '../../../shared/operations/catalog';
import { cellNotes } from '../components/erp-notes';
import { ErpPreview } from '../components/erp-preview';
import { useErpNames } from '../hooks/use-erp-names';
import { render } from '../../../shared/i18n';
import type { OperationId } from '../../../shared/operations/types';
import { IgnoredColumns } from '../components/ignored-columns';
import { EditBar } from '../components/edit-bar';
import { ErrorBox, Loading } from '../components/error-box';
import { OperationReason } from '../components/operation-reason';
import type { GridTarget } from '../components/row-grid';
import { SheetBody } from '../components/sheet-body';
import { ScreenTitle } from '../components/screen-title';
import { countKey, useApp, useT } from '../hooks/use-app';
import { useAsync } from '../hooks/use-async';
import { useCellEdits } from '../hooks/use-cell-edits';
import { usePages } from '../hooks/use-pages';
import { groupsRows, operationIds, operationLabel } from '../operations';

interface Props {
  ticket: FileTicket;
  summary: ImportSummary;
  withdrawn: ReadonlySet<number>;
  /** Any profile: what a submit would send does not depend on where it goes. */
  profileName: string | null;
  onWithdrawn(rows: ReadonlySet<number>): void;
  onReviewed(summary: ImportSummary): void;
  onNext(): void;
  onStartOver(): void;
}

const filters: readonly RowFilter[] = ['all', 'invalid', 'duplicate', 'valid'];

export function ReviewScreen({ ticket, summary, withdrawn, profileName, onWithdrawn, onReviewed, onNext, onStartOver }: Props) {
  const { api, lang } = useApp();
  const tr = useT();
  const [filter, setFilter] = useState<RowFilter>('all');
  const [scrollTo, setScrollTo] = useState<GridTarget | null>(null);
  const [reread, runReread] = useAsync<ImportSummary>();
  const [sending, runSending] = useAsync<SubmitPreview>();
  const { importId, counts } = summary;
  const grouped = groupsRows(summary.operation);
  // Issue 17: names beside codes (a create sheet), the ERP's state beside each number (a previewed list).
  const names = useErpNames(summary);
  const [previewed, setPreviewed] = useState<MasterdataPreviewView | null>(null);
  const preview = previewed?.importId === importId ? previewed : null;
  const previewable = useMemo(() => {
    const op = getOperation(summary.operation);
    return op !== undefined && previewSpecOf(op) !== null;
  }, [summary.operation]);
  const annotate = useMemo(() => cellNotes(summary.operation, names, preview, lang), [summary.operation, names, preview, lang]);

  // Skipping a row changes what would be sent: the preview (the same count the submit screen shows)
  // says how many rows and orders are left, so review and submit never disagree.
  useEffect(() => {
    if (profileName) void runSending(() => api.jobsPreview({ importId, profile: profileName, withdrawnRows: [...withdrawn] }));
  }, [api, runSending, importId, profileName, withdrawn, counts]);
  const left = sending.status === 'done' ? sending.value : null;
  const sheetNotices = summary.notices.filter((n) => n.row === 0);
  const rowNotices = summary.notices.filter((n) => n.row > 0);
  const rowNoticeCount = counts.notices - sheetNotices.length;

  const rows = usePages<ImportRowView>(`${importId}:${filter}`, (offset, limit) => api.importRows({ importId, offset, limit, filter, grouped }));

  const { history, grid, error: editError, serial: edits } = useCellEdits(importId, onReviewed, rows.reload);

  const readAgain = async (change: { sheet?: string; operation?: OperationId }) => {
    const got = await runReread(() => api.importRead({ token: ticket.token, sheet: change.sheet ?? summary.sheet, ...(change.operation ? { operation: change.operation } : {}) }));
    if (got?.ok) {
      void api.importDiscard({ importId });
      setFilter('all');
      onReviewed(got.value);
    }
  };

  const pick = useCallback(
    async (problem: CellProblem) => {
      let found = await api.importFindRow({ importId, rowNumber: problem.row, filter, grouped });
      // A filter that hides the row (e.g. "valid only") gives way: the clerk asked to see this cell.
      if (found.ok && found.value < 0 && filter !== 'all') {
        setFilter('all');
        found = await api.importFindRow({ importId, rowNumber: problem.row, filter: 'all', grouped });
      }
      const column = summary.columns.findIndex((c) => c.header === problem.column || (c.field !== null && c.field === problem.field));
      if (found.ok && found.value >= 0) setScrollTo((s) => ({ index: found.value, column: Math.max(0, column), serial: (s?.serial ?? 0) + 1 }));
    },
    [api, importId, filter, grouped, summary.columns],
  );

  const withdraw = (rowNumber: number, out: boolean) => {
    const next = new Set(withdrawn);
    if (out) next.add(rowNumber);
    else next.delete(rowNumber);
    onWithdrawn(next);
  };

  // Whether withdrawals leave anything to send is the preview's to say (it knows which rows form orders).
  // Rows an earlier job already did still count: the submit screen is where the clerk may include them.
  const includable = left !== null && left.earlier.doneRows > 0 && !left.earlier.alwaysSkip;
  const sendable = left ? left.orders > 0 || includable : counts.valid > 0;
  return (
    <div className="review">
      <div className="review-top">
        <div className="file-line">
          <ScreenTitle className="inline-title">{tr('ui.review.title')}</ScreenTitle>
          <strong>{summary.file.name}</strong>
          <span className="muted">{tr('ui.review.headerRow', { row: summary.headerRow })}</span>
          {summary.sheets.length > 1 && (
            <label>
              {tr('ui.review.sheet')}
              <select value={summary.sheet} onChange={(e) => void readAgain({ sheet: e.target.value })} data-testid="sheet-select">
                {summary.sheets.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.visible ? s.name : tr('ui.review.hiddenSheet', { name: s.name })}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {tr('ui.review.operation')}
            <select value={summary.operation} onChange={(e) => void readAgain({ operation: e.target.value as OperationId })} data-testid="operation-select">
              {operationIds.map((id) => (
                <option key={id} value={id}>
                  {operationLabel(id, lang)}
                </option>
              ))}
            </select>
          </label>
          <OperationReason operation={summary.operation} reason={summary.operationReason} />
        </div>
        <dl className="counts" data-testid="review-counts" aria-label={tr('ui.review.countsLabel')}>
          <Count label={tr('ui.review.rows')} value={counts.rows} />
          <Count label={tr('ui.review.validCount')} value={left?.rows ?? counts.valid} tone="ok" />
          <Count label={tr('ui.review.invalidCount')} value={counts.invalid} tone={counts.invalid > 0 ? 'bad' : undefined} />
          <Count label={tr('ui.review.duplicateCount')} value={counts.duplicate} tone={counts.duplicate > 0 ? 'warn' : undefined} />
          <Count label={tr('ui.review.orders')} value={left?.orders ?? counts.orders} note={tr('ui.review.ordersNote')} />
          <Count label={tr('ui.review.withdrawnCount')} value={left?.withdrawn ?? withdrawn.size} />
        </dl>
      </div>
      {reread.status === 'loading' && <Loading text={tr('ui.import.reading', { name: summary.file.name })} />}
      {reread.status === 'error' && <ErrorBox error={reread.error} />}
      <IgnoredColumns columns={summary.ignoredColumns} />
      {sheetNotices.length > 0 && (
        <ul className="sheet-notices" aria-label={tr('ui.review.sheetNotices')} data-testid="sheet-notices">
          {sheetNotices.map((n, i) => (
            <li key={i}>{render(lang, n.text)}</li>
          ))}
        </ul>
      )}
      {rowNoticeCount > 0 && (
        <details className="notices" data-testid="row-notices">
          <summary>{tr(countKey('ui.review.notices', rowNoticeCount), { count: rowNoticeCount })}</summary>
          <ul>
            {rowNotices.map((n, i) => (
              <li key={i}>{tr('ui.review.noticeRow', { row: n.row, text: render(lang, n.text) })}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="filter-bar" role="radiogroup" aria-label={tr('ui.review.filterLabel')}>
        {filters.map((f) => (
          <label key={f} className={filter === f ? 'chip chip-on' : 'chip'}>
            <input type="radio" name="row-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} data-testid={`filter-${f}`} />
            {tr(`ui.review.filter.${f}`)}
          </label>
        ))}
        {grouped && <span className="muted">{tr('ui.review.groupedNote')}</span>}
        <EditBar editedCells={summary.editedCells} history={history} />
      </div>
      {editError && <ErrorBox error={editError} />}
      {previewable && (
        <ErpPreview
          key={importId}
          importId={importId}
          profileName={profileName}
          editedCells={summary.editedCells}
          withdrawn={withdrawn}
          preview={preview}
          onPreview={setPreviewed}
          onDrop={(dropped) => onWithdrawn(new Set([...withdrawn, ...dropped]))}
        />
      )}
      <SheetBody
        className="review-body"
        summary={summary}
        rows={rows}
        withdrawn={withdrawn}
        onWithdraw={withdraw}
        showOrders={grouped}
        scrollTo={scrollTo}
        grid={grid}
        {...(annotate ? { annotate } : {})}
        problemsVersion={edits}
        onPick={(problem) => void pick(problem)}
      />
      <div className="actions">
        <button type="button" onClick={onStartOver}>
          {tr('ui.review.another')}
        </button>
        <span className="muted">{sendable ? tr('ui.review.nothingSent') : tr('ui.review.nothingValid')}</span>
        <button type="button" className="primary" disabled={!sendable} onClick={onNext} data-testid="to-submit">
          {tr('ui.review.next')}
        </button>
      </div>
    </div>
  );
}

function Count({ label, value, tone, note }: { label: string; value: number; tone?: 'ok' | 'bad' | 'warn'; note?: string }) {
  return (
    <div className={tone ? `count count-${tone}` : 'count'} title={note}>
      <dt>{label}</dt>
      <dd>{value.toLocaleString()}</dd>
    </div>
  );
}
