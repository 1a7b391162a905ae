// A stored secret is bound to the address and account it was given for (issue 13 item 9), and a
// production profile over plain http:// needs an acknowledgement that is remembered. Real OS keychain
// (run under scripts/with-keyring.sh), real settings file, the app API over the real local services,
// and the built CLI.
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppApi, type AppApi } from '../../../main/app-api';
import type { Services } from '../../../main/services';
import { testServices } from '../test-services';
import { nullDesktop } from '../null-desktop';
import { pathsIn } from '../../../main/paths';
import { KeychainSecretStore, openSecretStore } from '../../../main/profiles/keychain';
import { ProfileStore } from '../../../main/profiles/profile-store';
import { cleanEnv, ensureDefaultCollection, runCli, tempHome, uniqueName } from './helpers';

const keychain = new KeychainSecretStore('en');
const used: string[] = [];
const name = (prefix: string) => {
  const made = uniqueName(prefix);
  used.push(made);
  return made;
};
const sandbox = { url: async () => 'http://127.0.0.1:1', credentials: { sid: 's', appkey: 'k', appSecret: 'a:b' } };

beforeAll(async () => {
  ensureDefaultCollection();
  const opened = await openSecretStore('en');
  expect(opened.unavailable?.message).toBeUndefined(); // these tests need the real keychain
});
afterAll(async () => {
  for (const made of used) await keychain.delete(made);
});

async function makeStore() {
  const home = await tempHome();
  const paths = pathsIn(home);
  return { paths, store: new ProfileStore({ paths, secrets: keychain, lang: 'en', sandbox }) };
}

describe('a stored secret stays with its address and account', () => {
  const base = { baseUrl: 'https://erp.example.com', sid: 'seller1', appkey: 'key1' };

  it('an edit that keeps base URL, sid and appkey keeps the secret (trailing slash and spaces do not count)', async () => {
    const { store } = await makeStore();
    const shop = name('keep');
    expect((await store.add({ name: shop, ...base }, 'first:salt')).ok).toBe(true);
    const edited = await store.add({ name: shop, ...base, baseUrl: ' https://erp.example.com/ ', limits: { concurrency: 1 } }, null);
    expect(edited.ok && edited.value.profile.limits.concurrency).toBe(1);
    expect(await keychain.get(shop)).toEqual({ ok: true, value: 'first:salt' });
  });

  it.each([
    ['baseUrl', { baseUrl: 'https://attacker.example.net' }],
    ['sid', { sid: 'seller2' }],
    ['appkey', { appkey: 'key2' }],
  ] as const)('changing %s without the secret is refused, and nothing changes', async (field, change) => {
    const { store, paths } = await makeStore();
    const shop = name('move');
    await store.add({ name: shop, ...base }, 'first:salt');
    const settingsBefore = await readFile(paths.settings, 'utf8');
    const moved = await store.add({ name: shop, ...base, ...change }, null);
    expect(moved).toMatchObject({ ok: false, error: { code: 'SECRET_MISSING', details: { profile: shop, changed: [field] } } });
    expect(!moved.ok && moved.error.message).toMatch(/Enter the app secret again/);
    expect(await readFile(paths.settings, 'utf8')).toBe(settingsBefore);
    expect(await keychain.get(shop)).toEqual({ ok: true, value: 'first:salt' });
    // Given again, the secret goes with the new address.
    const given = await store.add({ name: shop, ...base, ...change }, 'second:salt');
    expect(given.ok).toBe(true);
    expect(await keychain.get(shop)).toEqual({ ok: true, value: 'second:salt' });
  });

  it('a rename keeps the secret and the default, under the new name only; a rename to a new address needs it again', async () => {
    const { store } = await makeStore();
    const before = name('old');
    const after = name('new');
    await store.add({ name: before, ...base }, 'first:salt');
    await store.setDefault(before);
    const refused = await store.add({ name: after, ...base, sid: 'other' }, null, { previousName: before });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SECRET_MISSING' } });
    const renamed = await store.add({ name: after, ...base }, null, { previousName: before });
    expect(renamed.ok && renamed.value.replaced).toBe(true);
    expect(await keychain.get(after)).toEqual({ ok: true, value: 'first:salt' });
    expect(await keychain.get(before)).toEqual({ ok: true, value: null });
    expect(await store.defaultProfileName()).toEqual({ ok: true, value: after });
    const listed = await store.list();
    expect(listed.ok && listed.value.map((p) => p.name)).toEqual(['sandbox', after]);
  });

  it('a new profile without a secret is refused', async () => {
    const { store } = await makeStore();
    expect(await store.add({ name: name('fresh'), ...base }, null)).toMatchObject({ ok: false, error: { code: 'SECRET_MISSING' } });
  });
});

