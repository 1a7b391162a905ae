// A read in progress as main reports it (onDidReadProgress): the first rows once checked, rows so far,
// the sheet's size when the file says it, and the problems found so far. Starts over for each read.
import { useEffect, useState } from 'react';
import type { ReadProgressView } from '../../../shared/contract';
import type { CellProblem } from '../../../shared/operations/types';
import { useApp } from './use-app';

export interface ReadingState {
  first: NonNullable<ReadProgressView['first']>;
  rows: number;
  total: number | null;
  problems: number;
  problemList: readonly CellProblem[];
}

/**
 * The progress of `token`'s read while `reading` (null: no ticket, not reading, or no rows yet).
 * It listens for the whole life of the ticket, not only while a read is on screen: the read is asked for in
 * the effect that receives the ticket, before the render that shows "reading" commits, so a listener set up
 * only then could miss the first event — the one that carries the first rows.
 */
export function useReadProgress(token: string | null, reading: boolean): ReadingState | null {
  const { api } = useApp();
  const [state, setState] = useState<ReadingState | null>(null);
  useEffect(() => {
    setState(null);
    if (token === null) return undefined;
    return api.onDidReadProgress((p) => {
      if (p.token !== token) return;
      setState((s) => {
        const first = p.first ?? s?.first;
        if (!first) return null;
        const problemList = p.newProblems.length > 0 ? [...(s?.problemList ?? []), ...p.newProblems] : (s?.problemList ?? []);
        return { first, rows: p.rows, total: p.total, problems: p.problems, problemList };
      });
    });
  }, [api, token]);
  // A finished read's progress goes, so the ticket's next read (another operation picked) starts over.
  useEffect(() => {
    if (!reading) setState(null);
  }, [reading]);
  return reading ? state : null;
}
