// The rate limiter of calls: how many are in flight, how many per minute, and how long to hold off after the
// vendor says "slow down" or the network is gone. Adaptive: a refusal for the per-minute limit teaches
// us the vendor's number (what it accepted in the last window), a refusal for concurrency lowers ours;
// both creep back up after a quiet window. Backoff is exponential with jitter and a cap: never a spin.
import type { Clock } from '../effects';

export type RateSignal = 'ok' | 'rate-limited' | 'concurrency-limited' | 'offline' | 'unknown';

export interface RateLimiterOptions {
  /** Calls in flight at once (profile / WDT_CONCURRENCY). */
  concurrency: number;
  /** Calls per window we allow ourselves; 0 = no limit of our own (profile / WDT_CALLS_PER_MINUTE). */
  callsPerMinute: number;
  clock: Clock;
  /** The length of "a minute" (tests compress it; the vendor's is 60,000 ms). */
  windowMs?: number;
  /** First backoff and its cap (ms). */
  backoff?: { baseMs: number; capMs: number };
  random?: () => number;
}

interface Waiter {
  resolve: (granted: boolean) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class RateLimiter {
  private inFlight = 0;
  private concurrencyCap: number;
  private rateCap: number;
  private readonly maxConcurrency: number;
  private readonly maxRate: number;
  private readonly windowMs: number;
  private readonly base: number;
  private readonly cap: number;
  private readonly random: () => number;
  /** Send times in the current window, and whether the vendor accepted each. */
  private sends: { at: number; accepted: boolean }[] = [];
  private blockedUntil = 0;
  private failures = 0;
  private lastRefusalAt = 0;
  private lastRaiseAt = 0;
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Refusals the vendor gave us (for tests, benchmarks and the log). */
  readonly stats = { rateLimited: 0, concurrencyLimited: 0, offline: 0, unknown: 0 };

  constructor(private readonly options: RateLimiterOptions) {
    this.maxConcurrency = Math.max(1, Math.floor(options.concurrency));
    this.concurrencyCap = this.maxConcurrency;
    this.maxRate = options.callsPerMinute > 0 ? options.callsPerMinute : Number.POSITIVE_INFINITY;
    this.rateCap = this.maxRate;
    this.windowMs = options.windowMs ?? 60_000;
    this.base = options.backoff?.baseMs ?? 1000;
    this.cap = options.backoff?.capMs ?? 60_000;
    this.random = options.random ?? Math.random;
  }

  /** Calls allowed in flight at once now (lowered after a concurrency refusal). */
  get concurrency(): number {
    return this.concurrencyCap;
  }

  /** Waits for a slot; false when the signal aborted first. The caller must release() a granted slot. */
  acquire(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve,
        signal,
        onAbort: () => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(false);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  /** Ends a granted slot, telling how the call went. */
  release(signal: RateSignal): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    const now = this.options.clock.now();
    const last = this.sends.at(-1);
    switch (signal) {
      case 'ok':
        this.failures = 0;
        this.maybeRaise(now);
        break;
      case 'rate-limited': {
        this.stats.rateLimited += 1;
        // The refused call did not count with the vendor; what it did accept this window is its limit.
        if (last) last.accepted = false;
        this.trim(now);
        const accepted = this.sends.filter((s) => s.accepted).length;
        this.rateCap = Math.max(1, Math.min(this.rateCap, Math.floor(accepted * 0.9) || 1));
        this.holdOff(now);
        break;
      }
      case 'concurrency-limited':
        this.stats.concurrencyLimited += 1;
        if (last) last.accepted = false;
        this.concurrencyCap = Math.max(1, Math.min(this.concurrencyCap, this.inFlight + 1) - 1);
        this.holdOff(now);
        break;
      case 'offline':
        this.stats.offline += 1;
        if (last) last.accepted = false;
        this.holdOff(now, 30_000);
        break;
      case 'unknown':
        this.stats.unknown += 1;
        this.holdOff(now, 30_000);
        break;
    }
    this.pump();
  }

  /** The network is back (the OS says so, or a call got through): stop holding off now. */
  wake(): void {
    this.blockedUntil = 0;
    this.failures = 0;
    this.pump();
  }

  /** Milliseconds until the next attempt may go (0: now). */
  get heldForMs(): number {
    return Math.max(0, this.blockedUntil - this.options.clock.now());
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const w of this.waiters) {
      w.signal?.removeEventListener('abort', w.onAbort);
      w.resolve(false);
    }
    this.waiters = [];
  }

  private holdOff(now: number, capMs = this.cap): void {
    this.failures += 1;
    this.lastRefusalAt = now;
    const exp = Math.min(Math.min(capMs, this.cap), this.base * 2 ** Math.min(this.failures - 1, 20));
    // "Equal jitter": at least half the backoff, so a crowd of clients never retries in step.
    const delay = exp / 2 + (this.random() * exp) / 2;
    this.blockedUntil = Math.max(this.blockedUntil, now + delay);
  }

  /**
   * After five quiet windows, give back some of what refusals took (additive increase). Probing upward
   * costs a refusal when the vendor's number has not changed, so it happens rarely.
   */
  private maybeRaise(now: number): void {
    const quiet = 5 * this.windowMs;
    if (now - this.lastRefusalAt < quiet || now - this.lastRaiseAt < quiet) return;
    if (this.rateCap < this.maxRate) this.rateCap = Math.min(this.maxRate, this.rateCap + Math.max(1, Math.floor(this.rateCap * 0.1)));
    if (this.concurrencyCap < this.maxConcurrency) this.concurrencyCap += 1;
    this.lastRaiseAt = now;
  }

  private trim(now: number): void {
    const from = now - this.windowMs;
    let i = 0;
    while (i < this.sends.length && this.sends[i]!.at <= from) i += 1;
    if (i > 0) this.sends = this.sends.slice(i);
  }

  private pump(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.waiters.length > 0) {
      const now = this.options.clock.now();
      this.trim(now);
      if (this.inFlight >= this.concurrencyCap) return; // a release() pumps again
      let wait = this.blockedUntil - now;
      const counted = this.sends.length;
      if (counted >= this.rateCap && this.sends.length > 0) wait = Math.max(wait, this.sends[counted - this.rateCap]!.at + this.windowMs - now);
      if (wait > 0) {
        this.timer = setTimeout(() => this.pump(), Math.ceil(wait));
        return;
      }
      const waiter = this.waiters.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.inFlight += 1;
      this.sends.push({ at: now, accepted: true });
      waiter.resolve(true);
    }
  }
}
