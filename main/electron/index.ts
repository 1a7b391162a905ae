// The Electron main process: lifecycle only. Services are built in plain Node (main/services.ts), the
// app API over them and the desktop's dialogs (main/app-api), reached through the IPC router; this file
// wires the window, the app:// protocol, single instance and files opened from the OS.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, ipcMain, Menu, net, protocol, session, type BrowserWindow } from 'electron';
import { events } from '../../shared/contract';
import { t } from '../../shared/i18n';
import { createAppApi, type AppApi } from '../app-api';
import type { Logger } from '../effects';
import { fileLogger } from '../file-logger';
import { resolvePaths } from '../paths';
import { openSecretStore } from '../profiles/keychain';
import { createServices, type Services } from '../services';
import { appWorkerPath } from '../sheets/read/worker-path';
import { checkpointWorkerBeside } from '../jobs/checkpointer';
import { privilegedScheme, registerAppProtocol } from './app-protocol';
import { electronDesktop } from './desktop-port';
import { registerIpcRouter } from './ipc-router';
import { runStartup } from './startup';
import { buildMenu } from './menu';
import { filesFromArgv } from './os-files';
import { createMainWindow, denyPermissions, harden } from './window';


app.setName('WDT 批量导入');
// The CLI and the app share one data folder (main/paths.ts); the Chinese product name must not move it.
const paths = resolvePaths({ env: process.env });
app.setPath('userData', paths.home);
const logger: Logger = fileLogger(paths.logs, 'app', app.isPackaged ? undefined : (line) => console.info(line));
protocol.registerSchemesAsPrivileged([privilegedScheme]);

const devUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
let window: BrowserWindow | null = null;
let appApi: AppApi | null = null;
let services: Services | null = null;
/** Files opened from the OS before the services were ready. */
const early: string[] = [];

function openFromOs(file: string): void {
  if (!appApi) {
    early.push(file);
    return;
  }
  void appApi.openFromOs(file).then((done) => {
    if (!done.ok) logger.warn('file from the OS refused', { code: done.error.code });
  });
}

function focus(): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

async function start(): Promise<void> {
  const root = app.getAppPath();
  registerAppProtocol(protocol, path.join(root, 'out/renderer'));
  denyPermissions(session.defaultSession);

  const secrets = await openSecretStore('zh-CN');
  if (secrets.unavailable) logger.warn('keychain unavailable; secrets kept for this run only', { code: secrets.unavailable.code });
  const worker = appWorkerPath(root);
  const checkpointWorker = checkpointWorkerBeside(worker);
  const s = await createServices({
    paths,
    secrets: secrets.store,
    logger,
    version: app.getVersion(),
    // The app runs named profiles only; WDT_* variables are the command line's business.
    env: {},
    ...(worker ? { readWorker: worker } : {}),
    ...(checkpointWorker ? { checkpointWorker } : {}),
  });
  services = s;
  // The first drop's read worker starts now, off this thread, so its first rows do not wait for exceljs to load
  // (reader.ts warmReadWorker); a little later, so a resumed job's first calls go first.
  if (worker) setTimeout(() => void import('../sheets/read/reader').then((m) => m.warmReadWorker(worker)), 2000).unref();
  // Jobs a crash or a quit left running or waiting go on by themselves (this also opens the store: a failing one stops the start here).
  s.jobs.resumeInterrupted();
  // The OS's view of the network: when it comes back, waiting jobs try again at once (not at their next backoff).
  let wasOnline = net.isOnline();
  setInterval(() => {
    const now = net.isOnline();
    if (now && !wasOnline) s.jobs.notifyOnline();
    wasOnline = now;
  }, 3000).unref();
  const desktop = electronDesktop(() => window, () => s.settings.lang());
  appApi = createAppApi(s, desktop, (name, payload) => window?.webContents.send(events[name].channel, payload));
  const api = appApi;
  registerIpcRouter(ipcMain, {
    api: api.api,
    lang: () => s.settings.lang(),
    logger,
    mainFrame: () => (window && !window.isDestroyed() ? window.webContents.mainFrame : null),
    devOrigin: devUrl ? new URL(devUrl).origin : null,
  });

  const openDialog = async () => {
    const chosen = await desktop.chooseSpreadsheet(s.settings.lang());
    if (chosen) openFromOs(chosen);
  };
  Menu.setApplicationMenu(buildMenu(s.settings.lang(), { open: () => void openDialog(), dev: !app.isPackaged }));

  const icon = path.join(root, 'build/icon.png');
  window = createMainWindow({
    preload: path.join(root, 'out/preload/index.cjs'),
    title: t(s.settings.lang(), 'common.appName'),
    devUrl,
    ...(existsSync(icon) ? { icon } : {}),
  });
  window.on('closed', () => (window = null));
  for (const file of [...early, ...filesFromArgv(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd())]) openFromOs(file);
  early.length = 0;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => harden(contents));
  // macOS: double-click or "Open with" (may fire before 'ready').
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFromOs(file);
    focus();
  });
  // A second launch hands us its files and quits; we come to the front.
  app.on('second-instance', (_event, argv, cwd) => {
    for (const file of filesFromArgv(argv.slice(1), cwd)) openFromOs(file);
    focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the calls in flight to answer and records them, so nothing is left in doubt needlessly.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed || !services) return;
    event.preventDefault();
    closed = true;
    appApi?.dispose();
    void services.close().finally(() => app.quit());
  });
  // An error inside start (not only a rejected whenReady) is told in a native box, then the lock is released and we exit 1.
  void runStartup({
    whenReady: () => app.whenReady(),
    start,
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    releaseSingleInstanceLock: () => app.releaseSingleInstanceLock(),
    exit: (code) => app.exit(code),
    logger,
    dataFolder: paths.home,
    logsFolder: paths.logs,
  });
}
