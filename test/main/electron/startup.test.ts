// Start-up failures (issue 13 item 1), in plain Node: runStartup gets the Electron pieces as fakes that
// record what they were asked, and a real start that fails on a real data folder (a store written by a
// newer build, a corrupt jobs.sqlite, a data folder that is a file). The app must tell the person in a
// native box naming the folder and the reason, release the single-instance lock and exit 1.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { pathsIn } from '../../../main/paths';
import { testServices } from '../test-services';
import { runStartup, type StartupDeps } from '../../../main/electron/startup';

const root = path.resolve(import.meta.dirname, '../../..');
const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function tempHome(): Promise<string> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'wdt-startup-'));
  made.push(home);
  return home;
}

/** The Electron pieces as recorders; `start` is the real service start-up on `home`. */
function harness(home: string, overrides: Partial<StartupDeps> = {}) {
  const events: string[] = [];
  const boxes: { title: string; content: string }[] = [];
  const logged: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  const paths = pathsIn(home);
  const deps: StartupDeps = {
    whenReady: async () => events.push('ready'),
    async start() {
      // As the app starts: the services, then the jobs a crash left running (which opens the store).
      const services = await testServices(home, { lang: 'zh-CN' });
      closers.push(() => services.close());
      services.jobs.resumeInterrupted();
    },
    showErrorBox: (title, content) => {
      events.push('box');
      boxes.push({ title, content });
    },
    releaseSingleInstanceLock: () => events.push('release'),
    exit: (code) => events.push(`exit ${code}`),
    logger: { info() {}, warn() {}, error: (message, fields) => logged.push(`${message} ${JSON.stringify(fields)}`) },
    dataFolder: paths.home,
    logsFolder: paths.logs,
    ...overrides,
  };
  return { deps, events, boxes, logged, paths, close: () => Promise.all(closers.map((c) => c())) };
}

describe('a start that fails', () => {
  it('a store written by a newer build: error box naming the folder and the reason, lock released, exit 1', async () => {
    const home = await tempHome();
    const db = new Database(pathsIn(home).database);
    db.pragma('user_version = 999');
    db.close();
    const h = harness(home);
    expect(await runStartup(h.deps)).toBe(false);
    expect(h.events).toEqual(['ready', 'box', 'release', 'exit 1']);
    const [box] = h.boxes;
    expect(box!.title).toContain('无法启动');
    expect(box!.content).toContain(`数据文件夹：${home}`);
    expect(box!.content).toContain(`Data folder: ${home}`);
    expect(box!.content).toMatch(/newer wdt-bulk \(schema 999/);
    expect(box!.content.indexOf('原因')).toBeLessThan(box!.content.indexOf('Reason')); // Chinese first
    expect(h.logged.join('\n')).toMatch(/start failed .*schema 999/);
  });

  it('a corrupt jobs.sqlite', async () => {
    const home = await tempHome();
    await writeFile(pathsIn(home).database, 'this is not a database, it is a clerk\'s shopping list '.repeat(200));
    const h = harness(home);
    expect(await runStartup(h.deps)).toBe(false);
    expect(h.events).toEqual(['ready', 'box', 'release', 'exit 1']);
    expect(h.boxes[0]!.content).toMatch(/已损坏（SQLITE_NOTADB）[\s\S]*is damaged \(SQLITE_NOTADB\)/);
  });

  it('a data folder that cannot be one (a file stands in its place)', async () => {
    const parent = await tempHome();
    const home = path.join(parent, 'wdt-bulk');
    await writeFile(home, 'a file, not a folder');
    const h = harness(home);
    expect(await runStartup(h.deps)).toBe(false);
    expect(h.events.slice(-3)).toEqual(['box', 'release', 'exit 1']);
    expect(h.boxes[0]!.content).toContain(home);
    expect(h.boxes[0]!.content).toMatch(/EEXIST|ENOTDIR/);
  });

  it('whenReady itself rejecting, and an error box that throws, still release and exit', async () => {
    const h = harness(await tempHome(), {
      whenReady: async () => {
        throw new Error('GPU process exploded\nat frame 1');
      },
      showErrorBox: () => {
        throw new Error('no display');
      },
    });
    expect(await runStartup(h.deps)).toBe(false);
    expect(h.events).toEqual(['release', 'exit 1']);
    expect(h.logged.join('\n')).toMatch(/GPU process exploded[\s\S]*could not be shown.*no display/);
  });

  it('a good start shows nothing and does not exit', async () => {
    const h = harness(await tempHome());
    expect(await runStartup(h.deps)).toBe(true);
    expect(h.events).toEqual(['ready']);
    await h.close();
  });
});

describe('main/electron/index.ts', () => {
  it('starts through runStartup with the native error box, the lock release and exit wired in', () => {
    const source = readFileSync(path.join(root, 'main/electron/index.ts'), 'utf8');
    expect(source).not.toMatch(/whenReady\(\)\.then\(/);
    expect(source).toMatch(/runStartup\(\{/);
    for (const wired of ['dialog.showErrorBox(', 'app.releaseSingleInstanceLock()', 'app.exit(code)', 'dataFolder: paths.home']) expect(source).toContain(wired);
  });
});
