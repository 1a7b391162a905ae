import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathsIn } from '../../../main/paths';
import { SessionSecretStore } from '../../../main/profiles/keychain';
import { ProfileStore, sandboxProfileName } from '../../../main/profiles/profile-store';
import { defaultLimits } from '../../../main/profiles/types';
import { sandboxCredentials, startSandbox, type Sandbox } from '../../../main/sandbox';
import { tempHome } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

async function makeStore() {
  const home = await tempHome();
  const paths = pathsIn(home);
  const secrets = new SessionSecretStore();
  const store = new ProfileStore({ paths, secrets, lang: 'en', sandbox: { url: async () => sandbox.url, credentials: sandboxCredentials } });
  return { home, paths, secrets, store };
}

const shop = { name: 'shop', baseUrl: 'https://erp.example.com/', sid: 'seller1', appkey: 'key1' };

describe('profiles in the settings file', () => {
  it('has only the built-in sandbox profile, as the default, before anything is saved', async () => {
    const { store, paths } = await makeStore();
    const listed = await store.list();
    expect(listed.ok && listed.value.map((p) => [p.name, p.builtin, p.isDefault, p.baseUrl, p.secret])).toEqual([['sandbox', true, true, null, 'builtin']]);
    expect(await store.defaultProfileName()).toEqual({ ok: true, value: 'sandbox' });
    const got = await store.get('sandbox');
    expect(got.ok && got.value).toEqual({
      name: 'sandbox', environment: 'test', builtin: true, baseUrl: sandbox.url, sid: sandboxCredentials.sid, appkey: sandboxCredentials.appkey, limits: defaultLimits,
    });
    // Reading never creates the file.
    await expect(readFile(paths.settings)).rejects.toThrow(/ENOENT/);
  });

  it('adds, lists, replaces and removes a profile; the secret goes to the secret store, never the file', async () => {
    const { store, paths, secrets } = await makeStore();
    const added = await store.add({ ...shop, environment: 'production', limits: { concurrency: 2, timeoutSeconds: 9 } }, 'zz-secret-1:zz-salt-1');
    expect(added.ok && added.value).toEqual({
      replaced: false,
      profile: {
        name: 'shop', environment: 'production', builtin: false, baseUrl: 'https://erp.example.com', sid: 'seller1', appkey: 'key1',
        limits: { ...defaultLimits, concurrency: 2, timeoutSeconds: 9 },
      },
    });
    expect(await secrets.get('shop')).toEqual({ ok: true, value: 'zz-secret-1:zz-salt-1' });
    const file = await readFile(paths.settings, 'utf8');
    expect(file).toContain('seller1');
    expect(file).not.toContain('zz-secret-1');
    expect(file).not.toContain('zz-salt-1');

    const listed = await store.list();
    expect(listed.ok && listed.value.map((p) => [p.name, p.secret, p.isDefault])).toEqual([['sandbox', 'builtin', true], ['shop', 'session', false]]);

    const replaced = await store.add({ ...shop, sid: 'seller2' }, 'zz-secret-2:zz-salt-2');
    expect(replaced.ok && replaced.value.replaced).toBe(true);
    const got = await store.get('shop');
    expect(got.ok && [got.value.sid, got.value.environment]).toEqual(['seller2', 'test']);

    expect(await store.remove('shop')).toEqual({ ok: true, value: undefined });
    expect(await secrets.get('shop')).toEqual({ ok: true, value: null });
    const gone = await store.get('shop');
    expect(!gone.ok && gone.error.code).toBe('PROFILE_NOT_FOUND');
    const again = await store.remove('shop');
    expect(!again.ok && again.error.code).toBe('PROFILE_NOT_FOUND');
  });

  it('picks a default, and falls back to the sandbox when the default is removed', async () => {
    const { store } = await makeStore();
    await store.add(shop, 'a:b');
    expect(await store.setDefault('shop')).toEqual({ ok: true, value: undefined });
    expect(await store.defaultProfileName()).toEqual({ ok: true, value: 'shop' });
    const missing = await store.setDefault('nope');
    expect(!missing.ok && missing.error.code).toBe('PROFILE_NOT_FOUND');
    await store.remove('shop');
    expect(await store.defaultProfileName()).toEqual({ ok: true, value: 'sandbox' });
  });

  it('never lets the built-in sandbox be removed or replaced', async () => {
    const { store, paths } = await makeStore();
    const removed = await store.remove(sandboxProfileName);
    expect(!removed.ok && removed.error.code).toBe('PROFILE_INVALID');
    const added = await store.add({ ...shop, name: sandboxProfileName }, 'a:b');
    expect(!added.ok && added.error.code).toBe('PROFILE_INVALID');
    await expect(readFile(paths.settings)).rejects.toThrow(/ENOENT/);
    // A hand-edited file that smuggles in a "sandbox" profile is refused, not obeyed.
    await writeFile(paths.settings, JSON.stringify({ version: 1, profiles: [{ ...shop, name: 'sandbox', environment: 'production', limits: defaultLimits }] }));
    const got = await store.get('sandbox');
    expect(got.ok && got.value.baseUrl).toBe(sandbox.url); // the built-in one, whatever the file says
    const listed = await store.list();
    expect(!listed.ok && listed.error.code).toBe('PROFILE_INVALID');
  });

  it.each([
    ['name', { ...shop, name: 'bad name!' }],
    ['baseUrl', { ...shop, baseUrl: 'ftp://erp.example.com' }],
    ['baseUrl', { ...shop, baseUrl: 'https://user:pw@erp.example.com' }],
    ['sid', { ...shop, sid: '  ' }],
    ['limits.concurrency', { ...shop, limits: { concurrency: 0 } }],
  ])('refuses an invalid %s', async (field, input) => {
    const { store, paths } = await makeStore();
    const added = await store.add(input, 'a:b');
    expect(!added.ok && added.error.code).toBe('PROFILE_INVALID');
    expect(!added.ok && added.error.details).toEqual({ field });
    await expect(readFile(paths.settings)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a malformed secret before storing anything', async () => {
    const { store, secrets, paths } = await makeStore();
    const added = await store.add(shop, 'nocolonsecret');
    expect(!added.ok && added.error.code).toBe('PROFILE_INVALID');
    expect(!added.ok && added.error.message).not.toContain('nocolonsecret');
    expect(await secrets.get('shop')).toEqual({ ok: true, value: null });
    await expect(readFile(paths.settings)).rejects.toThrow(/ENOENT/);
  });
});

describe('the settings file on disk', () => {
  it.each([
    ['not JSON', '{ "version": 1, "profiles": ['],
    ['the wrong shape', JSON.stringify({ version: 1, profiles: [{ name: 'x' }] })],
    ['an unknown version', JSON.stringify({ version: 7, profiles: [] })],
    ['duplicate names', JSON.stringify({ version: 1, profiles: [{ ...shop, environment: 'test', limits: defaultLimits }, { ...shop, environment: 'test', limits: defaultLimits }] })],
  ])('reports a file holding %s by name, and never overwrites it', async (_label, content) => {
    const { store, paths } = await makeStore();
    await writeFile(paths.settings, content);
    const listed = await store.list();
    expect(!listed.ok && listed.error.code).toBe('PROFILE_INVALID');
    expect(!listed.ok && listed.error.message).toContain(paths.settings);
    expect(!listed.ok && listed.error.details).toEqual({ file: paths.settings });
    const added = await store.add({ ...shop, name: 'other' }, 'a:b');
    expect(!added.ok && added.error.code).toBe('PROFILE_INVALID');
    expect(await store.setDefault('sandbox')).toMatchObject({ ok: false });
    expect(await readFile(paths.settings, 'utf8')).toBe(content);
  });

  it('writes atomically (no temp file left), keeps keys of other areas, and accepts a BOM', async () => {
    const { store, paths, home } = await makeStore();
    await writeFile(paths.settings, `\uFEFF${JSON.stringify({ version: 1, profiles: [], ui: { theme: 'dark' }, lang: 'en' })}`);
    expect((await store.add(shop, 'a:b')).ok).toBe(true);
    expect(await readdir(home)).toEqual([path.basename(paths.settings)]);
    const written = JSON.parse(await readFile(paths.settings, 'utf8')) as Record<string, unknown>;
    expect(written.ui).toEqual({ theme: 'dark' });
    expect(written.lang).toBe('en');
  });
});
