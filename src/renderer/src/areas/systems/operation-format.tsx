// How operations and their security read: method badges, "oauth2 (orders:read) or bearerAuth".
import type { CatalogueEntityUse, CatalogueSecurityRequirement, CatalogueSecurityScheme } from '../../../../shared/catalogue';

const methodTone: Record<string, string> = {
  GET: 'badge-info',
  POST: 'badge-success',
  PUT: 'badge-warning',
  PATCH: 'badge-violet',
  DELETE: 'badge-danger',
};

export function MethodBadge({ method, webhook = false }: { method: string; webhook?: boolean }) {
  const upper = method.toUpperCase();
  return (
    <span className={`badge method ${methodTone[upper] ?? ''}`} title={webhook ? `Webhook: the API sends ${upper} requests to you` : undefined}>
      {upper}
    </span>
  );
}

/** "GET /orders/{id}" → method and path; webhooks read "POST orderConfirmed". */
export function splitOperationId(id: string): { method: string; path: string } {
  const space = id.indexOf(' ');
  return space < 0 ? { method: '', path: id } : { method: id.slice(0, space), path: id.slice(space + 1) };
}

/** "request", "200 response". */
export const roleText = (use: CatalogueEntityUse) =>
  use.role === 'request' ? `request${use.array ? ' (list)' : ''}` : `${use.status ?? ''} response${use.array ? ' (list)' : ''}`.trim();

/** One alternative: "oauth2 (orders:read) + apiKey". */
export const requirementText = (requirement: CatalogueSecurityRequirement[number][]) =>
  requirement.map((scheme) => (scheme.scopes.length ? `${scheme.scheme} (${scheme.scopes.join(', ')})` : scheme.scheme)).join(' + ');

/** All alternatives: "oauth2 (orders:read) or bearerAuth"; "" when none is needed. */
export const securityText = (security: CatalogueSecurityRequirement[]) =>
  security.filter((alternative) => alternative.length > 0).map(requirementText).join(' or ');

export const schemeTypeLabels: Record<CatalogueSecurityScheme['type'], string> = {
  apiKey: 'API key',
  basic: 'HTTP Basic',
  bearer: 'Bearer token',
  oauth2: 'OAuth 2.0',
  openIdConnect: 'OpenID Connect',
  mutualTLS: 'Mutual TLS',
  http: 'HTTP authentication',
  unknown: 'Unrecognised',
};

export const flowLabels: Record<string, string> = {
  authorizationCode: 'Authorization code',
  clientCredentials: 'Client credentials',
  password: 'Password (resource owner)',
  implicit: 'Implicit',
};
