// The built-in sandbox ERP: a real node:http server on 127.0.0.1 that speaks the vendor's
// protocol (POST /openapi), enforces its limits, and can be steered to fail in every way the
// real ERP or the network can (docs/erp-client.md, "Sandbox").
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../effects';
import { systemClock } from '../effects';
import { checkRequest, type SandboxAccount } from './auth';
import { sandboxCredentials } from './credentials';
import type { HandlerContext, SandboxAnswer } from './handler-kit';
import { optionsPatchSchema, runtimeOptionsSchema, takeFault, type SandboxOptionsPatch, type SandboxRuntimeOptions } from './options';
import { methodHandler } from './registry';
import { SandboxState } from './state';

export const rateLimitMessage = '超过每分钟最大调用频率限制，请稍后重试';
export const concurrencyLimitMessage = '超过每分钟最大并发次数限制，请稍后重试';

export interface SandboxOptions extends SandboxOptionsPatch {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Keep the documents in this JSON file, so a standalone sandbox survives its own restart. */
  dataFile?: string;
  /** The host clock the sandbox's (possibly skewed) clock is derived from. */
  clock?: Clock;
  /** Another demo account (tests of refusals); default sandboxCredentials. */
  account?: SandboxAccount;
}

export interface Sandbox {
  /** Base URL; the API is POST {url}/openapi. */
  url: string;
  port: number;
  close(): Promise<void>;
  setOptions(patch: SandboxOptionsPatch): void;
  /** The current options (faults count down as they are injected). */
  readonly options: SandboxRuntimeOptions;
  /** Inspectable in-process: documents, create attempts, counters. */
  state: SandboxState;
}

