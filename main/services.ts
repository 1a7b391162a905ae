// The composition root: every service built from its effects (paths, clock, database, keychain,
// logger, the embedded sandbox ERP) into one Services object. The Electron main process, the CLI, the
// browser test host and the tests all call createServices; nothing else constructs services
// (architecture rule 3). Domain logic lives in the rooms (jobs/, profiles/, sheets/); this file only wires.
import os from 'node:os';
import path from 'node:path';
import type { Lang } from '../shared/i18n';
import type { OperationDef } from '../shared/operations/types';
import type { Result } from '../shared/result';
import { systemClock, type Clock, type Logger, type Paths } from './effects';
import { Checkpointer } from './jobs/checkpointer';
import { openJobDatabase, type JobDatabase } from './jobs/database';
import { ensurePrivateFolder } from './paths';
import { JobEngine, type JobEngineOptions } from './jobs/engine';
import { connectJob } from './jobs/job-connection';
import { JobStore } from './jobs/job-store';
import { JobViews } from './jobs/job-views';
import { MasterdataService } from './masterdata/md-service';
import { JobsService, type JobsCore } from './jobs/jobs-service';
import { LangSetting } from './profiles/lang-setting';
import { ProfileStore } from './profiles/profile-store';
import { ProfilesService } from './profiles/profiles-service';
import { MappingStore } from './profiles/mappings';
import type { SecretStore } from './profiles/types';
import { sandboxCredentials, startSandbox, type Sandbox } from './sandbox';
import type { ReadOptions, ReadWatchers, SheetImport } from './sheets/read/types';

export interface ServicesOptions {
  paths: Paths;
  secrets: SecretStore;
  logger: Logger;
  version: string;
  /** WDT_* variables (limit overrides when a job runs): the CLI passes its shell's, the app none. */
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  /** The language for this process (CLI --lang); else the settings file's, else zh-CN. */
  lang?: Lang;
  /** The bundled read worker (main/sheets/read/worker-path.ts); without it reads run in-process. */
  readWorker?: string;
  /** The bundled checkpoint thread (main/jobs/checkpointer.ts); without it the job store's connection checkpoints by itself. */
  checkpointWorker?: string;
  /** Tests compress the engine's time (rate window, backoff). */
  pacing?: JobEngineOptions['pacing'];
  /** Who runs the jobs (default: the OS user). */
  operator?: string;
}

/** The UI language: read at start, changed (and remembered) from the app's settings. */
export interface SettingsService {
  lang(): Lang;
  setLang(lang: Lang): Promise<Result<void>>;
}

/** Spreadsheets in (read and validate) and out (an operation's blank template). */
export interface SheetsService {
  read(file: string, options: ReadOptions & ReadWatchers & { lang: Lang }): Promise<Result<SheetImport>>;
  writeTemplate(op: OperationDef, lang: Lang, outPath: string): Promise<Result<string>>;
}

/** Everything the front ends (app API, CLI, test host) reach; every member is there from the start. */
export interface Services {
  readonly version: string;
  /** Who runs the jobs (stored with each job). */
  readonly operator: string;
  readonly paths: Paths;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly settings: SettingsService;
  readonly profiles: ProfilesService;
  readonly sheets: SheetsService;
  /** Column mappings remembered in the settings file (main/profiles/mappings.ts); every read applies a matching one. */
  readonly mappings: MappingStore;
  readonly jobs: JobsService;
  /** The local copy of the ERP's master data, the create-sheet check and the list previews (docs/masterdata.md). */
  readonly masterdata: MasterdataService;
  /** The embedded sandbox ERP (the built-in profile), started on first use; its documents persist in the data folder. */
  sandbox(): Promise<Sandbox>;
  /** Waits for calls in flight, closes the store and stops the sandbox. */
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
  const settings = await LangSetting.load(o.paths.settings, o.lang);
  const lang = () => settings.lang();
  let sandbox: Promise<Sandbox> | undefined;
  // The data folder may not exist yet on a first run: the job store (which makes it) opens only when a job needs it.
  const startEmbedded = () => {
    if (!sandbox) ensurePrivateFolder(o.paths.home);
    return (sandbox ??= startSandbox({ dataFile: path.join(o.paths.home, 'sandbox-data.json') }));
  };
  const store = new ProfileStore({
    paths: o.paths,
    secrets: o.secrets,
    lang: lang(),
    sandbox: { url: async () => (await startEmbedded()).url, credentials: sandboxCredentials },
  });
  const openJobs = (): JobsCore => {
    const db = openJobDatabase(o.paths.database);
    // WAL checkpoints on a thread of their own, off the runner's commits (main/jobs/checkpointer.ts).
    const checkpoints = Checkpointer.start(db, { workerPath: o.checkpointWorker, logger: o.logger });
    const jobStore = new JobStore(db);
    const views = new JobViews(db);
    const engine = new JobEngine({
      store: jobStore,
      views,
      clock,
      logger: o.logger,
      lang,
      ...(o.pacing ? { pacing: o.pacing } : {}),
      connect: (job) => connectJob({ profiles: store, env: o.env, clock, logger: o.logger, lang }, job),
    });
    return {
      store: jobStore,
      views,
      engine,
      async close() {
        await engine.close();
        await checkpoints?.close();
        db.close();
      },
    };
  };
  const mappings = new MappingStore({ file: o.paths.settings, lang, now: () => new Date(clock.now()) });
  const operator = o.operator ?? osUser();
  const jobs = new JobsService({ open: openJobs, lang, logger: o.logger, operator, appVersion: o.version });
  // The master-data copy lives in the job store's file, on its own connection, opened on first use.
  let masterdataDb: JobDatabase | undefined;
  const masterdata = new MasterdataService({
    db: () => (masterdataDb ??= openJobDatabase(o.paths.database)),
    profiles: store,
    env: o.env,
    clock,
    logger: o.logger,
    lang,
    settingsFile: o.paths.settings,
    ...(o.pacing ? { pacing: o.pacing } : {}),
  });
  return {
    version: o.version,
    operator,
    paths: o.paths,
    logger: o.logger,
    clock,
    settings,
    profiles: new ProfilesService(store, { clock, logger: o.logger }),
    mappings,
    sheets: {
      // The spreadsheet code (exceljs) loads on first use, so a resume starts sending sooner.
      async read(file, options) {
        const { readSheet } = await import('./sheets/read/reader');
        // A mapping given now wins; otherwise the saved ones are offered (a damaged settings file offers none).
        const saved = options.mapping ? undefined : await mappings.list();
        const savedMappings = saved?.ok ? saved.value : undefined;
        return readSheet(file, { ...options, ...(savedMappings ? { savedMappings } : {}), ...(o.readWorker ? { workerPath: o.readWorker } : {}) });
      },
      async writeTemplate(op, templateLang, outPath) {
        const { writeTemplate } = await import('./sheets/templates/template');
        return writeTemplate(op, templateLang, outPath);
      },
    },
    jobs,
    masterdata,
    sandbox: startEmbedded,
    async close() {
      await jobs.close();
      masterdataDb?.close();
      if (sandbox) await (await sandbox).close();
      sandbox = undefined;
    },
  };
}
