// electron-builder.yml, parsed: the installer settings the project promises (docs/desktop.md).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// js-yaml comes with electron-builder and has no bundled types: a narrow typed require.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const root = path.resolve(import.meta.dirname, '../../..');
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown> & unknown[]>;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = createRequire(import.meta.url)('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { oneClik: false } }, { isEnabled: false, add() {} })).rejects.toThrow();
  });

  it('names the app and ships only out/', () => {
    expect(config.appId).toBe('cn.wdtbulk.app');
    expect(config.productName).toBe('WDT 批量导入');
    const files = config.files as unknown as string[];
    expect(files.filter((f) => !f.startsWith('!'))).toEqual(['out/**/*', 'package.json']);
    expect(files).toContain('!out/node/e2e-host.cjs'); // the test host never ships
  });

  it('unpacks the native modules and rebuilds them for Electron', () => {
    const unpacked = (config.asarUnpack as unknown as string[]).join(' ');
    expect(unpacked).toContain('better-sqlite3');
    expect(unpacked).toContain('@napi-rs/keyring');
    expect(config.npmRebuild).toBe(true);
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // file:// pages get no extra powers (the app loads app://, never file://).
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a per-user, multi-language NSIS installer', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, multiLanguageInstaller: true });
    expect(config.nsis!.installerLanguages).toEqual(['zh_CN', 'en_US']);
  });

  it('builds a hardened dmg and AppImage/deb, with the resources present', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' });
    expect(String(config.mac!.category)).toMatch(/^public\.app-category\./);
    expect(JSON.stringify(config.mac!.target)).toContain('dmg');
    expect(config.linux).toMatchObject({ category: 'Office' });
    expect(config.linux!.maintainer).toBeTruthy();
    expect(config.linux!.target).toEqual(['AppImage', 'deb']);
    for (const file of ['build/icon.png', 'build/icon.ico', 'build/entitlements.mac.plist']) expect(existsSync(path.join(root, file)), file).toBe(true);
    const plist = readFileSync(path.join(root, 'build/entitlements.mac.plist'), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    expect(plist).not.toContain('disable-library-validation');
  });
});
