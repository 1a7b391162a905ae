// app://wdt-bulk/… serves the built renderer folder (out/renderer), never a file URL: the page gets a real
// origin for the CSP and the sender check, and only files under the renderer folder can be reached.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { appHost, appScheme, contentSecurityPolicy } from './csp';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

/** Must run before app 'ready': app:// is a standard, secure scheme (origin, relative URLs, fetch). */
export const privilegedScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const securityHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
});

const refuse = (status: number): Response => new Response(null, { status, headers: securityHeaders() });

/**
 * The file under `root` a request names, or null. Decoding happens once, then the path is resolved and
 * must stay inside root: `..`, encoded `%2e%2e`, `%2f`, backslashes and NUL all end outside or are refused.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = path.resolve(root);
  const target = path.resolve(base, relative);
  return target.startsWith(base + path.sep) ? target : null;
}

/** Answers one app:// request: the file with the CSP and security headers, or 404 with the same headers. */
export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  const file = resolveAppPath(root, request.url);
  if (!file) return refuse(404);
  try {
    if (!(await stat(file)).isFile()) return refuse(404);
    const body = await readFile(file);
    const type = types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...securityHeaders(), 'Content-Type': type } });
  } catch {
    return refuse(404);
  }
}

/** Registers the handler (after 'ready'). */
export function registerAppProtocol(protocol: Protocol, root: string): void {
  protocol.handle(appScheme, (request) => serveAppRequest(root, request));
}
