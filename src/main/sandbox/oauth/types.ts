// What an OAuth 2.0 auth of a request says, and the token it gets.

export type OAuthGrant = 'client_credentials' | 'password' | 'authorization_code';

export interface OAuthConfig {
  grant: OAuthGrant;
  /** The environment the token is for (its name or id): tokens are never shared between environments. */
  environment: string;
  tokenUrl: string;
  /** authorization_code: where the browser is sent to sign in and consent. */
  authorizationUrl?: string;
  clientId: string;
  /** Absent: a public client (authorization code with PKCE only). */
  clientSecret?: string;
  /** How the client authenticates at the token endpoint: HTTP Basic (default) or client_id and client_secret in the form body. */
  clientAuthentication?: 'basic' | 'body';
  /** Space-separated scopes. */
  scope?: string;
  /** password grant. */
  username?: string;
  password?: string;
  /** Where the analyst fixes these settings, for messages: 'the OAuth settings of environment "<environment>"' unless given. */
  settingsLabel?: string;
  /** Sent with the grant as they are (audience, resource…). */
  extraParameters?: Record<string, string>;
}

export interface OAuthToken {
  accessToken: string;
  /** As the server says ("Bearer" unless it says otherwise). */
  tokenType: string;
  /** When it was issued, in milliseconds since the epoch. */
  obtainedAt: number;
  /** Milliseconds since the epoch; undefined when the server gave no expires_in. */
  expiresAt?: number;
  scope?: string;
  /** Whether a refresh token is held (the token itself never leaves the cache). */
  refreshable: boolean;
}

/** Opens the system browser (the app), a new tab (the web host) or prints the address (the CLI). */
export type OpenExternal = (url: string) => void | Promise<void>;
