// Plumbing for the CLI job tests: the built CLI (bin/wdt-bulk.mjs, bundled by the main project's
// globalSetup) as a child process with a temp WDT_BULK_HOME, .xlsx files written and read back with
// exceljs, and the sandbox ERP as a separate process, as an outside ERP would be.
import ExcelJS from 'exceljs';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { request } from 'undici';
import { main } from '../../../main/cli/index';
import { sandboxCredentials } from '../../../main/sandbox';

export const repoRoot = path.resolve(__dirname, '../../..');
export const cliBin = path.join(repoRoot, 'bin/wdt-bulk.mjs');

export function tempDir(prefix = 'wdt-cli-jobs-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A child environment without any WDT_* variable of the outer shell, plus the given ones. */
export function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('WDT_') || k === 'WDT_KEYRING_READY') env[k] = v;
  return { ...env, ...extra };
}

/** The ad-hoc profile of the environment (cli.md, "Environment") pointed at `baseUrl` with the sandbox account. */
export function erpEnv(baseUrl: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    WDT_BASE_URL: baseUrl,
    WDT_SID: sandboxCredentials.sid,
    WDT_APPKEY: sandboxCredentials.appkey,
    WDT_APPSECRET: sandboxCredentials.appSecret,
    ...extra,
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node bin/wdt-bulk.mjs …` in `cwd` with stdin a pipe (never a terminal). */
export function runCli(args: string[], options: { env: NodeJS.ProcessEnv; cwd: string; input?: string }): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started }));
    child.stdin.end(options.input ?? '');
  });
}

/** Runs a command in this process through main() (no bundle, no child), with stdin a pipe. */
export async function runCliInProcess(args: string[], options: { env: NodeJS.ProcessEnv; cwd: string }): Promise<CliRun> {
  const started = Date.now();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const code = await main(args, { stdout, stderr, stdin: new PassThrough(), env: options.env, cwd: options.cwd, interactive: false });
  return { code, stdout: out, stderr: err, ms: Date.now() - started };
}

/** Parses the one JSON object a `--json` run prints; the message names the run when it is not JSON. */
export function json<T = Record<string, unknown>>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
}

/** A cancel list: one header, one value per row (strings as text cells, numbers as number cells). */
export async function listBook(file: string, values: readonly (string | number)[], header = '采购退货单号'): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('清单');
  ws.addRow([header]);
  for (const v of values) ws.addRow([v]);
  await book.xlsx.writeFile(file);
  return file;
}

/** The seeded bulk returns CR20240602NNNN (待审核/已审核, not shipped: all cancellable). */
export const bulkReturn = (i: number): string => `CR20240602${String(i).padStart(4, '0')}`;

/** Every sheet of a workbook as arrays of cell values (column A first). */
export async function readBook(file: string): Promise<Map<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const out = new Map<string, unknown[][]>();
  for (const ws of book.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow((row) => {
      const values = row.values as unknown[];
      rows.push(values.slice(1));
    });
    out.set(ws.name, rows);
  }
  return out;
}

export const sheetNames = { summary: '汇总 Summary', results: '明细 Results', toFix: '失败 To fix', calls: '请求日志 Calls' } as const;

/** A loopback port nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  server.close();
  await once(server, 'close');
  return address.port;
}

export interface SandboxProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** `wdt-bulk sandbox --json [--port N] [--data F]` in its own process; resolves once it printed its URL. */
export async function startSandboxProcess(options: { port?: number; dataFile?: string } = {}): Promise<SandboxProcess> {
  const args = ['sandbox', '--json', '--port', String(options.port ?? 0), ...(options.dataFile ? ['--data', options.dataFile] : [])];
  const child = spawn(process.execPath, [cliBin, ...args], { cwd: repoRoot, env: cleanEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const info = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      const nl = stdout.indexOf('\n');
      if (nl >= 0) {
        try {
          resolve(JSON.parse(stdout.slice(0, nl)) as { url: string; port: number });
        } catch (e) {
          reject(e as Error);
        }
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('exit', (code) => reject(new Error(`sandbox exited ${code}: ${stdout}${stderr}`)));
  });
  return {
    ...info,
    child,
    output: () => stdout + stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface SandboxStateView {
  data: { returns: { return_no: string; status: number; stockout_status: number }[] };
  counters: { requests: number; handled: number; signRefused: number; byMethod: Record<string, number> };
}

export async function sandboxState(url: string): Promise<SandboxStateView> {
  const res = await request(`${url}/__sandbox/state`);
  return (await res.body.json()) as SandboxStateView;
}

export const returnStatusOf = (state: SandboxStateView, no: string): number | undefined => state.data.returns.find((r) => r.return_no === no)?.status;

/** The sandbox's 已取消. */
export const cancelledStatus = 10;

/** The submit-style object of cli.md. */
export interface SubmitJson {
  job: string;
  operation: string;
  method: string;
  profile: string;
  rows: number;
  counts: Record<string, number>;
  calls: number;
  results: string | null;
  earlier?: EarlierJson;
}

/** submit --json's `earlier` (docs/resend.md). */
export interface EarlierJson {
  sameFile: { job: string; at: string; profile: string }[];
  skipped: { rows: number; byJob: { job: string; at: string | null; rows: number[] }[] };
  doneRows: number;
  included: boolean;
  alwaysSkip: boolean;
}

export interface JobsJson {
  jobs: { job: string; operation: string; state: string; created: string; rows: number; counts: Record<string, number>; results: string | null }[];
}

export const submitKeys = ['calls', 'counts', 'job', 'method', 'operation', 'profile', 'results', 'rows'];
/** `submit` adds `earlier` (docs/resend.md): what an earlier job already did, and what this one skipped for it. */
export const submitCommandKeys = [...submitKeys, 'earlier', 'mapping'].sort();
export const countKeys = ['duplicate', 'failed', 'invalid', 'pending', 'skipped', 'succeeded', 'unknown'];
export const jobsKeys = ['counts', 'created', 'job', 'operation', 'results', 'rows', 'state'];

export const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/** Local wall-clock stamp as the CLI names results files: 20261123-103540. */
export function localStamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
