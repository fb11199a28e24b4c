// The one error the http service fails with: a code to branch on and one sentence saying what happened
// and where (host:port). Addresses in messages are redacted (platform/redact), never as given.
import { defaultRedactor } from '../redact';

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

/** Where something failed: the server's host:port, or the proxy's; and the address being requested. */
export interface FailedAt {
  host: string;
  proxy: boolean;
  url: string | URL;
}

const located = (at: FailedAt) => ({ host: at.host, proxy: at.proxy, url: defaultRedactor.url(at.url) });

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);
/** Node's codes for a certificate chain no trusted CA vouches for. */
export const UNTRUSTED_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

/** The server's TLS alerts that are about the client's certificate (missing, unknown CA, refused). */
const CLIENT_CERTIFICATE_ALERTS = /ALERT_CERTIFICATE_REQUIRED|ALERT_HANDSHAKE_FAILURE|ALERT_BAD_CERTIFICATE|ALERT_UNKNOWN_CA|ALERT_CERTIFICATE_UNKNOWN/;

const clientCertificateRefused = (at: FailedAt, code: string) =>
  `${Name(at)} refused the TLS handshake (${code}), most likely over the client certificate: give the environment the client certificate the server expects.`;

const codeOf = (error: unknown) => String((error as { code?: unknown } | undefined)?.code ?? '');
const name = ({ host, proxy }: FailedAt) => (proxy ? `the proxy ${host}` : host);
const Name = (at: FailedAt) => (at.proxy ? `The proxy ${at.host}` : at.host);
const detail = (error: unknown) => defaultRedactor.text(codeOf(error) || (error instanceof Error ? error.message : String(error)));

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds === 1 ? '1 second' : `${+seconds.toFixed(seconds < 1 ? 3 : seconds < 10 ? 1 : 0)} seconds`;
}

/**
 * Opening a connection failed: the name lookup, TCP, or the TLS handshake (`handshake` set). Reaching a
 * proxy, the sentence ends in "check the proxy settings".
 */
export function connectionError(error: unknown, at: FailedAt, handshake = false): HttpError {
  if (error instanceof HttpError) return error;
  const [code, what, fix] = describeConnectionError(error, at, handshake);
  const message = at.proxy ? `${what}: check the proxy settings.` : `${what}${fix ?? '.'}`;
  return new HttpError(code, message, { ...located(at), cause: error, ...(code === 'TIMEOUT' ? { phase: 'connect' } : {}) });
}

function describeConnectionError(error: unknown, at: FailedAt, handshake: boolean): [HttpErrorCode, string, string?] {
  const code = codeOf(error);
  if (DNS_CODES.has(code)) return ['DNS', `The host name of ${name(at)} was not found (DNS)`, ': check the address.'];
  if (code === 'ECONNREFUSED') return ['REFUSED', `The connection to ${name(at)} was refused`, ': is the server running?'];
  if (code === 'ETIMEDOUT') return ['TIMEOUT', `Connecting to ${name(at)} timed out (ETIMEDOUT)`];
  if (RESET_CODES.has(code)) return ['RESET', `${Name(at)} closed the connection ${handshake ? 'during the TLS handshake' : 'while connecting'}`];
  if (handshake || /CERT|SSL|TLS/.test(code)) {
    const certificate = `The TLS certificate of ${name(at)}`;
    if (UNTRUSTED_CODES.has(code)) return ['TLS', `${certificate} is not trusted (${code})`];
    if (code === 'CERT_HAS_EXPIRED') return ['TLS', `${certificate} has expired (${code})`];
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return ['TLS', `${certificate} is not for that host name (${code})`];
    if (CLIENT_CERTIFICATE_ALERTS.test(code)) return ['TLS', clientCertificateRefused(at, code).replace(/\.$/, '')];
    return ['TLS', `The TLS handshake with ${name(at)} failed (${detail(error)})`];
  }
  return ['FAILED', `The connection to ${name(at)} failed (${detail(error)})`];
}

export function timedOut(phase: HttpPhase, at: FailedAt, ms: number): HttpError {
  const details = { ...located(at), phase };
  const within = formatSeconds(ms);
  if (phase === 'connect') return new HttpError('TIMEOUT', `Connecting to ${name(at)} took longer than ${within}.`, details);
  if (phase === 'headers') return new HttpError('TIMEOUT', `${Name(at)} sent no response within ${within}.`, details);
  return new HttpError('TIMEOUT', `${Name(at)} sent nothing more of the response body for ${within}.`, details);
}

export function aborted(url: string | URL, reason: unknown): HttpError {
  return new HttpError('ABORTED', `The request to ${defaultRedactor.url(url)} was cancelled.`, { url: defaultRedactor.url(url), cause: reason });
}

