// The job store fails mid-run (issue 13 item 2), on a real 1 MB tmpfs filled to the last byte while a
// job runs against the sandbox ERP: run() resolves with a typed STORE_FAILED naming the folder (never a
// rejection), the job is interrupted with that reason, its lease released, the progress event tells
// the run screen; once space is freed, the next run finishes it with nothing lost and nothing sent twice.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/contract';
import { reserveFile } from '../../../main/jobs/store-reserve';
import { listSheet, metaFor, readImport, rig, tempDir, type Rig } from './helpers';
import { fillDisk, mountSmallDisk } from './small-disk';

let r: Rig | undefined;
let unmount = () => {};
const tmp = tempDir('wdt-store-full-');
afterEach(async () => {
  await r?.close();
  r = undefined;
  unmount();
  unmount = () => {};
});
afterAll(() => tmp.cleanup());

const numbers = Array.from({ length: 60 }, (_, i) => `CR20240602${String(i + 1).padStart(4, '0')}`);

async function startOnSmallDisk(name: string) {
  const disk = path.join(tmp.dir, name);
  // 2 MB: once the ballast is gone, the next run has room for its reconciliation queries and the 59 calls left.
  unmount = mountSmallDisk(disk, '2m');
  r = await rig({ sandbox: { latencyMs: 150 }, limits: { concurrency: 1 }, dbFolder: disk });
  const sheet = await readImport(await listSheet(path.join(r.dir, 'c.xlsx'), '采购退货单号', numbers), 'return-cancel');
  const created = r.engine.create({ sheet, meta: metaFor(sheet) });
  if (!created.ok) throw new Error(created.error.message);
  const seen: JobProgress[] = [];
  r.engine.subscribe((e) => {
    if (e.type === 'progress') seen.push(e.progress);
  });
  return { disk, jobId: created.value, seen };
}

/** Runs the job, fills the disk as soon as the first answer is in, and returns how the run ended. */
async function runUntilFull(x: Rig, jobId: string, disk: string, before?: () => void) {
  const running = x.engine.run(jobId);
  const until = Date.now() + 10_000;
  while (x.sandbox.state.returnByNo(numbers[0]!)?.status !== 10) {
    if (Date.now() > until) throw new Error('the job never reached the ERP');
    await new Promise((res) => setTimeout(res, 5));
  }
  before?.();
  const ballast = fillDisk(disk);
  return { ended: await running, ballast };
}

const integrity = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
};

describe('the job store fills up during a run', () => {
  it('interrupts the job with the folder and "disk full", releases it, tells the run screen; the next run finishes it', async () => {
    const { disk, jobId, seen } = await startOnSmallDisk('a');
    const { ended, ballast } = await runUntilFull(r!, jobId, disk);

    expect(ended).toMatchObject({ ok: false, error: { code: 'STORE_FAILED', details: { folder: disk, reason: 'full', code: 'SQLITE_FULL' } } });
    expect(!ended.ok && ended.error.message).toContain(`数据文件夹 ${disk}`);
    const job = r!.store.job(jobId)!;
    expect(job).toMatchObject({ state: 'interrupted', state_reason: { key: 'jobs.store.full' }, owner: null });
    expect(r!.engine.isRunning(jobId)).toBe(false);
    expect(seen.at(-1)).toMatchObject({ jobId, state: 'interrupted' });
    expect(seen.at(-1)!.waitingReason).toContain('磁盘已满');

    rmSync(ballast);
    expect(await r!.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r!.views.counts(jobId)).toMatchObject({ succeeded: 60, failed: 0, unknown: 0, pending: 0 });
    for (const no of numbers) expect(r!.sandbox.state.returnByNo(no)?.status, no).toBe(10);
    expect(integrity(r!.dbFile)).toBe('ok');
  }, 60_000);

  it('with no space even for the interruption: the first error is reported, not the failing release, and the job still reads interrupted', async () => {
    const { disk, jobId, seen } = await startOnSmallDisk('b');
    // No reserve to give back: the interruption and the lease release fail on the full disk too.
    const { ended, ballast } = await runUntilFull(r!, jobId, disk, () => rmSync(reserveFile(r!.dbFile)));

    expect(ended).toMatchObject({ ok: false, error: { code: 'STORE_FAILED', details: { reason: 'full' } } });
    expect(r!.store.job(jobId)?.state).toBe('running');
    expect(r!.engine.isRunning(jobId)).toBe(false);
    // What the store could not take, the engine still tells: the run screen and the app's view show it interrupted.
    expect(r!.engine.progress(jobId)).toMatchObject({ state: 'interrupted' });
    expect(r!.engine.progress(jobId)!.waitingReason).toContain(disk);
    expect(seen.at(-1)).toMatchObject({ state: 'interrupted' });

    rmSync(ballast);
    expect(await r!.engine.run(jobId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    expect(r!.views.counts(jobId)).toMatchObject({ succeeded: 60, pending: 0 });
    expect(r!.engine.progress(jobId)).toMatchObject({ state: 'done' });
    expect(integrity(r!.dbFile)).toBe('ok');
  }, 60_000);
});
