import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathsIn } from '../../../main/paths';
import { SessionSecretStore } from '../../../main/profiles/keychain';
import { ProfileStore } from '../../../main/profiles/profile-store';
import { applyLimitOverrides, environmentProfileName, resolveProfile } from '../../../main/profiles/resolve-profile';
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
  const secrets = new SessionSecretStore();
  return new ProfileStore({ paths: pathsIn(await tempHome()), secrets, lang: 'en', sandbox: { url: async () => sandbox.url, credentials: sandboxCredentials } });
}

const adHoc = { WDT_BASE_URL: 'https://erp.example.com/', WDT_SID: 'envseller', WDT_APPKEY: 'envkey', WDT_APPSECRET: 'env-secret:env-salt' };

describe('resolveProfile (cli.md: --profile, else the environment, else the default)', () => {
  it('uses the built-in sandbox with nothing set, and its demo secret', async () => {
    const resolved = await resolveProfile(await makeStore(), undefined, {});
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.value.source).toBe('default');
    expect(resolved.value.profile).toMatchObject({ name: 'sandbox', builtin: true, baseUrl: sandbox.url });
    expect(resolved.value.secret.where).toBe('sandbox');
    expect(await resolved.value.secret.read()).toEqual({ ok: true, value: sandboxCredentials.appSecret });
  });

  it('uses the ad-hoc environment profile, its secret only in memory', async () => {
    const resolved = await resolveProfile(await makeStore(), undefined, { ...adHoc });
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.value.source).toBe('environment');
    expect(resolved.value.profile).toEqual({
      name: environmentProfileName, environment: 'test', builtin: false, baseUrl: 'https://erp.example.com', sid: 'envseller', appkey: 'envkey', limits: defaultLimits,
    });
    expect(resolved.value.secret.where).toBe('environment');
    expect(await resolved.value.secret.read()).toEqual({ ok: true, value: 'env-secret:env-salt' });
    expect(JSON.stringify(resolved.value)).not.toContain('env-secret');
  });

  it('makes the environment profile production only with WDT_ENV=production', async () => {
    const store = await makeStore();
    const production = await resolveProfile(store, undefined, { ...adHoc, WDT_ENV: 'production' });
    expect(production.ok && production.value.profile.environment).toBe('production');
    const wrong = await resolveProfile(store, undefined, { ...adHoc, WDT_ENV: 'prod' });
    expect(!wrong.ok && wrong.error.code).toBe('INVALID_ARGUMENT');
  });

  it('names the missing variables of an incomplete environment profile, and refuses a bad secret without echoing it', async () => {
    const store = await makeStore();
    const partial = await resolveProfile(store, undefined, { WDT_SID: 'x', WDT_APPSECRET: 'a:b' });
    expect(!partial.ok && partial.error.code).toBe('PROFILE_INVALID');
    expect(!partial.ok && partial.error.message).toContain('WDT_BASE_URL, WDT_APPKEY');
    const badSecret = await resolveProfile(store, undefined, { ...adHoc, WDT_APPSECRET: 'envsecretwithoutcolon' });
    expect(!badSecret.ok && badSecret.error.code).toBe('PROFILE_INVALID');
    expect(!badSecret.ok && badSecret.error.message).not.toContain('envsecretwithoutcolon');
  });

  it('prefers a named profile over the environment; the default profile otherwise', async () => {
    const store = await makeStore();
    await store.add({ name: 'shop', baseUrl: 'https://shop.example.com', sid: 's', appkey: 'k' }, 'shop-secret:shop-salt');
    const named = await resolveProfile(store, 'shop', { ...adHoc });
    expect(named.ok && [named.value.source, named.value.profile.name, named.value.secret.where]).toEqual(['named', 'shop', 'session']);
    expect(named.ok && (await named.value.secret.read())).toEqual({ ok: true, value: 'shop-secret:shop-salt' });
    await store.setDefault('shop');
    const byDefault = await resolveProfile(store, undefined, {});
    expect(byDefault.ok && [byDefault.value.source, byDefault.value.profile.name]).toEqual(['default', 'shop']);
    const missing = await resolveProfile(store, 'nope', {});
    expect(!missing.ok && missing.error.code).toBe('PROFILE_NOT_FOUND');
  });

  it('reports SECRET_MISSING at read time when a saved profile has no stored secret', async () => {
    const secrets = new SessionSecretStore();
    const store = new ProfileStore({ paths: pathsIn(await tempHome()), secrets, lang: 'en', sandbox: { url: async () => sandbox.url, credentials: sandboxCredentials } });
    await store.add({ name: 'shop', baseUrl: 'https://shop.example.com', sid: 's', appkey: 'k' }, 'a:b');
    await secrets.delete('shop');
    const resolved = await resolveProfile(store, 'shop', {});
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    const read = await resolved.value.secret.read();
    expect(!read.ok && read.error.code).toBe('SECRET_MISSING');
  });

  it('applies WDT_CONCURRENCY, WDT_CALLS_PER_MINUTE and WDT_TIMEOUT_SECONDS to any profile', async () => {
    const store = await makeStore();
    const env = { WDT_CONCURRENCY: '8', WDT_CALLS_PER_MINUTE: '0', WDT_TIMEOUT_SECONDS: '12' };
    const sandboxed = await resolveProfile(store, undefined, env);
    expect(sandboxed.ok && sandboxed.value.profile.limits).toEqual({ ...defaultLimits, concurrency: 8, callsPerMinute: 0, timeoutSeconds: 12 });
    const adhoc = await resolveProfile(store, undefined, { ...adHoc, WDT_CONCURRENCY: '2' });
    expect(adhoc.ok && adhoc.value.profile.limits.concurrency).toBe(2);
  });

  it.each([
    ['WDT_CONCURRENCY', '0'],
    ['WDT_CONCURRENCY', 'four'],
    ['WDT_CALLS_PER_MINUTE', '-1'],
    ['WDT_TIMEOUT_SECONDS', '1.5'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    const result = applyLimitOverrides(defaultLimits, { [variable]: value }, 'en');
    expect(!result.ok && result.error.code).toBe('INVALID_ARGUMENT');
    expect(!result.ok && result.error.message).toContain(variable);
  });
});
