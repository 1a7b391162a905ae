// Test wiring: a real client against a real loopback server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../../../main/effects';
import { HttpWdtClient, type HttpWdtClientOptions } from '../../../main/wdt/client';
import { sandboxCredentials, type Sandbox } from '../../../main/sandbox';

export function clientFor(sandbox: { url: string }, overrides: Partial<HttpWdtClientOptions> = {}): HttpWdtClient {
  return new HttpWdtClient({
    baseUrl: sandbox.url,
    sid: sandboxCredentials.sid,
    appkey: sandboxCredentials.appkey,
    getSecret: async () => sandboxCredentials.appSecret,
    clock: systemClock,
    timeoutMs: 5_000,
    connectTimeoutMs: 2_000,
    ...overrides,
  });
}

/** A clock that runs `offsetMs` away from the host's, like a badly set desktop. */
export const offsetClock = (offsetMs: number): Clock => ({ now: () => Date.now() + offsetMs });

/** A plain HTTP server whose every answer the test decides. */
export async function rawServer(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<{ url: string; close(): Promise<void>; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      requests.push(req.url ?? '');
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export const body = (...args: unknown[]) => JSON.stringify(args);
export type { Sandbox };
