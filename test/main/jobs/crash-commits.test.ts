// Issue 18: a call's record and the next calls' attempts ahead commit in one transaction (store.recordAndBegin),
// and attempts ahead are begun several at a time under one sync. The CLI is kill -9'd at random moments of a fast
// cancel job (the sandbox in its own process answering in 15 ms, four slots: many such commits a second), and after
// every kill, with no process running, the store must be consistent: a row settled from an answer has that answer
// stored; an order out on the wire has its attempt 'sending' (recovery then settles it by query); a row never sent
// has no submit time. Resumed to the end: every row says what the ERP did, nothing cancelled twice.
import type Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, cliEnv, readStore as readStoreIn, sandboxProcess, seeded, sleep } from './crash-kit';
import { listSheet, tempDir } from './helpers';

const tmp = tempDir('wdt-crash-commits-');
const home = path.join(tmp.dir, 'home');
const { seed, random } = seeded();

let sandbox: Awaited<ReturnType<typeof sandboxProcess>> | undefined;
let url = '';
const env = () => cliEnv(home, url, 4);
const readStore = <T>(fn: (db: Database.Database) => T): T => readStoreIn(home, fn);
const jobId = (): string | null => {
  try {
    return readStore((db) => (db.prepare('SELECT id FROM jobs ORDER BY rowid LIMIT 1').get() as { id: string } | undefined)?.id ?? null);
  } catch {
    return null;
  }
};

/** What must hold whenever no process runs the job, however the last one ended. Returns the broken rules. */
function inconsistencies(db: Database.Database, id: string): string[] {
  const broken: string[] = [];
  const all = <T>(sql: string): T[] => db.prepare(sql).all(id) as T[];
  // A row settled from the ERP's words: its call has an attempt whose answer is stored.
  const unproven = all<{ row_number: number; state: string }>(
    `SELECT r.row_number, r.state FROM job_rows r WHERE r.job_id = ? AND r.state IN ('succeeded', 'failed')
     AND NOT EXISTS (SELECT 1 FROM call_attempts a WHERE a.job_id = r.job_id AND a.call = r.call AND a.outcome NOT IN ('sending', 'lost') AND a.erp_status IS NOT NULL)`,
  );
  for (const r of unproven) broken.push(`row ${r.row_number} is ${r.state} without a stored answer`);
  // An order out on the wire — pending in a call 'sending' (the store does not write a 'sent' state: job-store.ts
  // begin) — has an attempt 'sending', so the next run settles it by query; and no order is left 'sent'.
  const adrift = all<{ key: string }>(
    `SELECT o.key FROM job_orders o JOIN job_calls c ON c.job_id = o.job_id AND c.call = o.call
     WHERE o.job_id = ? AND o.state = 'pending' AND c.state = 'sending' AND NOT EXISTS
     (SELECT 1 FROM call_attempts a WHERE a.job_id = o.job_id AND a.call = o.call AND a.outcome = 'sending')`,
  );
  for (const o of adrift) broken.push(`order ${o.key} is on the wire without an attempt sending`);
  const legacy = all<{ key: string }>(`SELECT key FROM job_orders WHERE job_id = ? AND state = 'sent'`);
  for (const o of legacy) broken.push(`order ${o.key} is stored 'sent'`);
  // A call 'sending' has exactly one attempt 'sending', and an attempt 'sending' belongs to a call 'sending' with orders pending.
  const doubled = all<{ call: number }>(`SELECT call FROM call_attempts WHERE job_id = ? AND outcome = 'sending' GROUP BY call HAVING COUNT(*) > 1`);
  for (const a of doubled) broken.push(`call ${a.call} has more than one attempt sending`);
  const empty = all<{ call: number }>(
    `SELECT a.call FROM call_attempts a WHERE a.job_id = ? AND a.outcome = 'sending'
     AND NOT EXISTS (SELECT 1 FROM job_orders o JOIN job_calls c ON c.job_id = o.job_id AND c.call = o.call
       WHERE o.job_id = a.job_id AND o.call = a.call AND o.state = 'pending' AND c.state = 'sending')`,
  );
  for (const a of empty) broken.push(`call ${a.call} has an attempt sending but no order on the wire`);
  const silent = all<{ call: number }>(
    `SELECT c.call FROM job_calls c WHERE c.job_id = ? AND c.state = 'sending'
     AND NOT EXISTS (SELECT 1 FROM call_attempts a WHERE a.job_id = c.job_id AND a.call = c.call AND a.outcome = 'sending')`,
  );
  for (const c of silent) broken.push(`call ${c.call} is sending without an attempt sending`);
  // A row never sent (its order pending, never in doubt, its call not 'sending') has no submit time; a row sent has one.
  const early = all<{ row_number: number }>(
    `SELECT r.row_number FROM job_rows r JOIN job_orders o ON o.job_id = r.job_id AND o.key = r.order_key
     JOIN job_calls c ON c.job_id = o.job_id AND c.call = o.call
     WHERE r.job_id = ? AND o.state = 'pending' AND o.doubt = 0 AND c.state <> 'sending' AND r.submitted_at IS NOT NULL`,
  );
  for (const r of early) broken.push(`row ${r.row_number} was never sent but has a submit time`);
  const late = all<{ row_number: number }>(
    `SELECT r.row_number FROM job_rows r JOIN job_orders o ON o.job_id = r.job_id AND o.key = r.order_key
     LEFT JOIN job_calls c ON c.job_id = o.job_id AND c.call = o.call
     WHERE r.job_id = ? AND (o.state IN ('in-doubt', 'succeeded', 'failed') OR (o.state = 'pending' AND c.state = 'sending')) AND r.submitted_at IS NULL`,
  );
  for (const r of late) broken.push(`row ${r.row_number} was sent but has no submit time`);
  // A row's state follows its order's: final together, or waiting together.
  const split = all<{ row_number: number; state: string; order: string }>(
    `SELECT r.row_number, r.state, o.state AS "order" FROM job_rows r JOIN job_orders o ON o.job_id = r.job_id AND o.key = r.order_key
     WHERE r.job_id = ? AND (r.state = 'pending') <> (o.state IN ('pending', 'in-doubt'))`,
  );
  for (const r of split) broken.push(`row ${r.row_number} is ${r.state} but its order is ${r.order}`);
  return broken;
}

