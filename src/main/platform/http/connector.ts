// Opening the connection for one request, and timing it: the name lookup and TCP connect (to the proxy
// when there is one, and its TLS handshake for an https proxy), the tunnel through the proxy (CONNECT)
// for an https server, and the server's TLS handshake. undici gets the finished socket.
import net from 'node:net';
import tls from 'node:tls';

import type { Endpoint } from './endpoint';
import { type FailedAt, HttpError, UNTRUSTED_CODES, aborted, clientCertificateUnreadable, connectionError, proxyRefused, timedOut, untrustedCertificate } from './errors';
import type { Stopwatch } from './stopwatch';
import type { TlsSettings } from './types';
import { defaultRedactor } from '../redact';

export interface Route {
  target: Endpoint;
  proxy?: Endpoint & { authorization?: string };
}

export interface ConnectOptions {
  route: Route;
  tls: TlsSettings;
  /** For the whole of it: lookup, TCP, proxy and TLS. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** The request's address, for messages. */
  url: URL;
  stopwatch: Stopwatch;
}

/** Largest CONNECT answer read from a proxy: its status line and headers. */
const MAX_PROXY_ANSWER_BYTES = 64 * 1024;

export function openConnection(options: ConnectOptions): Promise<net.Socket> {
  return new Promise((resolve, reject) => new Opening(options, resolve, reject).start());
}

/**
 * One connection being opened. A class rather than closures made per connection: each closure bound to a
 * name costs a defineProperty under tsx (esbuild's keepNames), which runs the CLI and the web host.
 */
class Opening {
  private readonly opened: net.Socket[] = [];
  /** Where the connection is at, for a time-out's message. */
  private at: FailedAt;
  private settled = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: ConnectOptions,
    private readonly resolve: (socket: net.Socket) => void,
    private readonly reject: (error: HttpError) => void,
  ) {
    const { route } = options;
    this.at = { host: (route.proxy ?? route.target).authority, proxy: route.proxy !== undefined, url: options.url };
  }

  start(): void {
    const { signal, timeoutMs } = this.options;
    if (Number.isFinite(timeoutMs) && timeoutMs > 0) this.timer = setTimeout(() => this.finish(timedOut('connect', this.at, timeoutMs)), timeoutMs);
    if (signal?.aborted) return this.handleEvent();
    signal?.addEventListener('abort', this, { once: true });
    this.steps().then(
      (socket) => this.finish(undefined, socket),
      (error: unknown) => this.finish(error instanceof HttpError ? error : connectionError(error, this.at)),
    );
  }

  /** The signal's abort (this object is its listener). */
  handleEvent(): void {
    this.finish(aborted(this.options.url, this.options.signal?.reason));
  }

  private async steps(): Promise<net.Socket> {
    const { options, opened } = this;
    const { route } = options;
    const first = route.proxy ?? route.target;
    let socket = await tcp(first, this.at, options.stopwatch, opened);
    if (route.proxy?.tls) socket = await handshake(socket, route.proxy, this.at, options, opened);
    if (route.proxy && route.target.tls) {
      await tunnel(socket, this.at, route.proxy, route.target);
      this.at = { host: route.target.authority, proxy: false, url: options.url };
    }
    if (route.target.tls) socket = await handshake(socket, route.target, this.at, options, opened);
    return socket;
  }

  private finish(error: HttpError | undefined, socket?: net.Socket): void {
    if (this.settled) {
      socket?.destroy();
      return;
    }
    this.settled = true;
    if (this.timer) clearTimeout(this.timer);
    this.options.signal?.removeEventListener('abort', this);
    if (error) {
      for (const each of this.opened) each.destroy();
      this.reject(error);
    } else {
      this.resolve(socket!);
    }
  }
}

/**
 * Keeps the socket to destroy on failure. Its errors are also handled by the step using it, and then by
 * undici; this listener only keeps a late one (a socket under TLS, one already given up) from crashing.
 */
function track<S extends net.Socket>(socket: S, opened: net.Socket[]): S {
  opened.push(socket);
  return socket.on('error', () => undefined);
}

function tcp(endpoint: Endpoint, at: FailedAt, stopwatch: Stopwatch, opened: net.Socket[]): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = track(net.connect({ host: endpoint.hostname, port: endpoint.port }), opened);
    // No 'lookup' for an IP address: dns stays 0.
    socket.once('lookup', (error) => {
      if (!error) stopwatch.mark('dns');
    });
    // Left in place once connected (undici handles the errors after that).
    let connected = false;
    socket.once('error', (error) => {
      if (!connected) reject(connectionError(error, at));
    });
    socket.once('connect', () => {
      connected = true;
      stopwatch.mark('connect');
      resolve(socket);
    });
  });
}

