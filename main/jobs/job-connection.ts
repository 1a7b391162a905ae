// Connecting a stored job to its ERP again (a run, a resume after a crash, the app's restart): the
// profile is resolved by the name the job was made with, its secret read at send time, and it must
// still be the same seller account — a job never silently moves to another company's ERP.
import { render, type Lang } from '../../shared/i18n';
import { appError, err, ok, type Result } from '../../shared/result';
import type { Clock, Logger } from '../effects';
import type { ProfileStore } from '../profiles/profile-store';
import { sandboxProfileName } from '../profiles/profile-store';
import { profileClient } from '../profiles/profile-client';
import { applyLimitOverrides, environmentProfile, environmentProfileName } from '../profiles/resolve-profile';
import type { Profile, SecretSource } from '../profiles/types';
import type { Dispatcher } from 'undici';
import type { JobConnection } from './engine';
import type { JobRecord } from './records';

export interface ConnectDeps {
  profiles: ProfileStore;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  logger: Logger;
  lang: () => Lang;
  dispatcher?: Dispatcher;
}

export async function profileOfJob(deps: ConnectDeps, job: JobRecord): Promise<Result<{ profile: Profile; secret: SecretSource }>> {
  const lang = deps.lang();
  let chosen: { profile: Profile; secret: SecretSource };
  if (job.profile_name === environmentProfileName) {
    const fromEnv = environmentProfile(deps.env, lang);
    if (!fromEnv.ok) return fromEnv;
    chosen = fromEnv.value;
  } else {
    const profile = await deps.profiles.get(job.profile_name);
    if (!profile.ok) return profile;
    chosen = { profile: profile.value, secret: deps.profiles.secretSource(profile.value) };
  }
  const { profile } = chosen;
  const sameAccount = profile.sid === job.sid && (profile.builtin || job.profile_name === sandboxProfileName || profile.baseUrl === job.base_url);
  if (!sameAccount) {
    const text = render(lang, { key: 'jobs.error.profileChanged', params: { profile: job.profile_name, sid: profile.sid, jobSid: job.sid } });
    return err(appError('PROFILE_INVALID', text, { profile: job.profile_name }));
  }
  const limits = applyLimitOverrides(profile.limits, deps.env, lang);
  if (!limits.ok) return limits;
  return ok({ profile: { ...profile, limits: limits.value }, secret: chosen.secret });
}

/** The engine's connect(): a client for the job's ERP with the secret read at every send. */
export async function connectJob(deps: ConnectDeps, job: JobRecord): Promise<Result<JobConnection>> {
  const resolved = await profileOfJob(deps, job);
  if (!resolved.ok) return resolved;
  const { profile, secret } = resolved.value;
  const client = profileClient(deps, profile, secret);
  return ok({ client, limits: profile.limits, close: () => client.close() });
}
