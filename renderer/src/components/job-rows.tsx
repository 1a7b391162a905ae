// Every row of one job (any job in the store, from the jobs screen): a fixed-row-height window over pages
// fetched from the job store as they scroll in, so a 100,000-row job keeps about 40 rows in the DOM. Narrowed
// by state (the states the job has, with their counts) and by a key or sheet row number; each row shows its
// sheet row number, order key, state, the ERP's answer or our note, and the call that carried it. The table
// scrolls with the keyboard (arrows, Page Up/Down, Home/End) once focused. While the job runs, the counts and
// the rows in view follow it (use-follow-job.ts), at most twice a second, keeping the scroll position.
import { useEffect, useId, useRef, useState } from 'react';
import type { JobRowView, JobView } from '../../../shared/contract';
import { finalStates, type RowState } from '../../../shared/states';
import { ErrorBox } from './error-box';
import { useApp, useT } from '../hooks/use-app';
import { placeAt, useCssVars } from '../hooks/use-css-vars';
import { useFollowJob } from '../hooks/use-follow-job';
import { usePages } from '../hooks/use-pages';
import { rowHeight, useRowWindow } from '../hooks/use-row-window';

const pageSize = 200;
/** Typing pauses this long before the store is asked (a 100,000-row search is not free). */
const searchDelay = 250;

export function JobRows({ job: opened, onBack }: { job: JobView; onBack(): void }) {
  const { api } = useApp();
  const tr = useT();
  const id = useId();
  const [state, setState] = useState<RowState | 'all'>('all');
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), searchDelay);
    return () => clearTimeout(timer);
  }, [typed]);
  const rows = usePages<JobRowView>(
    `${opened.id}:${state}:${search}`,
    (offset, limit) => api.jobsRows({ jobId: opened.id, offset, limit, ...(state === 'all' ? {} : { states: [state] }), ...(search ? { search } : {}) }),
    pageSize,
  );
  const scroller = useRef<HTMLDivElement>(null);
  const { total, virtualizer, items, sizer, refresh } = useRowWindow(rows, scroller);
  // While the job runs its counts and the rows in view follow it; the scroll position and focus stay.
  const job = useFollowJob(opened, refresh);
  // A new filter starts at the top.
  useEffect(() => virtualizer.scrollToOffset(0), [state, search]);
  const grid = useCssVars<HTMLDivElement>({ '--grid-cols': '6em 12em 7em minmax(20em, 1fr) 7em', '--grid-min': '54em' });
  const all = Object.values(job.counts).reduce((a, b) => a + b, 0);
  // The state chosen stays offered while the job runs, even once no row is in it any more (pending at the end).
  const states = [...finalStates, 'pending' as const].filter((s) => job.counts[s] > 0 || s === state);

  return (
    <section className="job-rows" aria-labelledby={`${id}-title`} data-testid="job-rows">
      <div className="actions actions-left">
        <button type="button" onClick={onBack} data-testid="job-rows-back">
          {tr('browse.rows.back')}
        </button>
      </div>
      <h2 id={`${id}-title`}>{tr('browse.rows.title', { job: job.id, source: job.sourceName })}</h2>
      <div className="filters" role="search">
        <label>
          {tr('browse.rows.stateFilter')}
          <select value={state} onChange={(e) => setState(e.target.value as RowState | 'all')} data-testid="job-rows-state">
            <option value="all">{tr('browse.rows.allStates', { count: all.toLocaleString() })}</option>
            {states.map((s) => (
              <option key={s} value={s}>
                {tr('browse.rows.stateCount', { state: tr(`states.${s}`), count: job.counts[s].toLocaleString() })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('browse.rows.search')}
          <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={200} data-testid="job-rows-search" />
        </label>
        <span className="muted" role="status" data-testid="job-rows-count">
          {rows.total === null ? tr('browse.rows.loading') : tr('browse.rows.found', { count: total.toLocaleString() })}
        </span>
      </div>
      {rows.error && <ErrorBox error={rows.error} />}
      <div className="grid job-rows-grid" ref={grid}>
        <div className="grid-scroll" ref={scroller} role="table" tabIndex={0} aria-label={tr('browse.rows.table')} aria-rowcount={total + 1} data-testid="job-rows-scroll">
          <div className="grid-row grid-head" role="row" aria-rowindex={1}>
            <span role="columnheader">{tr('browse.rows.rowNo')}</span>
            <span role="columnheader">{tr('browse.rows.key')}</span>
            <span role="columnheader">{tr('browse.rows.state')}</span>
            <span role="columnheader">{tr('browse.rows.message')}</span>
            <span role="columnheader">{tr('browse.rows.call')}</span>
          </div>
          {rows.total === 0 && <p className="empty">{tr('browse.rows.none')}</p>}
          <div className="grid-sizer" ref={sizer}>
            {items.map((item) => {
              const row = rows.at(item.index);
              if (!row) {
                return (
                  <div key={item.key} className="grid-row grid-loading" ref={placeAt(item.start - rowHeight)} role="row" aria-rowindex={item.index + 2}>
                    <span role="cell">{tr('ui.common.loading')}</span>
                  </div>
                );
              }
              const hint = row.hint ? `\n${row.hint}` : '';
              return (
                <div key={item.key} className={`grid-row row-state-${row.state}`} ref={placeAt(item.start - rowHeight)} role="row" aria-rowindex={item.index + 2} data-row={row.rowNumber}>
                  <span role="cell">{row.rowNumber}</span>
                  <span role="cell" title={row.key ?? ''}>{row.key ?? '—'}</span>
                  <span role="cell" className={`state-${row.state}`}>{tr(`states.${row.state}`)}</span>
                  <span role="cell" className="erp-message" title={`${row.message}${hint}`}>{row.message}</span>
                  <span role="cell">{row.call === null ? tr('browse.rows.notSent') : row.call}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
