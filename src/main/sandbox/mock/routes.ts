// The operations a mock answers: each path template as a pattern, with its parameters (path-level and
// operation-level, $refs followed) and where its schemas are in the document (JSON pointers the payload
// validator reads).
import { lookUp } from '../../openapi/payload/json-schema';
import { escapePointerSegment as escape } from '../../openapi/load/pointer';

type JsonObject = Record<string, unknown>;

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type Method = (typeof METHODS)[number];

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie' | 'body' | 'formData';
  required: boolean;
  /** Where its schema is: `<parameter>/schema` (3.x, 2.0 body) or the parameter itself (2.0's others). */
  schemaPointer: string;
  /** 2.0's non-body parameters hold their schema keywords themselves. */
  inlineSchema?: JsonObject;
}

export interface Route {
  method: Method;
  template: string;
  /** Matches the path below the mock's base path; groups are the path parameters in order. */
  pattern: RegExp;
  pathParameters: string[];
  operationId: string | undefined;
  /** The operation's JSON pointer: `#/paths/~1orders~1{orderId}/get`. */
  pointer: string;
  operation: JsonObject;
  parameters: Parameter[];
  /** Security requirements that apply (the operation's, else the document's); empty when none. */
  security: Array<Record<string, string[]>>;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a `$ref` (local) to the object it names, keeping where it is. */
export function resolved(document: JsonObject, value: unknown, pointer: string): { value: JsonObject; pointer: string } | undefined {
  const seen = new Set<string>();
  while (isObject(value) && typeof value.$ref === 'string') {
    if (seen.has(value.$ref)) return undefined;
    seen.add(value.$ref);
    pointer = value.$ref;
    value = lookUp(document, value.$ref);
  }
  return isObject(value) ? { value, pointer } : undefined;
}

export function buildRoutes(document: JsonObject): Route[] {
  const routes: Route[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [template, rawItem] of Object.entries(paths)) {
    const item = resolved(document, rawItem, `#/paths/${escape(template)}`);
    if (!item) continue;
    const shared = parametersOf(document, item.value.parameters, `${item.pointer}/parameters`);
    for (const method of METHODS) {
      const operation = item.value[method];
      if (!isObject(operation)) continue;
      const pointer = `${item.pointer}/${method}`;
      const own = parametersOf(document, operation.parameters, `${pointer}/parameters`);
      const parameters = [...own, ...shared.filter((parameter) => !own.some((other) => other.name === parameter.name && other.in === parameter.in))];
      const { pattern, names } = templatePattern(template);
      routes.push({
        method,
        template,
        pattern,
        pathParameters: names,
        operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
        pointer,
        operation,
        parameters,
        security: (Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : []) as Route['security'],
      });
    }
  }
  // Literal segments win over parameters: /orders/export before /orders/{id}.
  const ranks = new Map(routes.map((route) => [route.template, specificity(route.template)]));
  return routes.sort((a, b) => ranks.get(b.template)! - ranks.get(a.template)!);
}

function parametersOf(document: JsonObject, list: unknown, pointer: string): Parameter[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw, index) => {
    const found = resolved(document, raw, `${pointer}/${index}`);
    if (!found || typeof found.value.name !== 'string' || typeof found.value.in !== 'string') return [];
    const { value } = found;
    const hasSchema = isObject(value.schema);
    return [
      {
        name: value.name as string,
        in: value.in as Parameter['in'],
        required: value.required === true || value.in === 'path',
        schemaPointer: hasSchema ? `${found.pointer}/schema` : found.pointer,
        inlineSchema: hasSchema ? undefined : swaggerParameterSchema(value),
      },
    ];
  });
}

/** A Swagger 2.0 parameter's schema keywords (type, format, enum, items, bounds…) as a schema of its own. */
function swaggerParameterSchema(parameter: JsonObject): JsonObject {
  const keywords = ['type', 'format', 'items', 'enum', 'default', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf'];
  const schema = Object.fromEntries(keywords.filter((keyword) => keyword in parameter).map((keyword) => [keyword, parameter[keyword]]));
  if (schema.type === 'file') schema.type = 'string';
  return schema;
}

function templatePattern(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}/?$`), names };
}

const specificity = (template: string) => template.split('/').filter((segment) => segment && !segment.startsWith('{')).length * 100 - template.split('{').length;

export type RouteMatch = { kind: 'found'; route: Route; pathValues: Record<string, string> } | { kind: 'wrong-method'; allowed: string[] } | { kind: 'none' };

/** The route for `method` and a path below the base path, with its path parameters (decoded). */
export function matchRoute(routes: Route[], method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method !== method) {
      allowed.push(route.method.toUpperCase());
      continue;
    }
    const pathValues = Object.fromEntries(route.pathParameters.map((name, index) => [name, safeDecode(match[index + 1]!)]));
    return { kind: 'found', route, pathValues };
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The path the document's operations are below: 3.x's first server's path, 2.0's basePath. */
export function basePathOf(document: JsonObject): string {
  if (typeof document.basePath === 'string') return document.basePath.replace(/\/$/, '');
  const first = Array.isArray(document.servers) ? (document.servers[0] as JsonObject | undefined) : undefined;
  const url = typeof first?.url === 'string' ? first.url.replace(/\{[^}]+\}/g, 'x') : '';
  try {
    return new URL(url, 'http://mock.invalid').pathname.replace(/\/$/, '');
  } catch {
    return '';
  }
}
