// Every schema an API document's operations use, with the direction it travels in: parameters and
// request bodies (request), responses and their headers (response). What the property tests and the
// corpus bench generate payloads for.
import type { Direction } from '../../openapi/payload/json-schema';
import { buildRoutes, resolved } from '../mock/routes';
import { escapePointerSegment as escape } from '../../openapi/load/pointer';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface OperationSchema {
  /** The schema's JSON pointer (for a 2.0 parameter, the parameter's). */
  pointer: string;
  direction: Direction;
  /** The parameter's or header's name, for realistic values. */
  name?: string;
  /** A 2.0 non-body parameter's own keywords, when the schema is not at `pointer`. */
  inline?: JsonObject;
}

export function operationSchemas(document: JsonObject): OperationSchema[] {
  const found: OperationSchema[] = [];
  for (const route of buildRoutes(document)) {
    for (const parameter of route.parameters) {
      if (parameter.in === 'formData') continue;
      found.push({ pointer: parameter.schemaPointer, direction: 'request', name: parameter.in === 'body' ? undefined : parameter.name, inline: parameter.inlineSchema });
    }
    const body = resolved(document, route.operation.requestBody, `${route.pointer}/requestBody`);
    if (body && isObject(body.value.content)) found.push(...mediaSchemas(body.value.content, `${body.pointer}/content`, 'request'));
    const responses = isObject(route.operation.responses) ? route.operation.responses : {};
    for (const [status, raw] of Object.entries(responses)) {
      const response = resolved(document, raw, `${route.pointer}/responses/${escape(status)}`);
      if (!response) continue;
      if (isObject(response.value.content)) found.push(...mediaSchemas(response.value.content, `${response.pointer}/content`, 'response'));
      else if (isObject(response.value.schema)) found.push({ pointer: `${response.pointer}/schema`, direction: 'response' });
    }
  }
  // A schema shared by many operations is listed once per direction.
  const seen = new Set<string>();
  return found.filter((schema) => {
    const key = `${schema.direction} ${schema.pointer}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function mediaSchemas(content: JsonObject, pointer: string, direction: Direction): OperationSchema[] {
  return Object.entries(content)
    .filter(([type, media]) => /json/i.test(type) && isObject(media) && isObject(media.schema))
    .map(([type]) => ({ pointer: `${pointer}/${escape(type)}/schema`, direction }));
}
