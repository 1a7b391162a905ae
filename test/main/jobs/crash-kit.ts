// What the kill -9 tests share: the CLI launcher, a seeded generator (a failing run can be replayed), the sandbox
// ERP as a child process of its own, and read-only looks at the store while no process runs the job.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { erpEnv } from '../cli/helpers';

export const bin = fileURLToPath(new URL('../../../bin/wdt-bulk.mjs', import.meta.url));

/** The seed (CRASH_SEED replays a run) and a generator of numbers in [0, 1) from it. */
export function seeded(): { seed: number; random: () => number } {
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
  let state = seed;
  return {
    seed,
    random: () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    },
  };
}

/** The CLI's environment: its data folder, the sandbox's account, our concurrency, no calls-per-minute cap. */
export const cliEnv = (home: string, url: string, concurrency: number): NodeJS.ProcessEnv => ({
  ...process.env,
  WDT_BULK_HOME: home,
  ...erpEnv(url, { WDT_CONCURRENCY: String(concurrency), WDT_CALLS_PER_MINUTE: '0' }),
});

/** `wdt-bulk sandbox` in its own process, keeping its data in `dataFile`; resolves once it listens. */
export async function sandboxProcess(dataFile: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'sandbox', '--port', '0', '--data', dataFile, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(buf.slice(0, nl));
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited ${code}`)));
  });
  return {
    url: (JSON.parse(line) as { url: string }).url,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** The store as another reader sees it (read-only; WAL lets us read while nobody writes). */
export function readStore<T>(home: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(home, 'jobs.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export const sleep = (ms: number): Promise<null> => new Promise<null>((res) => setTimeout(() => res(null), ms));
