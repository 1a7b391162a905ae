// The ERP client: signs every attempt at send time, corrects for a skewed local clock from the
// server's Date header, and turns every way a call can end into a CallResult. Never throws for
// network or ERP failures (bugs still throw).
import { Agent, request, type Dispatcher } from 'undici';
import type { Clock, Logger } from '../effects';
import { silentLogger } from '../effects';
import { t, type LocalizedText, type MessageKey, type MessageParams } from '../../shared/i18n';
import type { CallResult, CallSpec, WdtClient } from './types';
import { classifyAnswer, classifyTransportError, isWrongAddress, parseAnswer } from './classify';
import { parseAppSecret, signParams, wdtTimestamp } from './sign';

export interface HttpWdtClientOptions {
  /** e.g. `http://wdt.wangdian.cn` (a trailing `/openapi` or `/` is accepted); the client POSTs to `{base}/openapi`. */
  baseUrl: string;
  sid: string;
  appkey: string;
  /** The app secret `secret:salt`, read at send time (from the keychain) and never kept. */
  getSecret: () => Promise<string>;
  clock: Clock;
  logger?: Logger;
  /** Milliseconds without an answer before the outcome counts as unknown (default 30 s). */
  timeoutMs?: number;
  /** Milliseconds to establish a connection; past it nothing was sent (default 10 s). */
  connectTimeoutMs?: number;
  /** A dispatcher of the caller's (tests, proxies); by default the client owns a keep-alive Agent. */
  dispatcher?: Dispatcher;
}

/** One HTTP exchange, before classification. */
type Exchange =
  | { kind: 'response'; httpStatus: number; contentType: string; text: string; serverDateMs: number | null }
  | { kind: 'failed'; error: unknown };

const defaultTimeoutMs = 30_000;

/**
 * The API endpoint of a base URL as a clerk pastes it: with or without a trailing `/openapi` (the
 * vendor's pages print the full endpoint) or `/`, never `/openapi/openapi`.
 */
export function endpointOf(baseUrl: string): string {
  const base = baseUrl.trim().replace(/\/+$/, '').replace(/\/openapi$/i, '').replace(/\/+$/, '');
  return `${base}/openapi`;
}
const defaultConnectTimeoutMs = 10_000;

export class HttpWdtClient implements WdtClient {
  private readonly endpoint: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly logger: Logger;
  private readonly timeoutMs: number;
  /** Server clock − local clock, learned from every response's Date header. */
  private offsetMs = 0;

  constructor(private readonly options: HttpWdtClientOptions) {
    this.endpoint = endpointOf(options.baseUrl);
    this.logger = options.logger ?? silentLogger;
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        keepAliveTimeout: 10_000,
        keepAliveMaxTimeout: 60_000,
        connect: { timeout: options.connectTimeoutMs ?? defaultConnectTimeoutMs },
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
  }

  /** The correction currently applied to the local clock (ms), for diagnostics and tests. */
  get clockOffsetMs(): number {
    return this.offsetMs;
  }

  /** Closes the client's own connection pool (not a dispatcher passed in). */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  async call(spec: CallSpec): Promise<CallResult> {
    const started = this.options.clock.now();
    const elapsed = () => Math.max(0, this.options.clock.now() - started);

    let appSecret: string;
    try {
      appSecret = await this.options.getSecret();
    } catch {
      return this.finish(spec, { kind: 'credentials-refused', refusal: 'unreadable-secret', method: spec.method, durationMs: elapsed(), ...this.text('wdt.secret.unavailable') });
    }
    const parts = parseAppSecret(appSecret);
    if (!parts.ok) {
      return this.finish(spec, { kind: 'credentials-refused', refusal: 'secret', method: spec.method, durationMs: elapsed(), message: parts.error.message });
    }

    let attempts = 0;
    let timestampRefusal: string | null = null;
    // One attempt, and one more only when the timestamp was refused and the offset was corrected.
    while (attempts < 2) {
      attempts += 1;
      const exchange = await this.send(spec, parts.value.secret, parts.value.salt);
      if (exchange.kind === 'failed') {
        return this.finish(spec, { ...this.transportFailure(exchange.error, spec), durationMs: elapsed(), attempts });
      }
      const { httpStatus, text } = exchange;
      if (isWrongAddress(httpStatus, exchange.contentType, text)) {
        const url = this.endpoint;
        return this.finish(spec, { kind: 'wrong-address', url, httpStatus, durationMs: elapsed(), attempts, ...this.text('wdt.address.wrong', { url, status: httpStatus }) });
      }
      if (httpStatus >= 500) {
        return this.finish(spec, { kind: 'unknown', httpStatus, durationMs: elapsed(), attempts, ...this.text('wdt.http.status', { status: httpStatus }) });
      }
      const answer = parseAnswer(text);
      if (!answer) {
        return this.finish(spec, { kind: 'unknown', httpStatus, durationMs: elapsed(), attempts, ...this.text('wdt.answer.unparsable', { status: httpStatus }) });
      }
      const verdict = classifyAnswer(answer);
      const message = answer.message ?? '';
      const base = { httpStatus, durationMs: elapsed(), attempts, erpStatus: answer.status, message };
      switch (verdict.kind) {
        case 'timestamp-refused':
          timestampRefusal = message;
          continue;
        case 'answered':
          return this.finish(spec, { ...base, kind: 'answered', erp: answer });
        case 'credentials-refused':
          return this.finish(spec, { ...base, kind: 'credentials-refused', refusal: verdict.refusal, method: spec.method });
        case 'request-refused':
          return this.finish(spec, { ...base, kind: 'request-refused', method: spec.method });
        case 'unknown':
          return this.finish(spec, { ...base, kind: 'unknown', ...this.text('wdt.erp.failed', { status: answer.status, message }) });
        case 'rate-limited':
          return this.finish(spec, { ...base, kind: 'rate-limited' });
      }
    }
    return this.finish(spec, {
      kind: 'clock-skew',
      durationMs: elapsed(),
      attempts,
      ...this.text('wdt.clockSkew', { message: timestampRefusal ?? '' }),
    });
  }

