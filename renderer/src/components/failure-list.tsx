// The rows that need the clerk: failed (the ERP's reason verbatim, and what to do about it when the
// message is a known one), unknown (what to check) and invalid (every problem), paged from the job store.
import { useEffect, useState } from 'react';
import type { JobRowView } from '../../../shared/contract';
import { ErrorBox } from './error-box';
import { useApp, useT } from '../hooks/use-app';
import { usePages } from '../hooks/use-pages';

const step = 100;
export const needAction = ['failed', 'unknown', 'invalid'] as const;

export function FailureList({ jobId, total, version }: { jobId: string; total: number; version: string }) {
  const { api } = useApp();
  const tr = useT();
  const [count, setCount] = useState(step);
  const pages = usePages<JobRowView>(`${jobId}:${version}`, (offset, limit) => api.jobsRows({ jobId, offset, limit, states: [...needAction] }), step);
  const visible = Math.min(count, pages.total ?? 0);
  const { ensure } = pages;
  useEffect(() => ensure(0, Math.max(0, visible - 1)), [ensure, visible]);
  const rows: JobRowView[] = [];
  for (let i = 0; i < visible; i += 1) {
    const row = pages.at(i);
    if (row) rows.push(row);
  }
  return (
    // A scrolling box: focusable, so the keyboard can scroll it too.
    <section className="failures" aria-labelledby="failures-title" tabIndex={0}>
      <h2 id="failures-title">{tr('ui.results.failures', { count: total })}</h2>
      {pages.error && <ErrorBox error={pages.error} />}
      {total === 0 ? (
        <p className="ok-text">{tr('ui.results.noFailures')}</p>
      ) : (
        <table className="table" data-testid="failure-list">
          <thead>
            <tr>
              <th scope="col">{tr('ui.review.rowNo')}</th>
              <th scope="col">{tr('ui.review.state')}</th>
              <th scope="col">{tr('ui.results.key')}</th>
              <th scope="col">{tr('ui.results.reason')}</th>
              <th scope="col">{tr('ui.results.hint')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.rowNumber}>
                <td>{r.rowNumber}</td>
                <td className={`state-${r.state}`}>{tr(`states.${r.state}`)}</td>
                <td>{r.cells.filter((c) => c !== '').slice(0, 2).join(' · ')}</td>
                <td className="erp-message">{r.message}</td>
                <td className="erp-hint">{r.hint ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(pages.total ?? 0) > visible && (
        <button type="button" className="link" onClick={() => setCount((c) => c + step)}>
          {tr('ui.results.more', { count: (pages.total ?? 0) - visible })}
        </button>
      )}
    </section>
  );
}
