// The composition root: every service built from its effects (paths, clock, database, keychain,
// logger, the embedded sandbox ERP). The Electron main process, the CLI, the browser test host and
// the tests all call createServices; nothing else constructs services (architecture rule 3).
import os from 'node:os';
import path from 'node:path';
import { isLang, render, type Lang } from '../shared/i18n';
import { getOperation, perCallLimit } from '../shared/operations/catalog';
import type { OperationId } from '../shared/operations/types';
import type { Result } from '../shared/result';
import { appError, err, ok } from '../shared/result';
import { systemClock, type Clock, type Logger, type Paths } from './effects';
import { openJobDatabase, type JobDatabase } from './jobs/database';
import { JobEngine, type JobEngineOptions } from './jobs/engine';
import { connectJob } from './jobs/job-connection';
import { JobStore, type JobMeta } from './jobs/job-store';
import { JobViews } from './jobs/job-views';
import { MasterdataService } from './masterdata/md-service';
import { ProfileStore } from './profiles/profile-store';
import type { ResolvedProfile } from './profiles/resolve-profile';
import { readSettings } from './profiles/settings-file';
import type { SecretStore } from './profiles/types';
import { sandboxCredentials, startSandbox, type Sandbox } from './sandbox';
import type { readSheet } from './sheets/read/reader';
import type { ReadOptions, SheetImport } from './sheets/read/types';

export interface ServicesOptions {
  paths: Paths;
  secrets: SecretStore;
  logger: Logger;
  version: string;
  /** WDT_* variables (the environment's profile and limit overrides); the app passes its own process's. */
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  /** The language when the settings file names none (CLI --lang wins over both). */
  lang?: Lang;
  /** The bundled read worker (out/node/read-worker.cjs); without it reads run in-process. */
  readWorker?: string;
  /** Tests compress the engine's time (rate window, backoff). */
  pacing?: JobEngineOptions['pacing'];
  /** Who runs the jobs (default: the OS user). */
  operator?: string;
}

export interface Services {
  paths: Paths;
  logger: Logger;
  clock: Clock;
  version: string;
  operator: string;
  lang(): Lang;
  setLang(lang: Lang): void;
  profiles: ProfileStore;
  secrets: SecretStore;
  db: JobDatabase;
  store: JobStore;
  views: JobViews;
  engine: JobEngine;
  /** The local copy of the ERP's master data, the create-sheet check and the list previews (docs/masterdata.md). */
  masterdata: MasterdataService;
  /** The embedded sandbox ERP (the built-in profile), started on first use; its documents persist in the data folder. */
  sandbox(): Promise<Sandbox>;
  readSheet(file: string, options: ReadOptions & { lang: Lang }): ReturnType<typeof readSheet>;
  /** What a job from this sheet would be made with (operation, account, per-call limit). */
  jobMeta(sheet: SheetImport, resolved: ResolvedProfile, isCheck: boolean, lang: Lang): JobMeta;
  /** Writes a job's results workbook and remembers where. */
  writeResults(jobId: string, lang: Lang, outPath: string): Promise<Result<string>>;
  close(): Promise<void>;
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export async function createServices(o: ServicesOptions): Promise<Services> {
  const clock = o.clock ?? systemClock;
  const settings = await readSettings(o.paths.settings, o.lang ?? 'zh-CN');
  let lang: Lang = o.lang ?? (settings.ok && isLang(settings.value.lang) ? settings.value.lang : 'zh-CN');
  let sandbox: Promise<Sandbox> | undefined;
  const startEmbedded = () => (sandbox ??= startSandbox({ dataFile: path.join(o.paths.home, 'sandbox-data.json') }));
  const profiles = new ProfileStore({
    paths: o.paths,
    secrets: o.secrets,
    lang,
    sandbox: { url: async () => (await startEmbedded()).url, credentials: sandboxCredentials },
  });
  const db = openJobDatabase(o.paths.database);
  const store = new JobStore(db);
  const views = new JobViews(db);
  const engine = new JobEngine({
    store,
    views,
    clock,
    logger: o.logger,
    lang: () => lang,
    ...(o.pacing ? { pacing: o.pacing } : {}),
    connect: (job) => connectJob({ profiles, env: o.env, clock, logger: o.logger, lang: () => lang }, job),
  });
  const operator = o.operator ?? osUser();
  return {
    paths: o.paths,
    logger: o.logger,
    clock,
    version: o.version,
    operator,
    lang: () => lang,
    setLang(next) {
      lang = next;
    },
    profiles,
    secrets: o.secrets,
    db,
    store,
    views,
    engine,
    masterdata: new MasterdataService({ db: () => db, profiles, env: o.env, clock, logger: o.logger, lang: () => lang, settingsFile: o.paths.settings, ...(o.pacing ? { pacing: o.pacing } : {}) }),
    sandbox: startEmbedded,
    // The spreadsheet code (exceljs) loads on first use, so a resume starts sending sooner.
    async readSheet(file, { lang: readLang, ...read }) {
      const { readSheet } = await import('./sheets/read/reader');
      return readSheet(file, { ...read, lang: readLang, ...(o.readWorker ? { workerPath: o.readWorker } : {}) });
    },
    jobMeta(sheet, resolved, isCheck, jobLang) {
      const op = getOperation(sheet.operation as OperationId);
      if (!op) throw new Error(`unknown operation ${sheet.operation}`);
      const { profile } = resolved;
      return {
        operation: op.id,
        method: op.method,
        profileName: profile.name,
        environment: profile.builtin ? 'sandbox' : profile.environment,
        sid: profile.sid,
        baseUrl: profile.baseUrl,
        operator,
        appVersion: o.version,
        isCheck: op.id === 'return-create' ? isCheck : false,
        lang: jobLang,
        perCall: perCallLimit(op, profile.limits),
      };
    },
    async writeResults(jobId, outLang, outPath) {
      const job = store.job(jobId);
      if (!job) return err(appError('JOB_NOT_FOUND', render(outLang, { key: 'jobs.error.notFound', params: { job: jobId } }), { job: jobId }));
      const { writeResults } = await import('./sheets/results/results-writer');
      const written = await writeResults(views.reportSource(job, outLang), outPath);
      if (written.ok) store.setResultsPath(jobId, written.value);
      return written.ok ? ok(written.value) : written;
    },
    async close() {
      await engine.close();
      db.close();
      if (sandbox) await (await sandbox).close();
      sandbox = undefined;
    },
  };
}
