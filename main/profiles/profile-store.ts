// Profiles: the non-secret settings in the settings file plus the built-in sandbox profile, which always
// exists, cannot be removed or edited, and is the default until the person picks another. Secrets go to
// the SecretStore (the OS keychain, or memory for this run) and are read back only at send time.
import { z } from 'zod';
import { t, type Lang, langs, defaultLang } from '../../shared/i18n';
import { appError, err, ok, type Result } from '../../shared/result';
import type { Paths } from '../effects';
import { parseAppSecret } from './keychain';
import { baseUrlSchema, profileKey, profileNamePattern, readSettings, writeSettings, type Settings, type StoredProfile } from './settings-file';
import { defaultLimits, type Profile, type SecretSource, type SecretStore } from './types';

export const sandboxProfileName = 'sandbox';
/** Names a saved profile may not take (compared by profileKey): the built-in one. */
const reservedKeys = new Set([profileKey(sandboxProfileName)]);

/** The embedded sandbox ERP, supplied by the composition root; `url` starts it on first use. */
export interface SandboxDependency {
  url: () => Promise<string>;
  credentials: { sid: string; appkey: string; appSecret: string };
}

export interface ProfileStoreOptions {
  paths: Pick<Paths, 'settings'>;
  secrets: SecretStore;
  sandbox: SandboxDependency;
  lang?: Lang;
}

/** What a person (CLI flags, IPC) gives to create or replace a profile; parsed before use. */
export const profileInputSchema = z.object({
  name: z.string().trim().regex(profileNamePattern),
  environment: z.enum(['test', 'production']).default('test'),
  baseUrl: baseUrlSchema,
  sid: z.string().trim().min(1).max(100),
  appkey: z.string().trim().min(1).max(200),
  limits: z
    .object({
      concurrency: z.number().int().min(1).max(64).optional(),
      callsPerMinute: z.number().int().min(0).max(100_000).optional(),
      otherInCancelPerCall: z.number().int().min(1).max(10_000).optional(),
      timeoutSeconds: z.number().int().min(1).max(3600).optional(),
    })
    .optional(),
  lang: z.enum(langs).optional(),
  /**
   * A production profile over plain http:// (the vendor's own address is http://wdt.wangdian.cn):
   * true acknowledges it, false withdraws it, absent keeps what was acknowledged for the same address.
   */
  acknowledgePlainHttp: z.boolean().optional(),
});
export type ProfileInput = z.input<typeof profileInputSchema>;

/** Where a listed profile's secret is, as far as we can tell without reading more than needed. */
export type SecretStatus = 'keychain' | 'session' | 'builtin' | 'none' | 'unavailable';

/** One row of `profiles list`: the profile (the sandbox's URL is unknown until it runs) and never the secret. */
export type ListedProfile = Omit<Profile, 'baseUrl'> & { baseUrl: string | null; isDefault: boolean; secret: SecretStatus };

export const sandboxProfile = (baseUrl: string, credentials: SandboxDependency['credentials']): Profile => ({
  name: sandboxProfileName,
  environment: 'test',
  builtin: true,
  baseUrl,
  sid: credentials.sid,
  appkey: credentials.appkey,
  limits: { ...defaultLimits },
});

const fromStored = ({ plainHttpAcknowledged, ...stored }: StoredProfile): Profile => ({
  ...stored,
  builtin: false,
  limits: { ...stored.limits },
  ...(plainHttpAcknowledged !== undefined && plainHttpAcknowledged === stored.baseUrl ? { plainHttpAcknowledged: true } : {}),
});

/** What a signed request is bound to: the stored secret may stay only while all three are unchanged. */
const endpointFields = ['baseUrl', 'sid', 'appkey'] as const;

/** Loopback never leaves the machine (a local proxy or a test ERP): plain http there crosses no network. */
const loopbackHosts = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

const isPlainHttpProduction = (p: Pick<StoredProfile, 'environment' | 'baseUrl'>): boolean => {
  const url = new URL(p.baseUrl);
  return p.environment === 'production' && url.protocol === 'http:' && !loopbackHosts.test(url.hostname);
};

export interface SaveOptions {
  /** The saved profile this one replaces under a new name (its secret and default move with it). */
  previousName?: string;
}

export class ProfileStore {
  readonly lang: Lang;
  constructor(private readonly options: ProfileStoreOptions) {
    this.lang = options.lang ?? defaultLang;
  }

