// One send: the request (saved or draft) with its secrets opened and variables resolved, the
// production guard, auth, cookies, the environment's TLS and proxy, the exchange through the platform's
// http service, the body streamed to the cache folder (only a preview kept in memory), and its history row.
import fs from 'node:fs';
import { CookieJar } from 'tough-cookie';
import type { AuthInput, CookieSet, OAuthTokenState, HistoryEntrySummary, RedirectHop, RequestDraft, SendOutcome, Timings } from '../../../shared/contract';
import { UserError } from '../../errors';
import { HttpError, type HttpRequest, type HttpResponse, type HttpService, type HttpTimings, type ProxyResolver } from '../../platform/http';
import { REDACTED, type Redactor } from '../../platform/redact';
import { environmentSecret } from '../../platform/secrets';
import { readSecret } from '../../workspace/secrets';
import type { BodyCache } from '../store/body-cache';
import { systemScope, type SandboxStore } from '../store/context';
import { openEnvironment, readCookieJar, writeCookieJar } from '../store/environments';
import { addHistory } from '../store/history';
import { openedForSend, type OpenedForSend } from '../store/opened-cache';
import { openDraft, type StoredRequestDefinition } from '../store/requests';
import { publicView, requestSlots } from '../store/secret-slots';
import { proxyOf, tlsOf } from './connection';
import { failureOf } from './failures';
import { PREVIEW_BYTES, bodyPreview } from './preview';
import { VariableScope, variablesIn } from './variables';
import { applyAuth, wireRequest, type TokenFor, type WireRequest } from './wire';
import type { Readable } from 'node:stream';

/** OAuth 2.0 tokens, implemented by sandbox/oauth: token calls go through `http` with the same TLS and proxy. */
export interface OAuthTokens {
  tokenFor(
    auth: Extract<AuthInput, { kind: 'oauth2' }>,
    context: { environmentId: number | null; http: HttpService; tls?: ReturnType<typeof tlsOf>; proxy?: ProxyResolver; signal?: AbortSignal; renew: boolean },
  ): Promise<{ accessToken: string; tokenType?: string }>;
  /** The cached token's state (never the token itself), or null when none was obtained in this session. */
  state?(auth: Extract<AuthInput, { kind: 'oauth2' }>, environmentId: number | null): OAuthTokenState | null;
}

export interface SendDeps {
  store: SandboxStore;
  cache: BodyCache;
  http: HttpService;
  redactor: Redactor;
  oauth?: OAuthTokens;
  defaultProxy?: ProxyResolver;
  resolveProxy?: (url: string) => Promise<string>;
  /** A history row was stored. */
  onHistory?: (entry: HistoryEntrySummary) => void;
}

type Draft = RequestDraft & StoredRequestDefinition;

