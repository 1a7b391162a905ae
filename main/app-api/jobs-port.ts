// The job engine as the app's API needs it (JobsPort): a submit from the review screen becomes a stored
// job that runs in the background; the window only watches. Closing the window loses nothing: the
// job is in the store, and the next start goes on with it.
import type { JobsPort } from './ports';
import type { Services } from '../services';
import { resolveProfile } from '../profiles/resolve-profile';
import { appError, err, ok, type Result } from '../../shared/result';
import { t } from '../../shared/i18n';
import type { JobView } from '../../shared/contract';
import type { JobRecord } from '../jobs/records';

export function createJobsPort(s: Services): JobsPort {
  const background = (jobId: string) => {
    void s.engine.run(jobId).then((ran) => {
      if (!ran.ok) s.logger.warn('job run refused', { job: jobId, code: ran.error.code });
    });
  };
  // A run the store could not even mark interrupted (disk full) is still shown interrupted, as the engine knows it.
  const viewOf = (job: JobRecord): JobView => {
    const v = s.views.view(job);
    return s.engine.unrecordedReason(job.id) ? { ...v, state: 'interrupted' } : v;
  };
  const view = (jobId: string): Result<JobView> => {
    const job = s.store.job(jobId);
    if (!job) return err(appError('JOB_NOT_FOUND', t(s.lang(), 'jobs.error.notFound', { job: jobId }), { job: jobId }));
    return ok(viewOf(job));
  };
  return {
    async start({ sheet, profile, isCheck, withdrawnRows, lang }) {
      // The app runs the named profile only: never the WDT_* variables of whoever launched it.
      const resolved = await resolveProfile(s.profiles, profile, {});
      if (!resolved.ok) return resolved;
      const created = s.engine.create({ sheet, meta: s.jobMeta(sheet, resolved.value, isCheck, lang), withdrawnRows });
      if (!created.ok) return created;
      background(created.value);
      return ok({ jobId: created.value });
    },
    pause: async (jobId) => s.engine.pause(jobId),
    async resume(jobId) {
      const got = view(jobId);
      if (!got.ok) return got;
      if (got.value.state !== 'done') background(jobId);
      return ok(undefined);
    },
    // A stopped job sends nothing until the clerk resumes it (orders in doubt are queried then too).
    stop: async (jobId) => s.engine.stop(jobId),
    list: async () => ok(s.store.jobs().map(viewOf)),
    get: async (jobId) => view(jobId),
    async rows(jobId, offset, limit, states) {
      const got = view(jobId);
      if (!got.ok) return got;
      return ok(s.views.rows(jobId, s.lang(), offset, limit, states));
    },
    async attempts(jobId, offset, limit) {
      const got = view(jobId);
      if (!got.ok) return got;
      return ok(s.views.attempts(jobId, offset, limit));
    },
    writeResults: (jobId, lang, outPath) => s.writeResults(jobId, lang, outPath),
    online: () => s.engine.online(),
    subscribe: (listener) => s.engine.subscribe(listener),
  };
}

/** After a crash or a quit mid-run: jobs that were running or waiting go on by themselves. */
export function resumeInterruptedJobs(s: Services): number {
  const jobs = s.engine.unfinished(['running', 'waiting']);
  for (const job of jobs) {
    void s.engine.run(job.id).then((ran) => {
      if (!ran.ok) s.logger.warn('job resume refused', { job: job.id, code: ran.error.code });
    });
  }
  return jobs.length;
}
