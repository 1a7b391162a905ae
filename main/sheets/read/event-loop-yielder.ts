// Long loops on the calling thread (the catalog's work over 100,000 rows) hand the event loop a turn every
// few milliseconds, so the app's main thread never stalls however slow the machine. Rows arriving from the
// read worker may already be queued: awaiting them alone would never let a timer or an IPC message in.
import { performance } from 'node:perf_hooks';

/**
 * Work per turn before the loop gets one: with a scavenge (3–5 ms on the main thread while a sheet streams in)
 * and a slice of grouping (group-slices.ts, a few ms) on top, still within the 16 ms a pause may last.
 */
const sliceMs = 6;

/**
 * Yields to the event loop once the current task has run for `sliceMs`; checks the clock every 4 items (at
 * the start of a read the code is still cold: 128 rows took 60–100 ms there, so 16 rows between checks could
 * overrun the slice by 8–12 ms; a clock read is ≈ 50 ns, 1–2 ms over 100,000 rows).
 */
export class EventLoopYielder {
  private since = performance.now();

  /** Whether item `i` should wait for a turn of the event loop first. */
  due(i: number): boolean {
    return (i & 3) === 0 && performance.now() - this.since >= sliceMs;
  }

  /** Lets timers, I/O and messages run, then starts a new slice. */
  async giveTurn(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}
