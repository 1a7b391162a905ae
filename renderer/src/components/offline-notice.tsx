// "The ERP cannot be reached" belongs to a job, not to the app: it shows only while a job waits for its
// ERP, and names that job and its profile. A job that ended, a reload, or another profile on screen
// leaves no stale banner behind (the app-wide online flag alone kept it up after the job had finished).
import { useCallback, useEffect, useState } from 'react';
import type { JobView } from '../../../shared/contract';
import { countKey, useApp, useT } from '../hooks/use-app';

/** `onScreen`: the job whose run screen is showing says it itself; the shell does not say it twice. */
export function OfflineNotice({ online, onScreen }: { online: boolean; onScreen: string | null }) {
  const { api } = useApp();
  const tr = useT();
  const [waiting, setWaiting] = useState<JobView[]>([]);
  const load = useCallback(async () => {
    const got = await api.jobsList();
    if (got.ok) setWaiting(got.value.filter((j) => j.state === 'waiting' && j.id !== onScreen));
  }, [api, onScreen]);
  useEffect(() => {
    void load();
    return api.onDidChangeJobs(() => void load());
  }, [api, load, online]);
  const first = waiting[0];
  if (online || !first) return null;
  const more = waiting.length - 1;
  return (
    <div className="notice notice-warn" role="status" data-testid="offline-notice">
      {tr('ui.shell.offline', { source: first.sourceName, profile: first.profileName })}
      {more > 0 && <span className="muted">{tr(countKey('ui.shell.offlineMore', more), { count: more })}</span>}
    </div>
  );
}
