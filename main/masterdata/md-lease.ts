// The refresh lease (migration 9): a refresh of a profile's copy holds the profile's lease row while it
// runs, so a second refresh — another process on the same store file, the CLI beside the app — is told
// who holds it and stops before touching a cursor. The lease is taken and renewed in IMMEDIATE
// transactions (SQLite's write lock makes "read, then claim" atomic across connections) and lapses
// when its holder dies without releasing it.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import type { Clock } from '../effects';
import { immediate, type JobDatabase } from '../jobs/database';

/** A lease lasts this long unless renewed; a killed refresh blocks the next one at most this long. */
export const leaseMs = 60_000;
/** The holder renews this often (well inside leaseMs, so a slow page never lets it lapse). */
export const renewEveryMs = 15_000;

const leaseRow = z.object({ owner: z.string(), pid: z.number().int(), taken_at: z.number(), expires_at: z.number() });
export type LeaseHolder = { pid: number; takenAt: number; expiresAt: number };

export type Taken = { ok: true; release(): void } | { ok: false; holder: LeaseHolder };

/** A new owner name: unique per refresh, so two refreshes in one process are kept apart too. */
export const newOwner = (): string => `${hostname()}:${process.pid}:${randomUUID()}`;

/**
 * The holder was a process on this machine that no longer runs (killed, crashed): its lease is void at
 * once rather than after it lapses, so the next refresh resumes straight away. Another machine's holder
 * (a store on a shared folder) can only lapse.
 */
function diedHere(owner: string, pid: number): boolean {
  if (!owner.startsWith(`${hostname()}:`) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs under another user — alive. Only ESRCH says it is gone.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export class RefreshLease {
  constructor(
    private readonly db: JobDatabase,
    private readonly clock: Clock,
    private readonly o: { ttlMs?: number; renewMs?: number } = {},
  ) {}

  /** Takes the profile's lease for `owner`, or names who holds it; a held lease is renewed until released. */
  take(profile: string, owner: string): Taken {
    const ttl = this.o.ttlMs ?? leaseMs;
    const holder = immediate(this.db, (): LeaseHolder | null => {
      const now = this.clock.now();
      const row = this.db.prepare('SELECT owner, pid, taken_at, expires_at FROM md_lease WHERE profile = ?').get(profile);
      const held = row ? leaseRow.parse(row) : null;
      if (held && held.owner !== owner && held.expires_at > now && !diedHere(held.owner, held.pid)) return { pid: held.pid, takenAt: held.taken_at, expiresAt: held.expires_at };
      this.db
        .prepare(
          `INSERT INTO md_lease (profile, owner, pid, taken_at, expires_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (profile) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, taken_at = excluded.taken_at, expires_at = excluded.expires_at`,
        )
        .run(profile, owner, process.pid, now, now + ttl);
      return null;
    });
    if (holder) return { ok: false, holder };
    const timer = setInterval(() => this.renew(profile, owner), this.o.renewMs ?? renewEveryMs);
    timer.unref();
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        clearInterval(timer);
        this.db.prepare('DELETE FROM md_lease WHERE profile = ? AND owner = ?').run(profile, owner);
      },
    };
  }

  /** Pushes the lease's expiry on; a lease another owner took over (ours had lapsed) is left to it. */
  private renew(profile: string, owner: string): void {
    try {
      this.db.prepare('UPDATE md_lease SET expires_at = ? WHERE profile = ? AND owner = ?').run(this.clock.now() + (this.o.ttlMs ?? leaseMs), profile, owner);
    } catch {
      // A busy or closed store: the next renewal tries again, and a lapsed lease only lets a second refresh start.
    }
  }
}
