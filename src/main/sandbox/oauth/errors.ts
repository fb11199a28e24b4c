// A failed token request as one sentence: what the token endpoint said, where, and how to fix it —
// with every secret of the config redacted, whatever the server echoed back.
import * as oauth from 'oauth4webapi';
import { UserError } from '../../errors';
import { HttpError } from '../../platform/http';
import type { Redactor } from '../../platform/redact';
import type { OAuthConfig } from './types';

export class OAuthError extends UserError {
  constructor(
    code: string,
    message: string,
    /** The server's OAuth error code (invalid_client, invalid_grant…), when it sent one. */
    readonly oauthError?: string,
  ) {
    super(code, message);
    this.name = 'OAuthError';
  }
}

/** Where the analyst fixes the settings. */
export const settingsOf = (config: OAuthConfig) => config.settingsLabel ?? `the OAuth settings of environment "${config.environment}"`;
const where = settingsOf;

/** `error` from a token request (`step`: "the client credentials grant", "refreshing the token"…) as an OAuthError. */
export function tokenError(error: unknown, config: OAuthConfig, step: string, redactor: Redactor): OAuthError {
  if (error instanceof OAuthError) return error;
  const url = redactor.url(config.tokenUrl);
  const say = (code: string, message: string, oauthError?: string) => new OAuthError(code, redactor.text(message), oauthError);
  if (error instanceof HttpError) {
    if (error.code === 'ABORTED') return say('CANCELLED', `Getting a token from ${url} was cancelled.`);
    return say('OAUTH_UNREACHABLE', `Getting a token from ${url} failed: ${error.message}`);
  }
  if (error instanceof oauth.ResponseBodyError || error instanceof oauth.WWWAuthenticateChallengeError) {
    const code = error instanceof oauth.ResponseBodyError ? error.error : challengeError(error);
    const description = error instanceof oauth.ResponseBodyError && error.error_description ? `: ${error.error_description.slice(0, 200)}` : '';
    if (code === 'invalid_client' || (error.status === 401 && code !== 'invalid_grant')) {
      return say(
        'OAUTH_CLIENT_REFUSED',
        `The token endpoint ${url} refused the client "${config.clientId}" (${code ?? `HTTP ${error.status}`}${description}): check the client ID and client secret in ${where(config)}.`,
        code,
      );
    }
    if (code === 'invalid_grant' && config.grant === 'password' && step !== 'refreshing the token') {
      return say(
        'OAUTH_USER_REFUSED',
        `The token endpoint ${url} refused the user name or password of "${config.username ?? ''}" (invalid_grant${description}): check them in ${where(config)}.`,
        code,
      );
    }
    if (code === 'invalid_scope') {
      return say('OAUTH_SCOPE_REFUSED', `The token endpoint ${url} refused the scope "${config.scope ?? ''}" (invalid_scope${description}): check the scope in ${where(config)}.`, code);
    }
    return say('OAUTH_REFUSED', `The token endpoint ${url} refused ${step} (${code ?? `HTTP ${error.status}`}${description}): check ${where(config)}.`, code);
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    const description = error.error_description ? `: ${error.error_description.slice(0, 200)}` : '';
    return say('OAUTH_AUTHORIZATION_REFUSED', `The authorization server refused the authorization (${error.error}${description}): check ${where(config)} and try again.`, error.error);
  }
  const message = error instanceof Error ? error.message : String(error);
  return say('OAUTH_BAD_RESPONSE', `The token endpoint ${url} did not answer ${step} with a token (${message}): check the token URL in ${where(config)}.`);
}

function challengeError(error: oauth.WWWAuthenticateChallengeError): string | undefined {
  for (const challenge of error.cause) if (challenge.parameters.error) return challenge.parameters.error;
  return undefined;
}
