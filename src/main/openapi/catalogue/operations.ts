// Operations (paths and 3.1 webhooks): parameters, request and response bodies, security.
// Bodies are handed to the EntityRegistry, which names the entity they carry.
import type {
  CatalogueOperation,
  CatalogueParameter,
  CatalogueRequestBody,
  CatalogueResponse,
  CatalogueSecurityRequirement,
} from '../../../shared/catalogue';
import type { BodySite, BodyTarget, EntityRegistry } from './entities';
import { isObject, type JsonObject, type RefResolver, type Where } from './refs';
import type { SchemaViews } from './schema-view';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

export interface OperationContext {
  document: JsonObject;
  swagger2: boolean;
  refs: RefResolver;
  views: SchemaViews;
  entities: EntityRegistry;
}

interface Located {
  value: JsonObject;
  where: Where;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed || undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The media type whose schema describes a body: one with a schema first, then application/json, then any JSON. */
export function pickMediaType(content: JsonObject): [string, JsonObject] | undefined {
  let best: [string, JsonObject] | undefined;
  let bestScore = -1;
  for (const mediaType in content) {
    const media = content[mediaType];
    if (!isObject(media)) continue;
    const lower = mediaType.toLowerCase();
    const json = lower.startsWith('application/json') ? 3 : /[/+]json\b/.test(lower) ? 2 : lower.includes('json') ? 1 : 0;
    const score = (media.schema !== undefined ? 4 : 0) + json;
    if (score > bestScore) {
      best = [mediaType, media];
      bestScore = score;
      if (score === 7) break;
    }
  }
  return best;
}

function security(value: unknown): CatalogueSecurityRequirement[] {
  if (!Array.isArray(value)) return [];
  const alternatives: CatalogueSecurityRequirement[] = [];
  for (const requirement of value) {
    if (!isObject(requirement)) continue;
    const schemes: CatalogueSecurityRequirement = [];
    for (const scheme in requirement) schemes.push({ scheme, scopes: strings(requirement[scheme]) });
    alternatives.push(schemes);
  }
  return alternatives;
}

function bodyFields(target: BodyTarget, into: CatalogueRequestBody | CatalogueResponse): void {
  into.type = target.type;
  if (target.entity !== undefined) into.entity = target.entity;
  into.array = target.array;
}

class OperationBuilder {
  readonly operations: CatalogueOperation[] = [];
  private readonly documentSecurity: CatalogueSecurityRequirement[];
  private readonly documentConsumes: string | undefined;
  private readonly documentProduces: string | undefined;
  /** pickMediaType per content object: shared responses are looked at once. */
  private readonly picked = new Map<object, [string, JsonObject] | undefined>();

  constructor(private readonly context: OperationContext) {
    this.documentSecurity = security(context.document.security);
    this.documentConsumes = strings(context.document.consumes)[0];
    this.documentProduces = strings(context.document.produces)[0];
  }

  /** `value` itself, or what its `$ref` designates, with where it is. */
  private locate(value: unknown, parent: Where, segment: string): Located | undefined {
    if (!isObject(value)) return undefined;
    if (typeof value.$ref === 'string') {
      const resolved = this.context.refs.follow(value.$ref);
      return resolved.value ? { value: resolved.value, where: resolved.pointer } : undefined;
    }
    return { value, where: { parent, segment } };
  }

  private media(content: unknown): [string, JsonObject] | undefined {
    if (!isObject(content)) return undefined;
    if (this.picked.has(content)) return this.picked.get(content);
    const picked = pickMediaType(content);
    this.picked.set(content, picked);
    return picked;
  }

  addPathItems(container: unknown, base: string, webhook: boolean): void {
    if (!isObject(container)) return;
    for (const path in container) {
      const item = this.locate(container[path], base, path);
      if (!item) continue;
      for (const method in item.value) {
        const operation = item.value[method];
        if (!METHODS.has(method) || !isObject(operation)) continue;
        this.add(path, method, webhook, operation, item);
      }
    }
  }

  private add(path: string, method: string, webhook: boolean, operation: JsonObject, item: Located): void {
    const METHOD = method.toUpperCase();
    const id = `${METHOD} ${path}`;
    const operationId = text(operation.operationId);
    const entry: CatalogueOperation = {
      id,
      method: METHOD,
      path,
      webhook,
      tags: strings(operation.tags),
      deprecated: operation.deprecated === true,
      parameters: [],
      responses: [],
      security: Array.isArray(operation.security) ? security(operation.security) : this.documentSecurity,
    };
    if (operationId) entry.operationId = operationId;
    const summary = text(operation.summary);
    if (summary) entry.summary = summary;
    const description = text(operation.description);
    if (description) entry.description = description;

    const where: Where = { parent: item.where, segment: method };
    let body: Located | undefined;
    for (const parameter of this.parameters(item, operation, where)) {
      if (parameter.value.in === 'body') body = parameter;
      else entry.parameters.push(this.parameter(parameter.value));
    }

    const label = operationId ?? id;
    const request = this.context.swagger2 ? this.swaggerRequest(body, operation, id, label) : this.request(operation, where, id, label);
    if (request) entry.request = request;

    const responses = operation.responses;
    if (isObject(responses)) {
      const responsesWhere: Where = { parent: where, segment: 'responses' };
      for (const status in responses) {
        const response = this.locate(responses[status], responsesWhere, status);
        if (response) entry.responses.push(this.response(status, response, operation, id, label));
      }
    }
    this.operations.push(entry);
  }

