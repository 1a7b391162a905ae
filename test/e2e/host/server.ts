// The browser test host: the same AppApi as the Electron router, over HTTP and a WebSocket, serving the
// BUILT renderer on 127.0.0.1. Test/dev only, never shipped.
//
// Differences from the desktop app, on purpose and only here:
// - The CSP (header and the index.html meta tag, rewritten on the way out) additionally allows
//   connect-src to this host's own origin, so the page can reach /api and /events. The production
//   policy in main/electron/csp.ts and renderer/index.html is untouched (a static test checks it).
// - Requests need the random bearer token, an Origin and Host of this host (no DNS rebinding, no
//   cross-site calls), and there are no CORS headers. The token is never served: /bridge.js (dev mode
//   only) carries none and reads it from the URL fragment `npm start` printed (a fragment never goes
//   over HTTP), so a local process that fetches the page or the script learns nothing.
// - /test/* (dialog answers, files "from the OS", what was opened) exists only with testControl.
// - /api/import:drop takes only files inside this host's own upload folder (what /files stored): with
//   the token, it would otherwise read any path on the machine.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, mkdtemp, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { events, maxPayloadBytes, type EventSink } from '../../../shared/contract';
import { appError, err } from '../../../shared/result';
import { channelByWire, createAppApi, dispatch } from '../../../main/app-api';
import type { Services } from '../../../main/services';
import { resolveAppPath } from '../../../main/electron/app-protocol';
import { appOrigin, contentSecurityPolicy } from '../../../main/electron/csp';
import { bridgeScript } from './bridge-client';
import type { HostDesktop } from './host-desktop';

export interface HostOptions {
  /** The built renderer (out/renderer). */
  rendererRoot: string;
  services: Services;
  desktop: HostDesktop;
  port?: number;
  /** Serve /bridge.js and load it from index.html (npm start in a browser); tests inject the bridge instead. */
  devBridge?: boolean;
  /** Enable the /test/* control routes (e2e tests only: they answer dialogs and open any path). */
  testControl?: boolean;
}

export interface Host {
  url: string;
  token: string;
  close(): Promise<void>;
}

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
const maxUpload = 200 * 1024 * 1024;

