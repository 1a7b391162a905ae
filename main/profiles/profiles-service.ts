// Profiles as the front ends use them: the store's list/get/add/remove/default, plus which profile a
// job would run with (resolve) and a harmless signed call with its credentials (check).
import type { Result } from '../../shared/result';
import type { Clock, Logger } from '../effects';
import { checkProfileCredentials, type CredentialCheck } from './check-credentials';
import type { ListedProfile, ProfileInput, ProfileStore, SaveOptions } from './profile-store';
import { resolveProfile, type ResolvedProfile } from './resolve-profile';
import type { Profile } from './types';

export class ProfilesService {
  constructor(
    private readonly store: ProfileStore,
    private readonly effects: { clock: Clock; logger: Logger },
  ) {}

  /** Where secrets go: the OS keychain, or this process's memory when there is none. */
  get secretsKind(): 'keychain' | 'session' {
    return this.store.secrets.kind;
  }

  list(): Promise<Result<ListedProfile[]>> {
    return this.store.list();
  }

  get(name: string): Promise<Result<Profile>> {
    return this.store.get(name);
  }

  /** appSecret null keeps the stored one only while base URL, sid and appkey are unchanged (ProfileStore.add). */
  add(input: ProfileInput, appSecret: string | null, options?: SaveOptions): Promise<Result<{ profile: Profile; replaced: boolean }>> {
    return this.store.add(input, appSecret, options);
  }

  remove(name: string): Promise<Result<void>> {
    return this.store.remove(name);
  }

  setDefault(name: string): Promise<Result<void>> {
    return this.store.setDefault(name);
  }

  /**
   * The profile a job would run with: the named one, else the default. `env` holds WDT_* variables that
   * may give an ad-hoc profile and limit overrides: the CLI passes its shell's, the app none (named profiles only).
   */
  resolve(name: string | undefined, env: NodeJS.ProcessEnv = {}): Promise<Result<ResolvedProfile>> {
    return resolveProfile(this.store, name, env);
  }

  /** A harmless signed call with the profile's credentials. */
  async check(name: string | undefined, env: NodeJS.ProcessEnv = {}): Promise<Result<CredentialCheck>> {
    const resolved = await this.resolve(name, env);
    return resolved.ok ? this.checkResolved(resolved.value) : resolved;
  }

  /** The same check on a profile resolved already (the CLI looks at where its secret comes from first). */
  checkResolved(resolved: ResolvedProfile): Promise<Result<CredentialCheck>> {
    return checkProfileCredentials(resolved, this.effects);
  }
}
