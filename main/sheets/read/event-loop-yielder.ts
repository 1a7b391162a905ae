// Long loops on the calling thread (the catalog's work over 100,000 rows) hand the event loop a turn every
// few milliseconds, so the app's main thread never stalls however slow the machine. Rows arriving from the
// read worker may already be queued: awaiting them alone would never let a timer or an IPC message in.
import { performance } from 'node:perf_hooks';

/** Work per turn before the loop gets one: well under the 50 ms a stall may last. */
const sliceMs = 8;

/**
 * Yields to the event loop once the current task has run for `sliceMs`; checks the clock every 16 items (at
 * the start of a read the code is still cold: 128 rows took 60–100 ms there, far past the slice).
 */
export class EventLoopYielder {
  private since = performance.now();

  /** Whether item `i` should wait for a turn of the event loop first. */
  due(i: number): boolean {
    return (i & 15) === 0 && performance.now() - this.since >= sliceMs;
  }

  /** Lets timers, I/O and messages run, then starts a new slice. */
  async giveTurn(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}