beforeAll(async () => {
  sandbox = await sandboxProcess(path.join(tmp.dir, 'sandbox.json'));
  url = sandbox.url;
  const res = await request(`${url}/__sandbox/options`, { method: 'POST', body: JSON.stringify({ latencyMs: 15 }) });
  await res.body.text();
});

afterAll(async () => {
  await sandbox?.stop();
  tmp.cleanup();
});

describe('kill -9 between the commits of a fast job', () => {
  it(`leaves the store consistent after every kill, and resumed, every row says what the ERP did (seed ${seed})`, async () => {
    console.info(`crash-commits seed ${seed} (CRASH_SEED=${seed} replays it)`);
    // 60 returns the sandbox holds (cancellable once) among 1,940 numbers it does not know: 100 calls of 20.
    const seeded = Array.from({ length: 60 }, (_, i) => `CR20240602${String(i + 1).padStart(4, '0')}`);
    const unknown = Array.from({ length: 1940 }, (_, i) => `CRNONE${String(i).padStart(5, '0')}`);
    const numbers = unknown.flatMap((n, i) => (i % 32 === 0 && seeded[i / 32] ? [seeded[i / 32]!, n] : [n]));
    expect(numbers).toHaveLength(2000);
    const file = await listSheet(path.join(tmp.dir, 'cancel.xlsx'), '采购退货单号', numbers);

    let id: string | null = null;
    let kills = 0;
    const problems: string[] = [];
    for (let round = 0; round < 60 && kills < 12; round += 1) {
      const args = id ? ['resume', id, '--json', '--wait', '5'] : ['submit', file, '--op', 'return-cancel', '--json', '--wait', '5'];
      const child = spawn(process.execPath, [bin, ...args], { env: env(), stdio: ['ignore', 'ignore', 'ignore'] });
      const exit = once(child, 'exit');
      if (!id) {
        for (;;) {
          id = jobId();
          if (id || child.exitCode !== null) break;
          await sleep(10);
        }
        if (!id) throw new Error('submit ended before storing a job');
      }
      // The job is stored: kill within the next moments, while calls are being recorded and begun.
      const exited = await Promise.race([exit, sleep(20 + random() * 400)]);
      if (exited === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
      const done = readStore((db) => (db.prepare('SELECT state FROM jobs WHERE id = ?').get(id) as { state: string }).state === 'done');
      problems.push(...readStore((db) => inconsistencies(db, id!)).map((p) => `after round ${round}: ${p}`));
      if (exited === null && !done) kills += 1;
      if (done) break;
    }
    expect(id).not.toBeNull();
    expect(problems).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(5);

    const last = spawn(process.execPath, [bin, 'resume', id!, '--json', '--wait', '10'], { env: env(), stdio: ['ignore', 'ignore', 'ignore'] });
    const [code] = (await once(last, 'exit')) as [number];
    expect([0, 1]).toContain(code);

    readStore((db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(inconsistencies(db, id!)).toEqual([]);
      const rows = db.prepare('SELECT cells, state FROM job_rows WHERE job_id = ? ORDER BY seq').all(id) as { cells: string; state: string }[];
      expect(rows).toHaveLength(2000);
      const seededSet = new Set(seeded);
      for (const row of rows) {
        const no = (JSON.parse(row.cells) as string[])[0]!;
        // A seeded return was cancelled by this job (once: a second cancel would be refused and, unexplained, fail);
        // a number the ERP does not know failed with its answer.
        expect(row.state, no).toBe(seededSet.has(no) ? 'succeeded' : 'failed');
      }
      expect((db.prepare(`SELECT COUNT(*) AS n FROM call_attempts WHERE job_id = ? AND outcome = 'sending'`).get(id) as { n: number }).n).toBe(0);
    });
    const state = (await (await request(`${url}/__sandbox/state`)).body.json()) as { data: { returns: { return_no: string; status: number }[] } };
    const cancelled = state.data.returns.filter((r) => seeded.includes(r.return_no));
    expect(cancelled).toHaveLength(60);
  }, 240_000);
});
