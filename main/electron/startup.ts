// Start-up failure handling, apart from Electron so plain Node can test it: the app's pieces
// (whenReady, the error box, the single-instance lock, exit) are passed in. Any error before the window
// opens — a store written by a newer build, a corrupt or unreadable jobs.sqlite, a data folder we may
// not write — is logged, shown in a native error box naming the data folder and the reason, and the
// process releases its single-instance lock and exits 1. Without this, a rejected start left a process
// with no window holding the lock, so every later launch handed its files to it and quit.
import { render, t, type Lang } from '../../shared/i18n';
import type { Logger } from '../effects';
import { storeFailureOf, storeFailureText } from '../jobs/store-failure';

export interface StartupDeps {
  whenReady(): Promise<unknown>;
  /** Builds the services and opens the window. */
  start(): Promise<void>;
  /** dialog.showErrorBox: synchronous, and safe before and after 'ready'. */
  showErrorBox(title: string, content: string): void;
  releaseSingleInstanceLock(): void;
  exit(code: number): void;
  logger: Logger;
  dataFolder: string;
  logsFolder: string;
}

/** The first line of the error's message, bounded: the box tells what happened, the log keeps the stack. */
export function startupReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split(/\r?\n/)[0]?.trim() ?? '';
  return (first || (error instanceof Error ? error.name : 'unknown error')).slice(0, 500);
}

/** The reason in words: a failing job store says what it is (newer, full, damaged…); anything else, its first line. */
export function startupReasonIn(lang: Lang, dataFolder: string, error: unknown): string {
  const store = storeFailureOf(error, dataFolder);
  return store ? render(lang, storeFailureText(store)) : startupReason(error);
}

/** The error box's text, Chinese first then English: the language setting may be what could not be read. */
export function startupFailureText(dataFolder: string, logsFolder: string, error: unknown): { title: string; content: string } {
  const lines = (lang: Lang) => t(lang, 'ui.startup.failed', { folder: dataFolder, reason: startupReasonIn(lang, dataFolder, error), logs: logsFolder });
  return { title: `${t('zh-CN', 'ui.startup.failedTitle')} / ${t('en', 'ui.startup.failedTitle')}`, content: `${lines('zh-CN')}\n\n${lines('en')}` };
}

/** Waits for 'ready' and starts; on any failure tells the person, releases the lock and exits 1. */
export async function runStartup(deps: StartupDeps): Promise<boolean> {
  try {
    await deps.whenReady();
    await deps.start();
    return true;
  } catch (error) {
    deps.logger.error('start failed', {
      folder: deps.dataFolder,
      reason: startupReasonIn('en', deps.dataFolder, error),
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    try {
      const { title, content } = startupFailureText(deps.dataFolder, deps.logsFolder, error);
      deps.showErrorBox(title, content);
    } catch (boxError) {
      // No display, or Electron half up: the log has it; the lock and the exit must still happen.
      deps.logger.error('start failure box could not be shown', { error: String(boxError) });
    }
    deps.releaseSingleInstanceLock();
    deps.exit(1);
    return false;
  }
}
