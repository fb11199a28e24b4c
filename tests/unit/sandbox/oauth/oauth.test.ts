// OAuth 2.0 against a real authorization server started here on 127.0.0.1 (node:http): client
// credentials, password, authorization code with PKCE (the browser played by an openExternal that
// follows the URL with fetch; the server checks state and code_verifier), refresh on expiry, once
// after a 401, a revoked refresh token, a wrong client secret, and a token call through a forward proxy.
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpService } from '../../../../src/main/platform/http';
import { selfSignedCertificate } from '../../../helpers/tls';
import { Redactor } from '../../../../src/main/platform/redact';
import { OAuthError, OAuthTokens, authorization, oauthConfigFromAuth, printingOpenExternal, sandboxTokenSource, type OAuthConfig } from '../../../../src/main/sandbox/oauth';
import { oauthTokenState, type OAuthTokens as SendPathTokens } from '../../../../src/main/sandbox/send/send';
import { BodyCache } from '../../../../src/main/sandbox/store/body-cache';
import { saveEnvironment } from '../../../../src/main/sandbox/store/environments';
import { saveRequest } from '../../../../src/main/sandbox/store/requests';
import { tempDir } from '../../../helpers/temp';
import { environmentInput, requestInput, sandboxWorkspace } from '../client/fixtures';
import { rejectionOf } from '../../../helpers/rejection';

const CLIENT_ID = 'crosswalk-app';
const CLIENT_SECRET = 'client-secret-value-9f8e7d';
const USER = 'ana';
const PASSWORD = 'user-password-value-1a2b3c';

/** What the token endpoint was asked, in order: grant_type (and how the client authenticated). */
const grants: string[] = [];
const issued = new Set<string>();
const refreshTokens = new Set<string>();
const codes = new Map<string, { challenge: string; redirectUri: string }>();
let counter = 0;
let expiresIn: number | undefined = 3600;
let origin = '';
const closers: Array<() => void> = [];

function json(response: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(body));
}

function issue(response: http.ServerResponse, withRefresh: boolean, scope?: string) {
  const accessToken = `access-token-${++counter}-abcdef`;
  issued.add(accessToken);
  const body: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer', ...(expiresIn !== undefined ? { expires_in: expiresIn } : {}), ...(scope ? { scope } : {}) };
  if (withRefresh) {
    const refreshToken = `refresh-token-${counter}-uvwxyz`;
    refreshTokens.add(refreshToken);
    body.refresh_token = refreshToken;
  }
  json(response, 200, body);
}

function clientOf(request: http.IncomingMessage, form: URLSearchParams): { id?: string; secret?: string } {
  const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '');
  if (basic) {
    const [id, secret] = Buffer.from(basic[1]!, 'base64').toString().split(':').map(decodeURIComponent);
    return { id, secret };
  }
  return { id: form.get('client_id') ?? undefined, secret: form.get('client_secret') ?? undefined };
}

const handler: http.RequestListener = (request, response) => {
  let raw = '';
  request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
  request.on('end', () => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (q.get('response_type') !== 'code' || q.get('client_id') !== CLIENT_ID || q.get('code_challenge_method') !== 'S256' || !/^http:\/\/127\.0\.0\.1:\d+\/callback$/.test(redirectUri) || !q.get('state')) {
        return json(response, 400, { error: 'invalid_request' });
      }
      const code = `code-${++counter}`;
      codes.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      response.writeHead(302, { location: back.href }).end();
      return;
    }
    if (url.pathname === '/api') {
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      return token && issued.has(token) ? json(response, 200, { ok: true, token }) : json(response, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
    if (url.pathname !== '/token' || request.method !== 'POST') return json(response, 404, {});
    const form = new URLSearchParams(raw);
    const grant = form.get('grant_type') ?? '';
    grants.push(grant);
    const client = clientOf(request, form);
    // A public client (no secret) may use a code and refresh its token; a confidential one must give the right secret.
    const publicGrant = grant === 'authorization_code' || grant === 'refresh_token';
    if (client.id !== CLIENT_ID || (client.secret === undefined ? !publicGrant : client.secret !== CLIENT_SECRET)) {
      // Servers do echo what they were sent: the message must not pass it on.
      return json(response, 401, { error: 'invalid_client', error_description: `client authentication failed for secret ${client.secret}` });
    }
    if (grant === 'client_credentials') return issue(response, false, form.get('scope') ?? undefined);
    if (grant === 'password') {
      if (form.get('username') !== USER || form.get('password') !== PASSWORD) return json(response, 400, { error: 'invalid_grant', error_description: 'bad credentials' });
      return issue(response, true);
    }
    if (grant === 'refresh_token') {
      const token = form.get('refresh_token') ?? '';
      if (!refreshTokens.delete(token)) return json(response, 400, { error: 'invalid_grant', error_description: 'refresh token revoked' });
      return issue(response, true);
    }
    if (grant === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!code || code.challenge !== challenge || code.redirectUri !== form.get('redirect_uri')) return json(response, 400, { error: 'invalid_grant', error_description: 'code, verifier or redirect_uri wrong' });
      return issue(response, true);
    }
    return json(response, 400, { error: 'unsupported_grant_type' });
  });
};
const server = http.createServer(handler);
const tlsFiles = selfSignedCertificate(); // undefined without openssl: the HTTPS test is skipped
let secureOrigin = '';

