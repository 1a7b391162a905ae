// The built CLI (bin/wdt-bulk.mjs, bundled by the main project's globalSetup) against a real keychain
// and the sandbox ERP on loopback. Every run's output and the data folder are searched for the secret.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../../../main/profiles/keychain';
import { sandboxCredentials, startSandbox, type Sandbox } from '../../../main/sandbox';
import { cleanEnv, ensureDefaultCollection, readTree, runCli, tempHome, uniqueName, type CliRun } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  ensureDefaultCollection();
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const [realSecret, realSalt] = sandboxCredentials.appSecret.split(':') as [string, string];
const wrongAppSecret = 'cli-wrong-secret-q7:cli-wrong-salt-q7';
const secretPieces = [realSecret, realSalt, 'cli-wrong-secret-q7', 'cli-wrong-salt-q7'];

describe('wdt-bulk profiles (built CLI)', () => {
  const runs: CliRun[] = [];
  let home: string;
  let env: NodeJS.ProcessEnv;
  const cli = async (args: string[], input?: string) => {
    const result = await runCli(args, { env, ...(input !== undefined ? { input } : {}) });
    runs.push(result);
    return result;
  };
  const good = uniqueName('good');
  const bad = uniqueName('bad');

  beforeAll(async () => {
    home = await tempHome();
    env = cleanEnv({ WDT_BULK_HOME: home });
  });

  afterAll(async () => {
    const keychain = new KeychainSecretStore('en');
    await keychain.delete(good);
    await keychain.delete(bad);
  });

  it('lists only the built-in sandbox at first, as the default', async () => {
    const listed = await cli(['profiles', 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const json = JSON.parse(listed.stdout) as { defaultProfile: string; keychain: string; profiles: { name: string; secret: string }[] };
    expect(json.defaultProfile).toBe('sandbox');
    expect(json.keychain).toBe('keychain');
    expect(json.profiles.map((p) => [p.name, p.secret])).toEqual([['sandbox', 'builtin']]);
  });

  it('adds profiles with the secret piped to stdin, stores it in the keychain, lists them', async () => {
    const base = ['--base-url', sandbox.url, '--sid', sandboxCredentials.sid, '--appkey', sandboxCredentials.appkey, '--lang', 'en'];
    const added = await cli(['profiles', 'add', good, ...base, '--env', 'production', '--concurrency', '2', '--timeout', '7'], `${sandboxCredentials.appSecret}\n`);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`Saved profile "${good}" (PRODUCTION)`);
    expect(await new KeychainSecretStore('en').get(good)).toEqual({ ok: true, value: sandboxCredentials.appSecret });
    const addedBad = await cli(['profiles', 'add', bad, ...base], wrongAppSecret);
    expect(addedBad.code, addedBad.stderr).toBe(0);

    const listed = await cli(['profiles', 'list', '--json']);
    const json = JSON.parse(listed.stdout) as { profiles: { name: string; environment: string; baseUrl: string; secret: string; limits: { concurrency: number; timeoutSeconds: number } }[] };
    const row = json.profiles.find((p) => p.name === good);
    expect(row).toMatchObject({ environment: 'production', baseUrl: sandbox.url, secret: 'keychain', limits: { concurrency: 2, timeoutSeconds: 7 } });
    const prose = await cli(['profiles', 'list', '--lang', 'en']);
    expect(prose.stdout).toMatch(new RegExp(`^\\* sandbox .*built in$`, 'm'));
    expect(prose.stdout).toMatch(new RegExp(`^  ${good} .*system keychain$`, 'm'));
  });

  it('refuses a secret given as an argument, and a malformed one on stdin', async () => {
    const asArg = await cli(['profiles', 'add', 'x1', '--base-url', sandbox.url, '--sid', 's', '--appkey', 'k', '--appsecret', 'arg-secret:arg-salt']);
    expect(asArg.code).toBe(2);
    expect(asArg.stderr).toMatch(/standard input|标准输入/);
    const malformed = await cli(['profiles', 'add', 'x2', '--base-url', sandbox.url, '--sid', 's', '--appkey', 'k', '--json'], 'nocolonvalue\n');
    expect(malformed.code).toBe(2);
    expect(JSON.parse(malformed.stdout)).toMatchObject({ error: { code: 'PROFILE_INVALID' } });
    expect(malformed.stdout).not.toContain('nocolonvalue');
  });

  it('tests profiles: 0 when they work, 4 when refused, 3 when unreachable, 2 when unknown', async () => {
    const works = await cli(['profiles', 'test', good, '--json', '--lang', 'en']);
    expect(works.code, works.stderr).toBe(0);
    expect(JSON.parse(works.stdout)).toEqual({ profile: good, result: 'works', message: 'The credentials work: the ERP accepted a signed call.' });

    const refused = await cli(['profiles', 'test', bad, '--json']);
    expect(refused.code, refused.stderr).toBe(4);
    expect(JSON.parse(refused.stdout)).toMatchObject({ profile: bad, result: 'credentials-refused' });
    const refusedProse = await cli(['profiles', 'test', bad, '--lang', 'en']);
    expect(refusedProse.code).toBe(4);
    expect(refusedProse.stdout).toMatch(/app key or app secret is wrong/);

    const sandboxed = await cli(['profiles', 'test', 'sandbox', '--json']);
    expect(sandboxed.code, sandboxed.stderr).toBe(0);

    const unreachableEnv = { ...env, WDT_BASE_URL: 'http://127.0.0.1:9', WDT_SID: 's', WDT_APPKEY: 'k', WDT_APPSECRET: wrongAppSecret, WDT_TIMEOUT_SECONDS: '3' };
    const unreachable = await runCli(['profiles', 'test', '--json'], { env: unreachableEnv });
    runs.push(unreachable);
    expect(unreachable.code, unreachable.stderr).toBe(3);
    expect(JSON.parse(unreachable.stdout)).toMatchObject({ profile: '@env', result: 'unreachable' });

    const missing = await cli(['profiles', 'test', 'no-such-profile', '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'PROFILE_NOT_FOUND' } });
  });

  it('sets the default, and removes a profile together with its keychain entry', async () => {
    expect((await cli(['profiles', 'default', good])).code).toBe(0);
    const listed = JSON.parse((await cli(['profiles', 'list', '--json'])).stdout) as { defaultProfile: string };
    expect(listed.defaultProfile).toBe(good);
    const builtin = await cli(['profiles', 'remove', 'sandbox', '--json']);
    expect(builtin.code).toBe(2);
    expect(JSON.parse(builtin.stdout)).toMatchObject({ error: { code: 'PROFILE_INVALID' } });

    const removed = await cli(['profiles', 'remove', bad]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await new KeychainSecretStore('en').get(bad)).toEqual({ ok: true, value: null });
    const settings = JSON.parse(await readFile(path.join(home, 'settings.json'), 'utf8')) as { profiles: { name: string }[] };
    expect(settings.profiles.map((p) => p.name)).toEqual([good]);
  });

  it('never writes the secret: not in the data folder, not in any output of these runs', async () => {
    expect(runs.length).toBeGreaterThan(10);
    const files = await readTree(home);
    expect(files.map((f) => path.basename(f.file))).toContain('settings.json');
    for (const piece of secretPieces) {
      for (const { file, text } of files) expect(text, file).not.toContain(piece);
      for (const [i, run] of runs.entries()) {
        expect(run.stdout, `stdout of run ${i}`).not.toContain(piece);
        expect(run.stderr, `stderr of run ${i}`).not.toContain(piece);
      }
    }
  });
});

describe('wdt-bulk profiles without a keychain', () => {
  it('refuses to add a profile whose secret would vanish, says what to install, and writes nothing', async () => {
    const home = await tempHome();
    const env = cleanEnv({ WDT_BULK_HOME: home, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/wdt-bulk-bus' });
    const added = await runCli(['profiles', 'add', 'shop', '--base-url', sandbox.url, '--sid', 's', '--appkey', 'k', '--json', '--lang', 'en'], { env, input: wrongAppSecret });
    expect(added.code).toBe(2);
    const json = JSON.parse(added.stdout) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(json.error.message).toMatch(/gnome-keyring/);
    expect(json.error.message).toMatch(/WDT_APPSECRET/);
    expect(added.stdout + added.stderr).not.toContain('cli-wrong');
    expect(await readTree(home)).toEqual([]);
    const listed = await runCli(['profiles', 'list', '--json'], { env });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ keychain: 'session' });
    expect(listed.stderr).toMatch(/Secret Service|钥匙串/);
  });
});