describe('production over plain http:// needs a remembered acknowledgement', () => {
  const vendor = { environment: 'production' as const, baseUrl: 'http://wdt.wangdian.cn', sid: 'seller1', appkey: 'key1' };

  it('is refused without it, saved with it, remembered for the same address, and asked again for another', async () => {
    const { store, paths } = await makeStore();
    const shop = name('prod');
    const refused = await store.add({ name: shop, ...vendor }, 'first:salt');
    expect(refused).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID', details: { field: 'baseUrl' } } });
    expect(!refused.ok && refused.error.message).toContain('--allow-plain-http');
    expect(await keychain.get(shop)).toEqual({ ok: true, value: null });

    const saved = await store.add({ name: shop, ...vendor, acknowledgePlainHttp: true }, 'first:salt');
    expect(saved.ok && saved.value.profile.plainHttpAcknowledged).toBe(true);
    expect(JSON.parse(await readFile(paths.settings, 'utf8')).profiles[0].plainHttpAcknowledged).toBe('http://wdt.wangdian.cn');
    // Remembered: an edit that does not mention it keeps it (same address).
    const again = await store.add({ name: shop, ...vendor, limits: { concurrency: 2 } }, null);
    expect(again.ok).toBe(true);
    const listed = await store.list();
    expect(listed.ok && listed.value.find((p) => p.name === shop)?.plainHttpAcknowledged).toBe(true);
    // Another http address is a new question; withdrawing it refuses.
    expect(await store.add({ name: shop, ...vendor, baseUrl: 'http://wdt2.example.cn' }, 'second:salt')).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID' } });
    expect(await store.add({ name: shop, ...vendor, acknowledgePlainHttp: false }, null)).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID' } });
  });

  it('a hand-edited address invalidates the acknowledgement, and test profiles and https never need it', async () => {
    const { store, paths } = await makeStore();
    const shop = name('hand');
    await store.add({ name: shop, ...vendor, acknowledgePlainHttp: true }, 'first:salt');
    const file = JSON.parse(await readFile(paths.settings, 'utf8'));
    file.profiles[0].baseUrl = 'http://elsewhere.example.cn';
    await writeFile(paths.settings, JSON.stringify(file));
    const got = await store.get(shop);
    expect(got.ok && got.value.plainHttpAcknowledged).toBeUndefined();
    expect((await store.add({ name: name('test'), ...vendor, environment: 'test' }, 'a:b')).ok).toBe(true);
    expect((await store.add({ name: name('tls'), ...vendor, baseUrl: 'https://wdt.wangdian.cn' }, 'a:b')).ok).toBe(true);
    // Loopback (a local proxy, a test ERP) crosses no network.
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:9', 'http://[::1]:80']) expect((await store.add({ name: name('lo'), ...vendor, baseUrl: url }, 'a:b')).ok, url).toBe(true);
  });
});

