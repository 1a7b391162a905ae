// The jobs list's filters: text (job id or file name), operation, profile, job state, and a range of days.
// The store does the filtering (jobsQuery), so thousands of jobs never cross to the window; the operations
// and profiles offered are those some job used.
import { useEffect, useState } from 'react';
import type { JobsFilter } from '../../../shared/contract';
import { jobStates, type JobState } from '../../../shared/states';
import { useApp, useT } from '../hooks/use-app';
import { operationLabel } from '../operations';

interface Props {
  filter: JobsFilter;
  onChange(filter: JobsFilter): void;
  operations: readonly string[];
  profiles: readonly string[];
}

/** Typing pauses this long before the list is asked again. */
const textDelay = 250;

/** The filter without the parts left empty (the contract takes absent, not ''). */
const withPart = <K extends keyof JobsFilter>(filter: JobsFilter, key: K, value: JobsFilter[K] | ''): JobsFilter => {
  const next = { ...filter };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value;
  return next;
};

export function JobFilters({ filter, onChange, operations, profiles }: Props) {
  const { lang } = useApp();
  const tr = useT();
  const [text, setText] = useState(filter.text ?? '');
  useEffect(() => {
    if ((filter.text ?? '') === text.trim()) return;
    const timer = setTimeout(() => onChange(withPart(filter, 'text', text.trim())), textDelay);
    return () => clearTimeout(timer);
  }, [text, filter, onChange]);
  const set = <K extends keyof JobsFilter>(key: K) => (value: string) => onChange(withPart(filter, key, value as JobsFilter[K]));
  const any = Object.keys(filter).length > 0 || text !== '';
  return (
    <form className="filters" role="search" aria-label={tr('browse.filter.title')} onSubmit={(e) => e.preventDefault()} data-testid="job-filters">
      <label>
        {tr('browse.filter.text')}
        <input type="search" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} data-testid="job-filter-text" />
      </label>
      <label>
        {tr('browse.filter.operation')}
        <select value={filter.operation ?? ''} onChange={(e) => set('operation')(e.target.value)} data-testid="job-filter-operation">
          <option value="">{tr('browse.filter.any')}</option>
          {operations.map((op) => (
            <option key={op} value={op}>
              {operationLabel(op, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('browse.filter.profile')}
        <select value={filter.profile ?? ''} onChange={(e) => set('profile')(e.target.value)} data-testid="job-filter-profile">
          <option value="">{tr('browse.filter.any')}</option>
          {profiles.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('browse.filter.state')}
        <select value={filter.state ?? ''} onChange={(e) => set('state')(e.target.value as JobState | '')} data-testid="job-filter-state">
          <option value="">{tr('browse.filter.any')}</option>
          {jobStates.map((s) => (
            <option key={s} value={s}>
              {tr(`ui.jobState.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('browse.filter.from')}
        <input type="date" value={filter.from ?? ''} max={filter.to} onChange={(e) => set('from')(e.target.value)} data-testid="job-filter-from" />
      </label>
      <label>
        {tr('browse.filter.to')}
        <input type="date" value={filter.to ?? ''} min={filter.from} onChange={(e) => set('to')(e.target.value)} data-testid="job-filter-to" />
      </label>
      {any && (
        <button
          type="button"
          className="link"
          onClick={() => {
            setText('');
            onChange({});
          }}
        >
          {tr('browse.filter.clear')}
        </button>
      )}
    </form>
  );
}