export function tooLarge(at: FailedAt, maxBytes: number): HttpError {
  return new HttpError('TOO_LARGE', `The response from ${at.host} is larger than ${maxBytes.toLocaleString('en-US')} bytes, the limit for this request.`, located(at));
}

/** `proxy` (a FailedAt with proxy set) did not open the tunnel to `target` (host:port). */
export function proxyRefused(proxy: FailedAt, target: string, status: string): HttpError {
  const message =
    status.startsWith('407')
      ? `The proxy ${proxy.host} asks for credentials (HTTP ${status}): give them in the proxy address (http://user:password@${proxy.host}).`
      : `The proxy ${proxy.host} would not connect to ${target} (HTTP ${status}): check the proxy settings.`;
  return new HttpError('PROXY', message, located(proxy));
}

/** What undici reported about a request on an open connection (or its abort), as an HttpError. */
export function exchangeError(error: unknown, at: FailedAt, signal: AbortSignal | undefined): HttpError {
  if (error instanceof HttpError) return error;
  if (signal?.aborted) return aborted(at.url, signal.reason);
  const code = codeOf(error);
  const details = { ...located(at), cause: error };
  // TLS 1.3: the server judges the client certificate after the client's handshake is done, so its alert comes here.
  const causeCode = codeOf((error as { cause?: unknown } | undefined)?.cause);
  if (CLIENT_CERTIFICATE_ALERTS.test(code) || CLIENT_CERTIFICATE_ALERTS.test(causeCode)) {
    return new HttpError('TLS', clientCertificateRefused(at, CLIENT_CERTIFICATE_ALERTS.test(code) ? code : causeCode), details);
  }
  if (RESET_CODES.has(code)) return new HttpError('RESET', `${Name(at)} closed the connection before the response was complete.`, details);
  return new HttpError('FAILED', `The request to ${defaultRedactor.url(at.url)} failed (${defaultRedactor.text(error instanceof Error ? error.message : String(error))}).`, details);
}

/** "CN=Test CA, O=Example" from a certificate's subject or issuer. */
function distinguishedName(name: Record<string, string | string[] | undefined> | undefined): string {
  if (!name) return 'an unnamed subject';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${[value ?? ''].flat().join('+')}`)
    .join(', ');
}

/** The certificate's names a client may use: its DNS and IP subject alternative names, else its CN. */
function namesOf(certificate: PeerCertificateLike): string {
  const alternatives = (certificate.subjectaltname ?? '')
    .split(/,\s*/)
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
  const names = alternatives.length ? alternatives : [[certificate.subject?.CN].flat()[0]].filter((value): value is string => Boolean(value));
  return names.length ? names.join(', ') : 'no host name';
}

interface PeerCertificateLike {
  subject?: Record<string, string | string[] | undefined>;
  issuer?: Record<string, string | string[] | undefined>;
  subjectaltname?: string;
  valid_from?: string;
  valid_to?: string;
}

/**
 * The server's certificate was not accepted, in one sentence naming which and why: self-signed, issued by
 * an unknown CA (named, so its certificate can be added), expired or not yet valid, or for another host name.
 */
export function untrustedCertificate(code: string, certificate: PeerCertificateLike, endpoint: { hostname: string }, at: FailedAt): HttpError {
  const whose = `The TLS certificate of ${at.host}`;
  const subject = distinguishedName(certificate.subject);
  let message: string;
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
    message = `${whose} (${subject}) is self-signed, so no trusted CA vouches for it: add it as a trusted CA certificate, or accept self-signed certificates for this environment.`;
  } else if (code === 'CERT_HAS_EXPIRED') {
    message = `${whose} (${subject}) expired on ${certificate.valid_to ?? 'an earlier date'}: the server must renew it (or check this computer's clock).`;
  } else if (code === 'CERT_NOT_YET_VALID') {
    message = `${whose} (${subject}) is not valid before ${certificate.valid_from ?? 'a later date'}: check this computer's clock.`;
  } else if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code.startsWith('Hostname/IP does not match')) {
    message = `${whose} is for ${namesOf(certificate)}, not for ${endpoint.hostname}: use one of those names in the address, or have the certificate issued for ${endpoint.hostname}.`;
  } else if (UNTRUSTED_CODES.has(code)) {
    message = `${whose} (${subject}) was issued by ${distinguishedName(certificate.issuer)}, which is not a trusted CA: add that CA's certificate to the trusted ones.`;
  } else {
    message = `${whose} (${subject}) was not accepted (${code}).`;
  }
  return new HttpError('TLS', message, located(at));
}

/** The client certificate or its key could not be read (a wrong passphrase, a PFX that is not one). */
export function clientCertificateUnreadable(error: unknown, at: FailedAt): HttpError {
  const reason = defaultRedactor.text(error instanceof Error ? error.message : String(error));
  return new HttpError('TLS', `The client certificate for ${at.host} could not be used (${reason}): check the certificate, its key and the passphrase.`, { ...located(at), cause: error });
}
