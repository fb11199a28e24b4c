// Answers to the requirements checklist read from the API documents and the flows: a first draft
// the analyst confirms or rewrites. Pure: everything it reads is passed in.
import { openapiVersionLabel, type Catalogue, type CatalogueOperation, type CatalogueSecurityScheme } from '../../shared/catalogue';
import { defaultRedactor } from '../platform/redact';

export interface InferenceInput {
  systems: Array<{ name: string; catalogue: Catalogue }>;
  flows: Array<{
    name: string;
    /** System names. */
    source: string;
    target: string;
    /** "CRM Order → Accounting Invoice". */
    entities: string;
    /** Target fields on its mapping sheet. */
    rows: number;
    trigger: { kind: string; detail: string };
  }>;
  /** Mapping rows by type, across all flows, and how many carry a value map. */
  mappings: { byType: Record<string, number>; withValueMap: number; withTransformation: number };
}

export interface Inferred {
  answer: string;
  evidence: string[];
}

const triggerWords: Record<string, string> = {
  event: 'an event (webhook)',
  schedule: 'a schedule',
  query: 'a query (polling)',
  file_drop: 'a file drop',
  manual: 'a manual start',
};

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** "limit" after two systems, "limits" after one. */
const verb = (systems: string[], plural: string, singular: string) => `${list(systems)} ${systems.length === 1 ? singular : plural}`;

function trigger({ flows }: InferenceInput): Inferred | null {
  if (flows.length === 0) return null;
  return {
    answer: flows.map((flow) => `${flow.name}: ${triggerWords[flow.trigger.kind] ?? flow.trigger.kind}${flow.trigger.detail ? ` (${flow.trigger.detail})` : ''}`).join('; '),
    evidence: flows.map((flow) => `flow "${flow.name}" trigger`),
  };
}

function direction({ flows }: InferenceInput): Inferred | null {
  if (flows.length === 0) return null;
  const pairs = new Set(flows.map((flow) => `${flow.source} → ${flow.target}`));
  const systems = new Set(flows.flatMap((flow) => [flow.source, flow.target]));
  const twoWay = flows.some((flow) => pairs.has(`${flow.target} → ${flow.source}`));
  const kind = systems.size > 2 ? `${systems.size}-way` : twoWay ? 'Two-way' : 'One-way';
  return { answer: `${kind}: ${[...pairs].join(', ')}`, evidence: flows.map((flow) => `flow "${flow.name}"`) };
}

function data({ flows }: InferenceInput): Inferred | null {
  if (flows.length === 0) return null;
  return {
    answer: flows.map((flow) => `${flow.entities}${flow.rows ? ` (${flow.rows} target fields, listed field by field on its mapping sheet)` : ''}`).join('; '),
    evidence: flows.map((flow) => `flow "${flow.name}"`),
  };
}

export function describeScheme(scheme: CatalogueSecurityScheme): string {
  switch (scheme.type) {
    case 'apiKey':
      return `API key in ${scheme.in} "${scheme.parameterName}"`;
    case 'basic':
      return 'HTTP basic (user name and password)';
    case 'bearer':
      return `Bearer token${scheme.bearerFormat ? ` (${scheme.bearerFormat})` : ''}`;
    case 'oauth2':
      return `OAuth 2.0 (${scheme.flows.map((flow) => flow.type).join(', ') || 'no flows listed'})`;
    case 'openIdConnect':
      return 'OpenID Connect';
    case 'mutualTLS':
      return 'Mutual TLS (client certificate)';
    case 'http':
      return `HTTP ${scheme.scheme}`;
    default:
      return `Unknown (${scheme.originalType})`;
  }
}

function auth(catalogue: Catalogue): Inferred {
  const used = new Set(catalogue.operations.flatMap((operation) => operation.security.flatMap((alternative) => alternative.map((entry) => entry.scheme))));
  const schemes = catalogue.securitySchemes.filter((scheme) => used.size === 0 || used.has(scheme.name));
  const anonymous = catalogue.operations.filter((operation) => operation.security.length === 0).length;
  if (schemes.length === 0) {
    return { answer: 'None declared in the API document: ask the vendor how clients authenticate.', evidence: ['no securitySchemes / securityDefinitions'] };
  }
  return {
    answer: list(schemes.map(describeScheme)) + (anonymous > 0 ? `; ${anonymous} operation(s) need none` : ''),
    evidence: schemes.map((scheme) => `securitySchemes.${scheme.name} (${scheme.type})`),
  };
}

function api(catalogue: Catalogue): Inferred {
  const webhooks = catalogue.operations.filter((operation) => operation.webhook);
  const calls = catalogue.operations.length - webhooks.length;
  const version = openapiVersionLabel(catalogue.openapiVersion);
  return {
    answer: `REST over HTTP, ${calls} operation(s)` + (webhooks.length ? `; webhooks: ${webhooks.map((hook) => hook.path).join(', ')}` : ''),
    evidence: [`${version} document`],
  };
}

function mediaTypes(operation: CatalogueOperation): string[] {
  return [operation.request?.mediaType, ...operation.responses.map((response) => response.mediaType)].filter((type): type is string => !!type);
}

function transport(catalogues: InferenceInput['systems']): Inferred | null {
  const evidence: string[] = [];
  const languages = new Set<string>();
  for (const { name, catalogue } of catalogues) {
    const types = new Set(catalogue.operations.flatMap(mediaTypes));
    if (types.size === 0) continue;
    evidence.push(`${name}: ${[...types].sort().join(', ')}`);
    for (const type of types) {
      if (/json/i.test(type)) languages.add('JSON');
      else if (/xml/i.test(type)) languages.add('XML');
      else if (/csv/i.test(type)) languages.add('CSV');
      else if (/form/i.test(type)) languages.add('form data');
    }
  }
  if (languages.size === 0) return null;
  return { answer: [...languages].join(', '), evidence };
}

