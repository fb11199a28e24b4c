// Access tokens by (environment, token URL, client, scope, user), kept in memory only: reused until
// shortly before they expire, refreshed with the refresh token when there is one (a refused refresh
// token falls back to a new grant), and renewed once when an API answers 401 to a token it still took
// for valid. Callers asking for the same token at once share one token request.
import type * as oauth from 'oauth4webapi';
import type { HttpService, ProxyResolver, TlsSettings } from '../../platform/http';
import { Redactor } from '../../platform/redact';
import { OAuthError, tokenError } from './errors';
import { authorizationCodeGrant, clientCredentialsGrant, type GrantContext, passwordGrant, refreshGrant } from './grants';
import { httpFetch } from './http-fetch';
import type { OAuthConfig, OAuthToken, OpenExternal } from './types';

/** A token counts as expired this long before its expiry: it must still be valid when the request arrives. */
export const DEFAULT_EXPIRY_SKEW_MS = 30_000;

export interface OAuthTokensOptions {
  /** Token calls go through it: the same proxy, certificates and time bounds as requests. */
  http: HttpService;
  /** Learns every secret and token it sees; errors are redacted with it. A fresh one unless given. */
  redactor?: Redactor;
  /** Needed by the authorization code grant only. */
  openExternal?: OpenExternal;
  /** The longest wait for the browser to come back (5 minutes unless given). */
  authorizationTimeoutMs?: number;
  /** Per phase of a token call (the http service's default unless given). */
  timeoutMs?: number;
  expirySkewMs?: number;
  now?: () => number;
}

/** One token call's connection: the environment's http service, certificates and proxy, and its cancellation. */
export interface TokenCallOptions {
  signal?: AbortSignal;
  /** Instead of the one the cache was made with. */
  http?: HttpService;
  tls?: TlsSettings;
  proxy?: ProxyResolver;
}

interface Entry {
  token: OAuthToken;
  refreshToken?: string;
}

interface Pending {
  promise: Promise<OAuthToken>;
  controller: AbortController;
  waiting: number;
}

/** The cache key: what makes two configs' tokens interchangeable. */
export function tokenKey(config: OAuthConfig): string {
  return JSON.stringify([config.environment, config.tokenUrl, config.clientId, config.scope ?? '', config.grant === 'password' ? (config.username ?? '') : '', config.grant]);
}

export class OAuthTokens {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Pending>();
  private readonly redactor: Redactor;
  private readonly now: () => number;
  private readonly skew: number;

  constructor(private readonly options: OAuthTokensOptions) {
    this.redactor = options.redactor ?? new Redactor();
    this.now = options.now ?? Date.now;
    this.skew = options.expirySkewMs ?? DEFAULT_EXPIRY_SKEW_MS;
  }

  /** A valid token for `config`: the cached one, a refreshed one, or one from a new grant. */
  get(config: OAuthConfig, options: TokenCallOptions = {}): Promise<OAuthToken> {
    const { signal } = options;
    const key = tokenKey(config);
    const entry = this.entries.get(key);
    if (entry && !this.expiring(entry.token)) return Promise.resolve(entry.token);
    let pending = this.pending.get(key);
    if (!pending) {
      const controller = new AbortController();
      const promise = this.obtain(config, key, controller.signal, options).finally(() => this.pending.delete(key));
      pending = { promise, controller, waiting: 0 };
      this.pending.set(key, pending);
    }
    return this.wait(pending, signal);
  }

  /** The cached token, expired or not, without asking the server: for showing its expiry. */
  peek(config: OAuthConfig): OAuthToken | undefined {
    return this.entries.get(tokenKey(config))?.token;
  }

  /**
   * Marks the cached access token as no longer valid (an API refused it), keeping the refresh token:
   * the next `get` refreshes. Given `accessToken`, only when that is still the cached one, so that
   * several requests refused at once renew it once.
   */
  invalidate(config: OAuthConfig, accessToken?: string): void {
    const entry = this.entries.get(tokenKey(config));
    if (!entry || (accessToken !== undefined && entry.token.accessToken !== accessToken)) return;
    entry.token = { ...entry.token, expiresAt: 0 };
  }

