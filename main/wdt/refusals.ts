// The plain words for an account refusal: what the clerk must fix before the job can go on. Shared by
// the job (its stop reason) and the credential check.
import type { LocalizedText, MessageKey } from '../../shared/i18n';
import type { AccountRefusal } from './classify';
import type { CallResult } from './types';

const refusalKeys: Record<AccountRefusal, MessageKey> = {
  secret: 'wdt.refused.secret',
  appkey: 'wdt.refused.appkey',
  sid: 'wdt.refused.sid',
  ip: 'wdt.refused.ip',
  'dynamic-password': 'wdt.refused.dynamic-password',
  permission: 'wdt.refused.permission',
  'unreadable-secret': 'wdt.refused.unreadable-secret',
  other: 'wdt.refused.other',
};

export function refusalText(result: Extract<CallResult, { kind: 'credentials-refused' }>): LocalizedText {
  return { key: refusalKeys[result.refusal], params: { method: result.method, message: result.message, status: result.erpStatus ?? '' } };
}

/** Our malformed request (our defect): names the method and the vendor's words. */
export function requestRefusedText(result: Extract<CallResult, { kind: 'request-refused' }>): LocalizedText {
  return { key: 'wdt.request.refused', params: { method: result.method, status: result.erpStatus ?? '', message: result.message } };
}

/** The base URL is not the API: names the endpoint tried. */
export function wrongAddressText(result: Extract<CallResult, { kind: 'wrong-address' }>): LocalizedText {
  return { key: 'wdt.address.wrong', params: { url: result.url, status: result.httpStatus ?? '' } };
}
