// Security schemes mapped to the auth types a Postman-style client offers.
// 3.x components.securitySchemes and Swagger 2.0 securityDefinitions alike.
import type { CatalogueOAuthFlow, CatalogueSecurityScheme } from '../../../shared/catalogue';
import { isObject, type JsonObject, type RefResolver } from './refs';

const FLOW_NAMES: Record<string, CatalogueOAuthFlow['type']> = {
  authorizationCode: 'authorizationCode',
  clientCredentials: 'clientCredentials',
  password: 'password',
  implicit: 'implicit',
  // Swagger 2.0 names
  accessCode: 'authorizationCode',
  application: 'clientCredentials',
};

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function flow(type: CatalogueOAuthFlow['type'], source: JsonObject): CatalogueOAuthFlow {
  const built: CatalogueOAuthFlow = {
    type,
    scopes: isObject(source.scopes)
      ? Object.entries(source.scopes).map(([name, description]) => ({ name, description: typeof description === 'string' ? description.trim() : '' }))
      : [],
  };
  const authorizationUrl = str(source.authorizationUrl);
  if (authorizationUrl) built.authorizationUrl = authorizationUrl;
  const tokenUrl = str(source.tokenUrl);
  if (tokenUrl) built.tokenUrl = tokenUrl;
  const refreshUrl = str(source.refreshUrl);
  if (refreshUrl) built.refreshUrl = refreshUrl;
  return built;
}

/** One security scheme object, under its key `name`. */
export function mapSecurityScheme(name: string, scheme: JsonObject): CatalogueSecurityScheme {
  const description = str(scheme.description);
  const base = description ? { name, description } : { name };
  const type = typeof scheme.type === 'string' ? scheme.type : '';
  switch (type) {
    case 'apiKey': {
      const where = scheme.in === 'query' || scheme.in === 'cookie' ? scheme.in : 'header';
      return { ...base, type: 'apiKey', in: where, parameterName: typeof scheme.name === 'string' ? scheme.name : '' };
    }
    case 'basic':
      return { ...base, type: 'basic' };
    case 'http': {
      const httpScheme = (typeof scheme.scheme === 'string' ? scheme.scheme : '').trim().toLowerCase();
      if (httpScheme === 'basic') return { ...base, type: 'basic' };
      if (httpScheme === 'bearer') {
        const bearerFormat = str(scheme.bearerFormat);
        return bearerFormat ? { ...base, type: 'bearer', bearerFormat } : { ...base, type: 'bearer' };
      }
      return { ...base, type: 'http', scheme: httpScheme };
    }
    case 'oauth2': {
      const flows: CatalogueOAuthFlow[] = [];
      if (isObject(scheme.flows)) {
        for (const [key, value] of Object.entries(scheme.flows)) {
          const flowType = FLOW_NAMES[key];
          if (flowType && isObject(value)) flows.push(flow(flowType, value));
        }
      } else if (typeof scheme.flow === 'string') {
        const flowType = FLOW_NAMES[scheme.flow];
        if (flowType) flows.push(flow(flowType, scheme));
      }
      return { ...base, type: 'oauth2', flows };
    }
    case 'openIdConnect':
      return { ...base, type: 'openIdConnect', openIdConnectUrl: typeof scheme.openIdConnectUrl === 'string' ? scheme.openIdConnectUrl : '' };
    case 'mutualTLS':
      return { ...base, type: 'mutualTLS' };
    default:
      return { ...base, type: 'unknown', originalType: type };
  }
}

/** All security schemes of the document, in document order, refs resolved. */
export function buildSecuritySchemes(document: JsonObject, refs: RefResolver): CatalogueSecurityScheme[] {
  const components = document.components;
  const container = isObject(components) && isObject(components.securitySchemes) ? components.securitySchemes : document.securityDefinitions;
  if (!isObject(container)) return [];
  const schemes: CatalogueSecurityScheme[] = [];
  for (const [name, raw] of Object.entries(container)) {
    const scheme = refs.deref(raw);
    if (isObject(scheme)) schemes.push(mapSecurityScheme(name, scheme));
  }
  return schemes;
}
