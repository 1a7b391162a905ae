// How an answer or a transport failure becomes a CallResult kind (docs/erp-client.md).
// Decided by the vendor's status code first (错误码说明, wdt-protocol.md "Status codes"); the message
// is read only inside a code, to tell apart what one code lumps together (code 1: credentials or a
// malformed request; code 100: rate limits, a missing method permission, or a business refusal).
// Per-order outcomes never read message text.
import { z } from 'zod';
import type { ErpAnswer } from '../../shared/operations/types';

/** The vendor's two rate-limit messages (status 100): nothing was done, slow down and retry. */
export const rateLimitMessages = ['超过每分钟最大调用频率限制', '超过每分钟最大并发次数限制'] as const;

/** Why the ERP refused the account as a whole; each names what the clerk must fix. */
export const accountRefusals = ['secret', 'appkey', 'sid', 'ip', 'dynamic-password', 'permission', 'unreadable-secret', 'other'] as const;
export type AccountRefusal = (typeof accountRefusals)[number];

/** Code 1 messages that mean our request was malformed (our bug), not that the account was refused. */
export const malformedRequestPatterns: readonly RegExp[] = [/参数错误/, /参数个数错误/, /invalid argument count/i, /argument type mismatch/i, /For input string/i];

/** Code 1 messages, each naming what is wrong with the account or the environment. */
const codeOneRefusals: readonly { pattern: RegExp; refusal: AccountRefusal }[] = [
  { pattern: /验证失败|签名|\bsign\b/i, refusal: 'secret' },
  { pattern: /app auth fail|\bappkey\b|接口账号/i, refusal: 'appkey' },
  { pattern: /\bsid\b|卖家账号/i, refusal: 'sid' },
];

/** Code 100 `权限不足` alone (trailing punctuation aside): this appkey has not been granted the method. */
const permissionMissing = /^权限不足[!！。.]?$/;
/** Code 100 for a paged method called without paging: our bug. */
const pagingRequired = /此方法仅支持分页查询/;

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

export type AnswerClass =
  /** status 0, or a business refusal (100): the operation's outcomes() reads it. */
  | { kind: 'answered' }
  | { kind: 'rate-limited' }
  /** The account as a whole: stop the job, nothing counts as failed. */
  | { kind: 'credentials-refused'; refusal: AccountRefusal }
  /** Our request is malformed (codes 1 with parameter words, 2, 8, paging missing): stop loudly. */
  | { kind: 'request-refused' }
  /** Code 7: correct the clock from the Date header and resend once. */
  | { kind: 'timestamp-refused' }
  /** Codes 4, 5, 99: the server failed; whether anything was written is unknown. */
  | { kind: 'unknown' };

/** The vendor's table (wdt-protocol.md): the code decides; the message only splits a code. */
export function classifyAnswer(answer: ErpAnswer): AnswerClass {
  const message = (answer.message ?? '').trim();
  switch (answer.status) {
    case 0:
      return { kind: 'answered' };
    case 1: {
      if (malformedRequestPatterns.some((p) => p.test(message))) return { kind: 'request-refused' };
      const named = codeOneRefusals.find((r) => r.pattern.test(message));
      // Code 1 is refused before any business logic: whatever else it says, the account or environment is at fault.
      return { kind: 'credentials-refused', refusal: named?.refusal ?? 'other' };
    }
    case 2:
    case 8:
      return { kind: 'request-refused' };
    case 3:
      return { kind: 'credentials-refused', refusal: 'dynamic-password' };
    case 4:
    case 5:
    case 99:
      return { kind: 'unknown' };
    case 6:
      return { kind: 'credentials-refused', refusal: 'ip' };
    case 7:
      return { kind: 'timestamp-refused' };
    case 100:
      if (rateLimitMessages.some((m) => message.includes(m))) return { kind: 'rate-limited' };
      if (permissionMissing.test(message)) return { kind: 'credentials-refused', refusal: 'permission' };
      if (pagingRequired.test(message)) return { kind: 'request-refused' };
      return { kind: 'answered' };
    default:
      // A code the vendor does not document: the call did nothing; its orders fail with the ERP's words.
      return { kind: 'answered' };
  }
}

/**
 * An answer that is not the API at all: 404/405 (no such endpoint) or an HTML page that is not a
 * 5xx (a portal, a login page, a proxy's "not found"). The base URL is wrong.
 */
export function isWrongAddress(httpStatus: number, contentType: string, text: string): boolean {
  if (httpStatus === 404 || httpStatus === 405) return true;
  if (httpStatus >= 500) return false;
  return /text\/html/i.test(contentType) || /^\s*<(!doctype|html)/i.test(text);
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
