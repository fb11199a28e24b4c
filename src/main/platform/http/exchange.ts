// One request and its response: the route (direct, or through the proxy chosen for the address), a
// connection kept alive for that route or a new one opened by the timed connector (whose phases are then
// this exchange's timings), undici's Client for the HTTP/1.1 exchange, and the body as a stream that gives
// the connection back when it was read to the end (any other end destroys it).
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { type BodyOwner, ResponseBody } from './body';
import { type Route, lateTlsError, openConnection } from './connector';
import { type Connection, type ConnectionPool, type ConnectionUser, EXCHANGE_OVER, routeKey } from './connections';
import { defaultRedactor } from '../redact';
import { basicCredentials, endpointOf } from './endpoint';
import { type FailedAt, HttpError, exchangeError, timedOut, tooLarge } from './errors';
import { ResponseHeaders } from './headers';
import { Stopwatch } from './stopwatch';
import type { HttpTimings, ProxyResolver, TlsSettings } from './types';

/** What every exchange of one service shares. */
export interface ConnectionSettings {
  proxyFor: ProxyResolver;
  tls: TlsSettings;
  pool: ConnectionPool;
}

export interface Exchange {
  /** Without credentials; its fragment is not sent. */
  url: URL;
  method: string;
  /** Lower-case names. */
  headers: Record<string, string | string[]>;
  body?: string | Buffer | Uint8Array;
  timeoutMs: number;
  maxBodyBytes: number;
  signal?: AbortSignal;
}

export interface ExchangeResponse {
  status: number;
  statusText: string;
  headers: ResponseHeaders;
  body: Readable;
  timings: HttpTimings;
  proxy?: string;
  /** Sent over a connection kept from an earlier exchange (no dns, connect or tls timings then). */
  reused: boolean;
}

/**
 * Methods a client may send again when the connection failed before any answer (RFC 9110 §9.2.2): a
 * kept connection the server closed just as the request went out is retried once on a new one. Others
 * (POST, PATCH) fail rather than risk being done twice.
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

export async function exchange(request: Exchange, settings: ConnectionSettings): Promise<ExchangeResponse> {
  const stopwatch = new Stopwatch();
  const { url } = request;
  const target = endpointOf(url);
  const chosen = chooseProxy(url, settings.proxyFor);
  // Most addresses have no proxy, known at once: no promise to wait for then.
  const proxy = chosen instanceof Promise ? await chosen : chosen;
  const route: Route = { target, proxy: proxy && { ...endpointOf(proxy), authorization: basicCredentials(proxy) } };
  const key = routeKey(url.origin, route, proxy, settings.tls);
  const first = new OneExchange(request, route, settings, key, stopwatch);
  try {
    return await first.run(proxy);
  } catch (error) {
    if (!first.mayRetry(error)) throw error;
    return new OneExchange(request, route, settings, key, new Stopwatch(), true).run(proxy);
  }
}

/**
 * One exchange and the connection it holds. A class rather than closures made per request: each closure
 * bound to a name costs a defineProperty under tsx (esbuild's keepNames), which runs the CLI and the web host.
 */
class OneExchange implements BodyOwner, ConnectionUser {
  private readonly at: FailedAt;
  private readonly connection: Connection;
  /** The connection served an earlier exchange and was not reopened for this one. */
  private reusing: boolean;
  private headersTimer: NodeJS.Timeout | undefined;
  private responseHeaders: ResponseHeaders | undefined;

  constructor(
    private readonly request: Exchange,
    private readonly route: Route,
    private readonly settings: ConnectionSettings,
    private readonly key: string,
    private readonly stopwatch: Stopwatch,
    fresh = false,
  ) {
    this.at = { host: route.target.authority, proxy: false, url: request.url };
    this.connection = fresh ? settings.pool.fresh(request.url.origin, this) : settings.pool.checkOut(key, request.url.origin, this);
    this.reusing = this.connection.served > 0;
  }

