import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDataFolder, resolvePaths } from '../../../main/paths';

describe('the data folder (shared by the app and the CLI)', () => {
  it('is WDT_BULK_HOME when set, made absolute against the working folder', () => {
    const paths = resolvePaths({ env: { WDT_BULK_HOME: 'data' }, cwd: '/work/x', platform: 'linux', homedir: '/home/a' });
    expect(paths).toEqual({
      home: path.resolve('/work/x', 'data'),
      database: path.join(path.resolve('/work/x', 'data'), 'jobs.sqlite'),
      settings: path.join(path.resolve('/work/x', 'data'), 'settings.json'),
      logs: path.join(path.resolve('/work/x', 'data'), 'logs'),
    });
  });

  it('matches Electron userData for app name wdt-bulk on each OS', () => {
    expect(appDataFolder({ env: {}, platform: 'linux', homedir: '/home/a' })).toBe('/home/a/.config/wdt-bulk');
    expect(appDataFolder({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', homedir: '/home/a' })).toBe('/xdg/wdt-bulk');
    expect(appDataFolder({ env: { XDG_CONFIG_HOME: 'relative' }, platform: 'linux', homedir: '/home/a' })).toBe('/home/a/.config/wdt-bulk');
    expect(appDataFolder({ env: {}, platform: 'darwin', homedir: '/Users/a' })).toBe('/Users/a/Library/Application Support/wdt-bulk');
    expect(appDataFolder({ env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, platform: 'win32', homedir: 'C:\\Users\\a' })).toBe('C:\\Users\\a\\AppData\\Roaming\\wdt-bulk');
    expect(resolvePaths({ env: { WDT_BULK_HOME: ' ' }, platform: 'linux', homedir: '/home/a' }).home).toBe('/home/a/.config/wdt-bulk');
  });
});
