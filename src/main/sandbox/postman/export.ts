// The sandbox's requests as a Postman collection v2.1 (normalised by the official postman-collection
// SDK), and an environment as a Postman environment. Secret values leave only with includeSecrets:
// otherwise every secret place reads {{name}} of a secret variable whose value is empty, for the
// analyst who runs it to fill in.
import { Collection, Url } from 'postman-collection';
import { encodeQueryPart } from '../query-text';
import { isCredentialName } from '../store/secret-slots';
import { SecretVariables } from './secret-variables';
import type { ExportAuth, ExportRequest, ExportVariable, InterchangeVariable } from './types';

export const COLLECTION_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

type Json = Record<string, unknown>;

export interface CollectionExport {
  name: string;
  description?: string;
  requests: ExportRequest[];
  /** The environment's variables, carried as the collection's. */
  variables?: ExportVariable[];
  /** The environment's auth, which requests with `inherit` use: the collection's auth. */
  auth?: ExportAuth;
}

export interface ExportOptions {
  includeSecrets?: boolean;
}

export function exportCollection(input: CollectionExport, options: ExportOptions = {}): Json {
  const secrets = new SecretVariables((input.variables ?? []).map(opened));
  const root: Json[] = [];
  const folders = new Map<string, Json[]>([['', root]]);
  const folderItems = (path: string): Json[] => {
    const known = folders.get(path);
    if (known) return known;
    const slash = path.lastIndexOf('/');
    const items: Json[] = [];
    folderItems(slash >= 0 ? path.slice(0, slash) : '').push({ name: path.slice(slash + 1), item: items });
    folders.set(path, items);
    return items;
  };
  for (const request of input.requests) folderItems(request.folder.split('/').filter(Boolean).join('/')).push(toItem(request, secrets));

  const auth = input.auth && input.auth.kind !== 'inherit' ? toAuth(input.auth, secrets, []) : undefined;
  const variables = secrets.list().map((variable) => toVariable(variable, options.includeSecrets === true));
  const definition: Json = {
    info: { name: input.name, ...(input.description ? { description: input.description } : {}), schema: COLLECTION_SCHEMA },
    item: root,
    variable: variables,
    ...(auth ? { auth } : {}),
  };
  // The SDK's declared types predate v2.1's shapes; it reads them all the same.
  const collection = new Collection(definition as never).toJSON() as Json;
  // The SDK keeps what it was given of info but not always the schema; a reader needs it.
  collection.info = { ...(collection.info as Json), schema: COLLECTION_SCHEMA };
  return collection;
}

/** A Postman environment: secret variables typed "secret", their values empty unless included. */
export function exportEnvironment(input: { name: string; variables: ExportVariable[] }, options: ExportOptions = {}): Json {
  return {
    name: input.name,
    values: input.variables.map(opened).map((variable) => ({
      key: variable.name,
      value: variable.secret && !options.includeSecrets ? '' : variable.value,
      type: variable.secret ? 'secret' : 'default',
      enabled: variable.enabled,
    })),
    _postman_variable_scope: 'environment',
  };
}

const opened = (variable: ExportVariable): InterchangeVariable => ({ ...variable, value: typeof variable.value === 'string' ? variable.value : '' });

function toVariable(variable: InterchangeVariable, includeSecrets: boolean): Json {
  return {
    key: variable.name,
    value: variable.secret && !includeSecrets ? '' : variable.value,
    type: variable.secret ? 'secret' : 'string',
    ...(variable.enabled ? {} : { disabled: true }),
  };
}

type Value = string | { secret: true; set: boolean };

/** A value not marked secret that is sealed all the same is left out, never guessed at. */
const plainText = (value: Value) => (typeof value === 'string' ? value : '');

/** A secret value's place: {{name}} of the secret variable that holds it. */
function held(value: Value, hint: string, secrets: SecretVariables): string {
  return typeof value === 'string' ? secrets.hold(value, hint) : secrets.holdUnknown(hint);
}

function toItem(request: ExportRequest, secrets: SecretVariables): Json {
  const headers: Json[] = request.headers.map((row) => ({
    key: row.name,
    value: row.secret || isCredentialName(row.name) ? held(row.value, row.name, secrets) : plainText(row.value),
    ...(row.enabled ? {} : { disabled: true }),
    ...(row.description ? { description: row.description } : {}),
  }));
  const query: Json[] = request.query.map((row) => ({
    key: encodeQueryPart(row.name),
    value: encodeQueryPart(row.secret || isCredentialName(row.name) ? held(row.value, row.name, secrets) : plainText(row.value)),
    ...(row.enabled ? {} : { disabled: true }),
    ...(row.description ? { description: row.description } : {}),
  }));
  const auth = request.auth.kind === 'inherit' ? undefined : toAuth(request.auth, secrets, headers);
  const enabledQuery = query.filter((row) => !row.disabled).map((row) => `${String(row.key)}=${String(row.value)}`);
  const raw = enabledQuery.length > 0 ? `${request.url}?${enabledQuery.join('&')}` : request.url;
  const body = toBody(request, secrets, headers);
  const { followRedirects, maxRedirects } = request.settings;
  return {
    name: request.name,
    // Postman's per-request switches for what the model's settings say (newman honours them too).
    ...(followRedirects && maxRedirects === 10 ? {} : { protocolProfileBehavior: { followRedirects, ...(followRedirects ? { maxRedirects } : {}) } }),
    request: {
      method: request.method,
      header: headers,
      url: { ...(Url.parse(request.url) as Json), raw, query },
      ...(body ? { body } : {}),
      ...(auth ? { auth } : {}),
    },
  };
}

