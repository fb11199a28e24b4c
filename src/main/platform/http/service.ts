// The http service: one request, the redirects it is sent along, and its response.
import type { Readable } from 'node:stream';
import { readBody } from './body';
import { defaultRedactor } from '../redact';
import { basicCredentials } from './endpoint';
import { HttpError } from './errors';
import { ConnectionPool } from './connections';
import { type ConnectionSettings, type Exchange, type ExchangeResponse, exchange } from './exchange';
import { proxyFromEnv } from './proxy-env';
import { type Outgoing, redirectTarget, redirected } from './redirects';
import type { HttpRedirect, HttpRequest, HttpResponse, HttpService, HttpServiceOptions } from './types';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_REDIRECTS = 10;

/**
 * An HttpService. Proxies come from the environment unless `options.proxy` chooses them; `options.tls`
 * says which certificates to trust. Connections are kept alive per route for the next request (see
 * connections.ts); close() closes the idle ones.
 */
export function createHttpService(options: HttpServiceOptions = {}): HttpService {
  const pool = new ConnectionPool();
  const settings: ConnectionSettings = { proxyFor: options.proxy ?? proxyFromEnv(options.env ?? process.env), tls: options.tls ?? {}, pool };
  const userAgent = options.userAgent ?? 'Crosswalk';

  function request(request: HttpRequest & { responseBody: 'stream' }): Promise<HttpResponse<Readable>>;
  function request(request: HttpRequest): Promise<HttpResponse<Buffer>>;
  async function request(request: HttpRequest): Promise<HttpResponse<Buffer> | HttpResponse<Readable>> {
    const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxRedirects = request.maxRedirects ?? options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    const first = httpUrl(request.url);
    let outgoing: Outgoing = { url: first, method: (request.method ?? 'GET').toUpperCase(), headers: lowerCaseNames(request.headers, userAgent), body: request.body };
    const redirects: HttpRedirect[] = [];
    for (;;) {
      const response = await exchange(toExchange(outgoing, request, timeoutMs), { proxyFor: request.proxy ?? settings.proxyFor, tls: request.tls ?? settings.tls, pool });
      let next: URL | undefined;
      try {
        next = request.redirect === 'manual' ? undefined : redirectTarget(response.status, response.headers.getAll('location')[0], outgoing.url);
        if (next && redirects.length + 1 > maxRedirects) {
          throw new HttpError('TOO_MANY_REDIRECTS', `${defaultRedactor.url(first)} redirected more than ${maxRedirects} times.`, { url: defaultRedactor.url(first) });
        }
        if (next && request.mayFollow && !request.mayFollow(next.href)) next = undefined;
      } catch (error) {
        response.body.destroy();
        throw error;
      }
      if (!next) return respond(response, outgoing.url, redirects, request.responseBody);
      response.body.destroy();
      redirects.push({ url: outgoing.url.href, status: response.status });
      outgoing = redirected(outgoing, response.status, next);
    }
  }

  return { request, close: () => pool.close() };
}

async function respond(
  response: ExchangeResponse,
  url: URL,
  redirects: HttpRedirect[],
  responseBody: HttpRequest['responseBody'],
): Promise<HttpResponse<Buffer> | HttpResponse<Readable>> {
  const { status, statusText, headers, timings, proxy, reused } = response;
  const common = { status, statusText, headers, url: url.href, redirects, timings, reused, ...(proxy ? { proxy } : {}) };
  if (responseBody === 'stream') return { ...common, body: response.body };
  return { ...common, body: await readBody(response.body) };
}

function httpUrl(given: string | URL): URL {
  let url: URL;
  try {
    url = new URL(String(given));
  } catch {
    throw new HttpError('BAD_URL', `"${defaultRedactor.url(String(given))}" is not a valid address.`, { url: defaultRedactor.url(String(given)) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpError('BAD_URL', `${defaultRedactor.url(url)} is not an http(s) address.`, { url: defaultRedactor.url(url) });
  }
  return url;
}

function lowerCaseNames(headers: HttpRequest['headers'], userAgent: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = { 'user-agent': userAgent };
  for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value;
  return result;
}

/** What goes on the wire: the address without credentials, which go as Basic authorization unless the caller gave one. */
function toExchange(outgoing: Outgoing, request: HttpRequest, timeoutMs: number): Exchange {
  const authorization = basicCredentials(outgoing.url);
  let url = outgoing.url;
  if (authorization) {
    url = new URL(url.href);
    url.username = '';
    url.password = '';
  }
  const headers = authorization && !('authorization' in outgoing.headers) ? { ...outgoing.headers, authorization } : outgoing.headers;
  return { url, method: outgoing.method, headers, body: outgoing.body, timeoutMs, maxBodyBytes: request.maxBodyBytes ?? Infinity, signal: request.signal };
}
