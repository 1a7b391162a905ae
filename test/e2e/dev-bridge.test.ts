// `npm start` without Electron: the host loads /bridge.js itself, and the token reaches the page only
// through the URL fragment `npm start` printed. The page must work; a local process speaking plain HTTP
// must get no token, no API, no /test/* routes (they need --test-control) and no drop of an arbitrary path.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelRows, writeBook } from './files';
import { buildRenderer, openApp, startHostProcess, type RunningHost } from './support';

describe('browser mode with the dev bridge (as npm start runs it)', () => {
  let host: RunningHost;
  let app: Awaited<ReturnType<typeof openApp>>;
  let page: Page;
  let outside: string;
  const post = (pathname: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${host.url}${pathname}`, { method: 'POST', headers: { origin: host.url, authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    await buildRenderer();
    host = await startHostProcess(['--dev-bridge'], { testControl: false });
    outside = await mkdtemp(path.join(os.tmpdir(), 'wdt-e2e-outside-'));
    app = await openApp(host, { bridge: false });
    page = await app.context.newPage();
    await page.goto(host.open);
  });
  afterAll(async () => {
    await app?.close();
    await host?.stop();
    if (outside) await rm(outside, { recursive: true, force: true });
  });

  it('the page opened at the printed address works, and the token leaves the address bar', async () => {
    expect(host.open).toBe(`${host.url}/#token=${encodeURIComponent(host.token)}`);
    await expect.poll(() => page.getByTestId('env-banner').textContent(), { timeout: 20_000 }).toContain('提交目标：sandbox（默认配置）');
    expect(page.url()).not.toContain(host.token);
    expect(page.url()).not.toContain('#');
    // A reload in the same tab keeps working (the token is in this tab's sessionStorage, nowhere else).
    await page.reload();
    await expect.poll(() => page.getByTestId('env-banner').textContent(), { timeout: 20_000 }).toContain('提交目标：sandbox（默认配置）');
  });

  it('a plain HTTP client gets no token: not from /bridge.js (whatever Sec-Fetch-Site it claims), nor from the page', async () => {
    for (const headers of [{}, { 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' }]) {
      const script = await fetch(`${host.url}/bridge.js`, { headers: headers as Record<string, string> });
      expect(script.status).toBe(200);
      expect(await script.text()).not.toContain(host.token);
    }
    for (const pathname of ['/', '/index.html']) expect(await (await fetch(`${host.url}${pathname}`)).text()).not.toContain(host.token);
  });

  it('without the token the API refuses, from a plain client and from a page opened without the fragment', async () => {
    expect((await fetch(`${host.url}/api/app:info`, { method: 'POST', headers: { origin: host.url } })).status).toBe(403);
    expect((await post('/api/app:info', undefined, { origin: 'http://evil.example' })).status).toBe(403);
    expect(await (await post('/api/app:info', undefined)).json()).toMatchObject({ ok: true, value: { mode: 'browser' } });
    const bare = await openApp(host, { bridge: false });
    try {
      const other = await bare.context.newPage();
      await other.goto(host.url);
      const answer = await other.evaluate(() => (window as unknown as { wdt: { appInfo(): Promise<unknown> } }).wdt.appInfo());
      expect(answer).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    } finally {
      await bare.close();
    }
  });

  it('the /test/* routes do not exist without --test-control, even with the token', async () => {
    const file = await writeBook(path.join(outside, 'any.xlsx'), [{ name: 'Sheet1', rows: cancelRows() }]);
    for (const [pathname, body] of [['/test/dialogs', { open: [file] }], ['/test/os-file', { path: file }], ['/test/opened', {}]] as const) {
      expect((await post(pathname, body)).status, pathname).toBe(404);
    }
  });

  it('a drop is taken only from the host upload folder: an absolute path elsewhere is refused', async () => {
    const file = await writeBook(path.join(outside, 'returns.xlsx'), [{ name: 'Sheet1', rows: cancelRows() }]);
    for (const target of [file, '/etc/passwd', path.join(host.home, 'settings.json'), 'returns.xlsx', `${os.tmpdir()}/wdt-host-uploads-x/../${path.basename(outside)}/returns.xlsx`]) {
      expect(await (await post('/api/import:drop', { path: target })).json(), target).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    }
    // The bridge's way — the bytes uploaded to /files — still gives a ticket.
    const uploaded = await fetch(`${host.url}/files?name=returns.xlsx`, {
      method: 'POST',
      headers: { origin: host.url, authorization: `Bearer ${host.token}`, 'content-type': 'application/octet-stream' },
      body: await readFile(file),
    });
    expect(await uploaded.json()).toMatchObject({ ok: true, value: { name: 'returns.xlsx' } });
  });
});
