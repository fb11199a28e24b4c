// Connections kept alive between exchanges, per route, as undici's Agent and browsers do. Each connection
// serves one exchange at a time (checked out, then given back only when its exchange ended cleanly), so
// a time-out, a cancel or a failure destroys only its own connection and concurrent exchanges to one
// route each get one of their own.
import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Route } from './connector';
import type { TlsSettings } from './types';

// Loaded by the first request, not with the module: a command that never sends (`crosswalk mock` of a
// file) starts a quarter faster without it.
let undici: typeof import('undici') | undefined;

/** How long an idle connection is kept when the server does not say (undici's keepAliveTimeout). */
const DEFAULT_KEEP_MS = 4_000;
/** The longest a server's Keep-Alive timeout is honoured (undici's keepAliveMaxTimeout). */
const MAX_KEEP_MS = 600_000;
/** Closed this long before the server would close it, so a request is not sent on a closing connection (given to undici as its threshold too). */
const KEEP_MARGIN_MS = 1_000;

/** The exchange using a connection: it opens the socket when undici asks for one. */
export interface ConnectionUser {
  connect(callback: import('undici').buildConnector.Callback): void;
}

/** One HTTP/1.1 connection (an undici Client) and the exchange using it. */
export class Connection {
  readonly client: import('undici').Client;
  user: ConnectionUser;
  socket: Socket | undefined;
  /** Exchanges it served to the end. */
  served = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(origin: string, user: ConnectionUser) {
    this.user = user;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- undici calls connect on its own options
    const self = this;
    // The time-outs are kept by the exchange rather than by undici, whose timers are only accurate to
    // about a second. Its keep-alive timer is given the pool's own figures, so that it closes an idle
    // socket when the pool gives it up, not before (its default margin is two seconds).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see `undici` above
    this.client = new (undici ??= require('undici') as typeof import('undici')).Client(origin, {
      connect(_, callback) {
        self.user.connect(callback);
      },
      headersTimeout: 0,
      bodyTimeout: 0,
      keepAliveTimeout: DEFAULT_KEEP_MS,
      keepAliveMaxTimeout: MAX_KEEP_MS,
      keepAliveTimeoutThreshold: KEEP_MARGIN_MS,
    });
  }

  /** Still open: the server has not closed it while it was idle. */
  get open(): boolean {
    const { socket } = this;
    return socket !== undefined && !socket.destroyed && !socket.readableEnded && !this.client.destroyed && !this.client.closed;
  }

  destroy(error: Error): void {
    clearTimeout(this.idleTimer);
    // Ended first when clean: destroying the client with the socket still open would destroy it with an
    // error, whose stack trace costs more than the exchange.
    if (error === EXCHANGE_OVER) this.socket?.destroy();
    this.client.destroy(error).catch(() => undefined);
  }

  idleFor(ms: number, onExpiry: () => void): void {
    this.idleTimer = setTimeout(onExpiry, ms);
    this.idleTimer.unref();
  }

  stopIdling(): void {
    clearTimeout(this.idleTimer);
  }
}

/** Given to a client whose exchange ended, when nothing waits on it any more. */
export const EXCHANGE_OVER = new Error('The exchange is over.');

export class ConnectionPool {
  private readonly idle = new Map<string, Connection[]>();

  /** A kept connection for the route, or a new one for `user`. */
  checkOut(key: string, origin: string, user: ConnectionUser): Connection {
    const kept = this.idle.get(key);
    while (kept?.length) {
      const connection = kept.pop()!;
      if (kept.length === 0) this.idle.delete(key);
      connection.stopIdling();
      if (!connection.open) {
        connection.destroy(EXCHANGE_OVER);
        continue;
      }
      connection.user = user;
      return connection;
    }
    return this.fresh(origin, user);
  }

  /** A new connection, not one kept (for a request retried after a kept one failed). */
  fresh(origin: string, user: ConnectionUser): Connection {
    return new Connection(origin, user);
  }

  /**
   * Gives back a connection whose exchange ended cleanly: kept until the server's Keep-Alive timeout
   * (less a margin) or undici's default, unless the server said it closes it.
   */
  checkIn(key: string, connection: Connection, responseHeaders: { getAll(name: string): string[] }): void {
    connection.served += 1;
    const keepMs = keepAliveMs(responseHeaders);
    if (keepMs <= 0 || !connection.open) return connection.destroy(EXCHANGE_OVER);
    let kept = this.idle.get(key);
    if (!kept) this.idle.set(key, (kept = []));
    kept.push(connection);
    connection.idleFor(keepMs, () => {
      const index = kept.indexOf(connection);
      if (index !== -1) kept.splice(index, 1);
      if (kept.length === 0 && this.idle.get(key) === kept) this.idle.delete(key);
      connection.destroy(EXCHANGE_OVER);
    });
  }

  /** Closes every idle connection (those in use close when their exchange ends). */
  close(): void {
    for (const kept of this.idle.values()) for (const connection of kept) connection.destroy(EXCHANGE_OVER);
    this.idle.clear();
  }
}

/** How long an answered connection is kept idle; 0: not at all (`Connection: close`, or a Keep-Alive timeout within the margin). */
export function keepAliveMs(headers: { getAll(name: string): string[] }): number {
  const connection = headers.getAll('connection').join(',').toLowerCase();
  if (/(^|[\s,])close($|[\s,])/.test(connection)) return 0;
  const hint = /(?:^|[\s,])timeout\s*=\s*(\d+)/i.exec(headers.getAll('keep-alive').join(','));
  if (!hint) return DEFAULT_KEEP_MS;
  return Math.min(Number(hint[1]) * 1000, MAX_KEEP_MS) - KEEP_MARGIN_MS;
}

/**
 * Everything that makes the socket: the server's origin (the Host of a forwarded request too), the
 * proxy with its credentials, and the TLS settings when TLS is spoken (to the server or the proxy).
 */
export function routeKey(origin: string, route: Route, proxy: URL | undefined, tls: TlsSettings): string {
  const usesTls = route.target.tls || route.proxy?.tls === true;
  return `${origin} ${proxy?.href ?? ''} ${usesTls ? tlsKey(tls) : ''}`;
}

const tlsKeys = new WeakMap<TlsSettings, string>();

function tlsKey(settings: TlsSettings): string {
  let key = tlsKeys.get(settings);
  if (key === undefined) {
    const hash = createHash('sha256');
    const { ca, cert, key: privateKey, pfx, passphrase, acceptSelfSigned } = settings;
    for (const part of [...[ca ?? []].flat(), '|', cert ?? '', '|', privateKey ?? '', '|', pfx ?? '', '|', passphrase ?? '', '|', String(acceptSelfSigned === true)]) {
      hash.update(part);
      hash.update('\0');
    }
    key = hash.digest('hex');
    tlsKeys.set(settings, key);
  }
  return key;
}