/** A forward proxy (absolute-URI requests passed on); `proxied` lists the request lines it saw. */
const proxied: string[] = [];
const proxy = http.createServer((request, response) => {
  proxied.push(`${request.method} ${request.url}`);
  const upstream = http.request(request.url ?? '', { method: request.method, headers: request.headers }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', () => response.destroy());
  request.pipe(upstream);
});
let proxyUrl = '';

async function listen(target: http.Server | https.Server): Promise<number> {
  closers.push(() => {
    target.closeAllConnections();
    target.close();
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  return (target.address() as net.AddressInfo).port;
}

beforeAll(async () => {
  origin = `http://127.0.0.1:${await listen(server)}`;
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
  if (tlsFiles) secureOrigin = `https://127.0.0.1:${await listen(https.createServer(tlsFiles, handler))}`;
});
afterAll(() => closers.forEach((close) => close()));
beforeEach(() => {
  grants.length = 0;
  proxied.length = 0;
  expiresIn = 3600;
});

const http0 = createHttpService({ env: {} });
const base = (overrides: Partial<OAuthConfig> = {}): OAuthConfig => ({
  grant: 'client_credentials',
  environment: 'sandbox',
  tokenUrl: `${origin}/token`,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  ...overrides,
});
const passwordConfig = (overrides: Partial<OAuthConfig> = {}) => base({ grant: 'password', username: USER, password: PASSWORD, ...overrides });

/** The test's browser: follows the authorization URL (a 302 to the loopback redirect) with fetch. */
const browser = { pages: [] as Array<{ status: number; text: string }>, tamper: (location: string) => location };
async function followInBrowser(url: string): Promise<void> {
  const authorize = await fetch(url, { redirect: 'manual' });
  const location = authorize.headers.get('location');
  if (!location) throw new Error(`the authorization server answered ${authorize.status}: ${await authorize.text()}`);
  const back = await fetch(browser.tamper(location));
  browser.pages.push({ status: back.status, text: await back.text() });
}

const failure = (promise: Promise<unknown>) => rejectionOf(promise, OAuthError);

describe('grants', () => {
  it('gets a token with client credentials (HTTP Basic client authentication), with its expiry, and reuses it', async () => {
    let now = 1_000_000;
    const tokens = new OAuthTokens({ http: http0, now: () => now });
    const token = await tokens.get(base({ scope: 'read write' }));
    expect(token).toMatchObject({ tokenType: 'Bearer', obtainedAt: 1_000_000, expiresAt: 1_000_000 + 3_600_000, scope: 'read write', refreshable: false });
    expect(token.accessToken).toMatch(/^access-token-\d+-abcdef$/);
    now += 60_000;
    expect(await tokens.get(base({ scope: 'read write' }))).toEqual(token);
    expect(grants).toEqual(['client_credentials']);
    // Another environment or scope is another token.
    expect((await tokens.get(base({ scope: 'read write', environment: 'staging' }))).accessToken).not.toBe(token.accessToken);
    expect((await tokens.get(base({ scope: 'read' }))).accessToken).not.toBe(token.accessToken);
    expect(grants).toHaveLength(3);
  });

  it('sends the client in the form body when told to', async () => {
    const token = await new OAuthTokens({ http: http0 }).get(base({ clientAuthentication: 'body' }));
    expect(token.accessToken).toMatch(/^access-token-/);
  });

  it('gets a token with the password grant, refreshable', async () => {
    const token = await new OAuthTokens({ http: http0 }).get(passwordConfig());
    expect(token).toMatchObject({ tokenType: 'Bearer', refreshable: true });
    expect(grants).toEqual(['password']);
  });

  it('has no expiry to show when the server gives none', async () => {
    expiresIn = undefined;
    const token = await new OAuthTokens({ http: http0 }).get(base());
    expect(token.expiresAt).toBeUndefined();
  });

  it('gets a token with the authorization code and PKCE through the browser and the loopback redirect', async () => {
    const opened: string[] = [];
    browser.tamper = (location) => location;
    const tokens = new OAuthTokens({
      http: http0,
      openExternal: async (url) => {
        opened.push(url);
        await followInBrowser(url);
      },
    });
    const config = base({ grant: 'authorization_code', authorizationUrl: `${origin}/authorize`, clientSecret: undefined, scope: 'profile' });
    const token = await tokens.get(config);
    expect(token).toMatchObject({ tokenType: 'Bearer', refreshable: true });
    expect(grants).toEqual(['authorization_code']);
    const sent = new URL(opened[0]!);
    expect(Object.fromEntries(sent.searchParams)).toMatchObject({ response_type: 'code', client_id: CLIENT_ID, code_challenge_method: 'S256', scope: 'profile' });
    expect(sent.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(browser.pages.at(-1)).toEqual({ status: 200, text: 'Crosswalk received the authorization. You can close this tab.' });
  });

  it('refuses a redirect whose state is not the one sent, and tells the browser', async () => {
    browser.tamper = (location) => location.replace(/state=[^&]+/, 'state=forged');
    const tokens = new OAuthTokens({ http: http0, openExternal: followInBrowser });
    const config = base({ grant: 'authorization_code', authorizationUrl: `${origin}/authorize`, clientSecret: undefined });
    const error = await failure(tokens.get(config));
    expect(error.code).toBe('OAUTH_BAD_REDIRECT');
    expect(error.message).toMatch(/^The browser came back from the authorization with an answer that does not belong to it \(.*state.*\): try again\.$/);
    expect(browser.pages.at(-1)?.status).toBe(400);
    expect(grants).toEqual([]);
    browser.tamper = (location) => location;
  });

  it('says so when the analyst or the server refuses the authorization', async () => {
    browser.tamper = (location) => {
      const url = new URL(location);
      url.searchParams.delete('code');
      url.searchParams.set('error', 'access_denied');
      url.searchParams.set('error_description', 'The user said no');
      return url.href;
    };
    const tokens = new OAuthTokens({ http: http0, openExternal: followInBrowser });
    const error = await failure(tokens.get(base({ grant: 'authorization_code', authorizationUrl: `${origin}/authorize`, clientSecret: undefined })));
    expect(error).toMatchObject({
      code: 'OAUTH_AUTHORIZATION_REFUSED',
      oauthError: 'access_denied',
      message: 'The authorization server refused the authorization (access_denied: The user said no): check the OAuth settings of environment "sandbox" and try again.',
    });
    expect(browser.pages.at(-1)?.status).toBe(400);
    browser.tamper = (location) => location;
  });

  it('waits a bounded time for the browser, and stops when cancelled', async () => {
    const config = base({ grant: 'authorization_code', authorizationUrl: `${origin}/authorize` });
    let redirectUri = '';
    const patient = new OAuthTokens({ http: http0, authorizationTimeoutMs: 50, openExternal: (url) => void (redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '') });
    const timeout = await failure(patient.get(config));
    expect(timeout).toMatchObject({ code: 'OAUTH_AUTHORIZATION_TIMEOUT', message: 'The browser did not come back from the authorization within 0.05 seconds: sign in and consent in the page that opened, or try again.' });
    // The listener is gone.
    await expect(fetch(redirectUri)).rejects.toThrow();

    const controller = new AbortController();
    const cancelled = new OAuthTokens({ http: http0, openExternal: () => controller.abort() });
    expect(await failure(cancelled.get(config, { signal: controller.signal }))).toMatchObject({ code: 'CANCELLED' });
  });

  it('prints the address on the command line, where a person follows it', async () => {
    browser.tamper = (location) => location;
    const printed: string[] = [];
    const print = printingOpenExternal((line) => printed.push(line));
    const tokens = new OAuthTokens({
      http: http0,
      openExternal: async (url) => {
        await print(url);
        await followInBrowser(printed.at(-1)!.split('\n')[1]!);
      },
    });
    await tokens.get(base({ environment: 'cli', grant: 'authorization_code', authorizationUrl: `${origin}/authorize`, clientSecret: undefined }));
    expect(printed[0]).toMatch(/^To sign in, open this address in a browser on this machine within 5 minutes:\nhttp:\/\/127\.0\.0\.1:\d+\/authorize\?/);
  });

  it('says the browser is needed when there is none', async () => {
    const error = await failure(new OAuthTokens({ http: http0 }).get(base({ grant: 'authorization_code', authorizationUrl: `${origin}/authorize` })));
    expect(error.message).toBe('The authorization code grant (the OAuth settings of environment "sandbox") needs a browser to sign in, and none is available here.');
  });
});

describe('refresh', () => {
  it('refreshes before the token expires (with the skew), not after', async () => {
    expiresIn = 120;
    let now = 0;
    const tokens = new OAuthTokens({ http: http0, now: () => now, expirySkewMs: 30_000 });
    const first = await tokens.get(passwordConfig());
    now = 89_000;
    expect(await tokens.get(passwordConfig())).toEqual(first);
    now = 90_000;
    const second = await tokens.get(passwordConfig());
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.expiresAt).toBe(90_000 + 120_000);
    expect(grants).toEqual(['password', 'refresh_token']);
  });

  it('renews the token once after a 401, and only once', async () => {
    const tokens = new OAuthTokens({ http: http0 });
    const config = passwordConfig({ environment: 'after-401' });
    const first = await tokens.get(config);
    issued.delete(first.accessToken); // the API no longer takes it
    const sent: string[] = [];
    const call = (value: string) => {
      sent.push(value);
      return fetch(`${origin}/api`, { headers: { authorization: value } });
    };
    const response = await tokens.authorize(config, call);
    expect(response.status).toBe(200);
    expect(sent).toEqual([authorization(first), expect.stringMatching(/^Bearer access-token-/)]);
    expect(sent[1]).not.toBe(sent[0]);
    expect(grants).toEqual(['password', 'refresh_token']);

    // An API that refuses every token: two sends, then its 401 is the answer.
    sent.length = 0;
    const refusing = await tokens.authorize(config, (value) => {
      sent.push(value);
      return Promise.resolve({ status: 401 });
    });
    expect(refusing.status).toBe(401);
    expect(sent).toHaveLength(2);
  });

  it('falls back to a new grant when the refresh token was revoked', async () => {
    let now = 0;
    const tokens = new OAuthTokens({ http: http0, now: () => now });
    const first = await tokens.get(passwordConfig({ environment: 'revoked' }));
    refreshTokens.clear(); // revoked on the server
    now = 3_600_000;
    const second = await tokens.get(passwordConfig({ environment: 'revoked' }));
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(grants).toEqual(['password', 'refresh_token', 'password']);
  });

  it('refreshes an authorization code token without the browser, and signs in again when the refresh token was revoked', async () => {
    browser.tamper = (location) => location;
    let now = 0;
    let opened = 0;
    const tokens = new OAuthTokens({
      http: http0,
      now: () => now,
      openExternal: async (url) => {
        opened++;
        await followInBrowser(url);
      },
    });
    const config = base({ environment: 'code-refresh', grant: 'authorization_code', authorizationUrl: `${origin}/authorize`, clientSecret: undefined });
    await tokens.get(config);
    now = 3_600_000;
    await tokens.get(config);
    expect(opened).toBe(1);
    refreshTokens.clear();
    now = 7_200_000;
    await tokens.get(config);
    expect(opened).toBe(2);
    expect(grants).toEqual(['authorization_code', 'refresh_token', 'refresh_token', 'authorization_code']);
  });

  it('invalidate() drops only the token it names', async () => {
    const tokens = new OAuthTokens({ http: http0 });
    const first = await tokens.get(base({ environment: 'inv' }));
    tokens.invalidate(base({ environment: 'inv' }), 'some-older-token');
    expect(await tokens.get(base({ environment: 'inv' }))).toEqual(first);
    tokens.invalidate(base({ environment: 'inv' }), first.accessToken);
    expect(tokens.peek(base({ environment: 'inv' }))?.expiresAt).toBe(0);
    expect((await tokens.get(base({ environment: 'inv' }))).accessToken).not.toBe(first.accessToken);
  });

  it('shares one token request between callers asking at once', async () => {
    const tokens = new OAuthTokens({ http: http0 });
    const [a, b] = await Promise.all([tokens.get(base({ environment: 'shared' })), tokens.get(base({ environment: 'shared' }))]);
    expect(a).toEqual(b);
    expect(grants).toEqual(['client_credentials']);
  });
});

describe('failures', () => {
  it('says in one sentence that the client secret is wrong, never echoing it', async () => {
    const wrong = 'wrong-secret-value-777';
    const redactor = new Redactor();
    const error = await failure(new OAuthTokens({ http: http0, redactor }).get(base({ clientSecret: wrong })));
    expect(error.code).toBe('OAUTH_CLIENT_REFUSED');
    expect(error.message).toBe(
      `The token endpoint ${origin}/token refused the client "${CLIENT_ID}" (invalid_client: client authentication failed for secret ***): check the client ID and client secret in the OAuth settings of environment "sandbox".`,
    );
    expect(error.message).not.toContain(wrong);
    // The app's redactor learnt it too, so logs and history hide it.
    expect(redactor.text(`secret ${wrong}`)).toBe('secret ***');
  });

  it('says the user name or password was refused', async () => {
    const error = await failure(new OAuthTokens({ http: http0 }).get(passwordConfig({ password: 'not-the-password' })));
    expect(error.message).toBe(
      `The token endpoint ${origin}/token refused the user name or password of "${USER}" (invalid_grant: bad credentials): check them in the OAuth settings of environment "sandbox".`,
    );
  });

  it('says when the token endpoint cannot be reached', async () => {
    const error = await failure(new OAuthTokens({ http: http0 }).get(base({ tokenUrl: 'http://127.0.0.1:1/token' })));
    expect(error.code).toBe('OAUTH_UNREACHABLE');
    expect(error.message).toBe('Getting a token from http://127.0.0.1:1/token failed: The connection to 127.0.0.1:1 was refused: is the server running?');
  });

  it('says when the token URL is not an address', async () => {
    const error = await failure(new OAuthTokens({ http: http0 }).get(base({ tokenUrl: 'ftp://x/token' })));
    expect(error.message).toBe('The token URL "ftp://x/token" is not an http(s) address: correct it in the OAuth settings of environment "sandbox".');
  });
});

describe('network', () => {
  it.skipIf(!tlsFiles)("trusts the token endpoint's certificate only as the environment says", async () => {
    const tokens = new OAuthTokens({ http: http0 });
    const config = base({ environment: 'tls', tokenUrl: `${secureOrigin}/token` });
    const refused = await failure(tokens.get(config));
    expect(refused.message).toMatch(/^Getting a token from https:\/\/127\.0\.0\.1:\d+\/token failed: The TLS certificate of 127\.0\.0\.1:\d+ /);
    // The environment's CA, given per call as the send path gives it.
    const token = await tokens.get(config, { tls: { ca: tlsFiles!.cert } });
    expect(token.accessToken).toMatch(/^access-token-/);
  });

  it('sends token calls through the same proxy as requests', async () => {
    const proxiedHttp = createHttpService({ env: { HTTP_PROXY: proxyUrl } });
    const token = await new OAuthTokens({ http: proxiedHttp }).get(base({ environment: 'proxied' }));
    expect(token.accessToken).toMatch(/^access-token-/);
    expect(proxied).toEqual([`POST ${origin}/token`]);
  });
});

describe('from the request model', () => {
  it("gets a token for the contract's oauth2 auth", async () => {
    const config = oauthConfigFromAuth(
      { grant: 'password', tokenUrl: `${origin}/token`, authUrl: '', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scope: '', audience: 'https://api.example.test', username: USER, password: PASSWORD, clientAuth: 'body' },
      'env-7',
    );
    expect(config).toEqual({ grant: 'password', environment: 'env-7', tokenUrl: `${origin}/token`, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, clientAuthentication: 'body', username: USER, password: PASSWORD, extraParameters: { audience: 'https://api.example.test' } });
    expect((await new OAuthTokens({ http: http0 }).get(config)).refreshable).toBe(true);
  });
});

describe('the send path\'s token source', () => {
  const auth = {
    kind: 'oauth2' as const,
    grant: 'password' as const,
    tokenUrl: '',
    authUrl: '',
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    scope: 'read',
    audience: '',
    username: USER,
    password: PASSWORD,
    clientAuth: 'basic' as const,
  };

  it('gets, renews and shows a token through the environment\'s own proxy', async () => {
    let now = 5_000;
    const source: SendPathTokens & ReturnType<typeof sandboxTokenSource> = sandboxTokenSource(new OAuthTokens({ http: http0, now: () => now }));
    const config = { ...auth, tokenUrl: `${origin}/token` };
    expect(source.state(config, 7)).toBeNull();
    // The environment's proxy, given per call, as the send path does.
    const context = { environmentId: 7, http: http0, proxy: () => new URL(proxyUrl), renew: false };
    const first = await source.tokenFor(config, context);
    expect(first.tokenType).toBe('Bearer');
    expect(proxied).toEqual([`POST ${origin}/token`]);
    expect(source.state(config, 7)).toEqual({ obtainedAt: new Date(5_000).toISOString(), expiresAt: new Date(5_000 + 3_600_000).toISOString(), scope: 'read', refreshable: true });
    // Another environment has its own token.
    expect(source.state(config, 8)).toBeNull();
    now = 6_000;
    expect((await source.tokenFor(config, context)).accessToken).toBe(first.accessToken);
    const renewed = await source.tokenFor(config, { ...context, renew: true });
    expect(renewed.accessToken).not.toBe(first.accessToken);
    expect(grants).toEqual(['password', 'refresh_token']);
  });

  it("shows a saved request's token state for its Auth tab, gets a new one on demand, and follows an environment's OAuth when it inherits", async () => {
    const { store, systemId } = sandboxWorkspace();
    const redactor = new Redactor();
    const deps = { store, cache: new BodyCache(tempDir(), 'cache'), http: http0, redactor, oauth: sandboxTokenSource(new OAuthTokens({ http: http0 })) };
    const own = saveRequest(store, requestInput({ systemId, name: 'Own', method: 'GET', url: 'http://127.0.0.1:9/x', auth: { ...auth, tokenUrl: `${origin}/token` } }));
    const input = (requestId: number, environmentId: number | null = null) => ({ request: { requestId }, environmentId, variables: {} });
    expect(await oauthTokenState(deps, input(own.id), false)).toBeNull();
    const before = grants.length;
    const obtained = await oauthTokenState(deps, input(own.id), true);
    expect(obtained).toEqual({ obtainedAt: expect.any(String), expiresAt: expect.any(String), scope: 'read', refreshable: true });
    expect(Date.parse(obtained!.expiresAt!) - Date.parse(obtained!.obtainedAt)).toBe(3_600_000);
    expect(grants.slice(before)).toEqual(['password']);
    expect(await oauthTokenState(deps, input(own.id), false)).toEqual(obtained);

    // Inheriting: the environment's OAuth, its client secret sealed there and opened for the token call.
    const environment = saveEnvironment(store, environmentInput({ systemId, name: 'Sandbox', kind: 'sandbox', baseUrl: 'http://127.0.0.1:9', auth: { ...auth, tokenUrl: `${origin}/token`, scope: 'write' } }));
    const inherits = saveRequest(store, requestInput({ systemId, name: 'Inherits', method: 'GET', url: '{{baseUrl}}/x', auth: { kind: 'inherit' } }));
    expect(await oauthTokenState(deps, input(inherits.id, environment.id), false)).toBeNull();
    expect(await oauthTokenState(deps, input(inherits.id, environment.id), true)).toMatchObject({ scope: 'write', refreshable: true });

    const plain = saveRequest(store, requestInput({ systemId, name: 'Plain', method: 'GET', url: 'http://127.0.0.1:9/x', auth: { kind: 'bearer', token: 'bearer-value-123' } }));
    await expect(oauthTokenState(deps, input(plain.id), false)).rejects.toThrow("This request does not use OAuth 2.0 (nor does its environment): choose OAuth 2.0 in its Auth tab first.");
    const wrong = saveRequest(store, requestInput({ systemId, name: 'Wrong', method: 'GET', url: 'http://127.0.0.1:9/x', auth: { ...auth, tokenUrl: `${origin}/token`, scope: 'admin', clientSecret: 'not-it-at-all' } }));
    await expect(oauthTokenState(deps, input(wrong.id), true)).rejects.toThrow(/check the client ID and client secret/);
    expect(await oauthTokenState(deps, input(wrong.id), false)).toBeNull();
    store.workspace.close();
  });

  it('says where to fix a refused client', async () => {
    const source = sandboxTokenSource(new OAuthTokens({ http: http0 }));
    const error = await failure(source.tokenFor({ ...auth, tokenUrl: `${origin}/token`, clientSecret: 'not-it-at-all' }, { environmentId: null, http: http0, renew: false }));
    expect(error.message).toMatch(/: check the client ID and client secret in the request's OAuth 2\.0 settings \(its Auth tab, or its environment's when it inherits\)\.$/);
  });
});
