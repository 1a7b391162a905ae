// "Do these credentials work?": one harmless signed call — queryWithDetail for a return number that
// cannot exist, one row per page — read-only, so it is safe against production. Each way it can end
// becomes one answer a person can act on.
import { serializeArgs } from '../../shared/operations/json-body';
import { buildQueryArgs, queryMethod } from '../../shared/operations/return-query';
import { render, type Lang, type LocalizedText } from '../../shared/i18n';
import { ok, type Result } from '../../shared/result';
import type { Clock, Logger } from '../effects';
import { HttpWdtClient } from '../wdt/client';
import type { CallResult, WdtClient } from '../wdt/types';
import { readAtSend } from './profile-store';
import type { Profile, SecretSource } from './types';

export type CredentialOutcome = 'works' | 'credentials-refused' | 'clock-skew' | 'unreachable' | 'erp-error';

export interface CredentialCheck {
  outcome: CredentialOutcome;
  text: LocalizedText;
  /** The ERP's message or the transport's description, for support; never a secret. */
  detail: string;
  /** The client's own description of a transport failure, when it has one (rendered in the reader's language). */
  detailText?: LocalizedText;
  httpStatus?: number;
}

/** The check's answer in a language; the client's description of a failure is rendered in the same language. */
export function renderCheck(lang: Lang, check: CredentialCheck): string {
  if (!check.detailText || !check.text.params || !('message' in check.text.params)) return render(lang, check.text);
  return render(lang, { ...check.text, params: { ...check.text.params, message: render(lang, check.detailText) } });
}

export const checkMethod = queryMethod;
/** Longer than any return number the ERP issues and clearly ours, so it matches nothing. */
export const probeReturnNo = 'WDTBULK-CHECK-0000000000';

/** Turns one call's end into the check's answer. */
export function credentialCheckOf(result: CallResult): CredentialCheck {
  const base = {
    detail: result.message,
    ...(result.text ? { detailText: result.text } : {}),
    ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
  };
  switch (result.kind) {
    case 'answered':
      return result.erp.status === 0
        ? { ...base, outcome: 'works', text: { key: 'profiles.check.works' } }
        : { ...base, outcome: 'erp-error', text: { key: 'profiles.check.erpError', params: { status: result.erp.status, message: result.message } } };
    case 'credentials-refused':
      return { ...base, outcome: 'credentials-refused', text: { key: 'profiles.check.refused', params: { message: result.message } } };
    case 'clock-skew':
      return { ...base, outcome: 'clock-skew', text: { key: 'profiles.check.clockSkew', params: { message: result.message } } };
    case 'not-sent':
    case 'unknown':
      return { ...base, outcome: 'unreachable', text: { key: 'profiles.check.unreachable', params: { message: result.message } } };
    case 'rate-limited':
      // The ERP answered but would not run the query: the credentials are not proven either way.
      return { ...base, outcome: 'erp-error', text: { key: 'profiles.check.rateLimited', params: { message: result.message } } };
  }
}

/** Sends the harmless query through any client and reports what happened. */
export async function checkCredentials(client: WdtClient, timeoutMs?: number): Promise<CredentialCheck> {
  const result = await client.call({
    method: checkMethod,
    body: serializeArgs(buildQueryArgs({ return_no: probeReturnNo })),
    paging: { pageSize: 1, pageNo: 0, calcTotal: false },
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  return credentialCheckOf(result);
}

export interface CheckProfileDeps {
  clock: Clock;
  logger?: Logger;
}

/**
 * Checks a resolved profile with a real HTTP client. The secret is read first so that "nothing stored"
 * and "keychain unavailable" come back as their own errors rather than as refused credentials.
 */
export async function checkProfileCredentials(
  resolved: { profile: Profile; secret: SecretSource },
  deps: CheckProfileDeps,
): Promise<Result<CredentialCheck>> {
  const first = await resolved.secret.read();
  if (!first.ok) return first;
  const { profile, secret } = resolved;
  const timeoutMs = profile.limits.timeoutSeconds * 1000;
  const client = new HttpWdtClient({
    baseUrl: profile.baseUrl,
    sid: profile.sid,
    appkey: profile.appkey,
    // Read again at send time: the client signs with it and keeps nothing.
    getSecret: readAtSend(secret),
    clock: deps.clock,
    timeoutMs,
    connectTimeoutMs: Math.min(timeoutMs, 10_000),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  try {
    return ok(await checkCredentials(client, timeoutMs));
  } finally {
    await client.close();
  }
}
