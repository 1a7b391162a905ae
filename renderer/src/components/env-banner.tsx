// The environment banner: which ERP a submit goes to, in colours that can't be mistaken
// (sandbox green, test amber, production red). While a job runs or shows its results, the banner names
// that job's ERP instead: a production job's results never sit under a green sandbox banner.
import type { ProfileView } from '../../../shared/contract';
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../hooks/use-app';

export type Env = 'sandbox' | 'test' | 'production';
export const envOf = (p: Pick<ProfileView, 'builtin' | 'environment'>): Env => (p.builtin ? 'sandbox' : p.environment);
const envNote: Record<Env, MessageKey> = { sandbox: 'ui.shell.sandboxNote', test: 'ui.shell.testNote', production: 'ui.shell.productionNote' };

export function EnvTag({ env }: { env: Env }) {
  const tr = useT();
  return <strong className={`env-tag env-tag-${env}`}>{tr(`common.env.${env}`)}</strong>;
}

/** The ERP a job already went to: shown instead of the current profile while that job is on screen. */
export interface JobTarget {
  profileName: string;
  environment: Env;
  sid: string;
}

export function EnvBanner({ profile, chosen = false, job }: { profile: ProfileView | null; chosen?: boolean; job?: JobTarget | null }) {
  const tr = useT();
  const shown = job ? { name: job.profileName, sid: job.sid, env: job.environment } : profile ? { name: profile.name, sid: profile.sid, env: envOf(profile) } : null;
  const env = shown?.env ?? null;
  return (
    <div className={`env-banner env-${env ?? 'unknown'}`} data-testid="env-banner" role="status" aria-label={tr('ui.shell.envLabel')}>
      {shown && env ? (
        <>
          <EnvTag env={env} />
          <span>
            {tr(job ? 'ui.shell.jobProfile' : 'ui.shell.profile', { name: shown.name })}
            {!job && tr(chosen ? 'ui.shell.profileChosen' : 'ui.shell.profileDefault')}
          </span>
          <span>{tr('ui.shell.account', { sid: shown.sid })}</span>
          <span className="env-note">{tr(envNote[env])}</span>
        </>
      ) : (
        <span>{tr('ui.shell.loading')}</span>
      )}
    </div>
  );
}
