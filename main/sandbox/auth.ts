// The sandbox's door: account, signature and timestamp, checked as the vendor describes them.
// Refusals are status 100 answers whose messages the client classifies (main/wdt/classify.ts).
import { timingSafeEqual } from 'node:crypto';
import { parseAppSecret, signParams, wdtTimestamp } from '../wdt/sign';

export interface SandboxAccount {
  sid: string;
  appkey: string;
  appSecret: string;
}

export type Refusal = { reason: 'params' | 'account' | 'sign' | 'timestamp'; message: string };

const required = ['sid', 'key', 'salt', 'method', 'v', 'timestamp', 'sign'] as const;
/** The vendor's window: a timestamp within 120 s of the server's clock. */
export const timestampWindowSeconds = 120;

export function checkRequest(query: URLSearchParams, body: string, account: SandboxAccount, nowMs: number): Refusal | null {
  for (const name of required) {
    if (!query.get(name)) return { reason: 'params', message: `缺少公共参数${name}` };
  }
  if (query.get('sid') !== account.sid) return { reason: 'account', message: '卖家账号(sid)不存在' };
  if (query.get('key') !== account.appkey) return { reason: 'account', message: '接口账号(appkey)不存在' };
  const parts = parseAppSecret(account.appSecret);
  if (!parts.ok) throw new Error('The sandbox account has a malformed app secret');
  const params: Record<string, string> = {};
  for (const [name, value] of query) if (name !== 'sign') params[name] = value;
  const expected = Buffer.from(signParams(params, body, parts.value.secret));
  const given = Buffer.from(query.get('sign') ?? '');
  if (query.get('salt') !== parts.value.salt || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { reason: 'sign', message: '签名错误' };
  }
  const timestamp = Number(query.get('timestamp'));
  if (!Number.isInteger(timestamp) || Math.abs(timestamp - wdtTimestamp(nowMs)) > timestampWindowSeconds) {
    return { reason: 'timestamp', message: '时间戳(timestamp)与服务器时间相差超过120秒' };
  }
  return null;
}
