// The example body of an operation: the request's (for the request client) or a response's (for the
// mock and previews) — the media type's own example when the document gives one, else generated.
import { UserError } from '../../errors';
import type { Direction } from '../../openapi/payload/json-schema';
import { buildRoutes, resolved, type Route } from '../mock/routes';
import { documentGenerator, type DocumentGenerator } from './document-generator';
import { escapePointerSegment as escape } from '../../openapi/load/pointer';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ExampleBody {
  contentType: string;
  body: unknown;
  /** Where it came from: the document's example, or generated from the schema. */
  source: 'example' | 'generated';
  /** The schema's JSON pointer in the document (absent when the body is only an example). */
  schemaPointer?: string;
}

/** The operation `GET /orders/{orderId}` or with that operationId; a clear error naming a few that exist when there is none. */
export function operationNamed(document: JsonObject, key: string): Route {
  const routes = buildRoutes(document);
  const [method, ...rest] = key.trim().split(/\s+/);
  const path = rest.join(' ');
  const found = routes.find((route) => (path && route.method === method?.toLowerCase() && route.template === path) || route.operationId === key);
  if (found) return found;
  const some = routes.slice(0, 5).map((route) => route.operationId ?? `${route.method.toUpperCase()} ${route.template}`);
  throw new UserError('OPERATION_NOT_FOUND', `The document has no operation "${key}": name one as "GET /path" or by its operationId (for example ${some.join(', ')}).`);
}

/**
 * The body of an operation in one direction: the request body, or the response of `status` (default
 * the first success). Undefined when that message has no body.
 */
export function exampleBody(
  document: JsonObject,
  operation: string,
  direction: Direction,
  options: { seed?: number; status?: string; generator?: DocumentGenerator } = {},
): ExampleBody | undefined {
  const route = operationNamed(document, operation);
  const seed = options.seed ?? 1;
  const generator = options.generator ?? documentGenerator(document, { direction });
  const message = direction === 'request' ? requestMessage(document, route) : responseMessage(document, route, options.status);
  if (!message) return undefined;
  if (message.swaggerSchema) {
    if (message.example !== undefined) return { contentType: 'application/json', body: message.example, source: 'example', schemaPointer: message.swaggerSchema };
    return { contentType: 'application/json', body: generator.generate(message.swaggerSchema, seed), source: 'generated', schemaPointer: message.swaggerSchema };
  }
  const content = message.content!;
  const contentType = Object.keys(content.value).find((type) => /json/i.test(type)) ?? Object.keys(content.value)[0];
  if (contentType === undefined) return undefined;
  const media = content.value[contentType] as JsonObject;
  const schemaPointer = isObject(media.schema) ? `${content.pointer}/${escape(contentType)}/schema` : undefined;
  if ('example' in media) return { contentType, body: media.example, source: 'example', schemaPointer };
  const named = isObject(media.examples) ? Object.values(media.examples) : [];
  for (const candidate of named) {
    const example = resolved(document, candidate, '')?.value;
    if (example && 'value' in example) return { contentType, body: example.value, source: 'example', schemaPointer };
  }
  if (!schemaPointer) return undefined;
  return { contentType, body: generator.generate(schemaPointer, seed), source: 'generated', schemaPointer };
}

interface Message {
  /** 3.x: the content map and where it is. */
  content?: { value: JsonObject; pointer: string };
  /** 2.0: the body schema's pointer, and the response's JSON example if any. */
  swaggerSchema?: string;
  example?: unknown;
}

function requestMessage(document: JsonObject, route: Route): Message | undefined {
  const body = route.parameters.find((parameter) => parameter.in === 'body');
  if (body) return { swaggerSchema: body.schemaPointer };
  const requestBody = resolved(document, route.operation.requestBody, `${route.pointer}/requestBody`);
  if (!requestBody || !isObject(requestBody.value.content)) return undefined;
  return { content: { value: requestBody.value.content, pointer: `${requestBody.pointer}/content` } };
}

function responseMessage(document: JsonObject, route: Route, status: string | undefined): Message | undefined {
  const responses = isObject(route.operation.responses) ? route.operation.responses : {};
  const key = status ?? Object.keys(responses).filter((code) => /^2\d\d$/.test(code)).sort()[0] ?? Object.keys(responses).find((code) => /^2XX$/i.test(code)) ?? 'default';
  const response = resolved(document, responses[key], `${route.pointer}/responses/${escape(key)}`);
  if (!response) return undefined;
  if (isObject(response.value.content)) return { content: { value: response.value.content, pointer: `${response.pointer}/content` } };
  if (!isObject(response.value.schema)) return undefined;
  const examples = isObject(response.value.examples) ? response.value.examples : {};
  const jsonType = Object.keys(examples).find((type) => /json/i.test(type));
  return { swaggerSchema: `${response.pointer}/schema`, example: jsonType ? examples[jsonType] : undefined };
}