  /** Path-level and operation-level parameters, refs resolved; the operation's win on the same `in` + name. */
  private parameters(item: Located, operation: JsonObject, where: Where): Located[] {
    const list: Located[] = [];
    this.collectParameters(item.value.parameters, item.where, list);
    const inherited = list.length;
    this.collectParameters(operation.parameters, where, list);
    if (inherited === 0 || inherited === list.length) return list;
    // Operation parameters replace path-level ones in place; new ones follow.
    const merged = list.slice(0, inherited);
    for (const parameter of list.slice(inherited)) {
      const same = merged.findIndex((candidate) => candidate.value.name === parameter.value.name && candidate.value.in === parameter.value.in);
      if (same >= 0) merged[same] = parameter;
      else merged.push(parameter);
    }
    return merged;
  }

  private collectParameters(raw: unknown, parent: Where, into: Located[]): void {
    if (!Array.isArray(raw)) return;
    const where: Where = { parent, segment: 'parameters' };
    for (let index = 0; index < raw.length; index++) {
      const parameter = this.locate(raw[index], where, String(index));
      if (parameter && typeof parameter.value.name === 'string') into.push(parameter);
    }
  }

  private parameter(parameter: JsonObject): CatalogueParameter {
    const { views } = this.context;
    let schema: unknown = parameter.schema;
    if (schema === undefined && isObject(parameter.content)) schema = this.media(parameter.content)?.[1].schema;
    // Swagger 2.0 non-body parameters carry type, format, enum and items themselves.
    if (schema === undefined && this.context.swagger2) schema = parameter;
    const view = views.of(schema);
    const built: CatalogueParameter = {
      name: parameter.name as string,
      in: String(parameter.in),
      required: parameter.required === true,
      type: view.type,
      deprecated: parameter.deprecated === true,
    };
    const facets = view.facets;
    if (facets.format !== undefined) built.format = facets.format;
    if (facets.enum !== undefined) built.enum = facets.enum;
    if (view.kind === 'array') built.itemType = views.element(view).type;
    if (facets.default !== undefined) built.default = facets.default;
    if (parameter.example !== undefined) built.example = parameter.example;
    else if (facets.example !== undefined) built.example = facets.example;
    const description = text(parameter.description) ?? facets.description;
    if (description) built.description = description;
    if (view.ref) built.ref = view.ref;
    return built;
  }

  private swaggerRequest(body: Located | undefined, operation: JsonObject, id: string, label: string): CatalogueRequestBody | undefined {
    if (!body) return undefined;
    const mediaType = strings(operation.consumes)[0] ?? this.documentConsumes;
    const request: CatalogueRequestBody = { required: body.value.required === true, array: false };
    if (mediaType) request.mediaType = mediaType;
    const site: BodySite = { operation: id, label, role: 'request', status: undefined, mediaType, base: body.where, contentKey: undefined };
    bodyFields(this.context.entities.body(body.value.schema, site), request);
    return request;
  }

  private request(operation: JsonObject, where: Where, id: string, label: string): CatalogueRequestBody | undefined {
    const body = this.locate(operation.requestBody, where, 'requestBody');
    if (!body) return undefined;
    const request: CatalogueRequestBody = { required: body.value.required === true, array: false };
    const media = this.media(body.value.content);
    if (!media) return request;
    const [mediaType, content] = media;
    request.mediaType = mediaType;
    if (content.schema === undefined) return request;
    const site: BodySite = { operation: id, label, role: 'request', status: undefined, mediaType, base: body.where, contentKey: mediaType };
    bodyFields(this.context.entities.body(content.schema, site), request);
    return request;
  }

  private response(status: string, response: Located, operation: JsonObject, id: string, label: string): CatalogueResponse {
    const built: CatalogueResponse = { status, array: false };
    const description = text(response.value.description);
    if (description) built.description = description;
    let schema: unknown;
    let mediaType: string | undefined;
    let contentKey: string | undefined;
    if (this.context.swagger2) {
      schema = response.value.schema;
      if (schema === undefined) return built;
      mediaType = strings(operation.produces)[0] ?? this.documentProduces;
    } else {
      const media = this.media(response.value.content);
      if (!media) return built;
      mediaType = contentKey = media[0];
      schema = media[1].schema;
    }
    if (mediaType) built.mediaType = mediaType;
    if (schema === undefined) return built;
    const site: BodySite = { operation: id, label, role: 'response', status, mediaType, base: response.where, contentKey };
    bodyFields(this.context.entities.body(schema, site), built);
    return built;
  }
}

/** Every operation under `paths`, then every 3.1 webhook (`webhook: true`, `path` = the webhook's name). */
export function buildOperations(context: OperationContext): CatalogueOperation[] {
  const builder = new OperationBuilder(context);
  builder.addPathItems(context.document.paths, '#/paths', false);
  builder.addPathItems(context.document.webhooks, '#/webhooks', true);
  return builder.operations;
}
