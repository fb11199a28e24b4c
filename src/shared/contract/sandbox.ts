// Sandbox: saved requests per system, environments with variables, TLS and proxy, sending, history.
// Secret values never travel back to the renderer: where a value is a secret, outputs carry a
// `SecretValue` ({ secret: true, set }) instead. Inputs take either a new plain value (a string, sealed
// on entry) or that same `{ secret: true, set }` object back: `set: true` keeps the stored value,
// `set: false` clears it. So the renderer can send back what it was given without knowing any secret.
import { z } from 'zod';
import { call, name, text } from './fields';

const id = z.number().int().positive();

/** Stands in for a secret's value in every output. */
export const SecretValue = z.object({ secret: z.literal(true), set: z.boolean() });

/** A secret as written by the renderer: a new value, or the `SecretValue` it was given (keep / clear). */
export const SecretInput = z.union([text(1_000_000), SecretValue]);

/** A value that may be a secret: plain in outputs unless the row is secret. */
const MaybeSecret = z.union([z.string(), SecretValue]);

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'] as const;
export const HttpMethod = z.enum(httpMethods);

/**
 * One query parameter, header or form field. A row is secret when the analyst marks it so, or on entry
 * when its name is Authorization, Cookie, Proxy-Authorization or an API-key header (X-API-Key, api-key…).
 */
const rowFields = { name: text(1000), enabled: z.boolean().default(true), secret: z.boolean().default(false), description: text(2000).optional() };
export const KeyValueRowInput = z.strictObject({ ...rowFields, value: SecretInput.default('') });
export const KeyValueRow = z.object({ name: z.string(), enabled: z.boolean(), secret: z.boolean(), description: z.string().optional(), value: MaybeSecret });

/** multipart-lite: text parts, and file parts read from a path when sent. */
const MultipartPartInput = z.strictObject({
  name: text(1000),
  enabled: z.boolean().default(true),
  kind: z.enum(['text', 'file']).default('text'),
  /** Text, or the file's path for a file part. */
  value: text(1_000_000).default(''),
  contentType: text(200).optional(),
});
const MultipartPart = z.object({ name: z.string(), enabled: z.boolean(), kind: z.enum(['text', 'file']), value: z.string(), contentType: z.string().optional() });

const bodyVariants = <R extends z.ZodType, P extends z.ZodType, T extends z.ZodType>(row: R, part: P, content: T) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    /** Text with {{variables}}; sent as application/json unless a Content-Type header says otherwise. */
    z.object({ kind: z.literal('json'), text: content }),
    z.object({ kind: z.literal('text'), text: content, contentType: z.string().max(200).optional() }),
    z.object({ kind: z.literal('form-urlencoded'), fields: z.array(row) }),
    z.object({ kind: z.literal('multipart'), parts: z.array(part) }),
  ]);
export const RequestBodyInput = bodyVariants(KeyValueRowInput, MultipartPartInput, text(16 * 1024 * 1024));
export const RequestBody = bodyVariants(KeyValueRow, MultipartPart, z.string());

export const oauthGrants = ['clientCredentials', 'password', 'authorizationCode'] as const;

const authVariants = <S extends z.ZodType>(secret: S) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    /** Use the environment's auth. */
    z.object({ kind: z.literal('inherit') }),
    z.object({ kind: z.literal('basic'), username: z.string().max(1000), password: secret }),
    z.object({ kind: z.literal('apiKey'), in: z.enum(['header', 'query', 'cookie']), name: z.string().max(1000), value: secret }),
    z.object({ kind: z.literal('bearer'), token: secret, prefix: z.string().max(100).default('Bearer') }),
    z.object({
      kind: z.literal('oauth2'),
      grant: z.enum(oauthGrants),
      tokenUrl: z.string().max(4096),
      /** Authorization code: the authorization endpoint (opened in the system browser, PKCE always). */
      authUrl: z.string().max(4096).default(''),
      clientId: z.string().max(1000),
      clientSecret: secret,
      scope: z.string().max(4000).default(''),
      audience: z.string().max(1000).default(''),
      /** Password grant. */
      username: z.string().max(1000).default(''),
      password: secret,
      /** Client authentication at the token endpoint. */
      clientAuth: z.enum(['basic', 'body']).default('basic'),
      /** The scheme in the operation's security this came from, if any. */
      scheme: z.string().max(200).optional(),
    }),
  ]);
