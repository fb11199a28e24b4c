// A Postman collection (v2.0 or v2.1, read and normalised by the official postman-collection SDK) as
// the sandbox's requests: folders as paths, query, headers, bodies, auth (basic, API key, bearer,
// OAuth 2.0; a folder's auth given to its requests, the collection's kept as the environment's), and
// its variables. Secrets are classified on entry and moved into secret variables (secret-variables.ts).
import { Collection, Url } from 'postman-collection';
import { UserError } from '../../errors';
import { httpMethods, type AuthInput, type KeyValueRowInput, type RequestBodyInput } from '../../../shared/contract/sandbox';
import { decodeQueryPart } from '../query-text';
import { isCredentialName } from '../store/secret-slots';
import { SecretVariables } from './secret-variables';
import type { CollectionImport, EnvironmentImport, InterchangeRequest, InterchangeVariable } from './types';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));

export function importCollection(json: unknown, source = 'The collection'): CollectionImport {
  if (!isObject(json) || !isObject(json.info) || !Array.isArray(json.item)) {
    throw new UserError('POSTMAN_NOT_COLLECTION', `${source} is not a Postman collection (v2.0 or v2.1 has "info" and "item"): export it from Postman with Collection v2.1.`);
  }
  const schema = text(json.info.schema);
  if (schema && !/collection\/v2\.[01]/.test(schema)) {
    throw new UserError('POSTMAN_VERSION', `${source} is a Postman collection of schema ${schema}, which Crosswalk does not read: export it from Postman as Collection v2.1.`);
  }
  // The SDK reads every form Postman has written (v2.0 and v2.1, URLs as text or parts) and gives v2.1.
  const collection = new Collection(json).toJSON() as Json;
  const notes: string[] = [];
  const variables: InterchangeVariable[] = rows(collection.variable).map((variable) => {
    const name = text(variable.key ?? variable.id);
    return { name, value: text(variable.value), secret: variable.type === 'secret' || variable.secret === true || isCredentialName(name), enabled: variable.disabled !== true };
  });
  const secrets = new SecretVariables(variables);
  const requests: InterchangeRequest[] = [];
  const scripted: string[] = [];

  const walk = (items: unknown, path: string[], folderAuth: Json | undefined) => {
    for (const item of rows(items)) {
      const auth = isObject(item.auth) ? item.auth : undefined;
      if (Array.isArray(item.item)) {
        walk(item.item, [...path, text(item.name).replace(/\//g, '∕')], auth ?? folderAuth);
        continue;
      }
      if (!isObject(item.request)) continue;
      if (rows(item.event).some((event) => isObject(event.script) && Array.isArray(event.script.exec) && event.script.exec.some((line) => text(line).trim() !== ''))) {
        scripted.push(text(item.name));
      }
      const requestAuth = isObject(item.request.auth) ? item.request.auth : folderAuth;
      const imported = toRequest(text(item.name), item.request, path, requestAuth, secrets, notes);
      const behaviour = isObject(item.protocolProfileBehavior) ? item.protocolProfileBehavior : {};
      if (behaviour.followRedirects === false) imported.settings.followRedirects = false;
      if (typeof behaviour.maxRedirects === 'number') imported.settings.maxRedirects = Math.min(50, Math.max(0, Math.trunc(behaviour.maxRedirects)));
      requests.push(imported);
    }
  };
  walk(collection.item, [], undefined);

  if (scripted.length > 0) notes.push(`${count(scripted.length, 'request has', 'requests have')} scripts (pre-request or tests), which Crosswalk does not run: ${list(scripted)}.`);
  const auth = isObject(collection.auth) ? toAuth(collection.auth, secrets, 'the collection', notes) : ({ kind: 'none' } as const);
  const info = isObject(collection.info) ? collection.info : {};
  return { name: text(info.name) || 'Imported collection', requests, variables: secrets.list(), auth, notes };
}

const rows = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** A Postman environment export ({ name, values: [{ key, value, type, enabled }] }). */
export function importEnvironment(json: unknown, source = 'The environment'): EnvironmentImport {
  if (!isObject(json) || !Array.isArray(json.values)) {
    throw new UserError('POSTMAN_NOT_ENVIRONMENT', `${source} is not a Postman environment (it has no "values"): export it from Postman's Environments.`);
  }
  const variables = json.values.filter(isObject).map((value) => {
    const name = text(value.key);
    return { name, value: text(value.value), secret: value.type === 'secret' || isCredentialName(name), enabled: value.enabled !== false };
  });
  return { name: text(json.name) || 'Imported environment', variables };
}

function toRequest(name: string, request: Json, path: string[], auth: Json | undefined, secrets: SecretVariables, notes: string[]): InterchangeRequest {
  const method = (text(request.method) || 'GET').toUpperCase();
  if (!(httpMethods as readonly string[]).includes(method)) {
    notes.push(`"${name}" uses the method ${method}, which Crosswalk does not send; it was imported as GET.`);
  }
  const address = isObject(request.url) ? request.url : {};
  // Without its query: the parameters are rows of their own.
  const url = new Url({ ...address, query: [], hash: undefined }).toString().replace(/[?#]$/, '');
  // Postman keeps query values as written in the URL; the model keeps them plain.
  const query = rows(address.query).map((parameter): KeyValueRowInput => {
    const key = decodeQueryPart(text(parameter.key));
    const secret = isCredentialName(key);
    const value = decodeQueryPart(text(parameter.value));
    return { name: key, value: secret ? secrets.hold(value, key) : value, enabled: parameter.disabled !== true, secret, ...description(parameter.description) };
  });
  const headerRows = rows(request.header);
  const headers = headerRows.map((header): KeyValueRowInput => {
    const key = text(header.key);
    const secret = isCredentialName(key);
    const value = text(header.value);
    return { name: key, value: secret ? secrets.hold(value, key) : value, enabled: header.disabled !== true, secret, ...description(header.description) };
  });
  const contentType = headerRows.find((header) => text(header.key).toLowerCase() === 'content-type' && header.disabled !== true)?.value;
  return {
    folder: path.join('/'),
    name: (name || `${method} ${url}`).slice(0, 200),
    method: ((httpMethods as readonly string[]).includes(method) ? method : 'GET') as InterchangeRequest['method'],
    url,
    origin: null,
    settings: { followRedirects: true, maxRedirects: 10, timeoutMs: 30_000 },
    query,
    headers,
    body: toBody(isObject(request.body) ? request.body : undefined, contentType === undefined ? undefined : text(contentType), secrets, name, notes),
    auth: auth ? toAuth(auth, secrets, `"${name}"`, notes) : { kind: 'inherit' },
  };
}

function description(value: unknown): { description?: string } {
  const content = isObject(value) ? text(value.content) : typeof value === 'string' ? value : '';
  return content ? { description: content.slice(0, 2000) } : {};
}

// Postman sends raw bodies with these types by their language; "text", its default, says nothing more.
const RAW_TYPES: Record<string, string> = { xml: 'application/xml', html: 'text/html', javascript: 'application/javascript' };

function toBody(body: Json | undefined, contentType: string | undefined, secrets: SecretVariables, name: string, notes: string[]): RequestBodyInput {
  if (!body || body.disabled === true) return { kind: 'none' };
  switch (body.mode) {
    case 'raw': {
      const raw = text(body.raw);
      if (raw === '') return { kind: 'none' };
      const options = isObject(body.options) && isObject(body.options.raw) ? body.options.raw : {};
      const language = text(options.language);
      const type = contentType?.split(';')[0]?.trim().toLowerCase();
      if (type === 'application/json' || type?.endsWith('+json') || (!type && language === 'json')) return { kind: 'json', text: raw };
      return { kind: 'text', text: raw, ...(contentType ? { contentType } : RAW_TYPES[language] ? { contentType: RAW_TYPES[language] } : {}) };
    }
    case 'urlencoded':
      // Postman sends no body for an empty form, and writes one on many a GET.
      if (rows(body.urlencoded).length === 0) return { kind: 'none' };
      return {
        kind: 'form-urlencoded',
        fields: rows(body.urlencoded).map((field) => {
          const key = text(field.key);
          const secret = isCredentialName(key);
          const value = text(field.value);
          return { name: key, value: secret ? secrets.hold(value, key) : value, enabled: field.disabled !== true, secret };
        }),
      };
    case 'formdata':
      if (rows(body.formdata).length === 0) return { kind: 'none' };
      return {
        kind: 'multipart',
        parts: rows(body.formdata).map((part) => {
          const file = part.type === 'file';
          const src = Array.isArray(part.src) ? text(part.src[0]) : text(part.src);
          const key = text(part.key);
          const value = text(part.value);
          return {
            name: key,
            enabled: part.disabled !== true,
            kind: file ? ('file' as const) : ('text' as const),
            value: file ? src : isCredentialName(key) ? secrets.hold(value, key) : value,
            ...(part.contentType ? { contentType: text(part.contentType) } : {}),
          };
        }),
      };
    case 'graphql': {
      const graphql = isObject(body.graphql) ? body.graphql : {};
      let variables: unknown = {};
      try {
        variables = graphql.variables ? JSON.parse(text(graphql.variables)) : {};
      } catch {
        variables = text(graphql.variables);
      }
      return { kind: 'json', text: JSON.stringify({ query: text(graphql.query), variables }, null, 2) };
    }
    case 'file':
      notes.push(`"${name}" sends a file as its body, which a collection cannot carry; set its body after the import.`);
      return { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

function toAuth(auth: Json, secrets: SecretVariables, where: string, notes: string[]): AuthInput {
  const type = text(auth.type);
  // v2.1 keeps each scheme's parameters as [{ key, value }] under the scheme's name.
  const parameters = new Map(rows(auth[type]).map((parameter) => [text(parameter.key), parameter.value]));
  const get = (name: string) => text(parameters.get(name));
  const secret = (name: string, hint: string) => secrets.hold(get(name), hint);
  switch (type) {
    case 'noauth':
      return { kind: 'none' };
    case 'basic':
      return { kind: 'basic', username: get('username'), password: secret('password', 'password') };
    case 'bearer':
      return { kind: 'bearer', token: secret('token', 'token'), prefix: 'Bearer' };
    case 'apikey': {
      const name = get('key') || 'X-API-Key';
      return { kind: 'apiKey', in: get('in') === 'query' ? 'query' : 'header', name, value: secret('value', name) };
    }
    case 'oauth2': {
      const grantType = get('grant_type') || 'authorization_code';
      const grant = grantType === 'client_credentials' ? 'clientCredentials' : grantType === 'password_credentials' ? 'password' : 'authorizationCode';
      if (grantType === 'implicit') notes.push(`${where} uses the OAuth 2.0 implicit grant, which Crosswalk does not offer; it was imported as authorization code with PKCE.`);
      return {
        kind: 'oauth2',
        grant,
        tokenUrl: get('accessTokenUrl'),
        authUrl: get('authUrl'),
        clientId: get('clientId'),
        clientSecret: secret('clientSecret', 'client_secret'),
        scope: get('scope'),
        audience: get('audience'),
        username: get('username'),
        password: secret('password', 'password'),
        clientAuth: get('client_authentication') === 'body' ? 'body' : 'basic',
      };
    }
    default:
      notes.push(`${where} uses ${type} auth, which Crosswalk does not offer; it was imported without auth.`);
      return { kind: 'none' };
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const list = (names: string[]) => (names.length <= 5 ? names.map((name) => `"${name}"`).join(', ') : `${names.slice(0, 5).map((name) => `"${name}"`).join(', ')} and ${names.length - 5} more`);
