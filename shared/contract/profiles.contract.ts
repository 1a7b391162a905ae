// Profiles: list, add/edit (the app secret is write-only: it goes in, never comes back), delete,
// choose the default, and test the connection with a harmless signed call.
import { z } from 'zod';
import { langs } from '../i18n';
import { invoke, returns } from './define';
import { empty, profileName } from './ids';

export interface ProfileLimitsView {
  concurrency: number;
  callsPerMinute: number;
  otherInCancelPerCall: number;
  timeoutSeconds: number;
}

/** A new profile's limits: main's profile store and the settings form start from these same numbers. */
export const defaultProfileLimits: Readonly<ProfileLimitsView> = Object.freeze({
  concurrency: 4,
  callsPerMinute: 300,
  otherInCancelPerCall: 100,
  timeoutSeconds: 30,
});

/** A profile as the settings screen shows it: never the secret, only where it is kept. */
export interface ProfileView {
  name: string;
  environment: 'test' | 'production';
  builtin: boolean;
  /** null for the built-in sandbox until it runs. */
  baseUrl: string | null;
  sid: string;
  appkey: string;
  limits: ProfileLimitsView;
  isDefault: boolean;
  secret: 'keychain' | 'session' | 'builtin' | 'none' | 'unavailable';
  /** A production profile over plain http:// the person acknowledged (remembered for this address). */
  plainHttpAcknowledged?: boolean;
}

/** How a connection test ended, and what to tell the person. */
export interface ConnectionCheck {
  /** works-no-query: the credentials work but the query that settles lost answers is not granted. */
  outcome: 'works' | 'works-no-query' | 'credentials-refused' | 'wrong-address' | 'clock-skew' | 'unreachable' | 'erp-error';
  message: string;
}

const limits = z
  .object({
    concurrency: z.number().int().min(1).max(64),
    callsPerMinute: z.number().int().min(0).max(100_000),
    otherInCancelPerCall: z.number().int().min(1).max(10_000),
    timeoutSeconds: z.number().int().min(1).max(3600),
  })
  .partial()
  .strict();

export const profileSaveRequest = z
  .object({
    /** The profile's name before this edit, when renaming or editing. */
    previousName: profileName.optional(),
    name: profileName,
    environment: z.enum(['test', 'production']),
    baseUrl: z.string().trim().min(1).max(2048),
    sid: z.string().trim().min(1).max(100),
    appkey: z.string().trim().min(1).max(200),
    limits: limits.optional(),
    lang: z.enum(langs).optional(),
    /** `secret:salt`; may be omitted on an edit that keeps the base URL, sid and appkey (else it is asked for again). */
    appSecret: z.string().min(3).max(1000).optional(),
    /** Production over plain http://: true acknowledges it for this address, false withdraws it. */
    acknowledgePlainHttp: z.boolean().optional(),
  })
  .strict();

export const profilesContract = {
  /** Every profile (the built-in sandbox first) with where its secret is kept. */
  profilesList: invoke('profiles:list', empty, returns<ProfileView[]>()),
  /** Adds or edits a profile; the secret is required for a new profile and again when the address or account changes. */
  profilesSave: invoke('profiles:save', profileSaveRequest, returns<ProfileView>()),
  /** Deletes a saved profile and its keychain entry. */
  profilesRemove: invoke('profiles:remove', z.object({ name: profileName }).strict(), returns<void>()),
  /** Makes a profile the default for new submits. */
  profilesSetDefault: invoke('profiles:set-default', z.object({ name: profileName }).strict(), returns<void>()),
  /** Sends one harmless signed query with the profile's credentials and says whether they work. */
  profilesTest: invoke('profiles:test', z.object({ name: profileName }).strict(), returns<ConnectionCheck>()),
} as const;
