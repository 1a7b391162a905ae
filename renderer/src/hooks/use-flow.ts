// Where the clerk is: the new-job flow (import → mapping when needed → review → submit → run → results) or the jobs list or
// settings. The import in progress (ticket, summary, withdrawn rows) survives a visit to another tab.
import { useCallback, useState } from 'react';
import type { FileTicket, ImportSummary } from '../../../shared/contract';

export type Tab = 'work' | 'jobs' | 'settings';
export type Step = 'import' | 'mapping' | 'review' | 'submit' | 'run' | 'results';

/**
 * A read goes to the mapping step first (issue 16 item 1) when no mapping placed its columns and either a
 * required field has no column, or a column could not be placed: the clerk says once what each column is
 * (or 不导入), and the choice is saved for that header set, so the same headers go straight to the review
 * next time, with a notice and a way to change it. The built-in sample is ours: it never stops there.
 */
export const needsMapping = (summary: ImportSummary): boolean =>
  summary.mapping === null && !summary.sandboxOnly && (summary.unmapped.fields.length > 0 || summary.unmapped.columns.length > 0);

export interface FlowState {
  tab: Tab;
  step: Step;
  ticket: FileTicket | null;
  summary: ImportSummary | null;
  withdrawn: ReadonlySet<number>;
  jobId: string | null;
}

export interface Flow extends FlowState {
  setTab(tab: Tab): void;
  /** A file arrived (dialog, drop, OS, sample, re-import): read it on the import screen. */
  takeTicket(ticket: FileTicket): void;
  /** A read finished (or was redone with another sheet/operation or a mapping): map its columns when needed, else review it. */
  reviewed(summary: ImportSummary): void;
  setWithdrawn(rows: ReadonlySet<number>): void;
  goto(step: Step): void;
  /** A job started, or the clerk opened one from the jobs list. */
  openJob(jobId: string, step: 'run' | 'results'): void;
  /** Back to an empty import screen. */
  startOver(): void;
}

const initial: FlowState = { tab: 'work', step: 'import', ticket: null, summary: null, withdrawn: new Set(), jobId: null };

export function useFlow(): Flow {
  const [state, setState] = useState<FlowState>(initial);
  const patch = useCallback((next: Partial<FlowState>) => setState((s) => ({ ...s, ...next })), []);
  return {
    ...state,
    setTab: useCallback((tab: Tab) => patch({ tab }), [patch]),
    takeTicket: useCallback((ticket: FileTicket) => patch({ tab: 'work', step: 'import', ticket, summary: null, withdrawn: new Set() }), [patch]),
    reviewed: useCallback(
      (summary: ImportSummary) =>
        setState((s) => ({ ...s, tab: 'work', step: needsMapping(summary) ? 'mapping' : 'review', summary, withdrawn: s.summary?.importId === summary.importId ? s.withdrawn : new Set() })),
      [],
    ),
    setWithdrawn: useCallback((withdrawn: ReadonlySet<number>) => patch({ withdrawn }), [patch]),
    goto: useCallback((step: Step) => patch({ tab: 'work', step }), [patch]),
    openJob: useCallback((jobId: string, step: 'run' | 'results') => patch({ tab: 'work', step, jobId }), [patch]),
    startOver: useCallback(() => setState(initial), []),
  };
}
