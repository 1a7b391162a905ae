// No stack trace ever reaches a clerk or a script (issue 13 item 3): names every object has are not
// commands, and an error nobody expected is one line plus an entry in the data folder's log.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/index';
import { cleanEnv, runCli, tempDir } from './helpers';

const tmp = tempDir('wdt-cli-unexpected-');
afterAll(() => tmp.cleanup());

const stackLike = /\n\s+at .+:\d+:\d+|TypeError|is not a function/;

describe('wdt-bulk and the unexpected', () => {
  it.each(['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'])('"wdt-bulk %s" is an unknown command (exit 2), not a crash', async (name) => {
    const run = await runCli([name], { env: cleanEnv({ WDT_BULK_HOME: path.join(tmp.dir, 'home') }), cwd: tmp.dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`unknown command "${name}"`);
    expect(run.stdout + run.stderr).not.toMatch(stackLike);
    const json = await runCli([name, '--json'], { env: cleanEnv({ WDT_BULK_HOME: path.join(tmp.dir, 'home') }), cwd: tmp.dir });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'INVALID_ARGUMENT', message: `wdt-bulk: unknown command "${name}".` } });
  });

  it('an error nobody expected is one line naming the log folder, and the details go to the log', async () => {
    const home = path.join(tmp.dir, 'home-broken-pipe');
    // A standard output that fails as a closed pipe does: the command itself throws.
    const brokenPipe = {
      write() {
        throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      },
    } as unknown as NodeJS.WritableStream;
    const stderr = new PassThrough();
    let told = '';
    stderr.on('data', (c: Buffer) => (told += c.toString('utf8')));
    const code = await main(['jobs', '--lang', 'en'], { stdout: brokenPipe, stderr, stdin: new PassThrough(), env: { WDT_BULK_HOME: home }, cwd: tmp.dir, interactive: false });
    expect(code).toBe(2);
    expect(told.trim().split('\n')).toHaveLength(1);
    expect(told).toContain('wdt-bulk hit an unexpected error: Error: write EPIPE');
    expect(told).toContain(path.join(home, 'logs'));
    expect(told).not.toMatch(/\n\s+at /);
    const log = readdirSync(path.join(home, 'logs')).map((f) => readFileSync(path.join(home, 'logs', f), 'utf8')).join('');
    const entry = log.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.message === 'unexpected error');
    expect(entry).toMatchObject({ level: 'error', command: 'jobs', error: 'Error: write EPIPE' });
    expect(String(entry?.stack)).toMatch(/\n\s+at /);
  });
});
