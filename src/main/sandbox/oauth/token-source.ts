// The token source the send path takes (sandbox/send: OAuthTokens.tokenFor): the request model's oauth2
// auth, its secrets and variables already opened, to a token from the cache — over the environment's
// http service, certificates and proxy — and the token's state for showing its expiry.
import type { AuthInput, OAuthTokenState } from '../../../shared/contract/sandbox';
import type { HttpService, ProxyResolver, TlsSettings } from '../../platform/http';
import { oauthConfigFromAuth } from './from-auth';
import type { OAuthTokens } from './tokens';
import type { OAuthConfig } from './types';

type OAuth2Input = Extract<AuthInput, { kind: 'oauth2' }>;

export interface TokenSourceContext {
  environmentId: number | null;
  http: HttpService;
  tls?: TlsSettings;
  proxy?: ProxyResolver;
  signal?: AbortSignal;
  /** The API answered 401 to the last token: get a new one (refreshed, or a new grant). */
  renew: boolean;
}

const plain = (value: unknown) => (typeof value === 'string' ? value : '');

function configOf(auth: OAuth2Input, environmentId: number | null): OAuthConfig {
  return {
    ...oauthConfigFromAuth({ ...auth, clientSecret: plain(auth.clientSecret), password: plain(auth.password) }, environmentId === null ? 'none' : `environment-${environmentId}`),
    settingsLabel: "the request's OAuth 2.0 settings (its Auth tab, or its environment's when it inherits)",
  };
}

export function sandboxTokenSource(tokens: OAuthTokens) {
  return {
    async tokenFor(auth: OAuth2Input, context: TokenSourceContext): Promise<{ accessToken: string; tokenType: string }> {
      const config = configOf(auth, context.environmentId);
      if (context.renew) tokens.invalidate(config);
      const token = await tokens.get(config, { http: context.http, tls: context.tls, proxy: context.proxy, signal: context.signal });
      return { accessToken: token.accessToken, tokenType: token.tokenType };
    },

    /** The cached token's state (never the token), or null when none was obtained in this session. */
    state(auth: OAuth2Input, environmentId: number | null): OAuthTokenState | null {
      const token = tokens.peek(configOf(auth, environmentId));
      if (!token) return null;
      return {
        obtainedAt: new Date(token.obtainedAt).toISOString(),
        expiresAt: token.expiresAt === undefined ? null : new Date(token.expiresAt).toISOString(),
        scope: token.scope ?? auth.scope,
        refreshable: token.refreshable,
      };
    },
  };
}
