// A job's view kept current while it runs, for a screen that opened it from a snapshot (the jobs screen's
// 全部行): a progress push brings the counts per state, a job change (state, end) is asked for again. The
// screen's own refresh (the rows in view) is called at most once per `followEvery` ms — at once after a
// quiet spell, then once more at the end of a burst — so a fast job never floods main with page requests.
import { useEffect, useRef, useState } from 'react';
import type { JobView } from '../../../shared/contract';
import { useApp } from './use-app';

/** The least time between two refreshes of the rows on screen. */
export const followEvery = 500;

export function useFollowJob(initial: JobView, refresh: () => void): JobView {
  const { api } = useApp();
  const [view, setView] = useState(initial);
  // The latest refresh (it changes as the window scrolls); the subscription itself stays put.
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const jobId = initial.id;

  useEffect(() => {
    setView(initial);
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = () => {
      timer = null;
      last = performance.now();
      refreshRef.current();
    };
    const soon = () => {
      if (timer !== null) return;
      const wait = last + followEvery - performance.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    };
    let asked = 0;
    const ask = (then?: (got: JobView) => void) => {
      const mine = ++asked;
      void api.jobsGet({ jobId }).then((got) => {
        // An older answer never overwrites a newer one; a failed ask keeps what is shown (the rows say more).
        if (mine !== asked || !got.ok) return;
        setView(got.value);
        then?.(got.value);
      });
    };
    const offProgress = api.onDidProgress((p) => {
      if (p.jobId !== jobId) return;
      setView((v) => ({ ...v, state: p.state, counts: p.counts }));
      soon();
    });
    const offJobs = api.onDidChangeJobs(({ jobId: changed }) => {
      if (changed !== null && changed !== jobId) return;
      ask();
      soon();
    });
    // What happened between the snapshot and these listeners was pushed to no one: ask once, and look at the
    // rows again if the job moved meanwhile (a job that ended then would otherwise show running for good).
    const moved = (got: JobView) => got.state !== initial.state || JSON.stringify(got.counts) !== JSON.stringify(initial.counts);
    ask((got) => {
      if (moved(got)) soon();
    });
    return () => {
      offProgress();
      offJobs();
      if (timer !== null) clearTimeout(timer);
    };
    // `initial` is the snapshot this job was opened from: taken again only for another job.
  }, [api, jobId]);

  return view;
}
