// Builds AppServices from the services that exist today (profiles, sheets, the embedded sandbox).
// Used by the Electron main process and the browser test host until main/services.ts (the composition
// root) provides them; the job engine is not wired here, so jobs:* answer "not available yet".
import { isLang, type Lang } from '../../shared/i18n';
import type { Result } from '../../shared/result';
import { systemClock, type Logger, type Paths } from '../effects';
import { checkProfileCredentials } from '../profiles/check-credentials';
import { ProfileStore } from '../profiles/profile-store';
import { resolveProfile } from '../profiles/resolve-profile';
import { readSettings, writeSettings } from '../profiles/settings-file';
import type { SecretStore } from '../profiles/types';
import { sandboxCredentials, startSandbox, type Sandbox } from '../sandbox';
import { readSheet } from '../sheets/reader';
import { writeTemplate } from '../sheets/template';
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
}

export interface LocalServices {
  services: AppServices;
  close(): Promise<void>;
}

/** The UI language, remembered in the settings file next to the profiles. */
async function settingsPort(file: string, initial: Lang | undefined): Promise<SettingsPort> {
  const stored = await readSettings(file, initial ?? 'zh-CN');
  let lang: Lang = initial ?? (stored.ok && isLang(stored.value.lang) ? stored.value.lang : 'zh-CN');
  return {
    lang: () => lang,
    async setLang(next): Promise<Result<void>> {
      const current = await readSettings(file, next);
      if (!current.ok) return current;
      const written = await writeSettings(file, { ...current.value, lang: next }, next);
      if (written.ok) lang = next;
      return written;
    },
  };
}

export async function createLocalServices(options: LocalServicesOptions): Promise<LocalServices> {
  const settings = await settingsPort(options.paths.settings, options.lang);
  let sandbox: Promise<Sandbox> | undefined;
  const store = new ProfileStore({
    paths: options.paths,
    secrets: options.secrets,
    lang: settings.lang(),
    // The sandbox ERP starts on first use, on loopback, inside this process.
    sandbox: { url: async () => (await (sandbox ??= startSandbox())).url, credentials: sandboxCredentials },
  });
  const services: AppServices = {
    version: options.version,
    logger: options.logger,
    settings,
    desktop: options.desktop,
    sheets: {
      read: (file, { lang, ...read }) => readSheet(file, { ...read, lang, ...(options.readWorker ? { workerPath: options.readWorker } : {}) }),
      writeTemplate: (op, lang, out) => writeTemplate(op, lang, out),
    },
    profiles: {
      list: () => store.list(),
      get: (name) => store.get(name),
      add: (input, secret) => store.add(input, secret),
      remove: (name) => store.remove(name),
      setDefault: (name) => store.setDefault(name),
      storedSecret: (name) => options.secrets.get(name),
      async check(name) {
        // An empty environment: the app checks the named profile, never WDT_* variables of the shell.
        const resolved = await resolveProfile(store, name, {});
        if (!resolved.ok) return resolved;
        return checkProfileCredentials(resolved.value, { clock: systemClock, logger: options.logger });
      },
      secretsKind: options.secrets.kind,
    },
    jobs: null,
  };
  return {
    services,
    async close() {
      if (sandbox) await (await sandbox).close();
      sandbox = undefined;
    },
  };
}

