// The job store's share of a call, alone (issue 18): a 10,000-row cancel job in calls of 20, written as the runner
// writes it — each commit records the calls answered (every order refused alike) and begins the next calls ahead,
// synced through the run's WalSync — `per` calls a commit (1: one commit a send; 2: the runner's every other send).
// Prints, per call: main-thread store time, CPU (user + system, every thread: fsyncs included), WAL written, and the
// slowest commits (a WAL checkpoint runs inside one every ~1000 pages). Run: npx tsx test/bench/store-per-call.ts [per] [rounds]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { getOperation } from '../../shared/operations/catalog';
import { openJobDatabase, WalSync } from '../../main/jobs/database';
import { JobStore, type FinishedAttempt } from '../../main/jobs/job-store';
import { bigSheet } from '../main/jobs/big-job';

const op = getOperation('return-cancel')!;
const slots = 4;

async function round(per: number): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wdt-store-per-call-'));
  const db = openJobDatabase(path.join(dir, 'jobs.sqlite'));
  // No checkpoint: the WAL's size is then what the commits wrote.
  db.pragma('wal_autocheckpoint = 0');
  try {
    const store = new JobStore(db);
    const id = store.createJob({
      sheet: bigSheet(10_000),
      now: Date.now(),
      meta: { operation: op.id, method: op.method, profileName: 'bench', environment: 'sandbox', sid: 'x', baseUrl: 'http://127.0.0.1', operator: 'bench', appVersion: '0', isCheck: false, lang: 'zh-CN', perCall: 20 },
    });
    const total = store.callCounts(id).total;
    const wal = new WalSync(db);
    const out = new Map<number, { attemptId: number; keys: string[] }>();
    const commits: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let first = 1; first <= total + slots; first += per) {
      const records: FinishedAttempt[] = [];
      const calls: number[] = [];
      for (let call = first; call < first + per; call++) {
        if (call <= total) calls.push(call);
        const answered = out.get(call - slots);
        if (answered) {
          const settlements = answered.keys.map((key) => ({ key, state: 'failed' as const, erpMessage: '采购退货单不存在' }));
          records.push({ call: call - slots, attemptId: answered.attemptId, answer: { outcome: 'answered', httpStatus: 200, erpStatus: 0, erpMessage: null, durationMs: 40 }, settlements });
        }
      }
      const t0 = performance.now();
      const { started, durable } = store.recordAndBegin(id, records, calls, op.method, Date.now(), wal);
      commits.push(performance.now() - t0);
      if (durable) await durable;
      started.forEach((s, i) => s && out.set(calls[i]!, { attemptId: s.attemptId, keys: s.orders.map((o) => o.key) }));
    }
    const cpu = process.cpuUsage(cpu0);
    await wal.close();
    if (!store.settled(id)) throw new Error('store-per-call: the job did not settle');
    const walKB = statSync(`${db.name}-wal`).size / 1024;
    const slowest = [...commits].sort((a, b) => b - a).slice(0, 5);
    const storeMs = commits.reduce((a, b) => a + b, 0);
    return `${per} call(s) a commit: main-thread store ${(storeMs / total).toFixed(3)} ms/call, CPU ${((cpu.user + cpu.system) / 1000 / total).toFixed(3)} ms/call, WAL ${(walKB / total).toFixed(0)} KB/call; slowest commits ${slowest.map((x) => x.toFixed(1)).join(' ')} ms`;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const per = Number(process.argv[2] ?? 2);
const rounds = Number(process.argv[3] ?? 3);
for (let r = 0; r < rounds; r++) console.log(await round(per));
