// A ready request for one catalogue operation: method, {{baseUrl}} and the path with its parameters as
// {{variables}}, query and header parameters, auth from the operation's security, and a body from the
// injected example generator (sandbox/generate, wired by the front end).
import type { Catalogue, CatalogueOperation, CatalogueSecurityScheme } from '../../../shared/catalogue';
import type { AuthInput, KeyValueRowInput, RequestBodyInput, RequestDraft } from '../../../shared/contract';
import { UserError } from '../../errors';

/** An example request body for the operation, from its schema (the document's examples first). */
export type ExampleBody = (input: { catalogue: Catalogue; operation: CatalogueOperation; mediaType: string }) => unknown;

const UNSET = { secret: true as const, set: false };

export function draftFromOperation(input: { systemId: number; catalogue: Catalogue; operationId: string; documentVersion: number; exampleBody?: ExampleBody }): RequestDraft {
  const { catalogue } = input;
  const operation = catalogue.operations.find((each) => each.id === input.operationId);
  if (!operation || operation.webhook) {
    throw new UserError('OPERATION_NOT_FOUND', `The system's document has no operation "${input.operationId}": pick one from its catalogue (the document may have been re-imported).`);
  }
  const path = operation.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => `{{${name}}}`);
  const example = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
  const row = (parameter: CatalogueOperation['parameters'][number]): KeyValueRowInput => ({
    name: parameter.name,
    value: example(parameter.example ?? parameter.default ?? parameter.enum?.[0]),
    enabled: parameter.required,
    secret: false,
    ...(parameter.description ? { description: parameter.description.slice(0, 2000) } : {}),
  });
  const query = operation.parameters.filter((parameter) => parameter.in === 'query').map(row);
  const headers = operation.parameters.filter((parameter) => parameter.in === 'header' && !/^(accept|content-type|authorization)$/i.test(parameter.name)).map(row);
  const accept = operation.responses.find((response) => /^2/.test(response.status) && response.mediaType)?.mediaType;
  if (accept) headers.unshift({ name: 'Accept', value: accept, enabled: true, secret: false });
  const body = requestBody(catalogue, operation, input.exampleBody);
  if (body.kind !== 'none' && operation.request?.mediaType && body.kind !== 'form-urlencoded') headers.push({ name: 'Content-Type', value: operation.request.mediaType, enabled: true, secret: false });
  return {
    systemId: input.systemId,
    folder: operation.tags[0] ?? '',
    name: (operation.summary ?? operation.operationId ?? operation.id).slice(0, 200),
    method: operation.method.toUpperCase() as RequestDraft['method'],
    url: `{{baseUrl}}${path}`,
    query,
    headers,
    body,
    auth: authFor(catalogue, operation) as RequestDraft['auth'],
    origin: { operation: operation.id, documentVersion: input.documentVersion },
    settings: { followRedirects: true, maxRedirects: 10, timeoutMs: 30_000 },
  } as RequestDraft;
}

function requestBody(catalogue: Catalogue, operation: CatalogueOperation, exampleBody: ExampleBody | undefined): RequestBodyInput {
  const mediaType = operation.request?.mediaType;
  if (!operation.request || !mediaType) return { kind: 'none' };
  const value = exampleBody?.({ catalogue, operation, mediaType });
  if (/json/i.test(mediaType)) return { kind: 'json', text: JSON.stringify(value ?? (operation.request.array ? [] : {}), null, 2) };
  if (/x-www-form-urlencoded/i.test(mediaType) && value && typeof value === 'object') {
    return { kind: 'form-urlencoded', fields: Object.entries(value).map(([name, field]) => ({ name, value: typeof field === 'string' ? field : JSON.stringify(field), enabled: true, secret: false })) };
  }
  return { kind: 'text', text: typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value), contentType: mediaType };
}

/** The first alternative of the operation's security, as far as one request can carry it. */
function authFor(catalogue: Catalogue, operation: CatalogueOperation): AuthInput {
  for (const requirement of operation.security) {
    for (const { scheme: name, scopes } of requirement) {
      const scheme = catalogue.securitySchemes.find((each) => each.name === name);
      const auth = scheme && schemeAuth(scheme, scopes);
      if (auth) return auth;
    }
  }
  return { kind: 'none' };
}

function schemeAuth(scheme: CatalogueSecurityScheme, scopes: string[]): AuthInput | undefined {
  switch (scheme.type) {
    case 'basic':
      return { kind: 'basic', username: '', password: UNSET };
    case 'bearer':
      return { kind: 'bearer', token: UNSET, prefix: 'Bearer' };
    case 'apiKey':
      return { kind: 'apiKey', in: scheme.in, name: scheme.parameterName, value: UNSET };
    case 'oauth2': {
      const flow = ['clientCredentials', 'authorizationCode', 'password'].map((type) => scheme.flows.find((each) => each.type === type)).find(Boolean);
      if (!flow) return undefined;
      return {
        kind: 'oauth2',
        grant: flow.type as 'clientCredentials' | 'authorizationCode' | 'password',
        tokenUrl: flow.tokenUrl ?? '',
        authUrl: flow.authorizationUrl ?? '',
        clientId: '',
        clientSecret: UNSET,
        scope: (scopes.length ? scopes : flow.scopes.map((each) => each.name)).join(' '),
        audience: '',
        username: '',
        password: UNSET,
        clientAuth: 'basic',
        scheme: scheme.name,
      };
    }
    default:
      return undefined;
  }
}
