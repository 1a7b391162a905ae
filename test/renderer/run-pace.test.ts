// The run screen's rate: shown only once it means something (issue 14, item 10).
import { describe, expect, it } from 'vitest';
import { pace } from '../../renderer/src/screens/run-screen';
import type { JobNow } from '../../renderer/src/hooks/use-job';
import { emptyCounts } from '../../shared/states';

const start = Date.parse('2026-01-01T10:00:00Z');
const now = (over: Partial<JobNow>): JobNow => ({
  state: 'running',
  counts: { ...emptyCounts(), succeeded: 50, pending: 50 },
  attempts: 2,
  rows: 100,
  callsPlanned: 4,
  callsDone: 2,
  startedAt: new Date(start).toISOString(),
  waitingReason: null,
  nextTryAt: null,
  ...over,
});

describe('pace', () => {
  it('gives no rate right after the start (one fast answer is not 90000 rows a minute)', () => {
    expect(pace(now({ callsDone: 1 }), start + 2_000).perMinute).toBeNull();
    expect(pace(now({}), start + 3_000).perMinute).toBeNull();
  });

  it('gives no rate while nothing is sent (waiting or paused)', () => {
    expect(pace(now({ state: 'waiting' }), start + 60_000)).toEqual({ perMinute: null, minutesLeft: null });
    expect(pace(now({ state: 'paused' }), start + 60_000).perMinute).toBeNull();
  });

  it('gives rows per minute and minutes left once there is enough behind it', () => {
    expect(pace(now({}), start + 60_000)).toEqual({ perMinute: 50, minutesLeft: 1 });
  });
});
