// The link between a job and its follow-ups (issue 16): a follow-up names the job it resends rows of,
// an original lists its follow-ups; each opens that job.
import type { JobView } from '../../../shared/contract';
import { useT } from '../hooks/use-app';

interface Props {
  job: Pick<JobView, 'followsJob' | 'followUps'>;
  onOpen(jobId: string): void;
}

export function JobLinks({ job, onOpen }: Props) {
  const tr = useT();
  if (!job.followsJob && job.followUps.length === 0) return null;
  const link = (id: string) => (
    <button key={id} type="button" className="link" onClick={() => onOpen(id)} data-testid="job-link" data-job-link={id}>
      {id}
    </button>
  );
  return (
    <div className="job-links small" data-testid="job-links">
      {job.followsJob && (
        <p data-testid="follows-job">
          {tr('resend.summary.follows')}: {link(job.followsJob)}
        </p>
      )}
      {job.followUps.length > 0 && (
        <p data-testid="follow-ups">
          {tr('resend.summary.followUps')}: {job.followUps.map(link)}
        </p>
      )}
    </div>
  );
}
