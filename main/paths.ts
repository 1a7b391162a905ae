// Where the app keeps its data. The desktop app and the CLI must agree, so both resolve it here:
// WDT_BULK_HOME when set, else the folder Electron's app.getPath('userData') gives for app name 'wdt-bulk'.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Paths } from './effects';

export const appFolderName = 'wdt-bulk';

export interface PathsEnvironment {
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homedir?: string;
}

/** The OS per-user app-data folder of wdt-bulk, as Electron computes userData (appData + app name). */
export function appDataFolder({ env, platform = process.platform, homedir = os.homedir() }: PathsEnvironment): string {
  // Electron picks the platform's own path module, so a Windows folder keeps its backslashes.
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA || path.win32.join(homedir, 'AppData', 'Roaming'), appFolderName);
  }
  if (platform === 'darwin') return path.posix.join(homedir, 'Library', 'Application Support', appFolderName);
  // Linux and the BSDs: XDG_CONFIG_HOME only counts when it is absolute (the XDG spec says relative values are ignored).
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(homedir, '.config');
  return path.posix.join(configHome, appFolderName);
}

/** The files inside a data folder. */
export function pathsIn(home: string): Paths {
  return {
    home,
    database: path.join(home, 'jobs.sqlite'),
    settings: path.join(home, 'settings.json'),
    logs: path.join(home, 'logs'),
  };
}

/** Resolves the data folder from WDT_BULK_HOME (made absolute against cwd) or the OS default. */
export function resolvePaths(options: PathsEnvironment & { cwd?: string }): Paths {
  const fromEnv = options.env.WDT_BULK_HOME?.trim();
  const home = fromEnv ? path.resolve(options.cwd ?? process.cwd(), fromEnv) : appDataFolder(options);
  return pathsIn(home);
}

// The data folder holds job rows (documents, ERP answers), logs and the settings: on POSIX it is the
// owner's alone, folder 0700 and files 0600, whatever the umask. Windows keeps per-user ACLs on
// %APPDATA% and ignores these modes. A folder or file made by an older build is tightened too; one we
// cannot chmod (a WDT_BULK_HOME the person does not own) is left as it is rather than failing start-up.
const posix = process.platform !== 'win32';
export const privateFolderMode = 0o700;
export const privateFileMode = 0o600;

function tighten(target: string, mode: number): void {
  if (!posix) return;
  try {
    chmodSync(target, mode);
  } catch {
    // Not ours to change (or already gone): the files inside still get 0600.
  }
}

/** Creates the folder (and missing parents) 0700, and tightens it if it already existed. */
export function ensurePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: privateFolderMode });
  tighten(folder, privateFolderMode);
}

/** Sets existing files to 0600 (a database and its -wal/-shm, a log made by an older build). */
export function tightenFiles(...files: string[]): void {
  for (const file of files) if (existsSync(file)) tighten(file, privateFileMode);
}
