// An API document's schemas as JSON Schema 2020-12, the one dialect the payload validator speaks.
// Swagger 2.0 and OpenAPI 3.0 Schema Objects are converted (nullable / x-nullable, boolean exclusive
// bounds, $ref siblings ignored); 3.1 schemas are JSON Schema already. The whole document is kept, so
// a JSON pointer into it (`#/components/schemas/Order`, an operation's body schema) still points at the
// converted schema. Direction is chosen here: in a request a read-only property must not be sent and
// is not required; in a response the same holds for write-only ones.

import { unescapePointerSegment } from '../load/pointer';

export type Dialect = 'swagger2' | 'openapi30' | 'openapi31';
export type Direction = 'request' | 'response';

export interface ConversionOptions {
  dialect: Dialect;
  direction: Direction;
}

/** The keyword that refuses a value where it appears, with its message as its value. */
export const FORBIDDEN = 'x-crosswalk-forbidden';

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (value: Json): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export function dialectOf(document: JsonObject): Dialect {
  if (typeof document.swagger === 'string') return 'swagger2';
  return String(document.openapi ?? '').startsWith('3.1') ? 'openapi31' : 'openapi30';
}

/** Keywords whose value is a map of name → schema. */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas'];
/** Keywords whose value is one schema. */
const ONE_SCHEMA = ['items', 'additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'not', 'if', 'then', 'else'];
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/**
 * The document with every Schema Object converted. Schemas are found where OpenAPI puts them (`schema`
 * of parameters, media types and headers; components.schemas; Swagger's definitions); anything else is
 * copied as it is.
 */
export function convertDocument(document: JsonObject, options: ConversionOptions): JsonObject {
  return converter(document, options).walk(document) as JsonObject;
}

/** Whether the child `name` of a value found under `key` is a Schema Object ('one') or a map of them ('map'). */
function schemaPlace(key: string | undefined, name: string): 'one' | 'map' | undefined {
  if (name === 'schema') return 'one';
  if ((key === 'components' && name === 'schemas') || (key === undefined && name === 'definitions')) return 'map';
  return undefined;
}

function converter(document: JsonObject, options: ConversionOptions) {
  const resolve = (ref: string): JsonObject | undefined => lookUp(document, ref);
  const schema = (value: Json) => convertSchema(value, options, resolve);
  /** `key`: the name `value` has in its parent (none for an array's items and the document itself). */
  const child = (key: string | undefined, name: string, value: Json): Json => {
    const place = schemaPlace(key, name);
    return place === 'one' ? schema(value) : place === 'map' ? mapValues(value, schema) : walk(value, name);
  };
  const walk = (value: Json, key?: string): Json => {
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (!isObject(value)) return value;
    const copy: JsonObject = {};
    for (const [name, each] of Object.entries(value)) copy[name] = child(key, name, each);
    return copy;
  };
  return { schema, child, walk };
}

/** Where a pointer's converted value comes from: a unit converted on its own, then the segments below it. */
interface Place {
  unit: string;
  rest: string[];
  convert: () => Json;
}

/**
 * The converted document, each schema converted on first use and kept: what `convertDocument` gives,
 * without converting GitHub's 5.7 MB document (~1,000 operations) up front when a mock answering one
 * request needs a handful of its schemas. One per document, dialect and direction (`convertedDocument`).
 */
export class ConvertedDocument {
  private readonly units = new Map<string, Json>();
  private readonly convert: ReturnType<typeof converter>;

  constructor(
    readonly source: JsonObject,
    readonly options: ConversionOptions,
  ) {
    this.convert = converter(source, options);
  }

  /** The converted value a local `#/…` pointer names, as `lookUp(convertDocument(source), pointer)` gives it. */
  lookUp(pointer: string): JsonObject | undefined {
    const place = this.locate(pointer);
    if (!place) return undefined;
    let current = this.unit(place);
    for (const segment of place.rest) {
      if (!isObject(current) && !Array.isArray(current)) return undefined;
      current = (current as Record<string, Json>)[segment];
    }
    return isObject(current) ? current : undefined;
  }

  /**
   * The unit of conversion holding `pointer` — the Schema Object of the document around it (converted
   * whole, so a read-only property is marked as convertDocument marks it), or the value itself when no
   * schema holds it — and the decoded segments from there to the pointer.
   */
  locate(pointer: string): Place | undefined {
    if (!pointer.startsWith('#')) return undefined;
    const raw = pointer.slice(1).split('/').slice(1);
    const segments = raw.map(decodeSegment);
    let value: Json = this.source;
    let key: string | undefined;
    let parentKey: string | undefined;
    let inArray = false;
    for (let index = 0; index < segments.length; index++) {
      if (!isObject(value) && !Array.isArray(value)) return undefined;
      const name = segments[index]!;
      const place = Array.isArray(value) ? undefined : schemaPlace(key, name);
      if (place === 'one' || (place === 'map' && index + 1 < segments.length)) {
        const depth = place === 'one' ? index + 1 : index + 2;
        const schema = place === 'one' ? (value as JsonObject)[name] : childOf((value as JsonObject)[name], segments[index + 1]!);
        return { unit: `#/${raw.slice(0, depth).join('/')}`, rest: segments.slice(depth), convert: () => this.convert.schema(schema) };
      }
      inArray = Array.isArray(value);
      parentKey = key;
      key = inArray ? undefined : name;
      value = (value as Record<string, Json>)[name];
    }
    const target = value;
    const last = segments[segments.length - 1];
    const convert = () => (last === undefined || inArray ? this.convert.walk(target) : this.convert.child(parentKey, last, target));
    return { unit: pointer, rest: [], convert };
  }

  /** The converted value of a unit, converted once. */
  private unit(place: Place): Json {
    if (!this.units.has(place.unit)) this.units.set(place.unit, place.convert());
    return this.units.get(place.unit);
  }
}

const documents = new WeakMap<JsonObject, Map<string, ConvertedDocument>>();

/** The document's one ConvertedDocument for these options: the mock's validator and generator share it. */
export function convertedDocument(document: JsonObject, options: ConversionOptions): ConvertedDocument {
  let byOptions = documents.get(document);
  if (!byOptions) documents.set(document, (byOptions = new Map()));
  const key = `${options.dialect} ${options.direction}`;
  let converted = byOptions.get(key);
  if (!converted) byOptions.set(key, (converted = new ConvertedDocument(document, options)));
  return converted;
}

const decodeSegment = (segment: string) => unescapePointerSegment(decodeURIComponent(segment));

function childOf(value: Json, name: string): Json {
  return isObject(value) || Array.isArray(value) ? (value as Record<string, Json>)[name] : undefined;
}

export function convertSchema(value: Json, options: ConversionOptions, resolve: (ref: string) => JsonObject | undefined): Json {
  if (typeof value === 'boolean' || !isObject(value)) return value;
  let schema: JsonObject = { ...value };

  if (typeof schema.$ref === 'string' && options.dialect !== 'openapi31') {
    // 2.0/3.0: siblings of $ref are ignored — but for the nullable flag tools write beside it.
    const flag = options.dialect === 'swagger2' ? 'x-nullable' : 'nullable';
    schema = flag in schema ? { $ref: schema.$ref, [flag]: schema[flag] } : { $ref: schema.$ref };
  }
  if (options.dialect !== 'openapi31') schema = nullableToType(schema, options.dialect);
  // 3.1 has no `nullable`, but documents converted from 3.0 keep it: read it as its author meant (ajv would refuse it without a type).
  else if ('nullable' in schema) schema = nullableToType(schema, 'openapi30');
  if (options.dialect !== 'openapi31') schema = exclusiveBounds(schema);
  if (options.dialect === 'swagger2' && schema.type === 'file') schema = { ...schema, type: 'string' };
  if (typeof schema.discriminator === 'string') delete schema.discriminator; // Swagger 2.0's form, an annotation here

  const convert = (child: Json) => convertSchema(child, options, resolve);
  for (const keyword of SCHEMA_MAPS) if (isObject(schema[keyword])) schema[keyword] = mapValues(schema[keyword], convert);
  if (isObject(schema.properties)) schema = directedProperties(schema, options, resolve);
  for (const keyword of ONE_SCHEMA) if (isObject(schema[keyword])) schema[keyword] = convert(schema[keyword]);
  if (Array.isArray(schema.items)) schema.items = schema.items.map(convert); // the tuple form some 2.0/3.0 tools write
  for (const keyword of SCHEMA_LISTS) if (Array.isArray(schema[keyword])) schema[keyword] = schema[keyword].map(convert);
  return schema;
}

/** 3.0's `nullable: true` and 2.0's `x-nullable: true`: null is one more allowed value. */
function nullableToType(schema: JsonObject, dialect: Dialect): JsonObject {
  const flag = dialect === 'swagger2' ? 'x-nullable' : 'nullable';
  if (!(flag in schema)) return schema;
  const { [flag]: nullable, ...rest } = schema;
  if (nullable !== true) return rest;
  if (Array.isArray(rest.enum) && !rest.enum.includes(null)) rest.enum = [...rest.enum, null];
  if (typeof rest.type === 'string') return { ...rest, type: [rest.type, 'null'] };
  return { anyOf: [rest, { type: 'null' }] };
}

/** Draft 4's boolean exclusiveMinimum/exclusiveMaximum (2.0, 3.0) as 2020-12's numbers. */
function exclusiveBounds(schema: JsonObject): JsonObject {
  const result = { ...schema };
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof result[exclusive] !== 'boolean') continue;
    if (result[exclusive] === true && typeof result[bound] === 'number') {
      result[exclusive] = result[bound];
      delete result[bound];
    } else {
      delete result[exclusive];
    }
  }
  return result;
}