function protocol(catalogues: InferenceInput['systems']): Inferred | null {
  const evidence: string[] = [];
  const schemes = new Set<string>();
  for (const { name, catalogue } of catalogues) {
    for (const server of catalogue.servers) {
      const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(server.resolvedUrl)?.[1]?.toUpperCase();
      if (!scheme) continue;
      schemes.add(scheme);
      evidence.push(`${name}: server ${defaultRedactor.url(server.resolvedUrl)}`);
    }
  }
  if (schemes.size === 0) return null;
  const plain = schemes.has('HTTP') ? ' (plain HTTP is listed: confirm it is never used in production)' : '';
  return { answer: [...schemes].sort().join(', ') + plain, evidence };
}

function transformations({ mappings }: InferenceInput): Inferred | null {
  const total = Object.values(mappings.byType).reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const changed = Object.entries(mappings.byType).filter(([type, n]) => type !== 'direct' && n > 0);
  if (changed.length === 0 && mappings.withTransformation === 0 && mappings.withValueMap === 0) {
    return { answer: 'None so far: every mapped field is copied as is.', evidence: [`${total} mapping rows, all direct`] };
  }
  const parts = changed.map(([type, n]) => `${n} ${type}`);
  if (mappings.withValueMap) parts.push(`${mappings.withValueMap} with a value map`);
  if (mappings.withTransformation) parts.push(`${mappings.withTransformation} with transformation logic`);
  return { answer: `Yes: ${parts.join(', ')} (see the mapping sheets)`, evidence: [`${total} mapping rows`] };
}

const PAGING_PARAMETERS = /^(limit|offset|page|pagenumber|page_number|per_page|perpage|page_size|pagesize|size|cursor|after|before|starting_after|ending_before|next|next_token|nexttoken|page_token|pagetoken|continuation_?token|skip|top|\$top|\$skip|\$skiptoken)$/i;

function findOperations(catalogues: InferenceInput['systems'], test: (operation: CatalogueOperation) => string | null, answerFor: (systems: string[]) => string): Inferred | null {
  const evidence: string[] = [];
  const systems = new Set<string>();
  for (const { name, catalogue } of catalogues) {
    for (const operation of catalogue.operations) {
      const found = test(operation);
      if (!found) continue;
      systems.add(name);
      if (evidence.filter((line) => line.startsWith(`${name}:`)).length < 3) evidence.push(`${name}: ${operation.id} ${found}`);
    }
  }
  return systems.size ? { answer: answerFor([...systems]), evidence } : null;
}

function paging(catalogues: InferenceInput['systems']) {
  return findOperations(
    catalogues,
    (operation) => {
      const names = operation.parameters.filter((parameter) => parameter.in === 'query' && PAGING_PARAMETERS.test(parameter.name)).map((parameter) => parameter.name);
      return names.length ? `has ${names.join(', ')}` : null;
    },
    (systems) => `Paged lists in ${list(systems)}: the integration must follow every page`,
  );
}

function rateLimits(catalogues: InferenceInput['systems']) {
  return findOperations(
    catalogues,
    (operation) => {
      if (operation.responses.some((response) => response.status === '429')) return 'answers 429 Too Many Requests';
      const text = `${operation.description ?? ''} ${operation.responses.map((response) => response.description ?? '').join(' ')}`;
      return /rate.?limit|throttl/i.test(text) ? 'mentions rate limiting' : null;
    },
    (systems) => `${verb(systems, 'limit', 'limits')} request rates: back off on 429 and respect Retry-After`,
  );
}

function bulk(catalogues: InferenceInput['systems']) {
  return findOperations(
    catalogues,
    (operation) => (/\b(bulk|batch)/i.test(operation.path) || (operation.request?.array && operation.method !== 'GET') ? 'accepts many records at once' : null),
    (systems) => `Bulk or batch operations exist in ${list(systems)}`,
  );
}

function idempotency(catalogues: InferenceInput['systems']) {
  return findOperations(
    catalogues,
    (operation) => {
      const key = operation.parameters.find((parameter) => parameter.in === 'header' && /idempoten/i.test(parameter.name));
      return key ? `takes header ${key.name}` : null;
    },
    (systems) => `${verb(systems, 'accept', 'accepts')} idempotency keys: send one per record so retries never duplicate`,
  );
}

/** Every answer that can be read from the documents and flows, by requirement key. */
export function inferRequirements(input: InferenceInput): Map<string, Inferred> {
  const answers = new Map<string, Inferred | null>([
    ['trigger', trigger(input)],
    ['direction', direction(input)],
    ...input.systems.flatMap(({ name, catalogue }) => [
      [`auth.${name}`, auth(catalogue)] as const,
      [`api.${name}`, api(catalogue)] as const,
    ]),
    ['data', data(input)],
    ['transport', transport(input.systems)],
    ['protocol', protocol(input.systems)],
    ['transformations', transformations(input)],
    ['nfr.paging', paging(input.systems)],
    ['nfr.rate_limits', rateLimits(input.systems)],
    ['nfr.bulk', bulk(input.systems)],
    ['nfr.idempotency', idempotency(input.systems)],
  ]);
  return new Map([...answers].filter((entry): entry is [string, Inferred] => entry[1] !== null));
}
