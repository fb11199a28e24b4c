// The fetch oauth4webapi calls (its `customFetch`), made of the platform's HttpService: token calls take
// the same proxy, CA certificates and time bounds as the analyst's requests. The response is kept in
// memory only (token-endpoint bodies are never written to disk).
import type { HttpService, ProxyResolver, TlsSettings } from '../../platform/http';

export type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: unknown; redirect?: string; signal?: AbortSignal }) => Promise<Response>;

export interface HttpFetchOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The environment's certificates and proxy, as its requests have them. */
  tls?: TlsSettings;
  proxy?: ProxyResolver;
}

export function httpFetch(http: HttpService, options: HttpFetchOptions = {}): Fetch {
  return async (url, init) => {
    const signal = init.signal && options.signal ? AbortSignal.any([init.signal, options.signal]) : (init.signal ?? options.signal);
    const response = await http.request({
      url,
      method: init.method,
      headers: init.headers,
      body: bodyOf(init.body),
      // A token endpoint answers where it is; a redirect is its error, not something to follow.
      redirect: 'manual',
      timeoutMs: options.timeoutMs,
      ...(options.tls ? { tls: options.tls } : {}),
      ...(options.proxy ? { proxy: options.proxy } : {}),
      maxBodyBytes: 1 << 20,
      signal,
    });
    const headers = new Headers();
    for (const [name, values] of response.headers.entries()) for (const value of values) headers.append(name, value);
    const empty = response.status === 204 || response.status === 304 || init.method === 'HEAD';
    return new Response(empty ? null : new Uint8Array(response.body), { status: response.status, statusText: response.statusText, headers });
  };
}

function bodyOf(body: unknown): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError(`A token request body of type ${Object.prototype.toString.call(body)} cannot be sent.`);
}
