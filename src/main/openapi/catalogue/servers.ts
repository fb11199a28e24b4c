// Servers: 3.x `servers` (variables substituted with their defaults) or Swagger 2.0
// `schemes` × `host` + `basePath`, each marked sandbox / production / unknown.
import type { CatalogueEnvironment, CatalogueServer, CatalogueServerVariable } from '../../../shared/catalogue';
import { isObject, type JsonObject } from './refs';

const SANDBOX_WORDS = new Set([
  'sandbox', 'sandboxes', 'test', 'tests', 'testing', 'staging', 'stage', 'stg',
  'dev', 'devel', 'development', 'demo', 'mock', 'mocks', 'uat', 'qa',
  'preprod', 'preproduction', 'localhost',
]);
const PRODUCTION_WORDS = new Set(['prod', 'production', 'live']);

/**
 * What one text says about its environment, word by word (`api.productboard.com` is not production,
 * `api-staging.example.com` is sandbox). "pre-prod"/"pre-production" count as sandbox. A text naming
 * both kinds (e.g. "a sandbox that mirrors production") says nothing: better unknown than wrong.
 */
export function environmentOfText(text: string): CatalogueEnvironment {
  const words = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  let sandbox = false;
  let production = false;
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    if (SANDBOX_WORDS.has(word)) sandbox = true;
    else if (PRODUCTION_WORDS.has(word)) {
      if (words[index - 1] === 'pre' || words[index - 1] === 'non') sandbox = true;
      else production = true;
    }
  }
  if (sandbox === production) return 'unknown';
  return sandbox ? 'sandbox' : 'production';
}

/** The description decides when it says something; otherwise the URL. */
export function environmentOf(url: string, description: string | undefined): CatalogueEnvironment {
  const fromDescription = description ? environmentOfText(description) : 'unknown';
  if (fromDescription !== 'unknown') return fromDescription;
  return environmentOfText(url.replace(/\{[^}]*\}/g, ' '));
}

function isRelative(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('//');
}

function server(url: string, description: string | undefined, variables: CatalogueServerVariable[]): CatalogueServer {
  const defaults = new Map(variables.map((variable) => [variable.name, variable.default]));
  const resolvedUrl = url.replace(/\{([^}]*)\}/g, (match, name: string) => defaults.get(name) ?? match);
  const built: CatalogueServer = {
    url,
    resolvedUrl,
    relative: isRelative(resolvedUrl),
    variables,
    environment: environmentOf(resolvedUrl, description),
  };
  if (description) built.description = description;
  return built;
}

function variablesOf(raw: unknown): CatalogueServerVariable[] {
  if (!isObject(raw)) return [];
  const variables: CatalogueServerVariable[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (!isObject(value)) continue;
    const variable: CatalogueServerVariable = { name, default: value.default === undefined ? '' : String(value.default) };
    if (Array.isArray(value.enum)) variable.enum = value.enum.map(String);
    if (typeof value.description === 'string' && value.description.trim()) variable.description = value.description.trim();
    variables.push(variable);
  }
  return variables;
}

/**
 * The document-level servers. A 3.x document without `servers` gives none (the spec's implied "/"
 * is not listed); a Swagger 2.0 document without `host` gives its basePath as a relative server,
 * and without `schemes` assumes https.
 */
export function buildServers(document: JsonObject): CatalogueServer[] {
  if (document.swagger !== undefined) {
    const host = typeof document.host === 'string' ? document.host.trim() : '';
    let basePath = typeof document.basePath === 'string' ? document.basePath.trim() : '';
    if (basePath && !basePath.startsWith('/')) basePath = `/${basePath}`;
    if (!host) return [server(basePath || '/', undefined, [])];
    const schemes = Array.isArray(document.schemes) ? document.schemes.filter((scheme): scheme is string => typeof scheme === 'string') : [];
    return (schemes.length ? schemes : ['https']).map((scheme) => server(`${scheme}://${host}${basePath}`, undefined, []));
  }
  if (!Array.isArray(document.servers)) return [];
  return document.servers.filter(isObject).flatMap((entry) => {
    if (typeof entry.url !== 'string') return [];
    const description = typeof entry.description === 'string' && entry.description.trim() ? entry.description.trim() : undefined;
    return [server(entry.url, description, variablesOf(entry.variables))];
  });
}
