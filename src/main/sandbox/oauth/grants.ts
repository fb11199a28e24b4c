// The grants, each one oauth4webapi request and the processing of its answer: client credentials,
// password (a generic grant in oauth4webapi, as OAuth 2.1 drops it), authorization code with PKCE
// through the browser and a loopback redirect, and refreshing.
import * as oauth from 'oauth4webapi';
import { OAuthError, settingsOf } from './errors';
import type { Fetch } from './http-fetch';
import { listenForRedirect } from './loopback';
import type { OAuthConfig, OpenExternal } from './types';

export interface GrantContext {
  fetch: Fetch;
  signal?: AbortSignal;
  openExternal?: OpenExternal;
  authorizationTimeoutMs?: number;
}

interface Parties {
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  auth: oauth.ClientAuth;
  options: oauth.TokenEndpointRequestOptions;
}

function parties(config: OAuthConfig, context: GrantContext): Parties {
  const tokenUrl = parseUrl(config.tokenUrl, 'token URL', config);
  const as: oauth.AuthorizationServer = {
    issuer: tokenUrl.origin,
    token_endpoint: tokenUrl.href,
    ...(config.authorizationUrl ? { authorization_endpoint: parseUrl(config.authorizationUrl, 'authorization URL', config).href } : {}),
  };
  const secret = config.clientSecret;
  const auth = secret === undefined || secret === '' ? oauth.None() : config.clientAuthentication === 'body' ? oauth.ClientSecretPost(secret) : oauth.ClientSecretBasic(secret);
  return {
    as,
    client: { client_id: config.clientId },
    auth,
    options: {
      [oauth.customFetch]: context.fetch as NonNullable<oauth.TokenEndpointRequestOptions[typeof oauth.customFetch]>,
      // The analyst chose the address; a sandbox on plain http is theirs to use.
      [oauth.allowInsecureRequests]: tokenUrl.protocol === 'http:',
      signal: context.signal,
    },
  };
}

function parseUrl(value: string, what: string, config: OAuthConfig): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new OAuthError('OAUTH_BAD_CONFIG', `The ${what} "${value}" is not an http(s) address: correct it in ${settingsOf(config)}.`);
  }
  return url;
}

function scopeParameters(config: OAuthConfig): Record<string, string> {
  return { ...(config.extraParameters ?? {}), ...(config.scope ? { scope: config.scope } : {}) };
}

export async function clientCredentialsGrant(config: OAuthConfig, context: GrantContext): Promise<oauth.TokenEndpointResponse> {
  const { as, client, auth, options } = parties(config, context);
  const response = await oauth.clientCredentialsGrantRequest(as, client, auth, scopeParameters(config), options);
  return oauth.processClientCredentialsResponse(as, client, response);
}

export async function passwordGrant(config: OAuthConfig, context: GrantContext): Promise<oauth.TokenEndpointResponse> {
  if (!config.username) {
    throw new OAuthError('OAUTH_BAD_CONFIG', `The password grant needs a user name: give it in ${settingsOf(config)}.`);
  }
  const { as, client, auth, options } = parties(config, context);
  const parameters = { ...scopeParameters(config), username: config.username, password: config.password ?? '' };
  const response = await oauth.genericTokenEndpointRequest(as, client, auth, 'password', parameters, options);
  return oauth.processGenericTokenEndpointResponse(as, client, response);
}

export async function refreshGrant(config: OAuthConfig, refreshToken: string, context: GrantContext): Promise<oauth.TokenEndpointResponse> {
  const { as, client, auth, options } = parties(config, context);
  const response = await oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, { ...options, additionalParameters: config.scope ? { scope: config.scope } : undefined });
  return oauth.processRefreshTokenResponse(as, client, response);
}

/**
 * Sends the browser (through `openExternal`) to the authorization URL with a fresh state and PKCE
 * challenge, waits for it on the loopback redirect, checks the state, and exchanges the code.
 */
export async function authorizationCodeGrant(config: OAuthConfig, context: GrantContext): Promise<oauth.TokenEndpointResponse> {
  const { as, client, auth, options } = parties(config, context);
  if (!as.authorization_endpoint) {
    throw new OAuthError('OAUTH_BAD_CONFIG', `The authorization code grant needs an authorization URL: give it in ${settingsOf(config)}.`);
  }
  if (!context.openExternal) {
    throw new OAuthError('OAUTH_NEEDS_BROWSER', `The authorization code grant (${settingsOf(config)}) needs a browser to sign in, and none is available here.`);
  }
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  let parameters: URLSearchParams | undefined;
  const redirect = await listenForRedirect({
    timeoutMs: context.authorizationTimeoutMs,
    signal: context.signal,
    check: (url) => {
      try {
        parameters = oauth.validateAuthResponse(as, client, url.searchParams, state);
        return undefined;
      } catch (error) {
        if (error instanceof oauth.AuthorizationResponseError) {
          const description = error.error_description ? `: ${error.error_description.slice(0, 200)}` : '';
          return new OAuthError('OAUTH_AUTHORIZATION_REFUSED', `The authorization server refused the authorization (${error.error}${description}): check ${settingsOf(config)} and try again.`, error.error);
        }
        const message = error instanceof Error ? error.message : String(error);
        return new OAuthError('OAUTH_BAD_REDIRECT', `The browser came back from the authorization with an answer that does not belong to it (${message}): try again.`);
      }
    },
  });
  try {
    const url = new URL(as.authorization_endpoint);
    const query = {
      ...(config.extraParameters ?? {}),
      response_type: 'code',
      client_id: config.clientId,
      redirect_uri: redirect.redirectUri,
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      ...(config.scope ? { scope: config.scope } : {}),
    };
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    await context.openExternal(url.href);
    await redirect.callback;
  } finally {
    redirect.close();
  }
  const response = await oauth.authorizationCodeGrantRequest(as, client, auth, parameters!, redirect.redirectUri, verifier, options);
  return oauth.processAuthorizationCodeResponse(as, client, response);
}
