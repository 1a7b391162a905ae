import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  KeychainSecretStore,
  SessionSecretStore,
  keychainService,
  openSecretStore,
  parseAppSecret,
  probeKeychain,
} from '../../../main/profiles/keychain';
import { ensureDefaultCollection, repoRoot, uniqueName } from './helpers';

const run = promisify(execFile);

beforeAll(() => ensureDefaultCollection());

describe('the OS keychain (real Secret Service under scripts/with-keyring.sh)', () => {
  it('passes the write-read-delete probe', async () => {
    const probe = await probeKeychain('en');
    expect(probe, probe.ok ? '' : probe.error.message).toEqual({ ok: true, value: undefined });
  });

  it('stores, reads back and deletes a secret; "no value" is ok(null), not an error', async () => {
    const opened = await openSecretStore('en');
    expect(opened.unavailable).toBeUndefined();
    expect(opened.store).toBeInstanceOf(KeychainSecretStore);
    const name = uniqueName('kc');
    expect(await opened.store.get(name)).toEqual({ ok: true, value: null });
    expect(await opened.store.set(name, 'sec:salt-1')).toEqual({ ok: true, value: undefined });
    expect(await opened.store.get(name)).toEqual({ ok: true, value: 'sec:salt-1' });
    expect(await opened.store.set(name, 'sec:salt-2')).toEqual({ ok: true, value: undefined });
    expect(await opened.store.get(name)).toEqual({ ok: true, value: 'sec:salt-2' });
    expect((await opened.store.delete(name)).ok).toBe(true);
    expect(await opened.store.get(name)).toEqual({ ok: true, value: null });
  });

  it('keeps entries of other services apart (service name is part of the key)', async () => {
    const name = uniqueName('kc');
    const ours = new KeychainSecretStore('en');
    const other = new KeychainSecretStore('en', `${keychainService}-other-test`);
    await ours.set(name, 'a:b');
    expect(await other.get(name)).toEqual({ ok: true, value: null });
    await ours.delete(name);
  });
});

describe('without a keychain', () => {
  const script = path.join(__dirname, 'fixtures/probe-keychain.ts');
  for (const [label, envChange] of [
    ['no D-Bus session at all', (env: NodeJS.ProcessEnv) => { delete env.DBUS_SESSION_BUS_ADDRESS; }],
    ['a D-Bus address that leads nowhere', (env: NodeJS.ProcessEnv) => { env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/wdt-bulk-bus'; }],
  ] as const) {
    it(`reports KEYCHAIN_UNAVAILABLE saying what to install, and offers the session store (${label})`, async () => {
      const env = { ...process.env };
      envChange(env);
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, env, timeout: 25_000 });
      const answer = JSON.parse(stdout) as Record<string, unknown>;
      expect(answer.kind).toBe('session');
      expect(answer.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(answer.message).toMatch(/gnome-keyring/);
      expect(answer.message).toMatch(/this run only/);
      expect(answer.setOk).toBe(true);
      expect(answer.readBack).toBe('a:b');
      expect(answer.serialised).toBe('{}');
    });
  }
});

describe('the session-only store', () => {
  it('keeps secrets in memory only, invisible to JSON and inspection by key', async () => {
    const store = new SessionSecretStore();
    expect(store.kind).toBe('session');
    expect(await store.get('x')).toEqual({ ok: true, value: null });
    await store.set('x', 'top:secret');
    expect(await store.get('x')).toEqual({ ok: true, value: 'top:secret' });
    expect(JSON.stringify(store)).not.toContain('top');
    expect(Object.values(store).join()).not.toContain('top');
    await store.delete('x');
    expect(await store.get('x')).toEqual({ ok: true, value: null });
  });
});

describe('the app secret shape', () => {
  it('splits at the first colon', () => {
    expect(parseAppSecret('abc:de:f', 'en')).toEqual({ ok: true, value: { secret: 'abc', salt: 'de:f' } });
  });

  it.each([
    ['no-colon-here', /no colon/],
    [':zqsalty', /empty/],
    ['zqsecret:', /empty/],
    ['zq sec:zqsalty', /spaces/],
    [`${'x'.repeat(600)}:y`, /too long/],
  ])('refuses %s without echoing it', (value, why) => {
    const result = parseAppSecret(value, 'en');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('PROFILE_INVALID');
    expect(result.error.message).toMatch(why);
    for (const part of value.split(':')) if (part.length > 2) expect(result.error.message).not.toContain(part);
  });
});
