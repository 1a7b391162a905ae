// One refresh of a profile's copy at a time (migration 9's lease): two store connections on one file
// are kept apart; a lease lapses when its holder stops renewing it, and a holder that died on this
// machine frees it at once. Real SQLite files in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../main/effects';
import { openJobDatabase, type JobDatabase } from '../../../main/jobs/database';
import { RefreshLease } from '../../../main/masterdata/md-lease';

let dir: string;
const opened: JobDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Two connections to one store file, as two processes have. */
function twoConnections(): [JobDatabase, JobDatabase] {
  dir = mkdtempSync(path.join(tmpdir(), 'wdt-lease-'));
  const file = path.join(dir, 'jobs.sqlite');
  const a = openJobDatabase(file);
  const b = openJobDatabase(file);
  opened.push(a, b);
  return [a, b];
}

const clockAt = (start: number): Clock & { ms: number } => {
  const c = { ms: start, now: () => c.ms };
  return c as Clock & { ms: number };
};

describe('the refresh lease', () => {
  it('a second connection is refused while the first holds the profile, and takes it once released', () => {
    const [a, b] = twoConnections();
    const clock = clockAt(Date.parse('2026-11-25T10:00:00Z'));
    const first = new RefreshLease(a, clock).take('sandbox', 'owner-a');
    expect(first.ok).toBe(true);
    const second = new RefreshLease(b, clock).take('sandbox', 'owner-b');
    expect(second).toEqual({ ok: false, holder: { pid: process.pid, takenAt: clock.ms, expiresAt: clock.ms + 60_000 } });
    // Another profile's refresh is not held up.
    const other = new RefreshLease(b, clock).take('prod', 'owner-b');
    expect(other.ok).toBe(true);
    if (first.ok) first.release();
    const again = new RefreshLease(b, clock).take('sandbox', 'owner-b');
    expect(again.ok).toBe(true);
    if (again.ok) again.release();
    if (other.ok) other.release();
    expect(b.prepare('SELECT count(*) FROM md_lease').pluck().get()).toBe(0);
  });

  it('a lease its holder stopped renewing lapses; a renewed one does not', async () => {
    const [a, b] = twoConnections();
    const clock = clockAt(1_000_000);
    const held = new RefreshLease(a, clock, { ttlMs: 1_000, renewMs: 10 }).take('sandbox', 'owner-a');
    expect(held.ok).toBe(true);
    clock.ms += 900;
    await new Promise((r) => setTimeout(r, 60)); // the holder renews: now + 1 s
    clock.ms += 900;
    expect(new RefreshLease(b, clock).take('sandbox', 'owner-b').ok).toBe(false);
    if (held.ok) held.release();
    // A holder that never releases and never renews (renewals far apart) lapses after its time.
    const stale = new RefreshLease(a, clock, { ttlMs: 1_000, renewMs: 3_600_000 }).take('sandbox', 'owner-a');
    expect(stale.ok).toBe(true);
    clock.ms += 999;
    expect(new RefreshLease(b, clock).take('sandbox', 'owner-b').ok).toBe(false);
    clock.ms += 2;
    const taken = new RefreshLease(b, clock).take('sandbox', 'owner-b');
    expect(taken.ok).toBe(true);
    // The lapsed holder's release does not free the new holder's lease.
    if (stale.ok) stale.release();
    expect(new RefreshLease(a, clock).take('sandbox', 'owner-c').ok).toBe(false);
    if (taken.ok) taken.release();
  });

  it('a lease held by a process of this machine that is gone is free at once', async () => {
    const [a, b] = twoConnections();
    const clock = clockAt(Date.now());
    // A real process that ran and exited: its pid names no process now.
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    expect(new RefreshLease(a, clock).take('sandbox', 'owner-a').ok).toBe(true);
    a.prepare('UPDATE md_lease SET pid = ?, owner = ?').run(pid, `${hostname()}:${pid}:x`);
    expect(new RefreshLease(b, clock).take('sandbox', 'owner-b').ok).toBe(true);
  });
});