  async run(proxy: URL | undefined): Promise<ExchangeResponse> {
    const { request, route } = this;
    const { url, timeoutMs } = request;
    // Through a proxy, plain http goes to it as an absolute URL; https goes through a CONNECT tunnel.
    const forwarded = route.proxy !== undefined && !route.target.tls;
    let headers = request.headers;
    if (forwarded && route.proxy?.authorization) headers = { ...headers, 'proxy-authorization': route.proxy.authorization };
    // A kept connection waits for the headers from now; a new one from when it is open (see connect).
    if (this.reusing) this.waitForHeaders(timeoutMs);
    let response: Dispatcher.ResponseData;
    try {
      response = await this.connection.client.request({
        path: forwarded ? url.href.replace(/#.*$/, '') : `${url.pathname}${url.search}`,
        method: request.method,
        headers,
        body: request.body,
        signal: request.signal,
      });
    } catch (error) {
      this.release(error as Error);
      throw this.describe(error);
    } finally {
      clearTimeout(this.headersTimer);
    }
    this.stopwatch.mark('firstByte');
    this.responseHeaders = new ResponseHeaders(response.headers);
    const declaredBytes = request.method === 'HEAD' ? undefined : Number(response.headers['content-length']) || undefined;
    return {
      status: response.statusCode,
      statusText: response.statusText ?? '',
      headers: this.responseHeaders,
      body: new ResponseBody(response.body, { maxBytes: request.maxBodyBytes, declaredBytes, idleMs: timeoutMs }, this),
      timings: this.stopwatch.timings,
      proxy: proxy && defaultRedactor.url(proxy),
      reused: this.reusing,
    };
  }

  /** The request failed on a kept connection before any answer, and may be sent again on a new one. */
  mayRetry(error: unknown): boolean {
    // A time-out (TIMEOUT) or a cancel (ABORTED) is never a RESET: neither is sent again.
    return this.reusing && IDEMPOTENT.has(this.request.method) && error instanceof HttpError && error.code === 'RESET';
  }

  connect(callback: import('undici').buildConnector.Callback): void {
    const { request } = this;
    const { timeoutMs } = request;
    // undici reopens a kept connection the server closed meanwhile: this exchange's phases then.
    this.reusing = false;
    openConnection({ route: this.route, tls: this.settings.tls, timeoutMs, signal: request.signal, url: request.url, stopwatch: this.stopwatch }).then(
      (socket) => {
        this.connection.socket = socket;
        this.waitForHeaders(timeoutMs);
        callback(null, socket);
      },
      (error: Error) => callback(error, null),
    );
  }

  private waitForHeaders(timeoutMs: number): void {
    // Restarted when undici reopens a kept connection for this exchange.
    clearTimeout(this.headersTimer);
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return;
    this.headersTimer = setTimeout(() => this.release(timedOut('headers', this.at, timeoutMs)), timeoutMs);
  }

  release(error?: Error): void {
    if (!error && this.responseHeaders) this.settings.pool.checkIn(this.key, this.connection, this.responseHeaders);
    else this.connection.destroy(error ?? EXCHANGE_OVER);
  }

  describe(error: unknown): HttpError {
    return exchangeError(lateTlsError(this.connection.socket) ?? error, this.at, this.request.signal);
  }

  tooLarge(): HttpError {
    return tooLarge(this.at, this.request.maxBodyBytes);
  }

  timedOut(): HttpError {
    return timedOut('body', this.at, this.request.timeoutMs);
  }

  onEnd(): void {
    this.stopwatch.mark('end');
  }
}

/** The proxy for `url`, checked; a promise only when the resolver gave one (a PAC file, the system's). */
function chooseProxy(url: URL, proxyFor: ProxyResolver): URL | undefined | Promise<URL | undefined> {
  let chosen: ReturnType<ProxyResolver>;
  try {
    chosen = proxyFor(url);
  } catch (error) {
    throw proxyFailure(url, error);
  }
  if (chosen === undefined || chosen instanceof URL) return checkedProxy(chosen);
  return Promise.resolve(chosen).then(checkedProxy, (error: unknown) => {
    throw proxyFailure(url, error);
  });
}

function proxyFailure(url: URL, error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const reason = defaultRedactor.text(String((error as Error)?.message ?? error));
  return new HttpError('PROXY', `Choosing the proxy for ${endpointOf(url).authority} failed (${reason}): check the proxy settings.`, { url: defaultRedactor.url(url), proxy: true, cause: error });
}

function checkedProxy(proxy: URL | undefined): URL | undefined {
  if (proxy && proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    throw new HttpError('PROXY', `The proxy ${defaultRedactor.url(proxy)} is not an http(s) proxy, the only kind Crosswalk can use: check the proxy settings.`, {
      host: proxy.host,
      proxy: true,
    });
  }
  return proxy;
}