export interface SendInput {
  request: { requestId: number } | { draft: Draft; basedOn?: number };
  environmentId: number | null;
  variables: Record<string, string>;
  confirmProduction: boolean;
  signal?: AbortSignal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function send(deps: SendDeps, input: SendInput): Promise<SendOutcome> {
  const { store } = deps;
  const cached = openedForSend(store);
  const opened = 'requestId' in input.request ? cached.request(input.request.requestId) : openDraft(store, input.request.draft, input.request.basedOn);
  const draft = opened.draft as Draft;
  const requestId = 'requestId' in input.request ? input.request.requestId : (input.request.basedOn ?? null);
  const environment = input.environmentId === null ? undefined : cached.environment(input.environmentId);
  if (environment && environment.environment.systemId !== draft.systemId) {
    throw new UserError('ENVIRONMENT_SYSTEM', `The environment "${environment.environment.name}" belongs to another system: choose one of this request's system.`);
  }
  if (environment?.environment.kind === 'production' && !SAFE_METHODS.has(draft.method) && !input.confirmProduction) {
    return {
      outcome: 'needs-confirmation',
      message: `"${environment.environment.name}" is a production environment: confirm that this ${draft.method} may change real data there.`,
    };
  }

  const scope = variableScope(deps, cached, draft.systemId, environment, input.variables);
  const definition = environment?.opened;
  const auth = scope.resolveDeep(draft.auth.kind === 'inherit' ? (definition?.auth ?? { kind: 'none' }) : draft.auth) as AuthInput;
  const resolved = scope.resolveDeep({ method: draft.method, url: draft.url, query: draft.query, headers: draft.headers, body: draft.body });
  const unresolved = [...scope.unresolved, ...opened.missing, ...(environment?.missing ?? [])];
  if (unresolved.length > 0) return { outcome: 'unresolved', unresolved: [...new Set(unresolved)] };

  const wire = wireRequest(resolved);
  const tls = tlsOf(definition);
  const proxy = await proxyOf(definition, { defaultProxy: deps.defaultProxy, resolveProxy: deps.resolveProxy, http: deps.http, signal: input.signal });
  const tokenFor: TokenFor | undefined = deps.oauth && ((oauth, renew) => deps.oauth!.tokenFor(oauth, { environmentId: input.environmentId, http: deps.http, tls, proxy, signal: input.signal, renew }));
  await applyAuth(wire, auth, tokenFor);
  // An environment that holds no cookies yet (most) has no jar to open, read or compare: one is made
  // only if the answer sets a cookie.
  const jarWasEmpty = environment?.environment.cookies === 0;
  let jar = environment && !jarWasEmpty ? loadJar(store, environment.environment) : undefined;
  const cookiesBefore = jar ? JSON.stringify(jar.serializeSync()) : undefined;
  if (jar) addCookies(wire, jar);

  const record = { systemId: draft.systemId, requestId, environmentId: input.environmentId, draft: publicDraft(draft) };
  let response: HttpResponse<Readable>;
  let watch: RedirectWatch;
  try {
    response = await exchangeOnce(deps, wire, draft, { tls, proxy, signal: input.signal }, (watch = new RedirectWatch(wire.url.href)));
    if (response.status === 401 && auth.kind === 'oauth2' && tokenFor) {
      // The token may have been revoked or expired early: one renewal, then the answer stands.
      response.body.destroy();
      await applyAuth(wire, auth, tokenFor, true);
      response = await exchangeOnce(deps, wire, draft, { tls, proxy, signal: input.signal }, (watch = new RedirectWatch(wire.url.href)));
    }
  } catch (error) {
    return failed(deps, error, input.signal, { ...record, request: sentRequest(deps.redactor, wire), method: wire.method, url: wire.url.href });
  }
  const { loop } = watch;
  if (loop) {
    response.body.destroy();
    const hops = loop.map((url) => deps.redactor.url(url)).join(' → ');
    const message = `${deps.redactor.url(wire.url.href)} redirects in a loop (${hops}): the server's redirects must be fixed, or send without following redirects to see the first answer.`;
    return failed(deps, new HttpError('TOO_MANY_REDIRECTS', message), input.signal, { ...record, request: sentRequest(deps.redactor, wire), method: wire.method, url: wire.url.href }, 'redirect-loop');
  }

  const contentType = response.headers.get('content-type') ?? null;
  let stored: StoredBody;
  try {
    stored = await storeBody(deps.cache, response.body);
  } catch (error) {
    return failed(deps, error, input.signal, { ...record, request: sentRequest(deps.redactor, wire), method: wire.method, url: response.url });
  }

  if (environment && !jar && response.headers.has('set-cookie')) jar = new CookieJar();
  const cookies = jar ? takeCookies(jar, response) : [];
  if (jar && environment && !(jarWasEmpty && cookies.length === 0)) {
    const after = jar.serializeSync();
    if (JSON.stringify(after) !== cookiesBefore) writeCookieJar(store, environment.environment, JSON.stringify(after), after?.cookies.length ?? 0);
  }
  const timings = timingsOf(response.timings, response.url === wire.url.href ? wire.url : new URL(response.url));
  const headers = redactedHeaderList(deps.redactor, response.headers.entries());
  const redirects = redirectHops(deps.redactor, wire.method, response);
  const request = sentRequest(deps.redactor, wire);
  const entry = addHistory(store, deps.cache, {
    systemId: record.systemId,
    requestId: record.requestId,
    environmentId: record.environmentId,
    method: wire.method,
    url: request.url,
    status: response.status,
    statusText: response.statusText,
    error: null,
    errorKind: null,
    timings,
    size: stored.size,
    contentType,
    bodyId: stored.bodyId,
    detail: { request, headers, redirects, draft: record.draft },
  });
  deps.onHistory?.(entry);
  return {
    outcome: 'response',
    result: {
      historyId: entry.id,
      request,
      status: response.status,
      statusText: response.statusText,
      headers,
      cookies,
      redirects,
      timings,
      size: stored.size,
      preview: bodyPreview(stored.head, stored.size, contentType),
      bodyId: stored.bodyId,
    },
  };
}

/**
 * The request as it would be sent — variables and the environment's auth resolved, nothing sent — for
 * copying as cURL. OAuth 2.0 stays unresolved (no token is fetched for a copy). Secret values are plain
 * here and known to `deps.redactor`, which the copy uses to mask them unless they are asked for.
 */
export function resolveForCopy(deps: Pick<SendDeps, 'store' | 'redactor'>, input: Pick<SendInput, 'request' | 'environmentId' | 'variables'>) {
  const { store } = deps;
  const cached = openedForSend(store);
  const opened = 'requestId' in input.request ? cached.request(input.request.requestId) : openDraft(store, input.request.draft, input.request.basedOn);
  const draft = opened.draft as Draft;
  const environment = input.environmentId === null ? undefined : cached.environment(input.environmentId);
  const scope = variableScope(deps as SendDeps, cached, draft.systemId, environment, input.variables);
  const auth = scope.resolveDeep(draft.auth.kind === 'inherit' ? (environment?.opened.auth ?? { kind: 'none' }) : draft.auth) as AuthInput;
  const resolved = scope.resolveDeep({ method: draft.method, url: draft.url, query: draft.query, headers: draft.headers, body: draft.body });
  return { ...resolved, auth, settings: draft.settings, unresolved: [...new Set([...scope.unresolved, ...opened.missing, ...(environment?.missing ?? [])])] };
}

/**
 * The OAuth 2.0 token state of a request (its own auth, or its environment's when it inherits), for its
 * Auth tab; `renew` gets a new token first, over the environment's certificates and proxy as a send would.
 */
export async function oauthTokenState(deps: SendDeps, input: Pick<SendInput, 'request' | 'environmentId' | 'variables' | 'signal'>, renew: boolean): Promise<OAuthTokenState | null> {
  const resolved = resolveForCopy(deps, input);
  const auth = resolved.auth;
  if (auth.kind !== 'oauth2') throw new UserError('AUTH_NOT_OAUTH', "This request does not use OAuth 2.0 (nor does its environment): choose OAuth 2.0 in its Auth tab first.");
  if (!deps.oauth) throw new UserError('OAUTH_UNAVAILABLE', 'OAuth 2.0 tokens cannot be fetched here: send the request from the app or the web host.');
  if (renew) {
    // Only the auth's own variables matter to a token call, not the URL's or the body's.
    // (A secret of the auth that does not open here is named by its slot: request3.auth.clientSecret.)
    const inAuth = new Set(variablesIn(JSON.stringify(auth)));
    const unresolved = resolved.unresolved.filter((name) => inAuth.has(name) || name.includes('auth.'));
    if (unresolved.length > 0) {
      throw new UserError('OAUTH_UNRESOLVED', `No token fetched: nothing gives a value to ${unresolved.map((name) => `{{${name}}}`).join(', ')} in the OAuth 2.0 settings. Add it to the environment.`);
    }
    const definition = input.environmentId === null ? undefined : openedForSend(deps.store).environment(input.environmentId).opened;
    const tls = tlsOf(definition);
    const proxy = await proxyOf(definition, { defaultProxy: deps.defaultProxy, resolveProxy: deps.resolveProxy, http: deps.http, signal: input.signal });
    await deps.oauth.tokenFor(auth, { environmentId: input.environmentId, http: deps.http, tls, proxy, signal: input.signal, renew: true });
  }
  return deps.oauth.state?.(auth, input.environmentId) ?? null;
}

function variableScope(deps: SendDeps, cached: OpenedForSend, systemId: number, environment: ReturnType<typeof openEnvironment> | undefined, oneOff: Record<string, string>): VariableScope {
  const values = new Map<string, string>();
  for (const variable of environment?.opened.variables ?? []) {
    if (variable.enabled && typeof variable.value === 'string' && !environment!.missing.includes(variable.name)) values.set(variable.name, variable.value);
  }
  for (const [name, value] of Object.entries(oneOff)) {
    deps.redactor.add(value);
    values.set(name, value);
  }
  const scope = new VariableScope(values, (name) =>
    cached.fallback(systemId, name, (store) => {
      try {
        return readSecret(store.workspace, store.secrets, { scope: systemScope(systemId), name }) ?? environmentSecret(name, store.secrets.env);
      } catch {
        return environmentSecret(name, store.secrets.env);
      }
    }),
  );
  // A base URL from a server template holds variables of its own ({{region}}).
  const baseUrl = environment?.environment.baseUrl;
  if (baseUrl && !values.has('baseUrl')) values.set('baseUrl', scope.resolve(baseUrl.replace(/\/+$/, '')));
  return scope;
}

function loadJar(store: SandboxStore, environment: { id: number; systemId: number }): CookieJar {
  const serialized = readCookieJar(store, environment);
  if (serialized) {
    try {
      return CookieJar.deserializeSync(serialized);
    } catch {
      // A jar that no longer reads is started afresh: cookies are a cache of the server's.
    }
  }
  return new CookieJar();
}

function addCookies(wire: WireRequest, jar: CookieJar): void {
  const fromJar = jar.getCookieStringSync(wire.url.href);
  if (fromJar) wire.headers.cookie = wire.headers.cookie ? `${wire.headers.cookie}; ${fromJar}` : fromJar;
}

function takeCookies(jar: CookieJar, response: HttpResponse<Readable>): CookieSet[] {
  const set: CookieSet[] = [];
  for (const header of response.headers.getAll('set-cookie')) {
    const cookie = jar.setCookieSync(header, response.url, { ignoreError: true });
    if (!cookie) continue;
    set.push({
      name: cookie.key,
      domain: cookie.domain ?? new URL(response.url).hostname,
      path: cookie.path ?? '/',
      expires: cookie.expires instanceof Date ? cookie.expires.toISOString() : null,
      httpOnly: cookie.httpOnly,
      secure: cookie.secure,
    });
  }
  return set;
}

function sentRequest(redactor: Redactor, wire: WireRequest) {
  return { method: wire.method, url: redactor.url(wire.url.href), headers: redactedHeaders(redactor, wire.headers) };
}

function exchangeOnce(deps: SendDeps, wire: WireRequest, draft: Draft, connection: Pick<HttpRequest, 'tls' | 'proxy' | 'signal'>, watch: RedirectWatch): Promise<HttpResponse<Readable>> {
  return deps.http.request({
    url: wire.url,
    method: wire.method,
    headers: wire.headers,
    body: wire.body,
    responseBody: 'stream',
    redirect: draft.settings.followRedirects ? 'follow' : 'manual',
    maxRedirects: draft.settings.maxRedirects,
    timeoutMs: draft.settings.timeoutMs,
    ...connection,
    mayFollow(next) {
      return watch.mayFollow(next);
    },
  });
}

/** Stops following redirects at the first address seen twice: `loop` is then the hops, that address last. */
class RedirectWatch {
  private readonly visited: Set<string>;
  loop: string[] | undefined;