  get secrets(): SecretStore {
    return this.options.secrets;
  }

  private read(): Promise<Result<Settings>> {
    return readSettings(this.options.paths.settings, this.lang);
  }

  private notFound(name: string) {
    return err(appError('PROFILE_NOT_FOUND', t(this.lang, 'profiles.notFound', { name }), { profile: name }));
  }

  private builtinRefused(name: string) {
    return err(appError('PROFILE_INVALID', t(this.lang, 'profiles.builtinReadOnly', { name }), { profile: name }));
  }

  /** The default profile's name: the `defaultProfile` setting when it still names a profile, else the sandbox. */
  async defaultProfileName(): Promise<Result<string>> {
    const settings = await this.read();
    if (!settings.ok) return settings;
    const chosen = settings.value.defaultProfile;
    return ok(chosen && settings.value.profiles.some((p) => p.name === chosen) ? chosen : sandboxProfileName);
  }

  async list(): Promise<Result<ListedProfile[]>> {
    const settings = await this.read();
    if (!settings.ok) return settings;
    const defaultName = await this.defaultProfileName();
    if (!defaultName.ok) return defaultName;
    const { credentials } = this.options.sandbox;
    const rows: ListedProfile[] = [
      { ...sandboxProfile('', credentials), baseUrl: null, isDefault: defaultName.value === sandboxProfileName, secret: 'builtin' },
    ];
    for (const stored of settings.value.profiles) {
      const secret = await this.options.secrets.get(stored.name);
      const status: SecretStatus = !secret.ok ? 'unavailable' : secret.value === null ? 'none' : this.options.secrets.kind;
      rows.push({ ...fromStored(stored), isDefault: defaultName.value === stored.name, secret: status });
    }
    return ok(rows);
  }

  /** One profile by name; the sandbox's base URL is wherever the embedded sandbox listens (started on demand). */
  async get(name: string): Promise<Result<Profile>> {
    if (name === sandboxProfileName) return ok(sandboxProfile(await this.options.sandbox.url(), this.options.sandbox.credentials));
    const settings = await this.read();
    if (!settings.ok) return settings;
    const stored = settings.value.profiles.find((p) => p.name === name);
    return stored ? ok(fromStored(stored)) : this.notFound(name);
  }

