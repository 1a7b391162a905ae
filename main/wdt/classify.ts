// How an answer or a transport failure becomes a CallResult kind (docs/erp-client.md).
// The vendor gives no machine-readable code for a refused call, only status 100 and a Chinese
// message, so this file is the ONE place that reads message text — and only to tell the
// whole-call refusals apart (rate limit, credentials, timestamp). Per-order outcomes never do.
import { z } from 'zod';
import type { ErpAnswer } from '../../shared/operations/types';

/** The vendor's two rate-limit messages (status 100): nothing was done, slow down and retry. */
export const rateLimitMessages = ['超过每分钟最大调用频率限制', '超过每分钟最大并发次数限制'] as const;

/**
 * A status > 0 answer whose message matches one of these refused the call for its timestamp.
 * Checked before the credential patterns: the clock can be corrected, credentials cannot.
 */
export const timestampRefusalPatterns: readonly RegExp[] = [/时间戳/, /\btimestamp\b/i];

/**
 * A status > 0 answer whose message names the signature or the account (sign, appkey, sid,
 * permission) refused our credentials. Conservative on purpose: every pattern names the account
 * or the signature, never a document, so a business refusal ("仓库不存在", "采购退货单号不存在")
 * cannot stop a job. Latin words are matched whole ("assign" is not "sign").
 */
export const credentialRefusalPatterns: readonly RegExp[] = [
  /签名/,
  /\bsign\b/i,
  /\bappkey\b/i,
  /\bapp_key\b/i,
  /接口账号/,
  /卖家账号/,
  /\bsid\b/i,
  /权限/,
  /授权/,
];

/** The top-level answer: unknown in, typed out. Extra fields are kept for the operation's outcomes(). */
export const erpAnswerSchema = z
  .object({
    status: z.number().int(),
    message: z.string().optional(),
    data: z.unknown().optional(),
  })
  .loose();

/** Parses a response body; null when it is not JSON or carries no numeric status (the ERP may have acted). */
export function parseAnswer(text: string): ErpAnswer | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = erpAnswerSchema.safeParse(json);
  if (!parsed.success) return null;
  const { status, message, data } = parsed.data;
  const answer: ErpAnswer = { status };
  if (message !== undefined) answer.message = message;
  if (data !== undefined) answer.data = data;
  return answer;
}

export type AnswerKind = 'answered' | 'rate-limited' | 'credentials-refused' | 'timestamp-refused';

/** Whole-call refusals are told apart by message; everything else an answer says is 'answered'. */
export function classifyAnswer(answer: ErpAnswer): AnswerKind {
  if (answer.status === 0) return 'answered';
  const message = answer.message ?? '';
  if (rateLimitMessages.some((m) => message.includes(m))) return 'rate-limited';
  if (timestampRefusalPatterns.some((p) => p.test(message))) return 'timestamp-refused';
  if (credentialRefusalPatterns.some((p) => p.test(message))) return 'credentials-refused';
  return 'answered';
}

/** Error codes that prove the request never reached the server: safe to send again. */
export const notSentCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT_CONNECT',
]);

/** Every `code` in an error, its causes and (AggregateError, happy-eyeballs) its inner errors. */
export function errorCodes(error: unknown, seen = new Set<unknown>()): string[] {
  if (typeof error !== 'object' || error === null || seen.has(error)) return [];
  seen.add(error);
  const codes: string[] = [];
  const record = error as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
  if (typeof record.code === 'string') codes.push(record.code);
  if (typeof record.name === 'string' && (record.name === 'TimeoutError' || record.name === 'AbortError')) {
    codes.push(record.name);
  }
  codes.push(...errorCodes(record.cause, seen));
  if (Array.isArray(record.errors)) for (const inner of record.errors) codes.push(...errorCodes(inner, seen));
  return codes;
}

export type TransportKind = 'not-sent' | 'unknown';

/**
 * A request that failed without an answer. Only failures that happen before a connection exists
 * are 'not-sent'; once a connection is up the request may have been written and acted on.
 * With several causes (happy-eyeballs tries each address), it is 'not-sent' only if every code is.
 */
export function classifyTransportError(error: unknown): { kind: TransportKind; code: string } {
  const codes = errorCodes(error);
  const code = codes[0] ?? 'UNKNOWN';
  const notSent = codes.length > 0 && codes.every((c) => notSentCodes.has(c));
  return { kind: notSent ? 'not-sent' : 'unknown', code: notSent ? (codes.find((c) => notSentCodes.has(c)) ?? code) : code };
}