function handshake(socket: net.Socket, endpoint: Endpoint, at: FailedAt, options: ConnectOptions, opened: net.Socket[]): Promise<tls.TLSSocket> {
  const settings = options.tls;
  const extra = settings.ca === undefined ? undefined : [settings.ca].flat();
  return new Promise((resolve, reject) => {
    let secure: tls.TLSSocket;
    try {
      secure = tls.connect({
        socket,
        host: endpoint.hostname,
        // SNI takes host names only.
        servername: net.isIP(endpoint.hostname) ? undefined : endpoint.hostname,
        ca: extra ? [...tls.rootCertificates, ...extra] : undefined,
        ...clientCertificate(settings),
        // Verified below, where the certificate can be named in the message.
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
      });
    } catch (error) {
      return reject(clientCertificateUnreadable(error, at));
    }
    track(secure, opened);
    const onError = (error: Error) => reject(connectionError(error, at, true));
    secure.once('error', onError);
    secure.once('secureConnect', () => {
      secure.off('error', onError);
      const refusal = verify(secure, endpoint, at, settings);
      // Not from inside the handshake callback: destroying the socket there crashes Node (20.20).
      if (refusal) return void setImmediate(() => reject(refusal));
      options.stopwatch.mark('tls');
      // A TLS 1.3 server judges the client certificate after this: its alert arrives as an error later.
      secure.on('error', (error: Error & { code?: string }) => {
        if (!lateErrors.has(secure) && String(error.code).startsWith('ERR_SSL_')) lateErrors.set(secure, error);
      });
      resolve(secure);
    });
  });
}

const lateErrors = new WeakMap<net.Socket, Error>();

/** The TLS error the connection met after its handshake (a server's alert), which undici reports only as a closed socket. */
export function lateTlsError(socket: net.Socket | undefined): Error | undefined {
  return socket && lateErrors.get(socket);
}

/** Only the keys given: tls.connect treats a key present as undefined differently from one absent. */
function clientCertificate({ cert, key, pfx, passphrase }: TlsSettings): tls.ConnectionOptions {
  return Object.fromEntries(Object.entries({ cert, key, pfx, passphrase }).filter(([, value]) => value !== undefined));
}

/** Node's verdict on the server's certificate (chain, dates, host name), with acceptSelfSigned applied. */
function verify(secure: tls.TLSSocket, endpoint: Endpoint, at: FailedAt, settings: TlsSettings): HttpError | undefined {
  if (secure.authorized) return undefined;
  const code = String(secure.authorizationError ?? 'UNKNOWN');
  const certificate = secure.getPeerCertificate();
  if (settings.acceptSelfSigned && UNTRUSTED_CODES.has(code)) {
    // Trust waived, dates and host name not: Node checks those only once the chain is trusted.
    const now = Date.now();
    if (certificate.valid_to && Date.parse(certificate.valid_to) < now) return untrustedCertificate('CERT_HAS_EXPIRED', certificate, endpoint, at);
    if (certificate.valid_from && Date.parse(certificate.valid_from) > now) return untrustedCertificate('CERT_NOT_YET_VALID', certificate, endpoint, at);
    const wrongHost = tls.checkServerIdentity(endpoint.hostname, certificate);
    return wrongHost ? untrustedCertificate('ERR_TLS_CERT_ALTNAME_INVALID', certificate, endpoint, at) : undefined;
  }
  return untrustedCertificate(code, certificate, endpoint, at);
}

/** Asks the proxy for a tunnel to `target` (CONNECT); resolves once it answered 200. */
function tunnel(socket: net.Socket, at: FailedAt, proxy: Endpoint & { authorization?: string }, target: Endpoint): Promise<void> {
  return new Promise((resolve, reject) => {
    let answer = Buffer.alloc(0);
    const done = (error?: Error) => {
      socket.off('data', onData).off('error', onError).off('end', onEnd);
      socket.pause();
      if (error) reject(error);
      else resolve();
    };
    const onError = (error: Error) => done(connectionError(error, at));
    const onEnd = () =>
      done(new HttpError('PROXY', `The proxy ${at.host} closed the connection instead of connecting to ${target.authority}: check the proxy settings.`, { host: at.host, proxy: true, url: defaultRedactor.url(at.url) }));
    const onData = (chunk: Buffer) => {
      answer = Buffer.concat([answer, chunk]);
      const end = answer.indexOf('\r\n\r\n');
      if (end === -1) {
        if (answer.length > MAX_PROXY_ANSWER_BYTES) done(proxyRefused(at, target.authority, 'answer too long'));
        return;
      }
      const statusLine = answer.subarray(0, answer.indexOf('\r\n')).toString('latin1');
      const [, status, reason] = /^HTTP\/\d(?:\.\d)? (\d{3}) ?(.*)$/.exec(statusLine) ?? [];
      if (status !== '200') return done(proxyRefused(at, target.authority, status ? `${status} ${reason}`.trim() : 'not an HTTP answer'));
      // Whatever followed the answer already belongs to the tunnel.
      if (answer.length > end + 4) socket.unshift(answer.subarray(end + 4));
      done();
    };
    socket.on('data', onData).once('error', onError).once('end', onEnd);
    const authorization = proxy.authorization ? `Proxy-Authorization: ${proxy.authorization}\r\n` : '';
    socket.write(`CONNECT ${target.authority} HTTP/1.1\r\nHost: ${target.authority}\r\n${authorization}\r\n`);
  });
}
