// Review: the rows as read, the counts, every problem; the operation (with why it was chosen) and the
// sheet can be changed, rows withdrawn. Nothing is sent from here: "Next" only opens the submit step.
import { useCallback, useState } from 'react';
import type { FileTicket, ImportRowView, ImportSummary, RowFilter } from '../../../shared/contract';
import { render } from '../../../shared/i18n';
import type { OperationId } from '../../../shared/operations/types';
import { IgnoredColumns } from '../components/ignored-columns';
import { ErrorBox, Loading } from '../components/error-box';
import { ProblemList } from '../components/problem-list';
import { RowGrid } from '../components/row-grid';
import { useApp, useT } from '../hooks/use-app';
import { useAsync } from '../hooks/use-async';
import { usePages } from '../hooks/use-pages';
import { groupsRows, operationIds, operationLabel, operationMethod } from '../operations';

interface Props {
  ticket: FileTicket;
  summary: ImportSummary;
  withdrawn: ReadonlySet<number>;
  onWithdrawn(rows: ReadonlySet<number>): void;
  onReviewed(summary: ImportSummary): void;
  onNext(): void;
  onStartOver(): void;
}

const filters: readonly RowFilter[] = ['all', 'invalid', 'duplicate', 'valid'];

export function ReviewScreen({ ticket, summary, withdrawn, onWithdrawn, onReviewed, onNext, onStartOver }: Props) {
  const { api, lang } = useApp();
  const tr = useT();
  const [filter, setFilter] = useState<RowFilter>('all');
  const [scrollTo, setScrollTo] = useState<{ index: number; serial: number } | null>(null);
  const [reread, runReread] = useAsync<ImportSummary>();
  const { importId, counts } = summary;
  const grouped = groupsRows(summary.operation);

  const rows = usePages<ImportRowView>(`${importId}:${filter}`, (offset, limit) => api.importRows({ importId, offset, limit, filter, grouped }));

  const readAgain = async (change: { sheet?: string; operation?: OperationId }) => {
    const got = await runReread(() => api.importRead({ token: ticket.token, sheet: change.sheet ?? summary.sheet, ...(change.operation ? { operation: change.operation } : {}) }));
    if (got?.ok) {
      void api.importDiscard({ importId });
      setFilter('all');
      onReviewed(got.value);
    }
  };

  const pick = useCallback(
    async (rowNumber: number) => {
      const found = await api.importFindRow({ importId, rowNumber, filter, grouped });
      if (found.ok) setScrollTo((s) => ({ index: found.value, serial: (s?.serial ?? 0) + 1 }));
    },
    [api, importId, filter, grouped],
  );

  const withdraw = (rowNumber: number, out: boolean) => {
    const next = new Set(withdrawn);
    if (out) next.add(rowNumber);
    else next.delete(rowNumber);
    onWithdrawn(next);
  };

  // Whether withdrawals leave anything to send is the preview's to say (it knows which rows form orders).
  const sendable = counts.valid > 0;
  return (
    <div className="review">
      <div className="review-top">
        <div className="file-line">
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
          <span className="muted" data-testid="operation-reason">
            {operationMethod(summary.operation)} · {render(lang, summary.operationReason)}
          </span>
        </div>
        <dl className="counts" data-testid="review-counts" aria-label={tr('ui.review.countsLabel')}>
          <Count label={tr('ui.review.rows')} value={counts.rows} />
          <Count label={tr('ui.review.validCount')} value={counts.valid} tone="ok" />
          <Count label={tr('ui.review.invalidCount')} value={counts.invalid} tone={counts.invalid > 0 ? 'bad' : undefined} />
          <Count label={tr('ui.review.duplicateCount')} value={counts.duplicate} tone={counts.duplicate > 0 ? 'warn' : undefined} />
          <Count label={tr('ui.review.orders')} value={counts.orders} />
          <Count label={tr('ui.review.withdrawnCount')} value={withdrawn.size} />
        </dl>
      </div>
      {reread.status === 'loading' && <Loading text={tr('ui.import.reading', { name: summary.file.name })} />}
      {reread.status === 'error' && <ErrorBox error={reread.error} />}
      <IgnoredColumns columns={summary.ignoredColumns} />
      {summary.counts.notices > 0 && (
        <details className="notices">
          <summary>{tr('ui.review.notices', { count: summary.counts.notices })}</summary>
          <ul>
            {summary.notices.map((n, i) => (
              <li key={i}>{n.row > 0 ? tr('ui.review.noticeRow', { row: n.row, text: render(lang, n.text) }) : render(lang, n.text)}</li>
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
      </div>
      <div className="review-body">
        {rows.error ? (
          <ErrorBox error={rows.error} />
        ) : (
          <RowGrid columns={summary.columns} rows={rows} withdrawn={withdrawn} onWithdraw={withdraw} showOrders={grouped} scrollTo={scrollTo} />
        )}
        <ProblemList importId={importId} total={counts.problems} warnings={counts.warnings} onPick={(row) => void pick(row)} />
      </div>
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

function Count({ label, value, tone }: { label: string; value: number; tone?: 'ok' | 'bad' | 'warn' }) {
  return (
    <div className={tone ? `count count-${tone}` : 'count'}>
      <dt>{label}</dt>
      <dd>{value.toLocaleString()}</dd>
    </div>
  );
}
