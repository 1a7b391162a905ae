import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../../main/effects';
import { checkCredentials, checkMethod, checkProfileCredentials, probeReturnNo, renderCheck } from '../../../main/profiles/check-credentials';
import { fixedSecret } from '../../../main/profiles/profile-store';
import { SessionSecretStore } from '../../../main/profiles/keychain';
import { confirmationText, needsConfirmation } from '../../../main/profiles/production-safety';
import { defaultLimits, type Profile } from '../../../main/profiles/types';
import { sandboxCredentials, startSandbox, type Sandbox } from '../../../main/sandbox';
import { HttpWdtClient } from '../../../main/wdt/client';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const profileAt = (baseUrl: string, over: Partial<Profile> = {}): Profile => ({
  name: 'p', environment: 'test', builtin: false, baseUrl, sid: sandboxCredentials.sid, appkey: sandboxCredentials.appkey,
  limits: { ...defaultLimits, timeoutSeconds: 5 }, ...over,
});

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('checkCredentials against the sandbox ERP', () => {
  it('says the sandbox credentials work', async () => {
    const before = sandbox.state.counters.requests;
    const checked = await checkProfileCredentials({ profile: profileAt(sandbox.url), secret: fixedSecret('sandbox', sandboxCredentials.appSecret) }, { clock: systemClock });
    expect(checked.ok && checked.value.outcome).toBe('works');
    expect(checked.ok && renderCheck('en', checked.value)).toMatch(/credentials work/);
    expect(sandbox.state.counters.requests).toBe(before + 1);
  });

  it('says credentials are refused for a wrong secret, and the message holds no secret', async () => {
    const wrong = 'wrong-secret-zq:wrong-salt-zq';
    const checked = await checkProfileCredentials({ profile: profileAt(sandbox.url), secret: fixedSecret('environment', wrong) }, { clock: systemClock });
    expect(checked.ok && checked.value.outcome).toBe('credentials-refused');
    const text = checked.ok ? JSON.stringify(checked.value) + renderCheck('en', checked.value) + renderCheck('zh-CN', checked.value) : '';
    expect(text).not.toMatch(/wrong-(secret|salt)-zq/);
  });

  it('says the credentials work but lost answers cannot be settled when the query is not granted (权限不足)', async () => {
    sandbox.setOptions({ deniedMethods: [checkMethod] });
    try {
      const checked = await checkProfileCredentials({ profile: profileAt(sandbox.url), secret: fixedSecret('sandbox', sandboxCredentials.appSecret) }, { clock: systemClock });
      expect(checked.ok && checked.value.outcome).toBe('works-no-query');
      const en = checked.ok ? renderCheck('en', checked.value) : '';
      expect(en).toMatch(/credentials work/);
      expect(en.toLowerCase()).toContain(`apply for permission for method ${checkMethod}`.toLowerCase());
    } finally {
      sandbox.setOptions({ deniedMethods: [] });
    }
  });

  it('probes with a return_no the query page allows (at most 20 characters)', () => {
    expect(probeReturnNo.length).toBeLessThanOrEqual(20);
  });

  it('says the address is wrong when the base URL answers 404, naming the URL tried', async () => {
    const checked = await checkProfileCredentials({ profile: profileAt(`${sandbox.url}/nothing-here`), secret: fixedSecret('sandbox', sandboxCredentials.appSecret) }, { clock: systemClock });
    expect(checked.ok && checked.value.outcome).toBe('wrong-address');
    expect(checked.ok && renderCheck('en', checked.value)).toContain(`${sandbox.url}/nothing-here/openapi`);
  });

  it('works with a base URL ending in /openapi, as the vendor prints it', async () => {
    const checked = await checkProfileCredentials({ profile: profileAt(`${sandbox.url}/openapi`), secret: fixedSecret('sandbox', sandboxCredentials.appSecret) }, { clock: systemClock });
    expect(checked.ok && checked.value.outcome).toBe('works');
  });

  it('says credentials are refused for a wrong seller account', async () => {
    const checked = await checkProfileCredentials(
      { profile: profileAt(sandbox.url, { sid: 'someone-else' }), secret: fixedSecret('environment', sandboxCredentials.appSecret) },
      { clock: systemClock },
    );
    expect(checked.ok && checked.value.outcome).toBe('credentials-refused');
  });

  it('says the ERP is unreachable on a closed port, in the reader\'s language', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const checked = await checkProfileCredentials({ profile: profileAt(url), secret: fixedSecret('environment', sandboxCredentials.appSecret) }, { clock: systemClock });
    expect(checked.ok && checked.value.outcome).toBe('unreachable');
    expect(checked.ok && renderCheck('en', checked.value)).toMatch(/^The connection test failed: Could not reach the ERP address/);
  });

  it('says unreachable when the answer is lost (the ERP dropped the connection)', async () => {
    sandbox.setOptions({ faults: [{ kind: 'reset-before-acting', count: 1 }] });
    const checked = await checkProfileCredentials({ profile: profileAt(sandbox.url), secret: fixedSecret('sandbox', sandboxCredentials.appSecret) }, { clock: systemClock });
    expect(checked.ok && checked.value.outcome).toBe('unreachable');
  });

  it('still works when the ERP clock is 10 minutes off (the client corrects from the Date header)', async () => {
    const skewed = await startSandbox({ clockSkewSeconds: 600 });
    try {
      const checked = await checkProfileCredentials({ profile: profileAt(skewed.url), secret: fixedSecret('sandbox', sandboxCredentials.appSecret) }, { clock: systemClock });
      expect(checked.ok && checked.value.outcome).toBe('works');
    } finally {
      await skewed.close();
    }
  });

  it('says clock-skew when the timestamp is refused even after correcting', async () => {
    // The sandbox's Date header always matches its own clock, so its skew is always correctable.
    // A local clock that jumps 10 minutes every time it is read is not: the correction learnt from
    // one answer is stale by the next signature.
    let reads = 0;
    const jumping: Clock = { now: () => Date.now() + (reads++) * 600_000 };
    const client = new HttpWdtClient({ baseUrl: sandbox.url, sid: sandboxCredentials.sid, appkey: sandboxCredentials.appkey, getSecret: async () => sandboxCredentials.appSecret, clock: jumping });
    try {
      const checked = await checkCredentials(client, 5000);
      expect(checked.outcome).toBe('clock-skew');
      expect(renderCheck('en', checked)).toMatch(/timestamp/);
    } finally {
      await client.close();
    }
  });

  it('calls the answer an ERP error when the ERP turns the check away for its rate limit', async () => {
    const limited = await startSandbox({ callsPerMinute: 1 });
    try {
      const resolved = { profile: profileAt(limited.url), secret: fixedSecret('sandbox', sandboxCredentials.appSecret) };
      expect((await checkProfileCredentials(resolved, { clock: systemClock })).ok).toBe(true);
      const second = await checkProfileCredentials(resolved, { clock: systemClock });
      expect(second.ok && second.value.outcome).toBe('erp-error');
      expect(second.ok && renderCheck('en', second.value)).toMatch(/rate limit/);
    } finally {
      await limited.close();
    }
  });

  it('reports a missing secret as SECRET_MISSING before sending anything', async () => {
    const before = sandbox.state.counters.requests;
    const secrets = new SessionSecretStore();
    const missing = {
      where: 'session' as const,
      read: async () => {
        const got = await secrets.get('p');
        return got.ok && got.value === null ? { ok: false as const, error: { code: 'SECRET_MISSING' as const, message: 'none' } } : { ok: true as const, value: 'x:y' };
      },
    };
    const checked = await checkProfileCredentials({ profile: profileAt(sandbox.url), secret: missing }, { clock: systemClock });
    expect(!checked.ok && checked.error.code).toBe('SECRET_MISSING');
    expect(sandbox.state.counters.requests).toBe(before);
  });
});

