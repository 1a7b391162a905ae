// A read in progress as main reports it (onDidReadProgress): the first rows once checked, rows so far,
// the sheet's size when the file says it, and the problems found so far. Starts over for each ticket read.
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

/** Listens while `token` is being read (null: not reading); null until the first rows have arrived. */
export function useReadProgress(token: string | null): ReadingState | null {
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
  return state;
}