  constructor(first: string) {
    this.visited = new Set([first]);
  }

  mayFollow(next: string): boolean {
    if (this.visited.has(next)) {
      this.loop = [...this.visited, next];
      return false;
    }
    this.visited.add(next);
    return true;
  }
}

/**
 * Streams the body to its cache file, keeping only the first PREVIEW_BYTES in memory. A body that fits
 * in the preview is written at once (most answers): a file stream costs several thread-pool round trips.
 * Read with events rather than `for await`, whose iterator, promise per piece and end-of-stream watch
 * cost a small answer more than its reading.
 */
function storeBody(cache: BodyCache, body: Readable): Promise<StoredBody> {
  return new Promise((resolve, reject) => new BodyWriter(cache, body, resolve, reject).start());
}

interface StoredBody {
  bodyId: string | null;
  size: number;
  head: Buffer;
}

/** storeBody's state; a class rather than closures made per send (see OneExchange in platform/http). */
class BodyWriter {
  private readonly bodyId: string;
  private readonly file: string;
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private size = 0;
  private out: fs.WriteStream | undefined;
  private settled = false;

  constructor(
    private readonly cache: BodyCache,
    private readonly body: Readable,
    private readonly resolve: (stored: StoredBody) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.bodyId = cache.newId();
    this.file = cache.pathOf(this.bodyId);
  }

