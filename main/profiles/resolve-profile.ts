// Which profile a command runs with (cli.md, --profile): a saved profile when named; without a name, the
// ad-hoc profile of the environment (WDT_BASE_URL, WDT_SID, WDT_APPKEY, WDT_APPSECRET, WDT_ENV) when set,
// else the default profile (the built-in sandbox until the person picks another). WDT_CONCURRENCY,
// WDT_CALLS_PER_MINUTE and WDT_TIMEOUT_SECONDS then override the limits of whichever profile it is.
import { t, type Lang } from '../../shared/i18n';
import { appError, err, ok, type Result } from '../../shared/result';
import { parseAppSecret } from './keychain';
import { fixedSecret, type ProfileStore } from './profile-store';
import { baseUrlSchema } from './settings-file';
import { defaultLimits, type Profile, type ProfileLimits, type SecretSource } from './types';

/** The name the environment's profile goes by; '@' keeps it apart from every saved profile's name. */
export const environmentProfileName = '@env';

const credentialVariables = ['WDT_BASE_URL', 'WDT_SID', 'WDT_APPKEY', 'WDT_APPSECRET'] as const;

export interface ResolvedProfile {
  profile: Profile;
  secret: SecretSource;
  /** How it was chosen: named, from the environment, or the default. */
  source: 'named' | 'environment' | 'default';
}

const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** True when any credential variable is set: the environment means to give a profile. */
export const environmentGivesProfile = (env: NodeJS.ProcessEnv): boolean => credentialVariables.some((name) => isSet(env[name]));

/** The ad-hoc profile of the environment. Its secret stays in this process's memory, inside a closure. */
export function environmentProfile(env: NodeJS.ProcessEnv, lang: Lang): Result<{ profile: Profile; secret: SecretSource }> {
  const missing = credentialVariables.filter((name) => !isSet(env[name]));
  if (missing.length > 0) {
    return err(appError('PROFILE_INVALID', t(lang, 'profiles.env.incomplete', { missing: missing.join(', ') }), { missing }));
  }
  const baseUrl = baseUrlSchema.safeParse(env.WDT_BASE_URL);
  if (!baseUrl.success) return err(appError('PROFILE_INVALID', t(lang, 'profiles.env.badUrl'), { variable: 'WDT_BASE_URL' }));
  const environment = env.WDT_ENV?.trim() || 'test';
  if (environment !== 'test' && environment !== 'production') {
    return err(appError('INVALID_ARGUMENT', t(lang, 'profiles.env.badEnv'), { variable: 'WDT_ENV' }));
  }
  const appSecret = (env.WDT_APPSECRET ?? '').trim();
  const shape = parseAppSecret(appSecret, lang);
  if (!shape.ok) return err({ ...shape.error, details: { variable: 'WDT_APPSECRET' } });
  return ok({
    profile: {
      name: environmentProfileName,
      environment,
      builtin: false,
      baseUrl: baseUrl.data.replace(/\/+$/, ''),
      sid: (env.WDT_SID ?? '').trim(),
      appkey: (env.WDT_APPKEY ?? '').trim(),
      limits: { ...defaultLimits },
    },
    secret: fixedSecret('environment', appSecret),
  });
}

const overrides: readonly { variable: string; field: keyof ProfileLimits; min: number; max: number }[] = [
  { variable: 'WDT_CONCURRENCY', field: 'concurrency', min: 1, max: 64 },
  { variable: 'WDT_CALLS_PER_MINUTE', field: 'callsPerMinute', min: 0, max: 100_000 },
  { variable: 'WDT_TIMEOUT_SECONDS', field: 'timeoutSeconds', min: 1, max: 3600 },
];

/** The profile's limits with the environment's overrides applied; a malformed override is an error, never ignored. */
export function applyLimitOverrides(limits: ProfileLimits, env: NodeJS.ProcessEnv, lang: Lang): Result<ProfileLimits> {
  const next = { ...limits };
  for (const { variable, field, min, max } of overrides) {
    const raw = env[variable];
    if (!isSet(raw)) continue;
    const value = Number(raw.trim());
    if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
      return err(appError('INVALID_ARGUMENT', t(lang, 'profiles.env.badNumber', { variable, min, max }), { variable }));
    }
    next[field] = value;
  }
  return ok(next);
}

/** Resolves the profile a command runs with, following cli.md's --profile rule. */
export async function resolveProfile(store: ProfileStore, name: string | undefined, env: NodeJS.ProcessEnv): Promise<Result<ResolvedProfile>> {
  const lang = store.lang;
  let chosen: { profile: Profile; secret: SecretSource; source: ResolvedProfile['source'] };
  if (name === undefined && environmentGivesProfile(env)) {
    const fromEnv = environmentProfile(env, lang);
    if (!fromEnv.ok) return fromEnv;
    chosen = { ...fromEnv.value, source: 'environment' };
  } else {
    let profileName = name;
    if (profileName === undefined) {
      const byDefault = await store.defaultProfileName();
      if (!byDefault.ok) return byDefault;
      profileName = byDefault.value;
    }
    const profile = await store.get(profileName);
    if (!profile.ok) return profile;
    chosen = { profile: profile.value, secret: store.secretSource(profile.value), source: name === undefined ? 'default' : 'named' };
  }
  const limits = applyLimitOverrides(chosen.profile.limits, env, lang);
  if (!limits.ok) return limits;
  return ok({ ...chosen, profile: { ...chosen.profile, limits: limits.value } });
}
