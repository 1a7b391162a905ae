// The services of one command: the same createServices as the desktop app, on the data folder of
// WDT_BULK_HOME or the OS default, with the shell's WDT_* variables and the bundled read worker.
import type { Lang } from '../../shared/i18n';
import { fileLogger } from '../file-logger';
import { checkpointWorkerBeside } from '../jobs/checkpointer';
import { resolvePaths } from '../paths';
import { openSecretStore, SessionSecretStore, type OpenedSecretStore } from '../profiles/keychain';
import { createServices, type Services } from '../services';
import { bundledWorkerPath } from '../sheets/read/worker-path';
import { appVersion } from '../version';
import type { CliIo } from './context';

/**
 * The services for one command, on the data folder of WDT_BULK_HOME or the OS default, with the OS
 * keychain unless `secrets` says otherwise (a command that must tell the person the keychain is missing
 * opens it itself; validate and template never read a secret: `noKeychain` — no keychain probe).
 */
export async function cliServices(io: CliIo, lang: Lang, o: { secrets?: OpenedSecretStore } = {}): Promise<Services> {
  const paths = resolvePaths({ env: io.env, cwd: io.cwd });
  const logger = fileLogger(paths.logs, 'cli');
  // A command that opened the store itself tells the person; the others leave a line in the log.
  const secrets = o.secrets ?? (await openSecretStore(lang));
  if (secrets.unavailable && !o.secrets) logger.warn('keychain unavailable; secrets kept for this run only', { code: secrets.unavailable.code });
  const worker = bundledWorkerPath();
  const checkpointWorker = checkpointWorkerBeside(worker);
  return createServices({ paths, secrets: secrets.store, logger, version: appVersion, env: io.env, lang, ...(worker ? { readWorker: worker } : {}), ...(checkpointWorker ? { checkpointWorker } : {}) });
}

/** For commands that never read a secret: secrets in memory, no keychain probe. */
export const noKeychain = (): OpenedSecretStore => ({ store: new SessionSecretStore() });