function toBody(request: ExportRequest, secrets: SecretVariables, headers: Json[]): Json | undefined {
  const body = request.body;
  const hasContentType = headers.some((header) => String(header.key).toLowerCase() === 'content-type' && !header.disabled);
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'json':
      // Postman (and newman) send raw JSON as application/json unless a header says otherwise.
      return { mode: 'raw', raw: body.text, options: { raw: { language: 'json' } } };
    case 'text': {
      const language = LANGUAGES[body.contentType ?? ''];
      // A type Postman's languages do not give travels as the header.
      if (!hasContentType && body.contentType && !language) headers.push({ key: 'Content-Type', value: body.contentType });
      return { mode: 'raw', raw: body.text, options: { raw: { language: language ?? 'text' } } };
    }
    case 'form-urlencoded':
      return {
        mode: 'urlencoded',
        urlencoded: body.fields.map((field) => ({
          key: field.name,
          value: field.secret || isCredentialName(field.name) ? held(field.value, field.name, secrets) : plainText(field.value),
          ...(field.enabled ? {} : { disabled: true }),
        })),
      };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: body.parts.map((part) => ({
          key: part.name,
          ...(part.kind === 'file' ? { type: 'file', src: part.value } : { type: 'text', value: isCredentialName(part.name) ? held(part.value, part.name, secrets) : part.value }),
          ...(part.contentType ? { contentType: part.contentType } : {}),
          ...(part.enabled ? {} : { disabled: true }),
        })),
      };
  }
}

/** The content types Postman sends a raw body with by its language. */
const LANGUAGES: Record<string, string> = { 'application/xml': 'xml', 'text/html': 'html', 'application/javascript': 'javascript', 'text/plain': 'text' };

const parameters = (values: Record<string, string>) => Object.entries(values).map(([key, value]) => ({ key, value, type: 'string' }));

function toAuth(auth: Exclude<ExportAuth, { kind: 'inherit' }>, secrets: SecretVariables, headers: Json[]): Json {
  switch (auth.kind) {
    case 'none':
      return { type: 'noauth' };
    case 'basic':
      return { type: 'basic', basic: parameters({ username: auth.username, password: held(auth.password, 'password', secrets) }) };
    case 'bearer':
      if (auth.prefix !== 'Bearer') {
        // Postman's bearer is always "Bearer": another prefix travels as the header itself.
        headers.push({ key: 'Authorization', value: `${auth.prefix} ${held(auth.token, 'token', secrets)}` });
        return { type: 'noauth' };
      }
      return { type: 'bearer', bearer: parameters({ token: held(auth.token, 'token', secrets) }) };
    case 'apiKey': {
      const value = held(auth.value, auth.name, secrets);
      if (auth.in === 'cookie') {
        headers.push({ key: 'Cookie', value: `${auth.name}=${value}` });
        return { type: 'noauth' };
      }
      return { type: 'apikey', apikey: parameters({ key: auth.name, value, in: auth.in }) };
    }
    case 'oauth2': {
      const grant = auth.grant === 'clientCredentials' ? 'client_credentials' : auth.grant === 'password' ? 'password_credentials' : 'authorization_code_with_pkce';
      return {
        type: 'oauth2',
        oauth2: parameters({
          grant_type: grant,
          accessTokenUrl: auth.tokenUrl,
          ...(auth.authUrl ? { authUrl: auth.authUrl } : {}),
          clientId: auth.clientId,
          clientSecret: held(auth.clientSecret, 'client_secret', secrets),
          ...(auth.scope ? { scope: auth.scope } : {}),
          ...(auth.audience ? { audience: auth.audience } : {}),
          ...(auth.grant === 'password' ? { username: auth.username, password: held(auth.password, 'password', secrets) } : {}),
          client_authentication: auth.clientAuth === 'body' ? 'body' : 'header',
          ...(auth.grant === 'authorizationCode' ? { challengeAlgorithm: 'S256' } : {}),
        }),
      };
    }
  }
}
