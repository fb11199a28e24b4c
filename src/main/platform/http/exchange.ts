// One request and its response, over a connection of its own (so its timings are its own): the route
// (direct, or through the proxy chosen for the address), the timed connector, undici's Client for the
// HTTP/1.1 exchange, and the body as a stream that releases the connection when it is done.
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { type BodyOwner, ResponseBody } from './body';
import type { Socket } from 'node:net';
import { type Route, lateTlsError, openConnection } from './connector';
import { defaultRedactor } from '../redact';
import { basicCredentials, endpointOf } from './endpoint';
import { type FailedAt, HttpError, exchangeError, timedOut, tooLarge } from './errors';
import { ResponseHeaders } from './headers';
import { Stopwatch } from './stopwatch';
import type { HttpTimings, ProxyResolver, TlsSettings } from './types';

// Loaded by the first request, not with the module: a command that never sends (`crosswalk mock` of a
// file) starts a quarter faster without it.
let undici: typeof import('undici') | undefined;

/** Given to a client whose one exchange ended cleanly, when nothing waits on it any more. */
const EXCHANGE_OVER = new Error('The exchange is over.');

/** What every exchange of one service shares. */
export interface ConnectionSettings {
  proxyFor: ProxyResolver;
  tls: TlsSettings;
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
}

export async function exchange(request: Exchange, settings: ConnectionSettings): Promise<ExchangeResponse> {
  const stopwatch = new Stopwatch();
  const { url } = request;
  const target = endpointOf(url);
  const chosen = chooseProxy(url, settings.proxyFor);
  // Most addresses have no proxy, known at once: no promise to wait for then.
  const proxy = chosen instanceof Promise ? await chosen : chosen;
  const route: Route = { target, proxy: proxy && { ...endpointOf(proxy), authorization: basicCredentials(proxy) } };
  return new OneExchange(request, route, settings.tls, stopwatch).run(proxy);
}

/**
 * The client of one exchange, its connection and its timers. A class rather than closures made per
 * request: each closure bound to a name costs a defineProperty under tsx (esbuild's keepNames), which
 * runs the CLI and the web host.
 */
class OneExchange implements BodyOwner {
  private readonly at: FailedAt;
  private readonly client: import('undici').Client;
  private connected: Socket | undefined;
  private headersTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly request: Exchange,
    private readonly route: Route,
    private readonly tls: TlsSettings,
    private readonly stopwatch: Stopwatch,
  ) {
    this.at = { host: route.target.authority, proxy: false, url: request.url };
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- undici calls connect on its own options
    const self = this;
    // The time-outs after connecting are kept here rather than by undici, whose timers are only accurate
    // to about a second: the client is destroyed with the time-out as the request's error (an abort
    // controller of its own would cost each request an abort signal and its listeners).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see `undici` above
    this.client = new (undici ??= require('undici') as typeof import('undici')).Client(request.url.origin, {
      connect(_, callback) {
        self.connect(callback);
      },
      headersTimeout: 0,
      bodyTimeout: 0,
    });
  }

  async run(proxy: URL | undefined): Promise<ExchangeResponse> {
    const { request, route } = this;
    const { url } = request;
    // Through a proxy, plain http goes to it as an absolute URL; https goes through a CONNECT tunnel.
    const forwarded = route.proxy !== undefined && !route.target.tls;
    let headers = request.headers;
    if (forwarded && route.proxy?.authorization) headers = { ...headers, 'proxy-authorization': route.proxy.authorization };
    let response: Dispatcher.ResponseData;
    try {
      response = await this.client.request({
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
    const declaredBytes = request.method === 'HEAD' ? undefined : Number(response.headers['content-length']) || undefined;
    return {
      status: response.statusCode,
      statusText: response.statusText ?? '',
      headers: new ResponseHeaders(response.headers),
      body: new ResponseBody(response.body, { maxBytes: request.maxBodyBytes, declaredBytes, idleMs: request.timeoutMs }, this),
      timings: this.stopwatch.timings,
      proxy: proxy && defaultRedactor.url(proxy),
    };
  }

  private connect(callback: import('undici').buildConnector.Callback): void {
    const { request } = this;
    const { timeoutMs } = request;
    openConnection({ route: this.route, tls: this.tls, timeoutMs, signal: request.signal, url: request.url, stopwatch: this.stopwatch }).then(
      (socket) => {
        this.connected = socket;
        if (Number.isFinite(timeoutMs) && timeoutMs > 0) this.headersTimer = setTimeout(() => this.release(timedOut('headers', this.at, timeoutMs)), timeoutMs);
        callback(null, socket);
      },
      (error: Error) => callback(error, null),
    );
  }

  release(error?: Error): void {
    // Done cleanly, the socket is ended here first: destroying the client with it still open would
    // destroy it with an error, whose stack trace (source-mapped in development) costs more than the
    // exchange. The client is then destroyed with one error made once, not closed: close() makes one more.
    if (!error) this.connected?.destroy();
    this.client.destroy(error ?? EXCHANGE_OVER).catch(() => undefined);
  }

  describe(error: unknown): HttpError {
    return exchangeError(lateTlsError(this.connected) ?? error, this.at, this.request.signal);
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