export const AuthInput = authVariants(SecretInput.default({ secret: true, set: false }));
export const Auth = authVariants(SecretValue);

/** The state of a cached OAuth token (never the token): its expiry is shown to the analyst. */
export const OAuthTokenState = z.object({ obtainedAt: z.string(), expiresAt: z.string().nullable(), scope: z.string(), refreshable: z.boolean() });

export const RequestSettings = z.object({
  followRedirects: z.boolean().default(true),
  maxRedirects: z.number().int().min(0).max(50).default(10),
  /** The longest wait, in milliseconds, for each phase: connecting, the response's headers, each next piece of its body. */
  timeoutMs: z.number().int().min(100).max(3_600_000).default(30_000),
});

/** The catalogue operation a request came from, and the document version it was made against. */
export const OperationOrigin = z.object({ operation: z.string().max(2000), documentVersion: z.number().int() });

const requestFields = {
  systemId: id,
  /** Folder path, "/"-separated, '' for the system's top level. */
  folder: text(1000).trim().default(''),
  name,
  method: HttpMethod,
  /** With {{variables}}, e.g. {{baseUrl}}/customers/{{customerId}}. */
  url: text(8192),
  origin: OperationOrigin.nullable().default(null),
  settings: RequestSettings.default({ followRedirects: true, maxRedirects: 10, timeoutMs: 30_000 }),
};

export const SavedRequestInput = z.strictObject({
  /** Absent: a new request. */
  id: id.optional(),
  ...requestFields,
  query: z.array(KeyValueRowInput).max(500).default([]),
  headers: z.array(KeyValueRowInput).max(500).default([]),
  body: RequestBodyInput.default({ kind: 'none' }),
  auth: AuthInput.default({ kind: 'inherit' }),
  /** Clears the `broken` flag (the analyst has looked at it). */
  clearBroken: z.boolean().default(false),
});

export const SavedRequest = z.object({
  id: id,
  systemId: id,
  folder: z.string(),
  name: z.string(),
  method: HttpMethod,
  url: z.string(),
  query: z.array(KeyValueRow),
  headers: z.array(KeyValueRow),
  body: RequestBody,
  auth: Auth,
  origin: OperationOrigin.nullable(),
  /** A re-import removed or changed its operation incompatibly; the request itself is untouched. */
  broken: z.object({ reason: z.string(), at: z.string() }).nullable(),
  settings: RequestSettings,
  oauthToken: OAuthTokenState.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** An unsaved request (a draft from an operation, or one typed in the request bar). */
export const RequestDraftInput = SavedRequestInput.omit({ id: true, clearBroken: true }).extend({ name: text(200).default('Untitled request') });
export const RequestDraft = SavedRequest.omit({ id: true, broken: true, oauthToken: true, createdAt: true, updatedAt: true });

export const environmentKinds = ['sandbox', 'staging', 'production', 'mock', 'other'] as const;

const VariableInput = z.strictObject({ name: text(200).trim().min(1, 'must not be empty'), value: SecretInput.default(''), secret: z.boolean().default(false), enabled: z.boolean().default(true) });
const Variable = z.object({ name: z.string(), value: MaybeSecret, secret: z.boolean(), enabled: z.boolean() });

const clientCertVariants = <S extends z.ZodType>(secret: S) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('pem'), certPem: z.string().max(1_000_000), keyPem: secret, passphrase: secret }),
    /** The PFX / PKCS#12 file, base64. */
    z.object({ kind: z.literal('pfx'), pfxBase64: secret, passphrase: secret }),
  ]);

const tlsFields = <S extends z.ZodType>(secret: S) =>
  z.object({
    /** Extra CA certificates (PEM) trusted for this environment besides the system's. */
    caPem: z.string().max(1_000_000).default(''),
    clientCert: clientCertVariants(secret).default({ kind: 'none' }),
    /** Accept a certificate no CA vouches for. Explicit, per environment, off by default. */
    acceptSelfSigned: z.boolean().default(false),
  });