  /** Drops everything held for `config`, refresh token included (the analyst changed its settings or signed out). */
  forget(config: OAuthConfig): void {
    this.entries.delete(tokenKey(config));
  }

  /**
   * Sends a request with a token (`send` gets the Authorization header's value); when the API answers
   * 401, renews the token and sends it once more.
   */
  async authorize<T extends { status: number }>(config: OAuthConfig, send: (authorization: string) => Promise<T>, options: TokenCallOptions = {}): Promise<T> {
    const first = await this.get(config, options);
    const response = await send(authorization(first));
    if (response.status !== 401) return response;
    this.invalidate(config, first.accessToken);
    return send(authorization(await this.get(config, options)));
  }

  private expiring(token: OAuthToken): boolean {
    return token.expiresAt !== undefined && this.now() >= token.expiresAt - this.skew;
  }

  private async wait(pending: Pending, signal: AbortSignal | undefined): Promise<OAuthToken> {
    signal?.throwIfAborted();
    pending.waiting++;
    let onAbort = () => undefined as void;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        // The token request stops when nobody waits for it any more.
        if (--pending.waiting === 0) pending.controller.abort(signal?.reason);
        reject(new OAuthError('CANCELLED', 'Getting the token was cancelled.'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await (signal ? Promise.race([pending.promise, aborted]) : pending.promise);
    } finally {
      if (!signal?.aborted) pending.waiting--;
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async obtain(config: OAuthConfig, key: string, signal: AbortSignal, call: TokenCallOptions): Promise<OAuthToken> {
    for (const secret of [config.clientSecret, config.password]) if (secret) this.redactor.add(secret);
    const context: GrantContext = {
      fetch: httpFetch(call.http ?? this.options.http, { timeoutMs: this.options.timeoutMs, tls: call.tls, proxy: call.proxy }),
      signal,
      openExternal: this.options.openExternal,
      authorizationTimeoutMs: this.options.authorizationTimeoutMs,
    };
    const refreshToken = this.entries.get(key)?.refreshToken;
    if (refreshToken) {
      try {
        return this.keep(key, await refreshGrant(config, refreshToken, context), refreshToken);
      } catch (error) {
        const failure = tokenError(error, config, 'refreshing the token', this.redactor);
        // A refresh token the server no longer accepts (revoked, expired, rotated): start over.
        if (failure.oauthError !== 'invalid_grant') throw failure;
        this.entries.delete(key);
      }
    }
    const [grant, step] =
      config.grant === 'client_credentials'
        ? [clientCredentialsGrant, 'the client credentials grant']
        : config.grant === 'password'
          ? [passwordGrant, 'the password grant']
          : [authorizationCodeGrant, 'the authorization code'];
    try {
      return this.keep(key, await grant(config, context));
    } catch (error) {
      throw tokenError(error, config, step, this.redactor);
    }
  }

  private keep(key: string, response: oauth.TokenEndpointResponse, previousRefreshToken?: string): OAuthToken {
    const refreshToken = response.refresh_token ?? previousRefreshToken;
    this.redactor.add(response.access_token);
    if (refreshToken) this.redactor.add(refreshToken);
    const token: OAuthToken = {
      accessToken: response.access_token,
      obtainedAt: this.now(),
      tokenType: response.token_type === 'bearer' ? 'Bearer' : response.token_type,
      ...(response.expires_in !== undefined ? { expiresAt: this.now() + response.expires_in * 1000 } : {}),
      ...(response.scope !== undefined ? { scope: response.scope } : {}),
      refreshable: refreshToken !== undefined,
    };
    this.entries.set(key, { token, refreshToken });
    return token;
  }
}

/** The Authorization header's value for a token. */
export function authorization(token: OAuthToken): string {
  return `${token.tokenType} ${token.accessToken}`;
}
