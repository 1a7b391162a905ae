// The data folder is the owner's alone on POSIX (issue 13 item 11): folder 0700, jobs.sqlite with its
// -wal/-shm, logs and settings 0600, whatever the umask, and a folder an older build left 0755/0644 is
// tightened. Real files, real SQLite, real stat modes.
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testServices } from './test-services';
import { fileLogger } from '../../main/file-logger';
import { pathsIn } from '../../main/paths';

const mode = (file: string) => statSync(file).mode & 0o777;
const quiet = { info() {}, warn() {}, error() {} };
const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function openIn(home: string) {
  const paths = pathsIn(home);
  const local = await testServices(home, { logger: quiet });
  local.jobs.list(); // opens the store, as the app's start does
  const saved = await local.profiles.add({ name: 'shop', baseUrl: 'https://erp.example.com', sid: 's', appkey: 'k' }, 'a:b');
  expect(saved.ok).toBe(true);
  fileLogger(paths.logs, 'test').info('hello');
  return { paths, local };
}

describe('data folder modes (POSIX: the project runs its tests on Linux)', () => {
  it('a new data folder is 0700 and every file in it 0600, under a permissive umask', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'wdt-modes-'));
    made.push(base);
    const previous = process.umask(0o022);
    try {
      const { paths, local } = await openIn(path.join(base, 'nested', 'home'));
      expect(mode(paths.home).toString(8)).toBe('700');
      expect(mode(paths.logs).toString(8)).toBe('700');
      for (const file of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.settings]) expect(mode(file).toString(8), file).toBe('600');
      const logs = await readdir(paths.logs);
      expect(logs.length).toBeGreaterThan(0);
      for (const log of logs) expect(mode(path.join(paths.logs, log)).toString(8), log).toBe('600');
      await local.close();
    } finally {
      process.umask(previous);
    }
  });

  it('a folder an older build left 0755 with 0644 files is tightened on the next start', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'wdt-modes-old-'));
    made.push(home);
    const paths = pathsIn(home);
    chmodSync(home, 0o755);
    mkdirSync(paths.logs, { mode: 0o755 });
    chmodSync(paths.logs, 0o755);
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const oldLog = path.join(paths.logs, `wdt-bulk-${day}.log`);
    writeFileSync(oldLog, '', { mode: 0o644 });
    writeFileSync(paths.settings, '{"version":1,"profiles":[]}\n', { mode: 0o644 });
    chmodSync(oldLog, 0o644);
    chmodSync(paths.settings, 0o644);
    // A store left by an older build: created 0644 by SQLite itself.
    const first = await openIn(home);
    await first.local.close();
    for (const file of [paths.database, paths.settings]) chmodSync(file, 0o644);
    chmodSync(home, 0o755);
    const { local } = await openIn(home);
    expect(mode(home).toString(8)).toBe('700');
    expect(mode(paths.logs).toString(8)).toBe('700');
    for (const file of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.settings, oldLog]) expect(mode(file).toString(8), file).toBe('600');
    await local.close();
  });
});