const proxyVariants = <S extends z.ZodType>(secret: S) =>
  z.discriminatedUnion('mode', [
    /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY when set; otherwise, in the desktop app, the system's proxy. */
    z.object({ mode: z.literal('default') }),
    z.object({ mode: z.literal('none') }),
    z.object({ mode: z.literal('url'), url: z.string().max(4096), username: z.string().max(1000).default(''), password: secret, noProxy: z.string().max(4000).default('') }),
    /** A PAC file: its URL or its script. */
    z.object({ mode: z.literal('pac'), pacUrl: z.string().max(4096).default(''), pacScript: z.string().max(1_000_000).default(''), username: z.string().max(1000).default(''), password: secret }),
    /** The operating system's proxy (Electron's session in the app). */
    z.object({ mode: z.literal('system'), username: z.string().max(1000).default(''), password: secret }),
  ]);

const environmentFields = {
  systemId: id,
  name,
  kind: z.enum(environmentKinds),
  /** Available as {{baseUrl}}. */
  baseUrl: text(4096).default(''),
};

const defaultSecret = SecretInput.default({ secret: true, set: false });

export const EnvironmentInput = z.strictObject({
  id: id.optional(),
  ...environmentFields,
  variables: z.array(VariableInput).max(1000).default([]),
  tls: tlsFields(defaultSecret).default({ caPem: '', clientCert: { kind: 'none' }, acceptSelfSigned: false }),
  proxy: proxyVariants(defaultSecret).default({ mode: 'default' }),
  /** What requests with `inherit` auth use. */
  auth: AuthInput.default({ kind: 'none' }),
});

export const Environment = z.object({
  id: id,
  systemId: id,
  name: z.string(),
  kind: z.enum(environmentKinds),
  baseUrl: z.string(),
  variables: z.array(Variable),
  tls: tlsFields(SecretValue),
  proxy: proxyVariants(SecretValue),
  auth: Auth,
  /** Cookies in its jar (the jar itself is a secret). */
  cookies: z.number().int(),
  /** Secrets stored for it that cannot be opened on this machine: enter them again. */
  missingSecrets: z.array(z.string()),
  /** The document server it was prefilled from, if any. */
  serverUrl: z.string().nullable(),
});

/** Each phase in milliseconds; null when it did not happen (no TLS on http, a reused connection). */
export const Timings = z.object({
  dns: z.number().nullable(),
  connect: z.number().nullable(),
  tls: z.number().nullable(),
  firstByte: z.number().nullable(),
  download: z.number().nullable(),
  total: z.number().nullable(),
});

export const previewKinds = ['json', 'xml', 'html', 'text', 'image', 'binary'] as const;

/** The first ~256 KB of a body, what crosses to the renderer. */
export const BodyPreview = z.object({
  /** Text (decoded with the declared charset, or UTF-8 with replacement); base64 for images. */
  text: z.string(),
  truncated: z.boolean(),
  contentType: z.string().nullable(),
  kind: z.enum(previewKinds),
  /** The text is base64 (images). */
  base64: z.boolean(),
  /** The declared charset could not decode it, or it is not UTF-8: shown with replacement characters. */
  decodingNote: z.string().nullable(),
});

export const Header = z.tuple([z.string(), z.string()]);

export const RedirectHop = z.object({ method: z.string(), url: z.string(), status: z.number().int(), location: z.string() });

/** A cookie the response set; its value is never shown (the jar is a secret). */
export const CookieSet = z.object({ name: z.string(), domain: z.string(), path: z.string(), expires: z.string().nullable(), httpOnly: z.boolean(), secure: z.boolean() });

export const failureKinds = ['refused', 'dns', 'reset', 'timeout', 'tls', 'redirect-loop', 'too-many-redirects', 'proxy', 'cancelled', 'too-large', 'other'] as const;

/** What was sent, redacted. */
export const SentRequest = z.object({ method: z.string(), url: z.string(), headers: z.array(Header) });

export const SendResult = z.object({
  historyId: id,
  request: SentRequest,
  status: z.number().int(),
  statusText: z.string(),
  /** Redacted (Set-Cookie values, Authorization…). */
  headers: z.array(Header),
  cookies: z.array(CookieSet),
  redirects: z.array(RedirectHop),
  timings: Timings,
  /** Bytes of the body as received. */
  size: z.number().int(),
  preview: BodyPreview,
  /** Pass to sandbox.openBody for the whole body; null when there was no body. */
  bodyId: z.string().nullable(),
});