describe('profile names are compared after NFKC and case folding', () => {
  it.each(['ＳＡＮＤＢＯＸ', 'Sandbox', 'SANDBOX', 'ｓａｎｄｂｏｘ'])('%s is the built-in sandbox', async (taken) => {
    const { store } = await makeStore();
    expect(await store.add({ name: taken, baseUrl: 'https://erp.example.com', sid: 's', appkey: 'k' }, 'a:b')).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID' } });
  });

  it('a saved name in another width or case is the same profile; the settings file may not hold both', async () => {
    const { store, paths } = await makeStore();
    const shop = name('shop');
    await store.add({ name: shop, baseUrl: 'https://erp.example.com', sid: 's', appkey: 'k' }, 'a:b');
    const wide = shop.toUpperCase().replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(await store.add({ name: wide, baseUrl: 'https://erp.example.com', sid: 's', appkey: 'k' }, 'c:d')).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID' } });
    const file = JSON.parse(await readFile(paths.settings, 'utf8'));
    file.profiles.push({ ...file.profiles[0], name: shop.toUpperCase() });
    await writeFile(paths.settings, JSON.stringify(file));
    expect(await store.list()).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID' } });
  });
});

describe('through the app API (what the profile form calls)', () => {
  const desktop = nullDesktop;
  const logger = { info() {}, warn() {}, error() {} };
  let services: Services;
  let app: AppApi;
  beforeAll(async () => {
    services = await testServices(await tempHome(), { secrets: keychain, logger });
    app = createAppApi(services, desktop, () => {});
  });
  afterAll(async () => {
    app.dispose();
    await services.close();
  });

  it('asks for the secret again when the address changes, keeps it otherwise, and remembers the http acknowledgement', async () => {
    const shop = name('app');
    const form = { name: shop, environment: 'test' as const, baseUrl: 'https://erp.example.com', sid: 's', appkey: 'k' };
    expect((await app.api.profilesSave({ ...form, appSecret: 'first:salt' })).ok).toBe(true);
    expect(await app.api.profilesSave({ ...form, previousName: shop, baseUrl: 'https://evil.example' })).toMatchObject({ ok: false, error: { code: 'SECRET_MISSING' } });
    expect(await app.api.profilesSave({ ...form, previousName: shop, limits: { concurrency: 3 } })).toMatchObject({ ok: true, value: { secret: 'keychain' } });
    expect(await keychain.get(shop)).toEqual({ ok: true, value: 'first:salt' });
    const prod = { ...form, environment: 'production' as const, baseUrl: 'http://wdt.wangdian.cn', previousName: shop };
    expect(await app.api.profilesSave({ ...prod, appSecret: 'second:salt' })).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID' } });
    expect(await app.api.profilesSave({ ...prod, appSecret: 'second:salt', acknowledgePlainHttp: true })).toMatchObject({ ok: true, value: { plainHttpAcknowledged: true } });
    expect(await app.api.profilesSave({ ...form, name: 'ＳＡＮＤＢＯＸ', appSecret: 'a:b' })).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID' } });
  });
});

describe('wdt-bulk profiles add --allow-plain-http (built CLI)', () => {
  it('refuses a production http:// profile without the flag, saves it with the flag, and remembers it', async () => {
    const env = cleanEnv({ WDT_BULK_HOME: await tempHome() });
    const shop = name('cli');
    const args = ['profiles', 'add', shop, '--base-url', 'http://wdt.wangdian.cn', '--sid', 's', '--appkey', 'k', '--env', 'production', '--json', '--lang', 'en'];
    const refused = await runCli(args, { env, input: 'a:b\n' });
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({ error: { code: 'PROFILE_INVALID' } });
    expect(refused.stdout).toContain('--allow-plain-http');
    const saved = await runCli([...args, '--allow-plain-http'], { env, input: 'a:b\n' });
    expect(saved.code, saved.stderr + saved.stdout).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ profile: { name: shop, plainHttpAcknowledged: true } });
    const replaced = await runCli(args, { env, input: 'a:b\n' });
    expect(replaced.code, replaced.stdout).toBe(0);
  });
});