  start(): void {
    const { body } = this;
    body.on('data', (chunk: Buffer) => this.take(chunk));
    body.once('error', (error) => this.fail(error));
    body.once('end', () => this.end());
  }

  private take(chunk: Buffer): void {
    const { head, body } = this;
    this.size += chunk.length;
    if (this.headBytes < PREVIEW_BYTES) {
      const part = chunk.subarray(0, PREVIEW_BYTES - this.headBytes);
      head.push(part);
      this.headBytes += part.length;
    }
    if (!this.out && this.size <= PREVIEW_BYTES) return;
    if (!this.out) {
      this.cache.ensure();
      this.out = fs.createWriteStream(this.file, { mode: 0o600 }).on('error', (error) => this.fail(error));
      // What came before this chunk is all in `head`.
      const before = Buffer.concat(head).subarray(0, this.size - chunk.length);
      if (before.length) this.out.write(before);
    }
    if (!this.out.write(chunk)) {
      body.pause();
      this.out.once('drain', () => body.resume());
    }
  }

  private end(): void {
    if (this.out) {
      this.out.once('close', () => this.done()).end();
      return;
    }
    try {
      if (this.size > 0) this.cache.write(this.bodyId, this.whole());
      this.done();
    } catch (error) {
      this.fail(error);
    }
  }

