// The sandbox's knobs: latency, the vendor's limits, a skewed clock and injected faults.
// Settable at start, at runtime (setOptions) and over loopback (POST /__sandbox/options).
import { z } from 'zod';

/**
 * Faults for the next `count` calls (optionally of one method), to reproduce every failure class:
 * - `502-before-acting` / `reset-before-acting`: nothing is done, the answer is a 502 / a dropped socket;
 * - `502-after-acting` / `reset-after-acting` / `garbage-body`: the call IS carried out, the answer is lost;
 * - `hang`: the call is carried out and the answer is held `delayMs` (default: until the client gives up);
 * - `db-error-after-acting`: the call is carried out, then answered {"status":4,"message":"数据库错误"}, as the
 *   vendor's database failing mid-call does (whether anything was written is unknown to the caller).
 */
export const faultKinds = [
  '502-before-acting',
  '502-after-acting',
  'reset-before-acting',
  'reset-after-acting',
  'garbage-body',
  'hang',
  'db-error-after-acting',
] as const;
export type FaultKind = (typeof faultKinds)[number];

export const faultSchema = z.object({
  kind: z.enum(faultKinds),
  count: z.number().int().positive().default(1),
  /** Only calls of this API method; every method when absent. */
  method: z.string().optional(),
  /** `hang` only: answer after this many ms; never (until the client leaves) when absent. */
  delayMs: z.number().int().nonnegative().optional(),
});
export type Fault = z.output<typeof faultSchema>;

export const runtimeOptionsSchema = z.object({
  /**
   * Every /openapi answer leaves this long after its request arrived (a server that answers in latencyMs): the
   * sandbox's own work is done first and counts within it; the call counts as in flight meanwhile. A refusal by
   * the rate or concurrency limit is answered at once.
   */
  latencyMs: z.number().int().nonnegative().default(0),
  /** The vendor's per-minute call limit (0 = none); over it: status 100 超过每分钟最大调用频率限制. */
  callsPerMinute: z.number().int().nonnegative().default(0),
  /** The vendor's concurrency limit (0 = none); over it: status 100 超过每分钟最大并发次数限制. */
  maxConcurrent: z.number().int().nonnegative().default(0),
  /** The length of the vendor's "minute" in ms (tests compress it; the vendor's is 60,000). */
  rateWindowMs: z.number().int().positive().default(60_000),
  /** The sandbox's clock runs this far ahead (negative: behind) of the host's; Date headers follow it. */
  clockSkewSeconds: z.number().default(0),
  /** Faults still to inject, in order; a patch replaces the whole list. */
  faults: z.array(faultSchema).default([]),
  /** The account refuses every signed call: 6 `ip限制` (IP allow-list) or 3 `需要动态口令`. */
  accountLock: z.enum(['none', 'ip', 'dynamic-password']).default('none'),
  /** Methods this appkey has not been granted: answered 100 `权限不足`. */
  deniedMethods: z.array(z.string()).default([]),
  /** What a created return's data.message says: its number (the page's example) or `OK` (the page's field table). */
  createMessage: z.enum(['return-no', 'OK']).default('return-no'),
});
export type SandboxRuntimeOptions = z.output<typeof runtimeOptionsSchema>;

/** A runtime patch: any subset of the options (what POST /__sandbox/options accepts). */
export const optionsPatchSchema = z.object({
  latencyMs: z.number().int().nonnegative().optional(),
  callsPerMinute: z.number().int().nonnegative().optional(),
  maxConcurrent: z.number().int().nonnegative().optional(),
  rateWindowMs: z.number().int().positive().optional(),
  clockSkewSeconds: z.number().optional(),
  faults: z.array(faultSchema).optional(),
  accountLock: z.enum(['none', 'ip', 'dynamic-password']).optional(),
  deniedMethods: z.array(z.string()).optional(),
  createMessage: z.enum(['return-no', 'OK']).optional(),
});
export type SandboxOptionsPatch = z.input<typeof optionsPatchSchema>;

/** Takes the first fault that applies to this method, counting it down. */
export function takeFault(options: SandboxRuntimeOptions, method: string): Fault | null {
  const index = options.faults.findIndex((f) => !f.method || f.method === method);
  if (index < 0) return null;
  const fault = options.faults[index]!;
  if (fault.count <= 1) options.faults.splice(index, 1);
  else options.faults[index] = { ...fault, count: fault.count - 1 };
  return fault;
}
