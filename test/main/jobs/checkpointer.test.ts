// The job store's WAL checkpoints on a thread of their own (main/jobs/checkpointer.ts, checkpoint.worker.ts, bundled
// as out/node/checkpoint-worker.cjs by test/global-build.ts): the connection stops checkpointing inside its commits
// once the thread is up, the thread copies the WAL into the database file, a thread that cannot start or fails
// gives the connection its own checkpoints back, and a process kill -9'd while the thread checkpoints under a
// stream of commits loses no commit and leaves an intact store.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Checkpointer } from '../../../main/jobs/checkpointer';
import { openJobDatabase } from '../../../main/jobs/database';
import { JobStore } from '../../../main/jobs/job-store';
import { getOperation } from '../../../shared/operations/catalog';
import { bigSheet } from './big-job';
import { seeded, sleep } from './crash-kit';
import { tempDir } from './helpers';

const tmp = tempDir('wdt-checkpointer-');
afterAll(() => tmp.cleanup());
const workerPath = path.resolve('out/node/checkpoint-worker.cjs');
const auto = (db: Database.Database) => Number(db.pragma('wal_autocheckpoint', { simple: true }));
const op = getOperation('return-cancel')!;
const meta = { operation: op.id, method: op.method, profileName: 't', environment: 'sandbox' as const, sid: 'x', baseUrl: 'http://127.0.0.1', operator: 't', appVersion: '0', isCheck: false, lang: 'zh-CN' as const, perCall: 20 };

async function until(what: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

describe('the checkpoint thread', () => {
  it('takes the checkpoints off the connection and copies the WAL into the database file', async () => {
    const db = openJobDatabase(path.join(tmp.dir, 'a.sqlite'));
    try {
      expect(auto(db)).toBe(1000);
      const checkpoints = Checkpointer.start(db, { workerPath, everyMs: 20 })!;
      expect(await checkpoints.ready).toBe(true);
      expect(auto(db)).toBe(0);
      const before = statSync(db.name).size;
      new JobStore(db).createJob({ sheet: bigSheet(3000), now: Date.now(), meta });
      // The 3,000 rows copied into the database file itself, by the thread (this connection no longer checkpoints).
      await until(() => statSync(db.name).size > before + 200_000);
      expect(checkpoints.reports.some((r) => r.log > 0 && r.checkpointed === r.log)).toBe(true);
      await checkpoints.close();
      expect(auto(db)).toBe(1000);
    } finally {
      db.close();
    }
  });

  it('copies a commit that left the -wal file the modification time it already saw (a coarse clock)', async () => {
    const db = openJobDatabase(path.join(tmp.dir, 'coarse.sqlite'));
    const wal = `${db.name}-wal`;
    try {
      // Ticks far apart next to the few milliseconds between the second commit and its stamp.
      const checkpoints = Checkpointer.start(db, { workerPath, everyMs: 300 })!;
      expect(await checkpoints.ready).toBe(true);
      const store = new JobStore(db);
      const before = statSync(db.name).size;
      const first = store.createJob({ sheet: bigSheet(3000), now: Date.now(), meta });
      await until(() => statSync(db.name).size > before + 200_000);
      // The thread looks at a time stamp, then a second commit leaves the very same one, as a commit within the
      // same tick of the file system's clock does.
      const stamp = Date.now() / 1000;
      utimesSync(wal, stamp, stamp);
      await sleep(700);
      const second = store.createJob({ sheet: bigSheet(5), now: Date.now(), meta });
      utimesSync(wal, stamp, stamp);
      await sleep(1000);
      // What the database file itself holds, without the WAL beside it: both jobs.
      const copy = path.join(tmp.dir, 'coarse-copy.sqlite');
      copyFileSync(db.name, copy);
      const file = new Database(copy, { readonly: true });
      try {
        expect((file.prepare('SELECT id FROM jobs').all() as { id: string }[]).map((j) => j.id).sort()).toEqual([first, second].sort());
      } finally {
        file.close();
      }
      await checkpoints.close();
    } finally {
      db.close();
    }
  });

  it('leaves the connection its own checkpoints when the thread cannot start, and says so in the log', async () => {
    const db = openJobDatabase(path.join(tmp.dir, 'b.sqlite'));
    const broken = path.join(tmp.dir, 'broken-worker.cjs');
    writeFileSync(broken, "throw new Error('no sqlite here');\n");
    const warned: string[] = [];
    try {
      const checkpoints = Checkpointer.start(db, { workerPath: broken, logger: { info() {}, warn: (m) => warned.push(m), error() {} } })!;
      expect(await checkpoints.ready).toBe(false);
      expect(auto(db)).toBe(1000);
      expect(warned).toEqual(['checkpoint thread failed; the job store checkpoints by itself']);
      await checkpoints.close();
    } finally {
      db.close();
    }
  });

  it('loses no commit when the process is killed while the thread checkpoints, and the store stays intact', async () => {
    const { seed, random } = seeded();
    console.info(`checkpointer seed ${seed} (CRASH_SEED=${seed} replays it)`);
    const file = path.join(tmp.dir, 'kill.sqlite');
    const child = path.resolve('test/main/jobs/checkpoint-child.ts');
    let checkpointedRounds = 0;
    for (let round = 0; round < 6; round++) {
      const p = spawn(process.execPath, ['--import', 'tsx', child, file, workerPath], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      p.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
      await until(() => out.includes('ready\n') || p.exitCode !== null, 30_000);
      expect(out).toContain('ready\n');
      await sleep(100 + random() * 300);
      p.kill('SIGKILL');
      await once(p, 'exit');
      const lines = out.split('\n').filter((l) => /^\d+ \d+$/.test(l)).map((l) => l.split(' ').map(Number) as [number, number]);
      const acknowledged = Math.max(0, ...lines.map(([n]) => n));
      if (Math.max(0, ...lines.map(([, c]) => c)) > 0) checkpointedRounds += 1;
      expect(acknowledged).toBeGreaterThan(0);
      const db = new Database(file);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const stored = (db.prepare('SELECT COUNT(*) AS n, MAX(n) AS top FROM ticks').get() as { n: number; top: number });
        // Every commit that returned is there (one more may have committed before its line was printed), with no gap.
        expect(stored.top).toBeGreaterThanOrEqual(acknowledged);
        expect(stored.n).toBe(stored.top);
      } finally {
        db.close();
      }
    }
    // The thread did checkpoint while the children committed (and were killed).
    expect(checkpointedRounds).toBeGreaterThan(0);
  }, 120_000);
});
