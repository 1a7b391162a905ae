// Builds AppServices (what the app's API reaches through its ports) on the composition root
// (main/services.ts). Used by the Electron main process and the browser test host alike.
import type { Lang } from '../../shared/i18n';
import type { Result } from '../../shared/result';
import type { Logger, Paths } from '../effects';
import { checkProfileCredentials } from '../profiles/check-credentials';
import { resolveProfile } from '../profiles/resolve-profile';
import { readSettings, writeSettings } from '../profiles/settings-file';
import type { SecretStore } from '../profiles/types';
import { createServices, type Services, type ServicesOptions } from '../services';
import { writeTemplate } from '../sheets/templates/template';
import { createJobsPort, resumeInterruptedJobs } from './jobs-port';
import type { AppServices, DesktopPort, SettingsPort } from './ports';

export interface LocalServicesOptions {
  paths: Paths;
  secrets: SecretStore;
  desktop: DesktopPort;
  logger: Logger;
  version: string;
  /** The bundled read worker (out/node/read-worker.cjs); without it reads run in-process. */
  readWorker?: string;
  lang?: Lang;
  /** Go on with jobs a crash or a quit left running or waiting (the app does; unit tests may not). */
  resumeJobs?: boolean;
  /** Tests compress the engine's time. */
  pacing?: ServicesOptions['pacing'];
}

export interface LocalServices {
  services: AppServices;
  /** The composition root underneath (tests and the host inspect the store and the sandbox). */
  core: Services;
  close(): Promise<void>;
}

/** The UI language, remembered in the settings file next to the profiles. */
function settingsPort(file: string, core: Services): SettingsPort {
  return {
    lang: () => core.lang(),
    async setLang(next): Promise<Result<void>> {
      const current = await readSettings(file, next);
      if (!current.ok) return current;
      const written = await writeSettings(file, { ...current.value, lang: next }, next);
      if (written.ok) core.setLang(next);
      return written;
    },
  };
}

export async function createLocalServices(options: LocalServicesOptions): Promise<LocalServices> {
  const core = await createServices({
    paths: options.paths,
    secrets: options.secrets,
    logger: options.logger,
    version: options.version,
    // The app runs named profiles only; WDT_* variables are the command line's business.
    env: {},
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.readWorker ? { readWorker: options.readWorker } : {}),
    ...(options.pacing ? { pacing: options.pacing } : {}),
  });
  const store = core.profiles;
  const services: AppServices = {
    version: options.version,
    logger: options.logger,
    settings: settingsPort(options.paths.settings, core),
    desktop: options.desktop,
    sheets: {
      read: (file, read) => core.readSheet(file, read),
      writeTemplate: (op, lang, out) => writeTemplate(op, lang, out),
    },
    profiles: {
      list: () => store.list(),
      get: (name) => store.get(name),
      add: (input, secret, options) => store.add(input, secret, options),
      remove: (name) => store.remove(name),
      setDefault: (name) => store.setDefault(name),
      async check(name) {
        // An empty environment: the app checks the named profile, never WDT_* variables of the shell.
        const resolved = await resolveProfile(store, name, {});
        if (!resolved.ok) return resolved;
        return checkProfileCredentials(resolved.value, { clock: core.clock, logger: options.logger });
      },
      secretsKind: options.secrets.kind,
    },
    jobs: createJobsPort(core),
  };
  if (options.resumeJobs ?? true) resumeInterruptedJobs(core);
  return {
    services,
    core,
    close: () => core.close(),
  };
}
