// The outcome at a glance: one stacked bar of the six row states (widths by count, each part labelled
// with its word and number, so colour is never the only cue) and the most common reasons for failure.
import { useEffect, useState } from 'react';
import type { JobRowView } from '../../../shared/contract';
import { finalStates, type StateCounts } from '../../../shared/states';
import { topReasons, type ReasonCount } from '../../../shared/top-reasons';
import { countKey, useApp, useT } from '../hooks/use-app';
import { useCssVars } from '../hooks/use-css-vars';

/** Rows looked at for the reasons: enough for any sheet a clerk fixes by hand; more is summed in the workbook. */
const sampled = 2000;
const shownReasons = 5;
const pageSize = 500;

export function OutcomePicture({ jobId, counts, version }: { jobId: string; counts: StateCounts; version: string }) {
  const tr = useT();
  const total = finalStates.reduce((n, s) => n + counts[s], 0) + counts.pending;
  const parts = [...finalStates, 'pending' as const].filter((s) => counts[s] > 0);
  const label = parts.map((s) => `${tr(`states.${s}`)} ${counts[s]}`).join('，');
  return (
    <section className="outcome" aria-labelledby="outcome-title" data-testid="outcome">
      <h3 id="outcome-title">{tr('ui.results.picture')}</h3>
      <div className="stack-bar" role="img" aria-label={tr('ui.results.barLabel', { parts: label })} data-testid="state-bar">
        {parts.map((s) => (
          <BarPart key={s} state={s} share={total > 0 ? counts[s] / total : 0} text={`${tr(`states.${s}`)} ${counts[s].toLocaleString()}`} />
        ))}
      </div>
      {counts.failed > 0 && <TopReasons jobId={jobId} failed={counts.failed} version={version} />}
    </section>
  );
}

function BarPart({ state, share, text }: { state: string; share: number; text: string }) {
  const ref = useCssVars<HTMLSpanElement>({ 'flex-grow': String(share), 'min-width': share > 0 ? '2.5em' : '0' });
  return (
    <span ref={ref} className={`bar-part bar-${state}`} title={text} data-state={state}>
      {text}
    </span>
  );
}

function TopReasons({ jobId, failed, version }: { jobId: string; failed: number; version: string }) {
  const { api } = useApp();
  const tr = useT();
  const [reasons, setReasons] = useState<ReasonCount[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const rows: JobRowView[] = [];
      // Pages of the contract's largest size, up to the sample.
      for (let offset = 0; offset < sampled && live; offset += pageSize) {
        const next = await api.jobsRows({ jobId, offset, limit: pageSize, states: ['failed'] });
        if (!next.ok) return;
        rows.push(...next.value.items);
        if (offset + pageSize >= next.value.total) break;
      }
      if (live) setReasons(topReasons(rows, shownReasons));
    })();
    return () => {
      live = false;
    };
  }, [api, jobId, version]);
  if (reasons.length === 0) return null;
  return (
    <div className="top-reasons">
      <h4 id="reasons-title">
        {tr('ui.results.topReasons')}
        {failed > sampled && <span className="muted"> {tr('ui.results.reasonsPartial', { count: sampled })}</span>}
      </h4>
      <ol aria-labelledby="reasons-title" data-testid="top-reasons">
        {reasons.map((r) => (
          <li key={r.message}>
            <span className="reason-count">{tr(countKey('ui.results.reasonCount', r.count), { count: r.count })}</span>
            <span className="erp-message">{r.message}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
