// The results screen's rows to resend (issue 16 item 3): a finished job's failed, invalid and unknown rows
// (never its succeeded ones), read again by main with the reader's rules (jobsResendDraft) and shown in the
// review grid, where the clerk edits cells in place with the same keys, undo and redo, each edit judged at
// once (importEdit, the review's SheetEditor). "重新提交失败的 N 行" makes the follow-up job from the rows as
// edited (jobsResend with the draft); rows still invalid stay invalid and are not sent, withdrawn ones skipped.
import { useCallback, useEffect, useState } from 'react';
import type { ImportRowView, ImportSummary } from '../../../shared/contract';
import type { CellProblem } from '../../../shared/operations/types';
import { countKey, useApp, useT } from '../hooks/use-app';
import { useAsync } from '../hooks/use-async';
import { useCellEdits } from '../hooks/use-cell-edits';
import { usePages } from '../hooks/use-pages';
import { groupsRows } from '../operations';
import { EditBar } from './edit-bar';
import { ErrorBox, Loading } from './error-box';
import type { GridTarget } from './row-grid';
import { SheetBody } from './sheet-body';

interface Props {
  jobId: string;
  /** The follow-up was made and started: open its run. */
  onResent(jobId: string): void;
}

export function ResendEditor({ jobId, onResent }: Props) {
  const { api } = useApp();
  const tr = useT();
  const [draft, runDraft] = useAsync<ImportSummary>();
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  useEffect(() => {
    let importId: string | null = null;
    void runDraft(() => api.jobsResendDraft({ jobId })).then((got) => {
      if (!got?.ok) return;
      importId = got.value.importId;
      setSummary(got.value);
    });
    // The draft lives in main only while this screen shows it (a resend drops it there itself).
    return () => {
      if (importId) void api.importDiscard({ importId });
    };
  }, [api, jobId, runDraft]);

  if (draft.status === 'error') return <ErrorBox error={draft.error} />;
  if (!summary) return <Loading text={tr('followup.ui.loading')} />;
  return <DraftGrid key={summary.importId} jobId={jobId} summary={summary} onSummary={setSummary} onResent={onResent} />;
}

function DraftGrid({ jobId, summary, onSummary, onResent }: Props & { summary: ImportSummary; onSummary(s: ImportSummary): void }) {
  const { api } = useApp();
  const tr = useT();
  const { importId, counts } = summary;
  const grouped = groupsRows(summary.operation);
  const [withdrawn, setWithdrawn] = useState<ReadonlySet<number>>(new Set());
  const [scrollTo, setScrollTo] = useState<GridTarget | null>(null);
  const [resent, runResend] = useAsync<{ jobId: string }>();
  const rows = usePages<ImportRowView>(`${importId}:resend`, (offset, limit) => api.importRows({ importId, offset, limit, filter: 'all', grouped }));
  const { history, grid, error, serial } = useCellEdits(importId, onSummary, rows.reload);

  const withdraw = (rowNumber: number, out: boolean) => {
    const next = new Set(withdrawn);
    if (out) next.add(rowNumber);
    else next.delete(rowNumber);
    setWithdrawn(next);
  };
  const pick = useCallback(
    async (problem: CellProblem) => {
      const found = await api.importFindRow({ importId, rowNumber: problem.row, filter: 'all', grouped });
      const column = summary.columns.findIndex((c) => c.header === problem.column || (c.field !== null && c.field === problem.field));
      if (found.ok && found.value >= 0) setScrollTo((s) => ({ index: found.value, column: Math.max(0, column), serial: (s?.serial ?? 0) + 1 }));
    },
    [api, importId, grouped, summary.columns],
  );
  const resend = async () => {
    const got = await runResend(() => api.jobsResend({ jobId, importId, withdrawnRows: [...withdrawn] }));
    if (got?.ok) onResent(got.value.jobId);
  };

  // What goes out: valid rows not withdrawn (main refuses a follow-up with none, and says why).
  const offered = counts.rows - withdrawn.size;
  const sendable = Math.max(0, counts.valid - withdrawn.size);
  return (
    <section className="resend" aria-labelledby="resend-title" data-testid="resend-editor">
      <h2 id="resend-title">
        {tr('followup.ui.title')}
      </h2>
      <p className="muted small">{tr('followup.ui.intro', { count: counts.rows })}</p>
      <div className="actions actions-left">
        <button type="button" className="primary" disabled={sendable === 0 || resent.status === 'loading'} onClick={() => void resend()} data-testid="resend">
          {tr(countKey('resend.button', offered), { count: offered })}
        </button>
        <span className="muted" data-testid="resend-sendable" role="status">
          {sendable === 0
            ? tr('followup.ui.nothingSendable')
            : tr(counts.invalid > 0 ? 'followup.ui.sendable' : 'followup.ui.sendableAll', { rows: sendable, orders: counts.orders, invalid: counts.invalid })}
        </span>
        <EditBar editedCells={summary.editedCells} history={history} />
      </div>
      {error && <ErrorBox error={error} />}
      {resent.status === 'error' && <ErrorBox error={resent.error} />}
      <SheetBody
        className="resend-body"
        summary={summary}
        rows={rows}
        withdrawn={withdrawn}
        onWithdraw={withdraw}
        showOrders={grouped}
        scrollTo={scrollTo}
        grid={grid}
        problemsVersion={serial}
        onPick={(problem) => void pick(problem)}
      />
    </section>
  );
}
