// The ONLY caller of ipcMain.handle. Every request: the sender must be the main frame of our window
// showing our own origin; then dispatch() guards the size, parses the payload with the contract's
// schema and calls the AppApi. Expected failures come back as Results; anything thrown is logged and
// becomes { ok: false, error: { code: 'INTERNAL' } } (invoke would keep only a thrown error's message).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels, type ChannelName, type ServerApi } from '../../shared/contract';
import { t, type Lang } from '../../shared/i18n';
import { appError, err, type Result } from '../../shared/result';
import { dispatch } from '../app-api/dispatch';
import type { Logger } from '../effects';
import { isAppUrl } from './csp';

/** The bits of a frame the check reads (Electron's WebFrameMain). */
export interface FrameLike {
  readonly url: string;
}

export interface RouterOptions {
  api: ServerApi;
  lang: () => Lang;
  logger: Logger;
  /** The main frame of our window right now (null while there is none). */
  mainFrame: () => FrameLike | null;
  /** Extra trusted origins: only electron-vite's dev server, and only when the app is not packaged. */
  devOrigin?: string | null;
}

/** True when a request comes from the main frame of our window, showing our renderer. */
export function isTrustedSender(frame: FrameLike | null | undefined, mainFrame: FrameLike | null, devOrigin?: string | null): boolean {
  if (!frame || !mainFrame || frame !== mainFrame) return false;
  let url: string;
  try {
    url = frame.url;
  } catch {
    return false; // a destroyed frame throws on access
  }
  if (isAppUrl(url)) return true;
  if (!devOrigin) return false;
  try {
    return new URL(url).origin === devOrigin;
  } catch {
    return false;
  }
}

type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** The handler of one channel: sender check, then dispatch. Never throws. */
export function createChannelHandler(name: ChannelName, options: RouterOptions) {
  return async (event: InvokeEvent, payload: unknown): Promise<Result<unknown>> => {
    let trusted = false;
    try {
      trusted = isTrustedSender(event.senderFrame as FrameLike | null, options.mainFrame(), options.devOrigin);
    } catch {
      trusted = false;
    }
    if (!trusted) {
      options.logger.warn('ipc request from a foreign sender refused', { channel: channels[name].channel });
      return err(appError('IPC_FORBIDDEN', t(options.lang(), 'ui.error.forbidden')));
    }
    return dispatch(options.api, name, payload, options.lang(), options.logger);
  };
}

/** Registers one ipcMain.handle per contract channel; the returned function removes them all. */
export function registerIpcRouter(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, options: RouterOptions): () => void {
  const names = Object.keys(channels) as ChannelName[];
  for (const name of names) ipcMain.handle(channels[name].channel, createChannelHandler(name, options));
  return () => {
    for (const name of names) ipcMain.removeHandler(channels[name].channel);
  };
}