/** The production CSP with connect-src widened to this host (test/dev only). */
export const hostCsp = (origin: string): string =>
  contentSecurityPolicy.replace("connect-src 'none'", `connect-src 'self' ${origin.replace(/^http/, 'ws')}`);

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startHost(options: HostOptions): Promise<Host> {
  const token = randomBytes(32).toString('base64url');
  const uploads = await realpath(await mkdtemp(path.join(os.tmpdir(), 'wdt-host-uploads-')));
  /** A dropped path is taken only when it really is (symlinks resolved) a file this host stored under uploads. */
  const isUpload = async (candidate: unknown): Promise<boolean> => {
    if (typeof candidate !== 'string' || !path.isAbsolute(candidate)) return false;
    const real = await realpath(candidate).catch(() => null);
    return real !== null && real.startsWith(uploads + path.sep);
  };
  const sockets = new Set<WebSocket>();
  const emit: EventSink = (name, payload) => {
    const message = JSON.stringify({ channel: events[name].channel, payload });
    for (const socket of sockets) socket.send(message);
  };
  const app = createAppApi(options.services, options.desktop, emit);
  const { logger } = options.services;
  const lang = () => options.services.settings.lang();
  let origin = '';

  const authorized = (req: http.IncomingMessage): boolean => {
    const given = Buffer.from(req.headers.authorization ?? '');
    const wanted = Buffer.from(`Bearer ${token}`);
    return given.length === wanted.length && timingSafeEqual(given, wanted) && req.headers.origin === origin;
  };
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  async function serveStatic(res: http.ServerResponse, pathname: string): Promise<void> {
    const file = resolveAppPath(options.rendererRoot, `${appOrigin}${pathname}`);
    const headers = { 'content-security-policy': hostCsp(origin), 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    if (!file || !(await stat(file).then((s) => s.isFile(), () => false))) {
      res.writeHead(404, headers).end();
      return;
    }
    let body: Buffer | string = await readFile(file);
    if (path.basename(file) === 'index.html') {
      let html = body.toString('utf8').replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/, `$1${hostCsp(origin)}"`);
      if (options.devBridge) html = html.replace('<script type="module"', '<script src="/bridge.js"></script>\n    <script type="module"');
      body = html;
    }
    res.writeHead(200, { ...headers, 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (req.headers.host !== new URL(origin).host) return void res.writeHead(421).end();
    if (req.method === 'GET' && url.pathname === '/bridge.js') {
      if (!options.devBridge) return void res.writeHead(404).end();
      // No token inside: the page reads it from its own URL fragment.
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(bridgeScript({ origin }));
      return;
    }
    if (req.method === 'GET') return serveStatic(res, url.pathname);
    if (req.method !== 'POST') return void res.writeHead(405).end();
    if (!authorized(req)) return json(res, 403, err(appError('IPC_FORBIDDEN', 'forbidden')));

    if (url.pathname.startsWith('/api/')) {
      const body = await readBody(req, maxPayloadBytes * 4);
      if (body === null) return json(res, 413, err(appError('INVALID_ARGUMENT', 'too large')));
      let payload: unknown;
      try {
        payload = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
      } catch {
        return json(res, 200, err(appError('INVALID_ARGUMENT', 'not JSON')));
      }
      const name = channelByWire.get(decodeURIComponent(url.pathname.slice('/api/'.length))) ?? url.pathname;
      if (name === 'importDroppedFile' && !(await isUpload((payload as { path?: unknown } | undefined)?.path))) {
        return json(res, 200, err(appError('IPC_FORBIDDEN', 'a dropped file is taken only from this host\'s upload folder: send the bytes to /files')));
      }
      return json(res, 200, await dispatch(app.api, name, payload, lang(), logger));
    }
    if (url.pathname === '/files') {
      const body = await readBody(req, maxUpload);
      if (body === null) return json(res, 413, err(appError('FILE_TOO_LARGE', 'too large')));
      const name = path.basename((url.searchParams.get('name') ?? 'upload').replace(/[\\/\0]/g, '_')) || 'upload';
      const folder = path.join(uploads, randomBytes(8).toString('hex'));
      await mkdir(folder);
      await writeFile(path.join(folder, name), body);
      return json(res, 200, await dispatch(app.api, 'importDroppedFile', { path: path.join(folder, name) }, lang(), logger));
    }
    // Test control: what the next main-process dialogs answer, and what was handed to the OS.
    if (url.pathname.startsWith('/test/') && !options.testControl) return void res.writeHead(404).end();
    if (url.pathname === '/test/dialogs') {
      const body = await readBody(req, 64 * 1024);
      options.desktop.queue(JSON.parse(body?.toString('utf8') || '{}'));
      return json(res, 200, { ok: true, value: null });
    }
    if (url.pathname === '/test/opened') return json(res, 200, { ok: true, value: options.desktop.opened });
    if (url.pathname === '/test/os-file') {
      const body = await readBody(req, 64 * 1024);
      return json(res, 200, await app.openFromOs(String(JSON.parse(body?.toString('utf8') || '{}').path ?? '')));
    }
    res.writeHead(404).end();
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('host request failed', { error: String(error) });
      if (!res.headersSent) json(res, 500, err(appError('INTERNAL', 'internal')));
      else res.end();
    });
  });
  const wss = new WebSocketServer({
    server,
    path: '/events',
    verifyClient: ({ origin: from, req }: { origin: string; req: http.IncomingMessage }) => from === origin && new URL(req.url ?? '', origin).searchParams.get('token') === token,
  });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('host did not bind');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    url: origin,
    token,
    async close() {
      app.dispose();
      for (const socket of sockets) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
