// `npm start` without Electron: the host loads /bridge.js itself. It must work for the host's own page
// and give nothing to anyone else (no token for other origins, no API without the token).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer, openApp, startHostProcess, type RunningHost } from './support';

describe('browser mode with the dev bridge', () => {
  let host: RunningHost;
  let app: Awaited<ReturnType<typeof openApp>>;
  let page: Page;

  beforeAll(async () => {
    await buildRenderer();
    host = await startHostProcess(['--dev-bridge']);
    app = await openApp(host, { bridge: false });
    page = await app.context.newPage();
    await page.goto(host.url);
  });
  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('shows the sandbox profile through /bridge.js', async () => {
    await expect.poll(() => page.getByTestId('env-banner').textContent(), { timeout: 20_000 }).toContain('提交目标：sandbox（默认配置）');
  });

  it('refuses the bridge script to cross-site requests and the API without the token', async () => {
    const script = await fetch(`${host.url}/bridge.js`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(script.status).toBe(404);
    const noToken = await fetch(`${host.url}/api/app:info`, { method: 'POST', headers: { origin: host.url } });
    expect(noToken.status).toBe(403);
    const wrongOrigin = await fetch(`${host.url}/api/app:info`, { method: 'POST', headers: { origin: 'http://evil.example', authorization: `Bearer ${host.token}` } });
    expect(wrongOrigin.status).toBe(403);
    const ok = await fetch(`${host.url}/api/app:info`, { method: 'POST', headers: { origin: host.url, authorization: `Bearer ${host.token}` } });
    expect(await ok.json()).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });
});
