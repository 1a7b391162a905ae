// Secrets (`secret:salt`) live only in the OS keychain (service 'wdt-bulk', account = profile name).
// The keychain is trusted only after a write-read-delete round trip: on Linux without a Secret Service
// (no D-Bus session, no gnome-keyring/KeePassXC) every call fails, and we say so plainly instead of
// failing at send time. The fallback keeps secrets in memory for this run only: never a plaintext file.
import { AsyncEntry } from '@napi-rs/keyring';
import { randomBytes } from 'node:crypto';
import { t, type Lang } from '../../shared/i18n';
import { parseAppSecret as splitAppSecret, type AppSecretParts } from '../wdt/sign';
import { appError, err, ok, type AppError, type Result } from '../../shared/result';
import type { SecretStore } from './types';

export const keychainService = 'wdt-bulk';
/** Keychain calls can hang when a desktop prompt is waiting for a person; we never wait longer than this. */
const keychainTimeoutMs = 10_000;

async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer from the keychain within ${keychainTimeoutMs / 1000} s`));
    }, keychainTimeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** What to install or unlock, per OS: the message a person can act on. */
export function keychainUnavailable(lang: Lang, reason: string, platform: NodeJS.Platform = process.platform): AppError {
  const key =
    platform === 'linux' || platform === 'freebsd' || platform === 'openbsd'
      ? 'profiles.keychain.unavailableLinux'
      : platform === 'darwin'
        ? 'profiles.keychain.unavailableMac'
        : 'profiles.keychain.unavailableWindows';
  return appError('KEYCHAIN_UNAVAILABLE', t(lang, key, { reason }), { platform });
}

/** Round trip with a random throwaway value under a probe account; the probe entry is removed again. */
export async function probeKeychain(lang: Lang, service = keychainService): Promise<Result<void>> {
  const account = `probe-${process.pid}-${randomBytes(4).toString('hex')}`;
  const value = randomBytes(12).toString('hex');
  try {
    const entry = new AsyncEntry(service, account);
    await withTimeout((signal) => entry.setPassword(value, signal));
    const back = await withTimeout((signal) => entry.getPassword(signal));
    await withTimeout((signal) => entry.deleteCredential(signal));
    if (back !== value) return err(keychainUnavailable(lang, 'the value read back differs from the value written'));
    return ok(undefined);
  } catch (error) {
    return err(keychainUnavailable(lang, reasonOf(error)));
  }
}

/** The OS keychain. Every method answers a Result; failures are KEYCHAIN_UNAVAILABLE, never the secret. */
export class KeychainSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  constructor(
    private readonly lang: Lang,
    private readonly service = keychainService,
  ) {}

  async get(profileName: string): Promise<Result<string | null>> {
    try {
      return ok(await withTimeout((signal) => new AsyncEntry(this.service, profileName).getPassword(signal)));
    } catch (error) {
      return err(keychainUnavailable(this.lang, reasonOf(error)));
    }
  }

  async set(profileName: string, appSecret: string): Promise<Result<void>> {
    try {
      await withTimeout((signal) => new AsyncEntry(this.service, profileName).setPassword(appSecret, signal));
      return ok(undefined);
    } catch (error) {
      return err(keychainUnavailable(this.lang, reasonOf(error)));
    }
  }

  async delete(profileName: string): Promise<Result<void>> {
    try {
      await withTimeout((signal) => new AsyncEntry(this.service, profileName).deleteCredential(signal));
      return ok(undefined);
    } catch (error) {
      return err(keychainUnavailable(this.lang, reasonOf(error)));
    }
  }
}

/** Secrets for this run only, in memory. The map is an ES private field, so JSON.stringify and logs see nothing. */
export class SessionSecretStore implements SecretStore {
  readonly kind = 'session' as const;
  readonly #secrets = new Map<string, string>();

  async get(profileName: string): Promise<Result<string | null>> {
    return ok(this.#secrets.get(profileName) ?? null);
  }

  async set(profileName: string, appSecret: string): Promise<Result<void>> {
    this.#secrets.set(profileName, appSecret);
    return ok(undefined);
  }

  async delete(profileName: string): Promise<Result<void>> {
    this.#secrets.delete(profileName);
    return ok(undefined);
  }

  toJSON(): Record<string, never> {
    return {};
  }
}

export interface OpenedSecretStore {
  store: SecretStore;
  /** Why the keychain is not used (KEYCHAIN_UNAVAILABLE); absent when `store.kind` is 'keychain'. */
  unavailable?: AppError;
}

/** Probes the OS keychain and returns it, or the session-only store together with the reason to show. */
export async function openSecretStore(lang: Lang, service = keychainService): Promise<OpenedSecretStore> {
  const probe = await probeKeychain(lang, service);
  if (probe.ok) return { store: new KeychainSecretStore(lang, service) };
  return { store: new SessionSecretStore(), unavailable: probe.error };
}

/** The two halves of an app secret. `secret` never travels; `salt` is sent. */
export type SecretParts = AppSecretParts;

/**
 * Checks an app secret a person typed (`secret:salt`) more strictly than the client needs at send time
 * (no whitespace, a sane length), then splits it the client's way. Messages never echo the value.
 */
export function parseAppSecret(value: string, lang: Lang): Result<SecretParts> {
  const invalid = (problem: 'noColon' | 'emptyPart' | 'whitespace' | 'tooLong') =>
    err(appError('PROFILE_INVALID', t(lang, 'profiles.secret.invalid', { problem: t(lang, `profiles.secret.${problem}`) })));
  if (value.length > 512) return invalid('tooLong');
  if (/\s/.test(value)) return invalid('whitespace');
  if (!value.includes(':')) return invalid('noColon');
  const parts = splitAppSecret(value, lang);
  return parts.ok ? parts : invalid('emptyPart');
}
