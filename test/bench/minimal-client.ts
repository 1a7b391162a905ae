// The pipe's yardstick: the least a client can do to send the same calls — keep-alive undici, the real signer,
// each body serialised as it is sent (as the app does), one lane per slot, nothing stored. What the app does on
// top of this is the cost of keeping an audit record.
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { parseAppSecret, signParams, wdtTimestamp } from '../../main/wdt/sign';

export interface Account {
  url: string;
  sid: string;
  appkey: string;
  appSecret: string;
}

export interface MinimalRun {
  wallMs: number;
  /** Main-thread busy time per call (ms): serialising, signing, HTTP, parsing the answer. */
  busyPerCallMs: number;
  /** CPU time per call (ms, user + system, every thread of the process): work, not waiting, even on a loaded machine. */
  cpuPerCallMs: number;
  answered: number;
}

/** Sends `calls` calls (call i's body made by bodyOf(i) when it is sent) over `concurrency` lanes; every answer must be the ERP's JSON. */
export async function sendMinimal(account: Account, method: string, calls: number, bodyOf: (call: number) => string, concurrency: number): Promise<MinimalRun> {
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: concurrency });
  const parts = parseAppSecret(account.appSecret);
  if (!parts.ok) throw new Error(parts.error.message);
  const { secret, salt } = parts.value;
  let next = 0;
  let answered = 0;
  const lane = async () => {
    while (next < calls) {
      const body = bodyOf(next++);
      const params: Record<string, string> = { sid: account.sid, key: account.appkey, salt, method, v: '1.0', timestamp: String(wdtTimestamp(Date.now())) };
      params.sign = signParams(params, body, secret);
      const res = await request(`${account.url}/openapi?${new URLSearchParams(params).toString()}`, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body,
      });
      const answer = JSON.parse(await res.body.text()) as { status?: unknown };
      if (typeof answer.status !== 'number') throw new Error(`minimal client: not an ERP answer (HTTP ${res.statusCode})`);
      answered += 1;
    }
  };
  const elu = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  const wallMs = performance.now() - t0;
  const busy = performance.eventLoopUtilization(elu);
  const cpu = process.cpuUsage(cpu0);
  await agent.close();
  return { wallMs, busyPerCallMs: busy.active / calls, cpuPerCallMs: (cpu.user + cpu.system) / 1000 / calls, answered };
}
