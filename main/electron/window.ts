// The one window, locked down: sandboxed renderer with context isolation and no Node, no webview tag;
// navigation, new windows, webviews and permission requests are all denied (see harden()).
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { externalHref } from '../app-api/external-links';
import { appOrigin } from './csp';

export interface WindowOptions {
  preload: string;
  icon?: string;
  title: string;
  /** electron-vite's dev server URL (unpackaged dev runs only); otherwise app://wdt-bulk/index.html. */
  devUrl: string | null;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: options.title,
    show: false,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.devUrl ?? `${appOrigin}/index.html`);
  return win;
}

/** Applied to every web contents the app creates (app 'web-contents-created'). */
export function harden(contents: WebContents): void {
  // The UI is one page: any navigation is either a bug or an injected link.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // target=_blank links to our allowlist open in the OS browser; nothing opens inside the app.
    const href = externalHref(url);
    if (href !== null) void shell.openExternal(href);
    return { action: 'deny' };
  });
}

/** No camera, microphone, notifications, geolocation, clipboard-read…: the UI needs none. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
