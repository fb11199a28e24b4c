// OAuth 2.0 for the sandbox's requests, on oauth4webapi: client credentials, password, and
// authorization code with PKCE through the browser and a loopback redirect; tokens cached, refreshed
// before expiry and once after a 401.
//
//   const tokens = new OAuthTokens({ http: services.http, redactor: services.redactor, openExternal });
//   const token = await tokens.get(config, signal);          // token.expiresAt for showing
//   const response = await tokens.authorize(config, (authorization) => send({ ...headers, authorization }), signal);
export type { OAuthConfig, OAuthGrant, OAuthToken, OpenExternal } from './types';
export { OAuthTokens, authorization, tokenKey, DEFAULT_EXPIRY_SKEW_MS, type OAuthTokensOptions } from './tokens';
export { OAuthError } from './errors';
export { DEFAULT_AUTHORIZATION_TIMEOUT_MS } from './loopback';
export { httpFetch } from './http-fetch';
export { oauthConfigFromAuth, type OAuth2Auth } from './from-auth';
export { sandboxTokenSource, type TokenSourceContext } from './token-source';
export type { TokenCallOptions } from './tokens';
export { printingOpenExternal } from './open-external';