const isLoopback = (address: string | undefined) =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/** What handle() decided to answer, delivered once the latency is over. */
type Reply = { kind: 'send'; status: number; body: string; type?: string } | { kind: 'reset' } | { kind: 'hang'; delayMs: number | undefined; body: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? systemClock;
  const account = options.account ?? sandboxCredentials;
  const runtime = runtimeOptionsSchema.parse({
    latencyMs: options.latencyMs,
    callsPerMinute: options.callsPerMinute,
    maxConcurrent: options.maxConcurrent,
    rateWindowMs: options.rateWindowMs,
    clockSkewSeconds: options.clockSkewSeconds,
    faults: options.faults,
    accountLock: options.accountLock,
    deniedMethods: options.deniedMethods,
    createMessage: options.createMessage,
  });
  const state = SandboxState.open(options.dataFile);
  const sockets = new Set<Socket>();
  const recentCalls: number[] = [];
  let inFlight = 0;
  let closing = false;

  const sandboxNow = () => clock.now() + runtime.clockSkewSeconds * 1000;

  function send(res: ServerResponse, httpStatus: number, body: string, type = 'application/json; charset=utf-8') {
    if (res.destroyed) return;
    res.writeHead(httpStatus, { 'content-type': type, date: new Date(sandboxNow()).toUTCString() });
    res.end(body);
  }
  const answer = (res: ServerResponse, a: SandboxAnswer) => send(res, 200, JSON.stringify(a));

  /** Vendor limits: a sliding one-minute window of accepted calls, and calls in flight. */
  function limited(): string | null {
    const now = clock.now();
    while (recentCalls.length > 0 && recentCalls[0]! <= now - runtime.rateWindowMs) recentCalls.shift();
    if (runtime.maxConcurrent > 0 && inFlight > runtime.maxConcurrent) {
      state.counters.concurrencyLimited += 1;
      return concurrencyLimitMessage;
    }
    if (runtime.callsPerMinute > 0 && recentCalls.length >= runtime.callsPerMinute) {
      state.counters.rateLimited += 1;
      return rateLimitMessage;
    }
    recentCalls.push(now);
    return null;
  }

  /**
   * POST /openapi. `latencyMs` counts from the request's arrival, as a server that answers in that time does: the
   * work is done first (signature, limits, the handler, faults), then what is left of the latency is waited out.
   * A refusal by the vendor's rate or concurrency limit is answered at once, as before.
   */
  async function openapi(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    const due = performance.now() + runtime.latencyMs;
    const body = await readBody(req);
    state.counters.requests += 1;
    inFlight += 1;
    try {
      const limit = limited();
      if (limit) return answer(res, { status: 100, message: limit });
      const reply = handle(query, body);
      const left = due - performance.now();
      if (left > 0) await sleep(left);
      await deliver(req, res, reply);
    } finally {
      inFlight -= 1;
    }
  }

  /** What the sandbox does with a call that passed its limits: every effect happens here, the answer is returned. */
  function handle(query: URLSearchParams, body: string): Reply {
    const json = (a: SandboxAnswer): Reply => ({ kind: 'send', status: 200, body: JSON.stringify(a) });
    const badGateway: Reply = { kind: 'send', status: 502, body: '<html><body>502 Bad Gateway</body></html>', type: 'text/html' };
    const refusal = checkRequest(query, body, account, sandboxNow(), runtime.accountLock);
    if (refusal) {
      if (refusal.reason === 'sign') state.counters.signRefused += 1;
      if (refusal.reason === 'account') state.counters.accountRefused += 1;
      if (refusal.reason === 'timestamp') state.counters.timestampRefused += 1;
      return json({ status: refusal.status, message: refusal.message });
    }
    const method = query.get('method') ?? '';
    const handler = methodHandler(method);
    if (!handler) return json({ status: 100, message: `接口[${method}]不存在` });
    if (runtime.deniedMethods.includes(method)) {
      state.counters.accountRefused += 1;
      return json({ status: 100, message: '权限不足' });
    }
    const fault = takeFault(runtime, method);
    if (fault) state.counters.faultsInjected += 1;
    if (fault?.kind === '502-before-acting') return badGateway;
    if (fault?.kind === 'reset-before-acting') return { kind: 'reset' };

    let args: unknown;
    try {
      args = JSON.parse(body);
    } catch {
      return json({ status: 1, message: '参数错误' });
    }
    if (!Array.isArray(args)) return json({ status: 1, message: 'invalid argument count' });
    const ctx: HandlerContext = {
      state,
      nowMs: sandboxNow(),
      paging: {
        pageSize: Number(query.get('page_size') ?? 40),
        pageNo: Number(query.get('page_no') ?? 0),
        calcTotal: query.get('calc_total') === '1',
      },
      options: runtime,
    };
    const result = handler(args, ctx);
    state.counters.handled += 1;
    state.counters.byMethod[method] = (state.counters.byMethod[method] ?? 0) + 1;
    // Saved even when the handler only counted an attempt: attempts are evidence too.
    state.save();

    switch (fault?.kind) {
      case '502-after-acting':
        return badGateway;
      case 'reset-after-acting':
        return { kind: 'reset' };
      case 'garbage-body':
        // JSON cut short: the answer is lost, but it is plainly the API answering (not an HTML page).
        return { kind: 'send', status: 200, body: JSON.stringify(result.answer).slice(0, 9) };
      case 'db-error-after-acting':
        return json({ status: 4, message: '数据库错误' });
      case 'hang':
        // Never answered when delayMs is absent: close() or the client ends it.
        return { kind: 'hang', delayMs: fault.delayMs, body: JSON.stringify(result.answer) };
      default:
        return json(result.answer);
    }
  }

  async function deliver(req: IncomingMessage, res: ServerResponse, reply: Reply): Promise<void> {
    switch (reply.kind) {
      case 'send':
        return send(res, reply.status, reply.body, reply.type);
      case 'reset':
        return void req.socket.destroy();
      case 'hang':
        if (reply.delayMs === undefined) return;
        await sleep(reply.delayMs);
        return send(res, 200, reply.body);
    }
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress)) return send(res, 403, '{"error":"loopback only"}');
    if (req.method === 'GET' && path === '/__sandbox/state') {
      return send(res, 200, JSON.stringify({ data: state.snapshot(), counters: state.counters, options: runtime }));
    }
    if (req.method === 'POST' && path === '/__sandbox/options') {
      let patch: unknown;
      try {
        patch = JSON.parse(await readBody(req));
      } catch {
        return send(res, 400, '{"error":"not JSON"}');
      }
      const parsed = optionsPatchSchema.safeParse(patch);
      if (!parsed.success) return send(res, 400, JSON.stringify({ error: parsed.error.message }));
      setOptions(parsed.data);
      return send(res, 200, JSON.stringify({ options: runtime }));
    }
    return send(res, 404, '{"error":"not found"}');
  }

  function setOptions(patch: SandboxOptionsPatch): void {
    const p = optionsPatchSchema.parse(patch);
    if (p.latencyMs !== undefined) runtime.latencyMs = p.latencyMs;
    if (p.callsPerMinute !== undefined) {
      // A new limit starts a new minute, so a test or demo sees the limit it just set.
      runtime.callsPerMinute = p.callsPerMinute;
      recentCalls.length = 0;
    }
    if (p.maxConcurrent !== undefined) runtime.maxConcurrent = p.maxConcurrent;
    if (p.rateWindowMs !== undefined) runtime.rateWindowMs = p.rateWindowMs;
    if (p.clockSkewSeconds !== undefined) runtime.clockSkewSeconds = p.clockSkewSeconds;
    if (p.faults !== undefined) runtime.faults = p.faults;
    if (p.accountLock !== undefined) runtime.accountLock = p.accountLock;
    if (p.deniedMethods !== undefined) runtime.deniedMethods = p.deniedMethods;
    if (p.createMessage !== undefined) runtime.createMessage = p.createMessage;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const work =
      url.pathname === '/openapi' && req.method === 'POST'
        ? openapi(req, res, url.searchParams)
        : url.pathname.startsWith('/__sandbox/')
          ? control(req, res, url.pathname)
          : Promise.resolve(send(res, 404, '{"error":"not found"}'));
    work.catch(() => {
      // A sandbox bug must not leave the client hanging: answer 500 (the client counts it unknown).
      if (!res.headersSent) send(res, 500, '{"error":"sandbox internal error"}');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    options: runtime,
    setOptions,
    close: () => {
      if (closing) return Promise.resolve();
      closing = true;
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
