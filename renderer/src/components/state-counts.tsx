// Counts per row state, in the order the workbook lists them, with the workbook's own state words.
import type { StateCounts } from '../../../shared/states';
import { finalStates } from '../../../shared/states';
import { useT } from '../hooks/use-app';

export function StateCountsView({ counts, testId }: { counts: StateCounts; testId?: string }) {
  const tr = useT();
  const shown = [...finalStates, ...(counts.pending > 0 ? (['pending'] as const) : [])];
  return (
    <dl className="counts" data-testid={testId} aria-label={tr('ui.results.countsLabel')}>
      {shown.map((s) => (
        <div key={s} className={counts[s] > 0 ? `count state-${s}` : 'count'}>
          <dt>{tr(`states.${s}`)}</dt>
          <dd>{counts[s].toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}
