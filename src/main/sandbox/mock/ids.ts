// Ids of a mock's records in the documented format. The id is the record's property named like the item
// path's parameter (`customerId`), else `id`, as the item's response schema declares it; a record the
// generator wrote without it (an optional id) gets one there, never a property the document lacks. Fresh
// ids are generated from that property's schema (or the path parameter's) without its example, so seeded
// and created records never share one and a uuid stays a uuid.
import type { DocumentGenerator } from '../generate';
import { lookUp } from '../../openapi/payload/json-schema';
import { chooseStatus } from './responses';
import { resolved, type Route } from './routes';
import { escapePointerSegment as escape } from '../../openapi/load/pointer';

type JsonObject = Record<string, unknown>;
type Id = string | number;

export interface RecordIds {
  /** The record's id property as the document declares it, when it does. */
  key: string | undefined;
  /** An id in the documented format that `taken` does not hold, or undefined when none could be made. */
  fresh(taken: (id: string) => boolean, seed: number): Id | undefined;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const ATTEMPTS = 50;

export function recordIds(document: JsonObject, routes: Route[], collection: { template: string; idParameter: string }, generator: DocumentGenerator): RecordIds {
  const item = routes.find((route) => route.method === 'get' && route.template === `${collection.template}/{${collection.idParameter}}`);
  const schema = item && responseSchema(document, item);
  const property = schema === undefined ? undefined : idProperty(document, schema, [collection.idParameter, 'id']);
  const parameter = item?.parameters.find((each) => each.in === 'path' && each.name === collection.idParameter);
  const make = (seed: number): unknown => {
    if (property) return generator.generate(property.pointer, seed, property.key);
    if (parameter?.inlineSchema) return generator.generateFrom(parameter.inlineSchema, seed, parameter.name);
    if (parameter) return generator.generate(parameter.schemaPointer, seed, parameter.name);
    return undefined;
  };
  return {
    key: property?.key,
    fresh(taken, seed) {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const value = make(seed + attempt * 7919);
        if ((typeof value === 'string' && value !== '') || typeof value === 'number') {
          if (!taken(String(value))) return value;
        } else return undefined;
      }
      return undefined;
    },
  };
}

/** The JSON schema pointer of the item operation's success response body. */
function responseSchema(document: JsonObject, route: Route): string | undefined {
  const key = chooseStatus(route, undefined).key;
  if (key === undefined || !isObject(route.operation.responses)) return undefined;
  const response = resolved(document, route.operation.responses[key], `${route.pointer}/responses/${escape(key)}`);
  if (!response) return undefined;
  if (isObject(response.value.schema)) return `${response.pointer}/schema`;
  if (!isObject(response.value.content)) return undefined;
  const type = Object.keys(response.value.content).find((each) => /json/i.test(each));
  return type === undefined ? undefined : `${response.pointer}/content/${escape(type)}/schema`;
}

/** The first of `names` a schema (through $ref and allOf) declares as a property, with its schema's pointer. */
function idProperty(document: JsonObject, pointer: string, names: string[], depth = 0): { key: string; pointer: string } | undefined {
  const found = resolved(document, lookUp(document, pointer), pointer);
  if (!found || depth > 8) return undefined;
  const properties = found.value.properties;
  const key = isObject(properties) ? names.find((name) => name in properties) : undefined;
  if (key !== undefined) return { key, pointer: `${found.pointer}/properties/${escape(key)}` };
  const branches = Array.isArray(found.value.allOf) ? found.value.allOf : [];
  for (let index = 0; index < branches.length; index++) {
    const inBranch = idProperty(document, `${found.pointer}/allOf/${index}`, names, depth + 1);
    if (inBranch) return inBranch;
  }
  return undefined;
}