  private whole(): Buffer {
    return this.head.length === 1 ? this.head[0]! : Buffer.concat(this.head);
  }

  private fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.body.destroy();
    this.out?.destroy();
    fs.rmSync(this.file, { force: true });
    this.reject(error);
  }

  private done(): void {
    if (this.settled) return;
    this.settled = true;
    this.resolve(this.size === 0 ? { bodyId: null, size: 0, head: Buffer.alloc(0) } : { bodyId: this.bodyId, size: this.size, head: this.whole() });
  }
}

/** The service's timings with phases that did not happen as null: no lookup for an IP address, no TLS over http. */
function timingsOf(timings: HttpTimings, { hostname, protocol }: URL): Timings {
  const isAddress = /^[\d.]+$|^\[.*\]$/.test(hostname);
  return {
    dns: isAddress || timings.dns === 0 ? null : timings.dns,
    connect: timings.connect || null,
    tls: protocol === 'https:' && timings.tls > 0 ? timings.tls : null,
    firstByte: timings.firstByte || null,
    download: timings.total >= timings.firstByte ? timings.download : null,
    total: timings.total || null,
  };
}

function redirectHops(redactor: Redactor, method: string, response: HttpResponse<Readable>): RedirectHop[] {
  let current = method;
  return response.redirects.map((hop, index) => {
    const next = response.redirects[index + 1]?.url ?? response.url;
    const result = { method: current, url: redactor.url(hop.url), status: hop.status, location: redactor.url(next) };
    if ((hop.status === 303 && current !== 'HEAD') || ((hop.status === 301 || hop.status === 302) && current === 'POST')) current = 'GET';
    return result;
  });
}

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

function redactedHeaders(redactor: Redactor, headers: Record<string, string>): Array<[string, string]> {
  return redactedHeaderList(
    redactor,
    Object.entries(headers).map(([name, value]) => [name, [value]]),
  );
}

function redactedHeaderList(redactor: Redactor, entries: Array<[string, string[]]>): Array<[string, string]> {
  const list: Array<[string, string]> = [];
  for (const [name, values] of entries) {
    for (const value of values) {
      if (name === 'set-cookie') list.push([name, value.replace(/^([^=]*)=[^;]*/, `$1=${REDACTED}`)]);
      else if (CREDENTIAL_HEADERS.has(name)) list.push([name, REDACTED]);
      else list.push([name, redactor.header(name, value)]);
    }
  }
  return list;
}

/** The draft as history keeps it: secret values as placeholders, never the opened values. */
function publicDraft(draft: Draft): RequestDraft {
  // A saved request sent again is the same (frozen) object: its public form is too.
  let known = publicDrafts.get(draft);
  if (!known) publicDrafts.set(draft, (known = hiddenSecrets(draft)));
  return known;
}

const publicDrafts = new WeakMap<Draft, RequestDraft>();

function hiddenSecrets(draft: Draft): RequestDraft {
  const { systemId, folder, name, method, url, query, headers, body, auth, origin, settings } = draft;
  const hidden = requestSlots({ systemId, folder, name, method, url, query, headers, body, auth, origin, settings }, '', (_name, value) => ({
    secret: true,
    set: typeof value === 'string' ? value !== '' : value.set,
  }));
  return publicView(hidden) as unknown as RequestDraft;
}

interface FailedRecord {
  systemId: number;
  requestId: number | null;
  environmentId: number | null;
  draft: RequestDraft;
  request: { method: string; url: string; headers: Array<[string, string]> };
  method: string;
  url: string;
}

function failed(deps: SendDeps, error: unknown, signal: AbortSignal | undefined, record: FailedRecord, kind?: 'redirect-loop'): SendOutcome {
  if (signal?.aborted) throw error;
  const failure = failureOf(error);
  if (!failure) throw error;
  const message = deps.redactor.text(failure.message);
  const timings: Timings = { dns: null, connect: null, tls: null, firstByte: null, download: null, total: null };
  const entry = addHistory(deps.store, deps.cache, {
    systemId: record.systemId,
    requestId: record.requestId,
    environmentId: record.environmentId,
    method: record.method,
    url: record.request.url,
    status: null,
    statusText: null,
    error: message,
    errorKind: kind ?? failure.kind,
    timings,
    size: null,
    contentType: null,
    bodyId: null,
    detail: { request: record.request, headers: [], redirects: [], draft: record.draft },
  });
  deps.onHistory?.(entry);
  return { outcome: 'failed', failure: { historyId: entry.id, request: record.request, kind: kind ?? failure.kind, message, timings } };
}
