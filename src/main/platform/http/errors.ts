// The one error the http service fails with: a code to branch on and one sentence saying what happened
// and where (host:port). Addresses in messages go through displayUrl, never as given.
import { displayUrl, displayUrlsIn } from './display-url';

export type HttpErrorCode =
  | 'BAD_URL'
  | 'DNS'
  | 'REFUSED'
  | 'TIMEOUT'
  | 'TLS'
  | 'RESET'
  | 'PROXY'
  | 'TOO_LARGE'
  | 'ABORTED'
  | 'TOO_MANY_REDIRECTS'
  | 'BAD_REDIRECT'
  | 'FAILED';

/** The waits a TIMEOUT names: connecting (lookup, proxy and TLS included), the response headers, the next piece of the body. */
export type HttpPhase = 'connect' | 'headers' | 'body';

export interface HttpErrorDetails {
  /** The address being requested, printable. */
  url?: string;
  /** host:port where it failed: the server's, or the proxy's when `proxy` is set. */
  host?: string;
  /** It failed reaching the proxy, or the proxy refused. */
  proxy?: boolean;
  /** TIMEOUT: the wait that ran out. */
  phase?: HttpPhase;
  /** BAD_REDIRECT: the Location, printable; resolved to an absolute address when it could be (it was not http(s)), as sent when not. */
  location?: string;
  cause?: unknown;
}

export class HttpError extends Error {
  readonly url?: string;
  readonly host?: string;
  readonly proxy?: boolean;
  readonly phase?: HttpPhase;
  readonly location?: string;

  constructor(
    readonly code: HttpErrorCode,
    message: string,
    details: HttpErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'HttpError';
    this.url = details.url;
    this.host = details.host;
    this.proxy = details.proxy;
    this.phase = details.phase;
    this.location = details.location;
  }
}

/** Where something failed, for messages: the server's host:port, or the proxy's. */
export interface FailedAt {
  host: string;
  proxy: boolean;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);
const UNTRUSTED_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

const codeOf = (error: unknown) => String((error as { code?: unknown } | undefined)?.code ?? '');
const name = ({ host, proxy }: FailedAt) => (proxy ? `the proxy ${host}` : host);
const Name = (at: FailedAt) => (at.proxy ? `The proxy ${at.host}` : at.host);
const detail = (error: unknown) => displayUrlsIn(codeOf(error) || (error instanceof Error ? error.message : String(error)));

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds === 1 ? '1 second' : `${+seconds.toFixed(seconds < 1 ? 3 : seconds < 10 ? 1 : 0)} seconds`;
}

/** Opening a connection failed: the name lookup, TCP, or the TLS handshake (`handshake` set). */
export function connectionError(error: unknown, at: FailedAt, handshake = false): HttpError {
  if (error instanceof HttpError) return error;
  const code = codeOf(error);
  const details = { host: at.host, proxy: at.proxy, cause: error };
  const fix = at.proxy ? 'check the proxy settings' : undefined;
  if (DNS_CODES.has(code)) {
    return new HttpError('DNS', `The host name of ${name(at)} was not found (DNS): ${fix ?? 'check the address'}.`, details);
  }
  if (code === 'ECONNREFUSED') {
    return new HttpError('REFUSED', `The connection to ${name(at)} was refused: ${fix ?? 'is the server running'}${fix ? '.' : '?'}`, details);
  }
  if (code === 'ETIMEDOUT') return new HttpError('TIMEOUT', `Connecting to ${name(at)} timed out (ETIMEDOUT).`, { ...details, phase: 'connect' });
  if (RESET_CODES.has(code)) {
    const when = handshake ? 'during the TLS handshake' : 'while connecting';
    return new HttpError('RESET', `${Name(at)} closed the connection ${when}.`, details);
  }
  if (handshake || /CERT|SSL|TLS/.test(code)) {
    const certificate = `The TLS certificate of ${name(at)}`;
    if (UNTRUSTED_CODES.has(code)) return new HttpError('TLS', `${certificate} is not trusted (${code}).`, details);
    if (code === 'CERT_HAS_EXPIRED') return new HttpError('TLS', `${certificate} has expired (${code}).`, details);
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return new HttpError('TLS', `${certificate} is not for that host name (${code}).`, details);
    return new HttpError('TLS', `The TLS handshake with ${name(at)} failed (${detail(error)}).`, details);
  }
  return new HttpError('FAILED', `The connection to ${name(at)} failed (${detail(error)}).`, details);
}

export function timedOut(phase: HttpPhase, at: FailedAt, ms: number, url: string | URL): HttpError {
  const details = { host: at.host, proxy: at.proxy, phase, url: displayUrl(url) };
  const within = formatSeconds(ms);
  if (phase === 'connect') return new HttpError('TIMEOUT', `Connecting to ${name(at)} took longer than ${within}.`, details);
  if (phase === 'headers') return new HttpError('TIMEOUT', `${Name(at)} sent no response within ${within}.`, details);
  return new HttpError('TIMEOUT', `${Name(at)} sent nothing more of the response body for ${within}.`, details);
}

export function aborted(url: string | URL, reason: unknown): HttpError {
  return new HttpError('ABORTED', `The request to ${displayUrl(url)} was cancelled.`, { url: displayUrl(url), cause: reason });
}

export function tooLarge(host: string, maxBytes: number, url: string | URL): HttpError {
  return new HttpError('TOO_LARGE', `The response from ${host} is larger than ${maxBytes.toLocaleString('en-US')} bytes, the limit for this request.`, {
    host,
    url: displayUrl(url),
  });
}

export function proxyRefused(proxy: string, target: string, status: string): HttpError {
  const message =
    status.startsWith('407')
      ? `The proxy ${proxy} asks for credentials (HTTP ${status}): give them in the proxy address (http://user:password@${proxy}).`
      : `The proxy ${proxy} would not connect to ${target} (HTTP ${status}).`;
  return new HttpError('PROXY', message, { host: proxy, proxy: true });
}

/** What undici reported about a request on an open connection (or its abort), as an HttpError. */
export function exchangeError(error: unknown, at: FailedAt, url: URL, signal: AbortSignal | undefined): HttpError {
  if (error instanceof HttpError) return error;
  if (signal?.aborted) return aborted(url, signal.reason);
  const code = codeOf(error);
  const details = { host: at.host, proxy: at.proxy, url: displayUrl(url), cause: error };
  if (RESET_CODES.has(code)) return new HttpError('RESET', `${Name(at)} closed the connection before the response was complete.`, details);
  return new HttpError('FAILED', `The request to ${displayUrl(url)} failed (${displayUrlsIn(error instanceof Error ? error.message : String(error))}).`, details);
}
