// app:// serves only files under the renderer folder, each with the CSP; links open only on the allowlist.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppPath, serveAppRequest } from '../../../main/electron/app-protocol';
import { contentSecurityPolicy } from '../../../main/electron/csp';
import { isTrustedSender } from '../../../main/electron/ipc-router';
import { filesFromArgv } from '../../../main/electron/os-files';
import { externalHref, isAllowedExternal } from '../../../main/app-api/external-links';

let root: string;
beforeAll(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'wdt-proto-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets/app.js'), 'export {}');
  await writeFile(path.join(base, 'secret.txt'), 'outside');
});
afterAll(async () => rm(path.dirname(root), { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('serves index.html and assets with the CSP and nosniff', async () => {
    for (const url of ['app://wdt-bulk/', 'app://wdt-bulk/index.html', 'app://wdt-bulk/assets/app.js']) {
      const res = await serveAppRequest(root, new Request(url));
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await serveAppRequest(root, new Request('app://wdt-bulk/assets/app.js'))).headers.get('content-type')).toContain('javascript');
  });

  it.each([
    'app://wdt-bulk/../secret.txt',
    'app://wdt-bulk/%2e%2e/secret.txt',
    'app://wdt-bulk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://wdt-bulk/..%5csecret.txt',
    'app://wdt-bulk/index.html%00.js',
    'app://wdt-bulk/%E0%A4%A',
    'app://other-host/index.html',
    'app://wdt-bulk/assets',
    'app://wdt-bulk/missing.js',
  ])('refuses %s with 404 (and still sends the CSP)', async (url) => {
    const res = await serveAppRequest(root, new Request(url));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('never resolves outside the root, whatever the path', () => {
    const inside = (resolved: string | null) => resolved === null || resolved.startsWith(root + path.sep);
    expect(inside(resolveAppPath(root, 'app://wdt-bulk/%2e%2e/%2e%2e/etc/passwd'))).toBe(true);
    const segment = fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%2f', '%5c', 'a', '%00', '//', 'etc', 'passwd', '%252e');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.string(), (parts, tail) => {
        expect(inside(resolveAppPath(root, `app://wdt-bulk/${parts.join('/')}${encodeURIComponent(tail)}`))).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(resolveAppPath(root, 'app://wdt-bulk/assets/app.js')).toBe(path.join(root, 'assets/app.js'));
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serveAppRequest(root, new Request('app://wdt-bulk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('small rules', () => {
  it('trusts only the main frame showing app://wdt-bulk', () => {
    const frame = { url: 'app://wdt-bulk/index.html' };
    expect(isTrustedSender(frame, frame)).toBe(true);
    expect(isTrustedSender({ url: frame.url }, frame)).toBe(false); // a subframe with the same URL
    expect(isTrustedSender({ url: 'app://wdt-bulk.evil/x' }, null)).toBe(false);
    const spoof = { url: 'app://wdt-bulk.evil/index.html' };
    expect(isTrustedSender(spoof, spoof)).toBe(false);
  });

  it('opens only https links to the allowlist', () => {
    expect(isAllowedExternal('https://open.wangdian.cn/qjb/open/apidoc')).toBe(true);
    for (const url of ['http://open.wangdian.cn/', 'https://open.wangdian.cn.evil.com/', 'https://user@open.wangdian.cn/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://example.com/', 'not a url']) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });

  it('hands the OS the parsed href, never the text it was given', () => {
    // WHATWG reads the backslash as a path separator (host open.wangdian.cn); another parser may read evil.example.
    expect(externalHref('https://open.wangdian.cn\\@evil.example/')).toBe('https://open.wangdian.cn/@evil.example/');
    expect(externalHref('HTTPS://OPEN.wangdian.cn/a b')).toBe('https://open.wangdian.cn/a%20b');
    expect(externalHref('https://evil.example\\@open.wangdian.cn/')).toBeNull();
  });

  it('takes spreadsheet arguments from argv, resolved against the launch folder', () => {
    expect(filesFromArgv(['/opt/app/wdt', '--inspect', 'a.xlsx', 'b.CSV', 'notes.pdf', '--flag=x.xlsx'], '/home/c')).toEqual(['/home/c/a.xlsx', '/home/c/b.CSV']);
  });
});