export const SendFailure = z.object({
  historyId: id.nullable(),
  request: SentRequest,
  kind: z.enum(failureKinds),
  /** One sentence: what, where, how to fix. */
  message: z.string(),
  timings: Timings,
});

export const SendOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('response'), result: SendResult }),
  z.object({ outcome: z.literal('failed'), failure: SendFailure }),
  /** Nothing was sent: these {{variables}} have no value. */
  z.object({ outcome: z.literal('unresolved'), unresolved: z.array(z.string()) }),
  /** Nothing was sent: the environment is production and the method writes; send again with confirmProduction. */
  z.object({ outcome: z.literal('needs-confirmation'), message: z.string() }),
]);

export const HistoryEntrySummary = z.object({
  id: id,
  systemId: id.nullable(),
  requestId: id.nullable(),
  environmentId: id.nullable(),
  /** The saved request's name (as it is now), else the draft's when it was sent. */
  name: z.string().nullable(),
  method: z.string(),
  /** Redacted. */
  url: z.string(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  timings: Timings,
  size: z.number().int().nullable(),
  at: z.string(),
  /** False when the body was pruned or the cache folder cleared: "body no longer available". */
  bodyAvailable: z.boolean(),
});

export const HistoryEntry = HistoryEntrySummary.extend({
  request: SentRequest,
  /** The request as it was before sending (variables unresolved), to run it again. */
  draft: RequestDraft.nullable(),
  statusText: z.string().nullable(),
  headers: z.array(Header),
  redirects: z.array(RedirectHop),
  contentType: z.string().nullable(),
  bodyId: z.string().nullable(),
});

export const SandboxSettings = z.object({ historyLimit: z.number().int().min(1).max(100_000) });

/**
 * A saved request, or a draft (a request being edited); `basedOn` names the saved request it was edited
 * from, whose stored secrets its { secret: true, set: true } values stand for.
 */
export const requestRef = z.union([z.strictObject({ requestId: id }), z.strictObject({ draft: RequestDraftInput, basedOn: id.optional() })]);

export const sandboxCalls = {
  'sandbox.requests': call(z.strictObject({ systemId: id.optional() }), z.array(SavedRequest)),
  'sandbox.saveRequest': call(SavedRequestInput, SavedRequest),
  'sandbox.deleteRequest': call(z.strictObject({ id }), z.object({ removed: z.literal(true) })),
  'sandbox.environments': call(z.strictObject({ systemId: id }), z.array(Environment)),
  /** Creates the system's environments from its document's servers, where none with that URL exists. */
  'sandbox.seedEnvironments': call(z.strictObject({ systemId: id }), z.array(Environment)),
  'sandbox.saveEnvironment': call(EnvironmentInput, Environment),
  'sandbox.deleteEnvironment': call(z.strictObject({ id }), z.object({ removed: z.literal(true) })),
  'sandbox.clearCookies': call(z.strictObject({ environmentId: id }), Environment),
  /** A ready request for one catalogue operation (`CatalogueOperation.id`); not saved. */
  'sandbox.draftFromOperation': call(z.strictObject({ systemId: id, operation: text(2000), environmentId: id.optional() }), RequestDraft),
  /** Cancellable: the call's signal aborts the exchange. */
  'sandbox.send': call(
    z.strictObject({
      request: requestRef,
      environmentId: id.nullable().default(null),
      /** One-off values for {{variables}}, over the environment's. */
      variables: z.record(z.string().max(200), z.string().max(1_000_000)).default({}),
      /** The analyst confirmed a method other than GET/HEAD/OPTIONS against production, this time. */
      confirmProduction: z.boolean().default(false),
    }),
    SendOutcome,
  ),
  'sandbox.history': call(
    z.strictObject({
      systemId: id.optional(),
      /** Part of the (redacted) URL. */
      url: text(4096).optional(),
      /** Part of the request's name or of its (redacted) URL. */
      text: text(4096).optional(),
      /** An exact status (404), a class ("4xx") or "failed" (no response). */
      status: z.union([z.number().int().min(100).max(999), z.enum(['1xx', '2xx', '3xx', '4xx', '5xx', 'failed'])]).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ entries: z.array(HistoryEntrySummary), total: z.number().int() }),
  ),
  'sandbox.historyEntry': call(z.strictObject({ id }), HistoryEntry.extend({ preview: BodyPreview.nullable() })),
  /** The whole body as a file, for the system's viewer. */
  'sandbox.openBody': call(z.strictObject({ bodyId: text(200) }), z.object({ path: z.string(), size: z.number().int(), contentType: z.string().nullable() })),
  /** A pasted cURL command as a request of the system (not saved); `notes` say what was read differently. */
  'sandbox.parseCurl': call(
    z.strictObject({ systemId: id, text: text(1_000_000) }),
    z.object({ draft: RequestDraftInput, notes: z.array(z.string()), insecure: z.boolean() }),
  ),
  /** The request as a cURL command, variables resolved; secrets as *** unless `includeSecrets`. */
  'sandbox.copyCurl': call(
    z.strictObject({ request: requestRef, environmentId: id.nullable().default(null), includeSecrets: z.boolean().default(false) }),
    z.object({ text: z.string(), unresolved: z.array(z.string()) }),
  ),
  /**
   * A Postman collection (v2.0/v2.1 JSON text, e.g. an uploaded file) into the system's saved requests;
   * its variables and auth into the environment named after it, secrets sealed.
   */
  'sandbox.importCollection': call(
    z.strictObject({ systemId: id, text: text(50_000_000), fileName: text(500).default('The collection') }),
    z.object({
      requests: z.number().int(),
      folders: z.number().int(),
      variables: z.number().int(),
      secretVariables: z.number().int(),
      environment: z.object({ id, name: z.string() }),
      notes: z.array(z.string()),
    }),
  ),
  /** The system's saved requests as a Postman collection v2.1 (JSON text); secret values only with `includeSecrets`. */
  'sandbox.exportCollection': call(
    z.strictObject({ systemId: id, environmentId: id.nullable().default(null), includeSecrets: z.boolean().default(false) }),
    z.object({ fileName: z.string(), text: z.string(), requests: z.number().int() }),
  ),
  /**
   * The OAuth 2.0 token state of a request (its own auth, or its environment's when it inherits): null
   * when none was obtained in this session; `renew` gets a new one first.
   */
  'sandbox.oauthToken': call(z.strictObject({ request: requestRef, environmentId: id.nullable().default(null), renew: z.boolean().default(false) }), OAuthTokenState.nullable()),
  /** Reads the settings, changing those given. */
  'sandbox.settings': call(z.strictObject({ historyLimit: z.number().int().min(1).max(100_000).optional() }), SandboxSettings),
};

export type SecretValue = z.infer<typeof SecretValue>;
export type SecretInput = z.input<typeof SecretInput>;
export type KeyValueRow = z.infer<typeof KeyValueRow>;
export type KeyValueRowInput = z.output<typeof KeyValueRowInput>;
export type RequestBody = z.infer<typeof RequestBody>;
export type RequestBodyInput = z.output<typeof RequestBodyInput>;
export type Auth = z.infer<typeof Auth>;
export type AuthInput = z.output<typeof AuthInput>;
export type OAuthTokenState = z.infer<typeof OAuthTokenState>;
export type RequestSettings = z.infer<typeof RequestSettings>;
export type OperationOrigin = z.infer<typeof OperationOrigin>;
export type SavedRequestInput = z.output<typeof SavedRequestInput>;
export type SavedRequest = z.infer<typeof SavedRequest>;
export type RequestDraftInput = z.output<typeof RequestDraftInput>;
export type RequestDraft = z.infer<typeof RequestDraft>;
export type EnvironmentKind = (typeof environmentKinds)[number];
export type EnvironmentInput = z.output<typeof EnvironmentInput>;
export type Environment = z.infer<typeof Environment>;
export type Timings = z.infer<typeof Timings>;
export type BodyPreview = z.infer<typeof BodyPreview>;
export type RedirectHop = z.infer<typeof RedirectHop>;
export type CookieSet = z.infer<typeof CookieSet>;
export type FailureKind = (typeof failureKinds)[number];
export type SendResult = z.infer<typeof SendResult>;
export type SendFailure = z.infer<typeof SendFailure>;
export type SendOutcome = z.infer<typeof SendOutcome>;
export type HistoryEntrySummary = z.infer<typeof HistoryEntrySummary>;
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export type SandboxSettings = z.infer<typeof SandboxSettings>;
