// Job-engine benchmark: 10,000 cancels → 500 calls of 20, through the real services (createServices with a
// temp data folder, the environment's ad-hoc profile, the real HTTP client) to an in-process sandbox ERP that
// answers each call after 40 ms, at concurrency 4 with no calls-per-minute limit of our own.
// Measured: engine.create + engine.run (the sheet is read beforehand, untimed).
// Target: pipe fullness = effective call rate ÷ (concurrency ÷ latency) ≥ 80 %.
// Also printed: per-call client overhead = wall × concurrency ÷ calls − latency, and the same run against a
// sandbox answering at once (latency 0) as a no-op baseline of the engine's own per-call cost, and the 40 ms run
// once more with the sandbox in its own process (`wdt-bulk sandbox`), so its CPU is not the client's.
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { buildNode } from '../../scripts/build-node.mjs';
import { silentLogger } from '../../main/effects';
import { pathsIn } from '../../main/paths';
import { SessionSecretStore } from '../../main/profiles/keychain';
import { sandboxCredentials, startSandbox } from '../../main/sandbox';
import { createServices } from '../../main/services';

const orders = 10_000;
const perCall = 20;
const concurrency = 4;
const latencyMs = 40;

async function cancelList(file: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = book.addWorksheet('清单');
  ws.addRow(['采购退货单号']).commit();
  // Numbers the sandbox does not know: every call is still answered in full (error_info per order).
  for (let i = 0; i < orders; i++) ws.addRow([`CRBENCH${String(i).padStart(6, '0')}`]).commit();
  ws.commit();
  await book.commit();
}

interface Measured {
  wallMs: number;
  createMs: number;
  calls: number;
  handled: number;
  rows: number;
  failed: number;
}

/** The ERP the engine talks to: its URL, how many calls it handled, and how to stop it. */
interface Erp {
  url: string;
  handled(): Promise<number>;
  close(): Promise<void>;
}

async function inProcessErp(latency: number): Promise<Erp> {
  const sandbox = await startSandbox({ latencyMs: latency });
  return { url: sandbox.url, handled: async () => sandbox.state.counters.handled, close: () => sandbox.close() };
}

/** `wdt-bulk sandbox --json` in a child process, its latency set over loopback. */
async function childProcessErp(latency: number): Promise<Erp> {
  const cli = path.resolve(import.meta.dirname, '../../bin/wdt-bulk.mjs');
  const child = spawn(process.execPath, [cli, 'sandbox', '--json', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (out.includes('\n')) resolve((JSON.parse(out.slice(0, out.indexOf('\n'))) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited ${code}`)));
  });
  const set = await request(`${url}/__sandbox/options`, { method: 'POST', body: JSON.stringify({ latencyMs: latency }) });
  await set.body.text();
  return {
    url,
    async handled() {
      const res = await request(`${url}/__sandbox/state`);
      return ((await res.body.json()) as { counters: { handled: number } }).counters.handled;
    },
    async close() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function runOnce(dir: string, file: string, sandbox: Erp): Promise<Measured> {
  const home = mkdtempSync(path.join(dir, 'home-'));
  const env: NodeJS.ProcessEnv = {
    WDT_BASE_URL: sandbox.url,
    WDT_SID: sandboxCredentials.sid,
    WDT_APPKEY: sandboxCredentials.appkey,
    WDT_APPSECRET: sandboxCredentials.appSecret,
    WDT_CONCURRENCY: String(concurrency),
    WDT_CALLS_PER_MINUTE: '0',
  };
  const s = await createServices({ paths: pathsIn(home), secrets: new SessionSecretStore(), logger: silentLogger, version: '0.0.0-bench', env, lang: 'zh-CN' });
  try {
    const read = await s.sheets.read(file, { lang: 'zh-CN', operation: 'return-cancel' });
    if (!read.ok) throw new Error(read.error.message);
    const resolved = await s.profiles.resolve(undefined, env);
    if (!resolved.ok) throw new Error(resolved.error.message);
    if (resolved.value.profile.limits.concurrency !== concurrency || resolved.value.profile.limits.callsPerMinute !== 0) {
      // The overrides apply when the job connects; say so if the profile itself disagrees.
      console.log(`  (profile limits before overrides: ${JSON.stringify(resolved.value.profile.limits)})`);
    }
    const meta = s.jobs.meta(read.value, resolved.value, false, 'zh-CN');
    if (meta.perCall !== perCall) throw new Error(`per call ${meta.perCall}, expected ${perCall}`);

    const t0 = performance.now();
    const created = s.jobs.create({ sheet: read.value, meta });
    if (!created.ok) throw new Error(created.error.message);
    const createMs = performance.now() - t0;
    const ran = await s.jobs.run(created.value);
    const wallMs = performance.now() - t0;
    if (!ran.ok) throw new Error(ran.error.message);
    if (ran.value.kind !== 'done') throw new Error(`run ended ${JSON.stringify(ran.value)}`);

    const counts = s.jobs.counts(created.value);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    return { wallMs, createMs, calls: s.jobs.attemptCount(created.value), handled: await sandbox.handled(), rows, failed: counts.failed };
  } finally {
    await s.close();
    await sandbox.close();
  }
}

function report(label: string, m: Measured, latency: number): void {
  const rate = m.calls / (m.wallMs / 1000);
  const perCallMs = (m.wallMs * concurrency) / m.calls;
  console.log(`jobs-bench: ${label}`);
  console.log(`  ${orders} cancels → ${m.calls} calls (sandbox handled ${m.handled}); rows out ${m.rows}, failed (not found) ${m.failed}`);
  console.log(`  wall time (create + run): ${(m.wallMs / 1000).toFixed(2)} s (create ${(m.createMs / 1000).toFixed(2)} s)`);
  console.log(`  effective call rate: ${rate.toFixed(1)} calls/s`);
  if (latency > 0) {
    const ideal = concurrency / (latency / 1000);
    const fullness = rate / ideal;
    console.log(`  ideal rate (concurrency ÷ latency): ${ideal.toFixed(1)} calls/s`);
    console.log(`  pipe fullness: ${(fullness * 100).toFixed(1)} % (target ≥ 80 %) ${fullness >= 0.8 ? 'OK' : 'BELOW TARGET'}`);
  }
  console.log(`  per-call client overhead: ${(perCallMs - latency).toFixed(2)} ms (each lane ${perCallMs.toFixed(2)} ms per call, latency ${latency} ms)`);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wdt-jobs-bench-'));
  try {
    const file = path.join(dir, 'cancel-10k.xlsx');
    await cancelList(file);
    const baseline = await runOnce(dir, file, await inProcessErp(0));
    report('no-op baseline (in-process sandbox answers at once)', baseline, 0);
    const measured = await runOnce(dir, file, await inProcessErp(latencyMs));
    report(`in-process sandbox, latency ${latencyMs} ms, concurrency ${concurrency}, no calls-per-minute limit`, measured, latencyMs);
    await buildNode({ quiet: true });
    const apart = await runOnce(dir, file, await childProcessErp(latencyMs));
    report(`sandbox in its own process, latency ${latencyMs} ms, concurrency ${concurrency}`, apart, latencyMs);
    const expectedCalls = Math.ceil(orders / perCall);
    for (const m of [baseline, measured, apart]) {
      if (m.calls !== expectedCalls || m.rows !== orders) throw new Error(`expected ${expectedCalls} calls and ${orders} rows, got ${m.calls} and ${m.rows}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
