// "Do these credentials work?": one harmless signed call — queryWithDetail for a return number that
// cannot exist, one row per page — read-only, so it is safe against production. Each way it can end
// becomes one answer a person can act on.
import { serializeArgs } from '../../shared/operations/json-body';
import { buildQueryArgs, queryMethod } from '../../shared/operations/return-query';
import { render, type Lang, type LocalizedText } from '../../shared/i18n';
import { ok, type Result } from '../../shared/result';
import type { Clock, Logger } from '../effects';
import type { CallResult, WdtClient } from '../wdt/types';
import { refusalText, requestRefusedText, wrongAddressText } from '../wdt/refusals';
import { profileClient } from './profile-client';
import type { Profile, SecretSource } from './types';

/**
 * `works-no-query`: the credentials work, but this appkey may not call the query the probe uses
 * (`权限不足`), so outcomes whose answer was lost cannot be settled until that permission is granted.
 */
export type CredentialOutcome = 'works' | 'works-no-query' | 'credentials-refused' | 'wrong-address' | 'clock-skew' | 'unreachable' | 'erp-error';

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
/** Clearly ours, so it matches nothing; 20 characters, the most the query's return_no allows. */
export const probeReturnNo = 'WDTBULK-PROBE-000000';

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
      // The signature passed; only this method is not granted: a distinct answer, not "refused".
      if (result.refusal === 'permission' && result.method === checkMethod) {
        return { ...base, outcome: 'works-no-query', text: { key: 'profiles.check.noQueryPermission', params: { method: checkMethod, message: result.message } } };
      }
      return { ...base, outcome: 'credentials-refused', text: refusalText(result) };
    case 'wrong-address':
      return { ...base, outcome: 'wrong-address', text: wrongAddressText(result) };
    case 'request-refused':
      return { ...base, outcome: 'erp-error', text: requestRefusedText(result) };
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
  const client = profileClient({ ...deps, connectTimeoutMs: Math.min(timeoutMs, 10_000) }, profile, secret);
  try {
    return ok(await checkCredentials(client, timeoutMs));
  } finally {
    await client.close();
  }
}
