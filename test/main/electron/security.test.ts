// Static checks of the desktop security settings: they fail when a change weakens the window, drops
// the CSP, or lets 'electron' leak out of main/electron and main/preload.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../main/electron/csp';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    if (['node_modules', 'out', 'dist', '.git', 'test-results', 'coverage'].includes(name)) continue;
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(name)) out.push(rel);
  }
  return out;
}

/** The text of the object literal passed to each `new BrowserWindow(…)`, by brace matching. */
function browserWindowOptions(source: string): string[] {
  const found: string[] = [];
  for (let at = source.indexOf('new BrowserWindow('); at !== -1; at = source.indexOf('new BrowserWindow(', at + 1)) {
    const open = source.indexOf('(', at);
    let depth = 0;
    let end = open;
    for (; end < source.length; end += 1) {
      if (source[end] === '(') depth += 1;
      if (source[end] === ')' && --depth === 0) break;
    }
    found.push(source.slice(open + 1, end));
  }
  return found;
}

const required: Record<string, string> = { sandbox: 'true', contextIsolation: 'true', nodeIntegration: 'false', webviewTag: 'false' };

describe('the window', () => {
  const files = sourceFiles('main/electron');
  const windows = files.flatMap((file) => browserWindowOptions(read(file)).map((options) => ({ file, options })));

  it('is created somewhere in main/electron', () => {
    expect(windows.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(required))('every new BrowserWindow sets %s: %s explicitly, once', (key, value) => {
    for (const { file, options } of windows) {
      const settings = [...options.matchAll(new RegExp(`\\b${key}\\s*:\\s*([^,}\\s]+)`, 'g'))].map((m) => m[1]);
      expect(settings, `${file}: ${key}`).toEqual([value]);
      expect(options, `${file}: webPreferences must be literal, not spread`).not.toMatch(/webPreferences\s*:\s*\{[^}]*\.\.\./);
      expect(options).toMatch(/preload\s*:/);
    }
  });

  it('nothing in main/electron turns the settings off elsewhere', () => {
    for (const file of files) {
      const source = read(file);
      expect(source, file).not.toMatch(/nodeIntegration\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webviewTag\s*:\s*true|webSecurity\s*:\s*false/);
      expect(source, file).not.toMatch(/allowRunningInsecureContent\s*:\s*true|experimentalFeatures\s*:\s*true/);
      expect(source, file).not.toMatch(/loadFile\(|file:\/\//);
    }
  });

  it('denies navigation, new windows, webviews and permissions, and holds a single-instance lock', () => {
    const all = files.map(read).join('\n');
    for (const needle of ["'will-navigate'", 'setWindowOpenHandler', "'will-attach-webview'", 'setPermissionRequestHandler', 'setPermissionCheckHandler', 'requestSingleInstanceLock', "'second-instance'", "'open-file'", 'registerSchemesAsPrivileged']) {
      expect(all, needle).toContain(needle);
    }
    expect(all).toMatch(/action:\s*'deny'/);
  });

  it('shell.openExternal gets only an href that passed externalHref (the parsed URL, not the given text)', () => {
    const calls = files.flatMap((file) => [...read(file).matchAll(/shell\.openExternal\(([^)]*)\)/g)].map((m) => `${file}: ${m[1]}`));
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call).toMatch(/: href$/);
  });

  it('ipcMain.handle is called only by the router', () => {
    const callers = sourceFiles('main').filter((file) => /ipcMain\.handle\(|\.handle\(channels/.test(read(file)));
    expect(callers).toEqual([path.join('main/electron/ipc-router.ts')]);
  });
});

describe('the Content-Security-Policy', () => {
  const directives = ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'none'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"];

  it('has every directive and no unsafe source', () => {
    const parts = contentSecurityPolicy.split(';').map((s) => s.trim());
    for (const directive of directives) expect(parts).toContain(directive);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|\*|http:|https:/);
  });

  it('is sent on every app:// response by the protocol handler', () => {
    const handler = read('main/electron/app-protocol.ts');
    expect(handler).toMatch(/'Content-Security-Policy':\s*contentSecurityPolicy/);
    expect(handler).toMatch(/protocol\.handle\(/);
  });

  it('is the meta tag of renderer/index.html, word for word', () => {
    const html = read('renderer/index.html');
    const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/);
    expect(meta?.[1]).toBe(contentSecurityPolicy);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(html).not.toMatch(/<style|style="/);
  });

  it('the renderer has no inline style attributes (style-src has no unsafe-inline)', () => {
    for (const file of sourceFiles('renderer')) expect(read(file), file).not.toMatch(/\sstyle=\{/);
  });
});

describe('only main/electron and main/preload import electron', () => {
  it('scans the tree', () => {
    const files = ['main', 'shared', 'renderer', 'scripts', 'bin'].flatMap((dir) => sourceFiles(dir));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) => {
      if (file.startsWith('main/electron/') || file.startsWith('main/preload/')) return false;
      return /(from\s+|import\s*\(\s*|require\s*\(\s*)['"]electron(\/[^'"]*)?['"]/.test(read(file));
    });
    expect(offenders).toEqual([]);
  });

  it('the preload imports only electron and shared/ (besides itself)', () => {
    for (const file of sourceFiles('main/preload')) {
      const specifiers = [...read(file).matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const spec of specifiers) expect(spec === 'electron' || spec.startsWith('./') || spec.startsWith('../../shared/'), `${file}: ${spec}`).toBe(true);
    }
  });
});
