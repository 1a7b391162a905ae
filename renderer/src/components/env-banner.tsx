// The environment banner: which ERP a submit goes to, in colours that can't be mistaken
// (sandbox green, test amber, production red).
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

export function EnvBanner({ profile }: { profile: ProfileView | null }) {
  const tr = useT();
  const env = profile ? envOf(profile) : null;
  return (
    <div className={`env-banner env-${env ?? 'unknown'}`} data-testid="env-banner" role="status" aria-label={tr('ui.shell.envLabel')}>
      {profile && env ? (
        <>
          <EnvTag env={env} />
          <span>{tr('ui.shell.profile', { name: profile.name })}</span>
          <span>{tr('ui.shell.account', { sid: profile.sid })}</span>
          <span className="env-note">{tr(envNote[env])}</span>
        </>
      ) : (
        <span>{tr('ui.shell.loading')}</span>
      )}
    </div>
  );
}