/** Read-only properties in a request (write-only in a response): refused when present, never required. */
function directedProperties(schema: JsonObject, options: ConversionOptions, resolve: (ref: string) => JsonObject | undefined): JsonObject {
  const flag = options.direction === 'request' ? 'readOnly' : 'writeOnly';
  const properties = schema.properties as JsonObject;
  const banned = Object.keys(properties).filter((name) => flagOf(properties[name], flag, resolve));
  if (banned.length === 0) return schema;
  const message = options.direction === 'request' ? 'is read-only: the API sets it, a request must not send it' : 'is write-only: a response must not contain it';
  const result: JsonObject = { ...schema, properties: { ...properties } };
  for (const name of banned) (result.properties as JsonObject)[name] = { [FORBIDDEN]: message };
  if (Array.isArray(schema.required)) result.required = schema.required.filter((name) => !banned.includes(String(name)));
  return result;
}

/** Whether a property's schema (through its $ref chain) carries readOnly / writeOnly. */
function flagOf(schema: Json, flag: 'readOnly' | 'writeOnly', resolve: (ref: string) => JsonObject | undefined): boolean {
  const seen = new Set<string>();
  let current = schema;
  while (isObject(current)) {
    if (current[flag] === true) return true;
    if (typeof current.$ref !== 'string' || seen.has(current.$ref)) return false;
    seen.add(current.$ref);
    current = resolve(current.$ref);
  }
  return false;
}

function mapValues(value: Json, convert: (child: Json) => Json): Json {
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, convert(child)]));
}

/** The value a local `#/…` pointer names in the document, or undefined. */
export function lookUp(document: JsonObject, ref: string): JsonObject | undefined {
  if (!ref.startsWith('#')) return undefined;
  let current: Json = document;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const segment = decodeSegment(raw);
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, Json>)[segment];
  }
  return isObject(current) ? current : undefined;
}
