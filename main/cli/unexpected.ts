// The last line of defence of the command line: whatever a command did not expect becomes one line
// for the person or script (`{"error":{…}}` with --json) and one entry with the details in the data
// folder's log — never a stack trace. A failing job store is exit 5 naming the folder (cli.md).
import { isLang, t, type Lang } from '../../shared/i18n';
import { appError } from '../../shared/result';
import { fileLogger } from '../file-logger';
import { oneLine } from '../error-line';
import { storeAppError, storeFailureOf } from '../jobs/store-failure';
import { resolvePaths } from '../paths';
import { exitCodes, type CliIo } from './context';
import { printError } from './output';

/** --lang as given anywhere on the line, else WDT_LANG, else Chinese. */
function langOf(io: CliIo, argv: readonly string[]): Lang {
  const at = argv.indexOf('--lang');
  const given = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  if (isLang(given)) return given;
  return isLang(io.env.WDT_LANG) ? io.env.WDT_LANG : 'zh-CN';
}

/** Tells an error nobody handled; resolves to the exit status. Never throws. */
export function reportUnexpected(io: CliIo, argv: readonly string[], error: unknown): number {
  const lang = langOf(io, argv);
  const json = argv.includes('--json');
  let paths;
  try {
    paths = resolvePaths({ env: io.env, cwd: io.cwd });
  } catch {
    paths = null;
  }
  const logger = paths ? fileLogger(paths.logs, 'cli') : null;
  const store = paths ? storeFailureOf(error, paths.home) : null;
  if (store) {
    logger?.error('job store failed', { command: argv[0] ?? null, reason: store.reason, folder: store.folder, ...store.params });
    printError(io, { json }, storeAppError(store, lang));
    return exitCodes.storeFailed;
  }
  const message = oneLine(error);
  logger?.error('unexpected error', { command: argv[0] ?? null, error: message, stack: error instanceof Error ? (error.stack ?? null) : null });
  printError(io, { json }, appError('INTERNAL', t(lang, 'cli.unexpected', { message, logs: paths?.logs ?? '?' })));
  return exitCodes.nothingSubmitted;
}

/** For the real process only: an error escaping every await (a timer, a stream) is told the same way, then the process ends. */
export function guardProcess(io: CliIo, argv: readonly string[]): void {
  const fatal = (error: unknown) => {
    process.exitCode = reportUnexpected(io, argv, error);
    process.exit();
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}
