// Signing, pure: the vendor's timestamp and MD5 sign (docs: wdt-protocol.md, "Credentials and signing").
// Kept free of I/O so the worked example can pin it down byte for byte.
import { createHash } from 'node:crypto';
import { t, defaultLang, type Lang } from '../../shared/i18n';
import { appError, err, ok, type Result } from '../../shared/result';

/** The vendor's epoch: 2012-01-01 00:00:00 as it counts it (Unix seconds). */
export const wdtEpochSeconds = 1325347200;

/** Seconds since the vendor's epoch for a time in Unix milliseconds. */
export function wdtTimestamp(nowMs: number): number {
  return Math.floor(nowMs / 1000) - wdtEpochSeconds;
}

/** Byte-order comparison of UTF-8 names (the vendor sorts by bytes, not by locale). */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The exact string that is hashed. Exposed for tests only; it holds the secret, so never log it. */
export function signingString(params: Record<string, string>, body: string, secret: string): string {
  const entries: [string, string][] = Object.entries(params).filter(([name]) => name !== 'sign');
  entries.push(['body', body]);
  entries.sort(([a], [b]) => byteOrder(a, b));
  return secret + entries.map(([name, value]) => name + value).join('') + secret;
}

/** Lowercase hex MD5 of secret + sorted name/value pairs (plus `body`) + secret, over UTF-8 bytes. */
export function signParams(params: Record<string, string>, body: string, secret: string): string {
  return createHash('md5').update(signingString(params, body, secret), 'utf8').digest('hex');
}

export interface AppSecretParts {
  secret: string;
  salt: string;
}

/**
 * Splits the vendor's appsecret `secret:salt` at the FIRST colon (a salt may hold colons).
 * The error message never echoes the value: it is a secret.
 */
export function parseAppSecret(appSecret: string, lang: Lang = defaultLang): Result<AppSecretParts> {
  const value = appSecret.trim();
  if (value === '') return err(appError('SECRET_MISSING', t(lang, 'wdt.secret.missing')));
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) {
    return err(appError('PROFILE_INVALID', t(lang, 'wdt.secret.malformed')));
  }
  return ok({ secret: value.slice(0, colon), salt: value.slice(colon + 1) });
}
