// profiles:* — the secret is write-only: it goes into the keychain and never comes back to the renderer.
import type { ProfileView, ServerApi } from '../../shared/contract';
import { t } from '../../shared/i18n';
import { appError, err, ok } from '../../shared/result';
import { renderCheck } from '../profiles/check-credentials';
import type { ListedProfile } from '../profiles/profile-store';
import { profileKey } from '../profiles/settings-file';
import type { Services } from '../services';

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
  plainHttpAcknowledged: p.plainHttpAcknowledged === true,
});

export function createProfilesApi(services: Services): ProfilesApi {
  const lang = () => services.settings.lang();
  return {
    async profilesList() {
      const listed = await services.profiles.list();
      return listed.ok ? ok(listed.value.map(view)) : listed;
    },
    async profilesSave({ previousName, appSecret, ...input }) {
      const profiles = services.profiles;
      const listed = await profiles.list();
      if (!listed.ok) return listed;
      // Adding must not silently replace a profile of the same name (in any width or case); editing replaces it on purpose.
      const clash = listed.value.find((p) => p.name !== previousName && profileKey(p.name) === profileKey(input.name));
      if (clash) return err(appError('PROFILE_INVALID', t(lang(), 'ui.error.profileExists', { name: clash.name }), { profile: clash.name }));
      // The store keeps the stored secret only while the address and account are unchanged, and moves it on a rename.
      const added = await profiles.add(input, appSecret ?? null, previousName !== undefined ? { previousName } : {});
      if (!added.ok) return added;
      const after = await profiles.list();
      if (!after.ok) return after;
      const found = after.value.find((p) => p.name === input.name);
      if (!found) throw new Error(`profile ${input.name} missing right after it was saved`);
      return ok(view(found));
    },
    profilesRemove: ({ name }) => services.profiles.remove(name),
    profilesSetDefault: ({ name }) => services.profiles.setDefault(name),
    async profilesTest({ name }) {
      // The named profile only: never WDT_* variables of whoever launched the app.
      const checked = await services.profiles.check(name);
      return checked.ok ? ok({ outcome: checked.value.outcome, message: renderCheck(lang(), checked.value) }) : checked;
    },
  };
}
