// Real parts for the master-data tests: the sandbox ERP on loopback, a real client, the engine's pacer
// and a temp-folder SQLite job store migrated to the newest schema.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '../../../main/effects';
import { openJobDatabase, type JobDatabase } from '../../../main/jobs/database';
import { RateLimiter } from '../../../main/jobs/rate-limiter';
import { MasterdataStore } from '../../../main/masterdata/md-store';
import type { QueryDeps } from '../../../main/masterdata/query-call';
import { refreshMasterdata, type RefreshOptions } from '../../../main/masterdata/refresh';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../main/sandbox';
import { masterdataOf } from '../../../main/sandbox/masterdata';
import type { HttpWdtClient } from '../../../main/wdt/client';
import { clientFor } from '../wdt/helpers';

export interface MdRig {
  sandbox: Sandbox;
  client: HttpWdtClient;
  query: QueryDeps;
  db: JobDatabase;
  dbFile: string;
  store: MasterdataStore;
  dir: string;
  /** The sandbox's master data, to change it between refreshes. */
  md: ReturnType<typeof masterdataOf>;
  refresh(o?: Partial<RefreshOptions>): ReturnType<typeof refreshMasterdata>;
  /** Calls the sandbox handled per method since the last reset. */
  calls(method: string): number;
  close(): Promise<void>;
}

/** 2023-01-01 China time: before every seeded record. */
export const seedStart = Date.parse('2023-01-01T00:00:00+08:00');

export async function mdRig(options: SandboxOptions = {}, pacing: { callsPerMinute?: number; windowMs?: number } = {}): Promise<MdRig> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wdt-md-'));
  const dbFile = path.join(dir, 'jobs.sqlite');
  const sandbox = await startSandbox(options);
  const client = clientFor(sandbox);
  const pacer = new RateLimiter({ concurrency: 1, callsPerMinute: pacing.callsPerMinute ?? 0, clock: systemClock, windowMs: pacing.windowMs ?? 60_000, backoff: { baseMs: 5, capMs: 20 } });
  const query: QueryDeps = { client, pacer, timeoutMs: 5_000, maxTries: 2 };
  const db = openJobDatabase(dbFile);
  const store = new MasterdataStore(db);
  return {
    sandbox,
    client,
    query,
    db,
    dbFile,
    store,
    dir,
    md: masterdataOf(sandbox.state),
    refresh: (o = {}) =>
      refreshMasterdata({ store, query, clock: systemClock, lang: 'zh-CN' }, { profile: 'sandbox', account: 'wdtapi3@sandbox', startMs: seedStart, pageSize: 100, ...o }),
    calls: (method) => sandbox.state.counters.byMethod[method] ?? 0,
    async close() {
      pacer.close();
      await client.close();
      db.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
