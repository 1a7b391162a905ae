// profiles:* — the secret is write-only: it goes into the keychain and never comes back to the renderer.
import type { ProfileView, ServerApi } from '../../shared/contract';
import { t } from '../../shared/i18n';
import { appError, err, ok } from '../../shared/result';
import { renderCheck } from '../profiles/check-credentials';
import type { ListedProfile } from '../profiles/profile-store';
import type { AppServices } from './ports';
import { notAvailable } from './unavailable';

type ProfilesApi = Pick<ServerApi, 'profilesList' | 'profilesSave' | 'profilesRemove' | 'profilesSetDefault' | 'profilesTest'>;

const view = (p: ListedProfile): ProfileView => ({
  name: p.name,
  environment: p.environment,
  builtin: p.builtin,
  baseUrl: p.baseUrl,
  sid: p.sid,
  appkey: p.appkey,
  limits: { ...p.limits },
  isDefault: p.isDefault,
  secret: p.secret,
});

export function createProfilesApi(services: AppServices): ProfilesApi {
  const lang = () => services.settings.lang();
  return {
    async profilesList() {
      if (!services.profiles) return notAvailable();
      const listed = await services.profiles.list();
      return listed.ok ? ok(listed.value.map(view)) : listed;
    },
    async profilesSave({ previousName, appSecret, ...input }) {
      const profiles = services.profiles;
      if (!profiles) return notAvailable();
      const listed = await profiles.list();
      if (!listed.ok) return listed;
      const renaming = previousName !== undefined && previousName !== input.name;
      const isNew = previousName === undefined;
      // Adding must not silently replace a profile of the same name; editing replaces it on purpose.
      if ((isNew || renaming) && listed.value.some((p) => p.name === input.name)) {
        return err(appError('PROFILE_INVALID', t(lang(), 'ui.error.profileExists', { name: input.name }), { profile: input.name }));
      }
      let secret = appSecret;
      if (secret === undefined && previousName !== undefined) {
        const stored = await profiles.storedSecret(previousName);
        if (!stored.ok) return stored;
        secret = stored.value ?? undefined;
      }
      if (secret === undefined) return err(appError('SECRET_MISSING', t(lang(), 'ui.error.secretRequired'), { profile: input.name }));
      const added = await profiles.add(input, secret);
      if (!added.ok) return added;
      if (renaming) {
        const wasDefault = listed.value.find((p) => p.name === previousName)?.isDefault ?? false;
        const removed = await profiles.remove(previousName);
        if (!removed.ok) return removed;
        if (wasDefault) {
          const moved = await profiles.setDefault(input.name);
          if (!moved.ok) return moved;
        }
      }
      const after = await profiles.list();
      if (!after.ok) return after;
      const found = after.value.find((p) => p.name === input.name);
      if (!found) throw new Error(`profile ${input.name} missing right after it was saved`);
      return ok(view(found));
    },
    profilesRemove: async ({ name }) => (services.profiles ? services.profiles.remove(name) : notAvailable()),
    profilesSetDefault: async ({ name }) => (services.profiles ? services.profiles.setDefault(name) : notAvailable()),
    async profilesTest({ name }) {
      if (!services.profiles) return notAvailable();
      const checked = await services.profiles.check(name);
      return checked.ok ? ok({ outcome: checked.value.outcome, message: renderCheck(lang(), checked.value) }) : checked;
    },
  };
}
