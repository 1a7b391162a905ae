// What every e2e test needs: the built renderer (vite build with the app's own renderer config), the host
// as a separate Node process (out/node/e2e-host.cjs, built by the global setup), and Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { rendererConfig } from '../../electron.vite.config';
import { chromiumPath } from '../../vitest.config';
import { bridgeScript } from './host/bridge-client';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

let rendererBuilt: Promise<unknown> | undefined;
/** Builds out/renderer once per run, exactly as electron-vite would. */
export const buildRenderer = () => (rendererBuilt ??= build({ ...rendererConfig, logLevel: 'error', configFile: false }));

/**
 * Builds the renderer into a folder of this test file's own and returns it, for `--renderer`: vitest may
 * run e2e files side by side, and a build into the shared out/renderer (emptied first) would pull the
 * page from under another file's host.
 */
export async function buildPrivateRenderer(): Promise<string> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'wdt-e2e-renderer-'));
  const config = rendererConfig.build ?? {};
  await build({ ...rendererConfig, build: { ...config, outDir, emptyOutDir: true }, logLevel: 'error', configFile: false });
  return outDir;
}

export interface RunningHost {
  url: string;
  token: string;
  /** The address a person opens: the token in the fragment. */
  open: string;
  home: string;
  stderr: string[];
  /** POSTs to a host's test-control endpoint. */
  control(pathname: string, body: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/** `testControl: false` starts the host as `npm start` does, without the /test/* routes. */
export async function startHostProcess(args: string[] = [], { testControl = true } = {}): Promise<RunningHost> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'wdt-e2e-home-'));
  const flags = ['--home', home, '--keychain', ...(testControl ? ['--test-control'] : []), ...args];
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'out/node/e2e-host.cjs'), ...flags], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`host exited (${code}): ${stderr.join('')}`)));
  });
  const { url, token, open } = JSON.parse(first) as { url: string; token: string; open: string };
  return {
    url,
    token,
    open,
    home,
    stderr,
    async control(pathname, body) {
      const res = await fetch(url + pathname, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, origin: url, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return res.json();
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Chromium at 1366×768 with window.wdt bridged to the host, in a fresh profile folder. */
export async function openApp(host: RunningHost, { bridge = true } = {}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'wdt-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  if (bridge) await context.addInitScript({ content: bridgeScript({ origin: host.url, token: host.token }) });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Where flow screenshots go (ignored by git: looked at, never committed). */
export const artifacts = path.join(repoRoot, 'test/e2e/artifacts');

/** A screenshot of the whole 1366×768 window, named after the flow step. */
export async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Collects page errors and console errors (the meta-tag frame-ancestors notice aside) for a test to assert none. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('frame-ancestors')) problems.push(`console: ${message.text()}`);
  });
  return problems;
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's source, evaluated in the page (page.evaluate is not bound by the app's CSP, a script tag would be). */
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(await axeSource);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}