  /**
   * Creates, replaces or renames a saved profile. `appSecret` null keeps the stored secret of the
   * profile being edited, but only while its base URL, sid and appkey are unchanged: a signed request
   * replays against the real ERP, so a secret never follows a profile to a new address or account.
   * The secret is stored before the settings, so a profile never appears in the file without it.
   */
  async add(input: ProfileInput, appSecret: string | null, options: SaveOptions = {}): Promise<Result<{ profile: Profile; replaced: boolean }>> {
    const parsed = profileInputSchema.safeParse(input);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first ? first.path.join('.') : '';
      return err(appError('PROFILE_INVALID', t(this.lang, 'profiles.inputInvalid', { field, reason: first?.message ?? '' }), { field }));
    }
    const value = parsed.data;
    if (reservedKeys.has(profileKey(value.name))) return this.builtinRefused(value.name);
    const settings = await this.read();
    if (!settings.ok) return settings;
    const previous = options.previousName ?? value.name;
    const before = settings.value.profiles.find((p) => p.name === previous);
    const taken = settings.value.profiles.find((p) => p.name !== previous && p.name !== value.name && profileKey(p.name) === profileKey(value.name));
    if (taken) return err(appError('PROFILE_INVALID', t(this.lang, 'ui.error.profileExists', { name: taken.name }), { profile: taken.name }));
    const baseUrl = value.baseUrl.replace(/\/+$/, '');
    const stored: StoredProfile = {
      name: value.name,
      environment: value.environment,
      baseUrl,
      sid: value.sid,
      appkey: value.appkey,
      limits: { ...defaultLimits, ...stripUndefined(value.limits ?? {}) },
      ...(value.lang ? { lang: value.lang } : {}),
    };
    const acknowledged = value.acknowledgePlainHttp ?? before?.plainHttpAcknowledged === baseUrl;
    if (isPlainHttpProduction(stored)) {
      if (!acknowledged) {
        return err(appError('PROFILE_INVALID', t(this.lang, 'profiles.plainHttpNeedsAck', { name: value.name, url: baseUrl }), { field: 'baseUrl', profile: value.name }));
      }
      stored.plainHttpAcknowledged = baseUrl;
    }
    const secret = appSecret !== null ? ok(appSecret) : await this.keptSecret(before, stored);
    if (!secret.ok) return secret;
    const shape = parseAppSecret(secret.value, this.lang);
    if (!shape.ok) return shape;
    const saved = await this.options.secrets.set(value.name, secret.value);
    if (!saved.ok) return saved;
    const others = settings.value.profiles.filter((p) => p.name !== value.name && p.name !== previous);
    const replaced = others.length !== settings.value.profiles.length;
    const next: Settings = { ...settings.value, profiles: [...others, stored] };
    const renamed = before !== undefined && previous !== value.name;
    if (renamed && next.defaultProfile === previous) next.defaultProfile = value.name;
    const written = await writeSettings(this.options.paths.settings, next, this.lang);
    if (!written.ok) return written;
    if (renamed) {
      const dropped = await this.options.secrets.delete(previous);
      if (!dropped.ok) return dropped;
    }
    return ok({ profile: fromStored(stored), replaced });
  }

  /** The stored secret an edit may keep, or why it may not: a new profile, or a changed address or account. */
  private async keptSecret(before: StoredProfile | undefined, after: StoredProfile): Promise<Result<string>> {
    if (!before) return err(appError('SECRET_MISSING', t(this.lang, 'ui.error.secretRequired'), { profile: after.name }));
    const changed = endpointFields.filter((field) => before[field] !== after[field]);
    if (changed.length > 0) {
      const fields = changed.map((field) => t(this.lang, `ui.settings.${field}`)).join(', ');
      return err(appError('SECRET_MISSING', t(this.lang, 'profiles.secretRequiredChanged', { name: after.name, fields }), { profile: after.name, changed }));
    }
    const stored = await this.options.secrets.get(before.name);
    if (!stored.ok) return stored;
    if (stored.value === null) return err(appError('SECRET_MISSING', t(this.lang, 'profiles.secretMissing', { name: before.name }), { profile: before.name }));
    return ok(stored.value);
  }

  /** Removes a saved profile and its keychain entry; the default falls back to the sandbox if it was this one. */
  async remove(name: string): Promise<Result<void>> {
    if (name === sandboxProfileName) return this.builtinRefused(name);
    const settings = await this.read();
    if (!settings.ok) return settings;
    if (!settings.value.profiles.some((p) => p.name === name)) return this.notFound(name);
    const next: Settings = { ...settings.value, profiles: settings.value.profiles.filter((p) => p.name !== name) };
    if (next.defaultProfile === name) delete next.defaultProfile;
    const written = await writeSettings(this.options.paths.settings, next, this.lang);
    if (!written.ok) return written;
    return this.options.secrets.delete(name);
  }

  async setDefault(name: string): Promise<Result<void>> {
    const settings = await this.read();
    if (!settings.ok) return settings;
    if (name !== sandboxProfileName && !settings.value.profiles.some((p) => p.name === name)) return this.notFound(name);
    const next: Settings = { ...settings.value };
    if (name === sandboxProfileName) delete next.defaultProfile;
    else next.defaultProfile = name;
    return writeSettings(this.options.paths.settings, next, this.lang);
  }

  /** How to read a profile's secret at send time. */
  secretSource(profile: Profile): SecretSource {
    if (profile.builtin) {
      const { appSecret } = this.options.sandbox.credentials;
      return fixedSecret('sandbox', appSecret);
    }
    const { secrets } = this.options;
    const lang = this.lang;
    const name = profile.name;
    return {
      where: secrets.kind,
      async read() {
        const got = await secrets.get(name);
        if (!got.ok) return got;
        if (got.value === null) return err(appError('SECRET_MISSING', t(lang, 'profiles.secretMissing', { name }), { profile: name }));
        return ok(got.value);
      },
      toJSON: () => ({ where: secrets.kind }),
    } as SecretSource;
  }
}

/**
 * The client's getSecret over a secret source: read at every send, kept by nobody. A failure throws the
 * error code only (never the secret), which the client reports as refused credentials.
 */
export const readAtSend = (secret: SecretSource) => async (): Promise<string> => {
  const got = await secret.read();
  if (!got.ok) throw new Error(got.error.code);
  return got.value;
};

/** A secret held only by a closure (the environment's, the sandbox's demo one): nothing to serialise. */
export function fixedSecret(where: SecretSource['where'], value: string): SecretSource {
  return { where, read: async () => ok(value), toJSON: () => ({ where }) } as SecretSource;
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
