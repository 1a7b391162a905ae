// Real parts for job tests: .xlsx files written with exceljs and read by the app's reader, a
// temp-folder SQLite store, and the sandbox ERP on loopback answering through the real client.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock, silentLogger } from '../../../main/effects';
import { openJobDatabase } from '../../../main/jobs/database';
import { JobEngine, type JobEngineOptions } from '../../../main/jobs/engine';
import { JobStore, type JobMeta } from '../../../main/jobs/job-store';
import { JobViews } from '../../../main/jobs/job-views';
import { sandboxCredentials, startSandbox, type Sandbox, type SandboxOptions } from '../../../main/sandbox';
import { readSheet } from '../../../main/sheets/read/reader';
import type { SheetImport } from '../../../main/sheets/read/types';
import { defaultLimits, type ProfileLimits } from '../../../main/profiles/types';
import { HttpWdtClient } from '../../../main/wdt/client';
import { getOperation, perCallLimit } from '../../../shared/operations/catalog';
import { ok } from '../../../shared/result';
import type { OperationId } from '../../../shared/operations/types';
import { listBook } from '../cli/helpers';

export function tempDir(prefix = 'wdt-jobs-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A cancel or pending list: one header, one number per row. */
export const listSheet = (file: string, header: string, numbers: readonly string[]): Promise<string> => listBook(file, numbers, header);

export interface CreateLine {
  outer: string;
  warehouse?: string;
  provider?: string;
  spec?: string;
  num?: string | number;
}

/** A createOrder sheet: one row per line; rows sharing 外部单号 form one order. */
export async function createSheet(file: string, lines: readonly CreateLine[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('采购退货');
  ws.addRow(['外部单号', '仓库编码', '供应商编号', '商家编码', '退货数量']);
  for (const l of lines) ws.addRow([l.outer, l.warehouse ?? 'WH001', l.provider ?? 'P001', l.spec ?? 'SKU-TS-RED-M', l.num ?? 1]);
  await book.xlsx.writeFile(file);
  return file;
}

export async function readImport(file: string, operation?: OperationId): Promise<SheetImport> {
  const got = await readSheet(file, { lang: 'zh-CN', ...(operation ? { operation } : {}) });
  if (!got.ok) throw new Error(`read failed: ${got.error.message}`);
  return got.value;
}

export function metaFor(sheet: SheetImport, overrides: Partial<JobMeta> = {}, limits: ProfileLimits = defaultLimits): JobMeta {
  const op = getOperation(sheet.operation)!;
  return {
    operation: op.id,
    method: op.method,
    profileName: 'sandbox',
    environment: 'sandbox',
    sid: sandboxCredentials.sid,
    baseUrl: 'http://127.0.0.1',
    operator: 'tester',
    appVersion: '0.0.0-test',
    isCheck: false,
    lang: 'zh-CN',
    perCall: perCallLimit(op, limits),
    ...overrides,
  };
}

export interface Rig {
  sandbox: Sandbox;
  engine: JobEngine;
  store: JobStore;
  views: JobViews;
  dir: string;
  dbFile: string;
  close(): Promise<void>;
}

/** An engine on a temp store, talking to a fresh sandbox through the real HTTP client. */
export async function rig(
  options: { sandbox?: SandboxOptions; limits?: Partial<ProfileLimits>; engine?: Partial<JobEngineOptions>; sandboxInstance?: Sandbox; dbFolder?: string } = {},
): Promise<Rig> {
  const tmp = tempDir();
  const sandbox = options.sandboxInstance ?? (await startSandbox(options.sandbox ?? {}));
  const dbFile = path.join(options.dbFolder ?? tmp.dir, 'jobs.sqlite');
  const db = openJobDatabase(dbFile);
  const store = new JobStore(db);
  const views = new JobViews(db);
  const limits: ProfileLimits = { ...defaultLimits, callsPerMinute: 0, ...options.limits };
  const engine = new JobEngine({
    store,
    views,
    clock: systemClock,
    logger: silentLogger,
    lang: () => 'zh-CN',
    pacing: { backoff: { baseMs: 20, capMs: 200 } },
    connect: async () => {
      const client = new HttpWdtClient({
        baseUrl: sandbox.url,
        sid: sandboxCredentials.sid,
        appkey: sandboxCredentials.appkey,
        getSecret: async () => sandboxCredentials.appSecret,
        clock: systemClock,
        timeoutMs: limits.timeoutSeconds * 1000,
      });
      return ok({ client, limits, close: () => client.close() });
    },
    ...options.engine,
  });
  return {
    sandbox,
    engine,
    store,
    views,
    dir: tmp.dir,
    dbFile,
    async close() {
      await engine.close();
      db.close();
      if (!options.sandboxInstance) await sandbox.close();
      tmp.cleanup();
    },
  };
}

/** Creates and runs a job from a sheet file; resolves with the job id and how the run ended. */
export async function submitFile(r: Rig, file: string, options: { op?: OperationId; meta?: Partial<JobMeta>; withdrawnRows?: number[] } = {}) {
  const { meta = {}, withdrawnRows = [] } = options;
  const sheet = await readImport(file, options.op);
  const created = r.engine.create({ sheet, meta: metaFor(sheet, meta), withdrawnRows });
  if (!created.ok) throw new Error(created.error.message);
  const end = await r.engine.run(created.value);
  if (!end.ok) throw new Error(end.error.message);
  return { jobId: created.value, end: end.value, sheet };
}
