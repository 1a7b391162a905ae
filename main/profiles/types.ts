// Profiles (non-secret settings, in the settings file) and secrets (only in the OS keychain).
import { defaultProfileLimits } from '../../shared/contract/profiles.contract';
import type { Lang } from '../../shared/i18n';
import type { Result } from '../../shared/result';

export interface ProfileLimits {
  /** Calls in flight at once. */
  concurrency: number;
  /** Calls per minute we allow ourselves (0 = no limit of our own). */
  callsPerMinute: number;
  /** Per-call limit for wms.stockother.In.cancelOrder (the page gives none). */
  otherInCancelPerCall: number;
  /** Seconds before a call with no answer counts as unknown. */
  timeoutSeconds: number;
}

export interface Profile {
  name: string;
  environment: 'test' | 'production';
  /** True only for the built-in sandbox profile (its ERP runs inside the app on loopback). */
  builtin: boolean;
  baseUrl: string;
  sid: string;
  appkey: string;
  limits: ProfileLimits;
  lang?: Lang;
  /** Present (true) when the person acknowledged a production profile over plain http:// for this address. */
  plainHttpAcknowledged?: true;
}

/** The numbers live in shared/ so the settings form offers the same ones. */
export const defaultLimits: Readonly<ProfileLimits> = defaultProfileLimits;

/** Where the app secret (`secret:salt`) lives. `null`: no value stored; an error: the keychain itself failed. */
export interface SecretStore {
  /** 'keychain' when the OS keychain passed its probe; 'session' when secrets live only in memory for this run. */
  readonly kind: 'keychain' | 'session';
  get(profileName: string): Promise<Result<string | null>>;
  set(profileName: string, appSecret: string): Promise<Result<void>>;
  delete(profileName: string): Promise<Result<void>>;
}

/**
 * How a resolved profile's app secret is read: at send time, every time, so it never sits in a
 * long-lived object that could be serialised, logged or sent to the renderer.
 */
export interface SecretSource {
  /** Where the secret comes from (safe to show; never the secret). */
  readonly where: 'keychain' | 'session' | 'environment' | 'sandbox';
  /** The app secret `secret:salt`; SECRET_MISSING when none is stored, KEYCHAIN_UNAVAILABLE when the keychain failed. */
  read(): Promise<Result<string>>;
}
