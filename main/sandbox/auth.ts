// The sandbox's door: account, signature and timestamp, answered with the vendor's codes and words
// (错误码说明): 1 for a missing parameter, an unknown sid or appkey, a bad sign, a timestamp that is
// not a number; 7 for a timestamp out of the window; 3 and 6 when the account is set up to refuse.
import { timingSafeEqual } from 'node:crypto';
import { parseAppSecret, signParams, wdtTimestamp } from '../wdt/sign';

export interface SandboxAccount {
  sid: string;
  appkey: string;
  appSecret: string;
}

export type Refusal = { reason: 'params' | 'account' | 'sign' | 'timestamp'; status: number; message: string };

/** How the account itself refuses every call (the vendor's codes 6 and 3), whatever is signed. */
export type AccountLock = 'none' | 'ip' | 'dynamic-password';

const required = ['sid', 'key', 'salt', 'method', 'v', 'timestamp', 'sign'] as const;
/** The vendor's window: a timestamp within 120 s of the server's clock. */
export const timestampWindowSeconds = 120;

export function checkRequest(query: URLSearchParams, body: string, account: SandboxAccount, nowMs: number, lock: AccountLock = 'none'): Refusal | null {
  for (const name of required) {
    if (!query.get(name)) return { reason: 'params', status: 1, message: '参数错误' };
  }
  if (query.get('sid') !== account.sid) return { reason: 'account', status: 1, message: 'sid is not exists' };
  if (query.get('key') !== account.appkey) return { reason: 'account', status: 1, message: 'app auth fail' };
  if (query.get('v') !== '1.0') return { reason: 'params', status: 8, message: '版本错误' };
  const parts = parseAppSecret(account.appSecret);
  if (!parts.ok) throw new Error('The sandbox account has a malformed app secret');
  const params: Record<string, string> = {};
  for (const [name, value] of query) if (name !== 'sign') params[name] = value;
  const expected = Buffer.from(signParams(params, body, parts.value.secret));
  const given = Buffer.from(query.get('sign') ?? '');
  if (query.get('salt') !== parts.value.salt || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { reason: 'sign', status: 1, message: '验证失败' };
  }
  const raw = query.get('timestamp') ?? '';
  if (!/^-?\d{1,10}$/.test(raw)) return { reason: 'timestamp', status: 1, message: `For input string: "${raw}"` };
  if (Math.abs(Number(raw) - wdtTimestamp(nowMs)) > timestampWindowSeconds) {
    return { reason: 'timestamp', status: 7, message: '时间戳错误' };
  }
  if (lock === 'ip') return { reason: 'account', status: 6, message: 'ip限制' };
  if (lock === 'dynamic-password') return { reason: 'account', status: 3, message: '需要动态口令' };
  return null;
}
