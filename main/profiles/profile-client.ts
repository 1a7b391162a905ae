// The one way to build an ERP client for a profile (jobs, the credentials check, the master-data
// queries): the secret is read again at every send — the client signs with it and keeps nothing.
import type { Dispatcher } from 'undici';
import type { Clock, Logger } from '../effects';
import { HttpWdtClient } from '../wdt/client';
import { readAtSend } from './profile-store';
import type { Profile, SecretSource } from './types';

export interface ProfileClientDeps {
  clock: Clock;
  logger?: Logger;
  dispatcher?: Dispatcher;
  /** A shorter connect timeout than the profile's (the credentials check answers a person who waits). */
  connectTimeoutMs?: number;
}

export function profileClient(deps: ProfileClientDeps, profile: Profile, secret: SecretSource): HttpWdtClient {
  return new HttpWdtClient({
    baseUrl: profile.baseUrl,
    sid: profile.sid,
    appkey: profile.appkey,
    getSecret: readAtSend(secret),
    clock: deps.clock,
    timeoutMs: profile.limits.timeoutSeconds * 1000,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.dispatcher ? { dispatcher: deps.dispatcher } : {}),
    ...(deps.connectTimeoutMs !== undefined ? { connectTimeoutMs: deps.connectTimeoutMs } : {}),
  });
}