  /** Signs with the corrected clock and sends; learns the clock offset from the response. */
  private async send(spec: CallSpec, secret: string, salt: string): Promise<Exchange> {
    const params: Record<string, string> = {
      sid: this.options.sid,
      key: this.options.appkey,
      salt,
      method: spec.method,
      v: '1.0',
      timestamp: String(wdtTimestamp(this.options.clock.now() + this.offsetMs)),
    };
    if (spec.paging) {
      params.page_size = String(spec.paging.pageSize);
      params.page_no = String(spec.paging.pageNo);
      params.calc_total = spec.paging.calcTotal ? '1' : '0';
    }
    params.sign = signParams(params, spec.body, secret);
    const url = `${this.endpoint}?${new URLSearchParams(params).toString()}`;
    const timeoutMs = spec.timeoutMs ?? this.timeoutMs;
    const sentAt = this.options.clock.now();
    try {
      const response = await request(url, {
        method: 'POST',
        dispatcher: this.dispatcher,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: spec.body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const receivedAt = this.options.clock.now();
      const serverDateMs = this.learnOffset(response.headers.date, sentAt, receivedAt);
      const text = await response.body.text();
      const type = response.headers['content-type'];
      const contentType = (Array.isArray(type) ? type[0] : type) ?? '';
      return { kind: 'response', httpStatus: response.statusCode, contentType, text, serverDateMs };
    } catch (error) {
      return { kind: 'failed', error };
    }
  }

  /**
   * The Date header has one-second resolution and is stamped somewhere between send and receive:
   * take its middle second against the middle of the exchange.
   */
  private learnOffset(header: string | string[] | undefined, sentAt: number, receivedAt: number): number | null {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return null;
    const serverMs = Date.parse(value);
    if (Number.isNaN(serverMs)) return null;
    this.offsetMs = serverMs + 500 - (sentAt + receivedAt) / 2;
    return serverMs;
  }

  private transportFailure(error: unknown, spec: CallSpec): { kind: 'not-sent' | 'unknown'; message: string; text: LocalizedText } {
    const { kind, code } = classifyTransportError(error);
    if (kind === 'unknown' && /TIMEOUT|TimeoutError|AbortError/i.test(code) && code !== 'UND_ERR_CONNECT_TIMEOUT') {
      const seconds = Math.round((spec.timeoutMs ?? this.timeoutMs) / 100) / 10;
      return { kind, ...this.text('wdt.transport.timeout', { seconds }) };
    }
    return { kind, ...this.text(kind === 'not-sent' ? 'wdt.transport.notSent' : 'wdt.transport.unknown', { code }) };
  }

  private text(key: MessageKey, params?: MessageParams): { message: string; text: LocalizedText } {
    return { message: t('zh-CN', key, params), text: params ? { key, params } : { key } };
  }

  private finish(spec: CallSpec, result: CallResult): CallResult {
    const fields = { method: spec.method, kind: result.kind, httpStatus: result.httpStatus, durationMs: result.durationMs, attempts: result.attempts };
    if (result.kind === 'answered' || result.kind === 'rate-limited') this.logger.info('wdt call', fields);
    else this.logger.warn('wdt call', { ...fields, message: result.message });
    return result;
  }
}
