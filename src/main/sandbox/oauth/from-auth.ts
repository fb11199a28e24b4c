// The request model's oauth2 auth (shared/contract/sandbox.ts), its secrets opened, as an OAuthConfig.
import type { OAuthConfig, OAuthGrant } from './types';

export interface OAuth2Auth {
  grant: 'clientCredentials' | 'password' | 'authorizationCode';
  tokenUrl: string;
  authUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  audience: string;
  username: string;
  password: string;
  clientAuth: 'basic' | 'body';
}

const GRANTS: Record<OAuth2Auth['grant'], OAuthGrant> = { clientCredentials: 'client_credentials', password: 'password', authorizationCode: 'authorization_code' };

/** `environment`: the environment's id or name, so that its tokens are its own. */
export function oauthConfigFromAuth(auth: OAuth2Auth, environment: string): OAuthConfig {
  return {
    grant: GRANTS[auth.grant],
    environment,
    tokenUrl: auth.tokenUrl,
    ...(auth.authUrl ? { authorizationUrl: auth.authUrl } : {}),
    clientId: auth.clientId,
    ...(auth.clientSecret ? { clientSecret: auth.clientSecret } : {}),
    clientAuthentication: auth.clientAuth,
    ...(auth.scope ? { scope: auth.scope } : {}),
    ...(auth.grant === 'password' ? { username: auth.username, password: auth.password } : {}),
    ...(auth.audience ? { extraParameters: { audience: auth.audience } } : {}),
  };
}