describe('production safety', () => {
  const production = profileAt('https://erp.example.com', { name: 'shop', environment: 'production', sid: 'seller-9' });

  it('asks for confirmation only on production profiles', () => {
    expect(needsConfirmation(production)).toBe(true);
    expect(needsConfirmation({ environment: 'test' })).toBe(false);
  });

  it('shows environment, seller account, operation and counts, in both languages', () => {
    const op = { method: 'purchase.PurchaseReturn.batchCancelOrder', label: 'return-cancel' };
    const en = confirmationText(production, op, { orders: 42, rows: 50, calls: 3 }, 'en');
    expect(en).toContain('PRODUCTION');
    expect(en).toContain('seller-9');
    expect(en).toContain('purchase.PurchaseReturn.batchCancelOrder');
    expect(en).toContain('42 documents from 50 rows, about 3 calls');
    expect(en).toMatch(/cannot be undone/);
    const zh = confirmationText(production, op, { orders: 42, rows: 50 }, 'zh-CN');
    expect(zh).toContain('正式');
    expect(zh).toContain('卖家账号：seller-9');
    expect(zh).toContain('单据 42 个，共 50 行');
    const test = confirmationText({ ...production, environment: 'test' }, op, { orders: 1, rows: 1 }, 'en');
    expect(test).toContain('TEST');
    expect(test).not.toMatch(/cannot be undone/);
  });
});
