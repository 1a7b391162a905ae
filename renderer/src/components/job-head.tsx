// The line above a job's run and results: its ERP's environment, the operation, source → profile (seller
// account), and the job's state.
import type { ReactNode } from 'react';
import type { JobView } from '../../../shared/contract';
import type { JobState } from '../../../shared/states';
import { useApp, useT } from '../hooks/use-app';
import { operationLabel } from '../operations';
import { EnvTag } from './env-banner';

export function JobHead({ job, state, title }: { job: JobView; state: JobState; title?: ReactNode }) {
  const { lang } = useApp();
  const tr = useT();
  return (
    <div className="run-head">
      {title}
      <EnvTag env={job.environment} />
      <strong>{operationLabel(job.operation, lang)}</strong>
      <span className="muted">{tr('ui.run.jobLine', { source: job.sourceName, profile: job.profileName, sid: job.sid })}</span>
      <span className={`job-state state-${state}`} data-testid="job-state">{tr(`ui.jobState.${state}`)}</span>
    </div>
  );
}
