// One request and its response, over a connection of its own (so its timings are its own): the route
// (direct, or through the proxy chosen for the address), the timed connector, undici's Client for the
// HTTP/1.1 exchange, and the body as a stream that releases the connection when it is done.
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { ResponseBody } from './body';
import type { Socket } from 'node:net';
import { type Route, lateTlsError, openConnection } from './connector';
import { defaultRedactor } from '../redact';
import { basicCredentials, endpointOf } from './endpoint';
import { HttpError, exchangeError, timedOut, tooLarge } from './errors';
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
  const { url, timeoutMs, signal } = request;
  const target = endpointOf(url);
  const proxy = await chooseProxy(url, settings.proxyFor);
  const route: Route = { target, proxy: proxy && { ...endpointOf(proxy), authorization: basicCredentials(proxy) } };
  const at = { host: target.authority, proxy: false, url };
  // Through a proxy, plain http goes to it as an absolute URL; https goes through a CONNECT tunnel.
  const forwarded = route.proxy !== undefined && !target.tls;
  const headers = { ...request.headers };
  if (forwarded && route.proxy?.authorization) headers['proxy-authorization'] = route.proxy.authorization;

  // The time-outs after connecting are kept here rather than by undici, whose timers are only accurate
  // to about a second: the client is destroyed with the time-out as the request's error (an abort
  // controller of its own would cost each request an abort signal and its listeners).
  const limited = Number.isFinite(timeoutMs) && timeoutMs > 0;
  let headersTimer: NodeJS.Timeout | undefined;
  let connected: Socket | undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see `undici` above
  const client = new (undici ??= require('undici') as typeof import('undici')).Client(url.origin, {
    connect: (_, callback) => {
      openConnection({ route, tls: settings.tls, timeoutMs, signal, url, stopwatch }).then(
        (socket) => {
          connected = socket;
          if (limited) headersTimer = setTimeout(() => client.destroy(timedOut('headers', at, timeoutMs)).catch(() => undefined), timeoutMs);
          callback(null, socket);
        },
        (error: Error) => callback(error, null),
      );
    },
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const release = (error?: Error) => {
    // Done cleanly, the socket is ended here first: destroying the client with it still open would
    // destroy it with an error, whose stack trace (source-mapped in development) costs more than the
    // exchange. The client is then destroyed with one error made once, not closed: close() makes one more.
    if (!error) connected?.destroy();
    client.destroy(error ?? EXCHANGE_OVER).catch(() => undefined);
  };
  const describe = (error: unknown) => exchangeError(lateTlsError(connected) ?? error, at, signal);

  let response: Dispatcher.ResponseData;
  try {
    response = await client.request({
      path: forwarded ? url.href.replace(/#.*$/, '') : `${url.pathname}${url.search}`,
      method: request.method,
      headers,
      body: request.body,
      signal,
    });
  } catch (error) {
    release(error as Error);
    throw describe(error);
  } finally {
    clearTimeout(headersTimer);
  }
  stopwatch.mark('firstByte');
  return {
    status: response.statusCode,
    statusText: response.statusText ?? '',
    headers: new ResponseHeaders(response.headers),
    body: new ResponseBody(response.body, {
      maxBytes: request.maxBodyBytes,
      declaredBytes: request.method === 'HEAD' ? undefined : Number(response.headers['content-length']) || undefined,
      idleMs: timeoutMs,
      tooLarge: () => tooLarge(at, request.maxBodyBytes),
      timedOut: () => timedOut('body', at, timeoutMs),
      describe,
      onEnd: () => stopwatch.mark('end'),
      release,
    }),
    timings: stopwatch.timings,
    proxy: proxy && defaultRedactor.url(proxy),
  };
}

async function chooseProxy(url: URL, proxyFor: ProxyResolver): Promise<URL | undefined> {
  let proxy: URL | undefined;
  try {
    proxy = await proxyFor(url);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    const reason = defaultRedactor.text(String((error as Error)?.message ?? error));
    throw new HttpError('PROXY', `Choosing the proxy for ${endpointOf(url).authority} failed (${reason}): check the proxy settings.`, { url: defaultRedactor.url(url), proxy: true, cause: error });
  }
  if (proxy && proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    throw new HttpError('PROXY', `The proxy ${defaultRedactor.url(proxy)} is not an http(s) proxy, the only kind Crosswalk can use: check the proxy settings.`, {
      host: proxy.host,
      proxy: true,
    });
  }
  return proxy;
}
