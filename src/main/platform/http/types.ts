// The http service's contract: what a request may ask for and what comes back. Every network call of
// the app goes through one HttpService, so proxies, time-outs, redirects and certificates are decided in
// one place (see createHttpService for the settings it is made with).
import type { Readable } from 'node:stream';
import type { ResponseHeaders } from './headers';

export interface HttpService {
  /** Sends one request (following redirects unless told not to); fails only with an HttpError. */
  request(options: HttpRequest & { responseBody: 'stream' }): Promise<HttpResponse<Readable>>;
  request(options: HttpRequest): Promise<HttpResponse<Buffer>>;
  /** Closes the connections kept alive (idle ones never keep the process running either). */
  close?(): void;
}

export interface HttpRequest {
  /** An http(s) address. `user:password@` in it goes as Basic authorization, and never to another origin. */
  url: string | URL;
  /** GET unless given. */
  method?: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer | Uint8Array;
  /**
   * The longest wait, in milliseconds, for each phase: connecting (name lookup, proxy, TLS included),
   * the response headers, and each next piece of the body. The service's default unless given.
   */
  timeoutMs?: number;
  /** 'follow' (default): follow 3xx answers with a Location; 'manual': return them. */
  redirect?: 'follow' | 'manual';
  /** Redirects followed before failing with TOO_MANY_REDIRECTS; the service's default unless given. */
  maxRedirects?: number;
  /**
   * Asked before each redirect is followed, with the absolute address it leads to (credentials removed
   * when it leaves the origin); false stops there and returns the 3xx response. Nothing was requested
   * from the refused address.
   */
  mayFollow?: (url: string) => boolean;
  /** Cancels the request, whatever phase it is in (the connection is closed); fails with ABORTED. */
  signal?: AbortSignal;
  /** The body may not be longer than this; past it the download stops and fails with TOO_LARGE. */
  maxBodyBytes?: number;
  /** 'buffer' (default): the whole body; 'stream': a Readable to consume or destroy. */
  responseBody?: 'buffer' | 'stream';
  /** This request's TLS settings instead of the service's (a sandbox environment's CA, client certificate…). */
  tls?: TlsSettings;
  /** This request's proxy choice instead of the service's (a sandbox environment's proxy or PAC file). */
  proxy?: ProxyResolver;
}

export interface HttpResponse<Body extends Buffer | Readable = Buffer> {
  status: number;
  /** The reason phrase the server sent ('' when none). */
  statusText: string;
  headers: ResponseHeaders;
  /**
   * A Buffer, or with `responseBody: 'stream'` a Readable that fails with HttpError (TOO_LARGE, TIMEOUT,
   * RESET, ABORTED): read it to the end or destroy it, so the connection is released.
   */
  body: Body;
  /** The final address, as requested (credentials and all): print it redacted (platform/redact). */
  url: string;
  /** Each redirect followed, in order: the address requested and the 3xx it answered. */
  redirects: HttpRedirect[];
  /** The last exchange's: dns, connect and tls are 0 when it went over a kept connection (`reused`). */
  timings: HttpTimings;
  /** The last exchange went over a connection kept alive from an earlier one. */
  reused: boolean;
  /** The proxy the last exchange went through, printable; absent when direct. */
  proxy?: string;
}

export interface HttpRedirect {
  url: string;
  status: number;
}

/**
 * Milliseconds from the start of the request until each phase ended, as curl's time_* values:
 * dns <= connect <= firstByte <= total, and connect <= tls <= firstByte over TLS. dns is 0 for an IP
 * address, tls 0 without TLS, and dns, connect and tls are 0 over a connection kept from an earlier request; through a proxy, dns and connect are the proxy's (and tls is the server's,
 * inside the tunnel). `download` is the one duration: from the headers to the end of the body. A streamed
 * body fills in download and total when it ends.
 */
export interface HttpTimings {
  dns: number;
  connect: number;
  tls: number;
  firstByte: number;
  download: number;
  total: number;
}

/** The proxy for an address (undefined: connect directly). Per-environment settings or a PAC file plug in here. */
export type ProxyResolver = (url: URL) => URL | undefined | Promise<URL | undefined>;

/** How TLS connections are verified, and the client certificate offered. */
export interface TlsSettings {
  /** PEM certificates trusted besides Node's bundled roots (a company's own CA). */
  ca?: string | Buffer | Array<string | Buffer>;
  /** A client certificate and its key (PEM), or a PFX / PKCS#12 file; `passphrase` opens the key or the PFX. */
  cert?: string | Buffer;
  key?: string | Buffer;
  pfx?: Buffer;
  passphrase?: string;
  /**
   * Accept a certificate no trusted CA vouches for (self-signed, or an unknown issuer). Its dates and
   * host name are still checked.
   */
  acceptSelfSigned?: boolean;
}

export interface HttpServiceOptions {
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY (or their lower-case forms) are read, at each request: process.env unless given. */
  env?: Record<string, string | undefined>;
  /** Chooses the proxy per address instead of the environment. */
  proxy?: ProxyResolver;
  tls?: TlsSettings;
  /** For requests that do not say: 30 seconds per phase. */
  timeoutMs?: number;
  /** For requests that do not say: 10. */
  maxRedirects?: number;
  /** Sent unless a request gives its own user-agent header. */
  userAgent?: string;
}
