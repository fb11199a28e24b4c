// A request to a mock, checked against its operation: path, query, header and cookie parameters (their
// text read as the schema's type), the body (JSON) against the documented schema, and the presence of
// the documented credentials. Every violation names where it is with a JSON pointer: `/query/limit`,
// `/body/customer/email`.
import { lookUp } from '../../openapi/payload/json-schema';
import type { PayloadValidator } from '../../openapi/payload/validator';
import { resolved, type Parameter, type Route } from './routes';
import { escapePointerSegment as escape } from '../../openapi/load/pointer';

type JsonObject = Record<string, unknown>;

export interface IncomingRequest {
  pathValues: Record<string, string>;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface Violation {
  /** Where in the request: `/path/orderId`, `/query/limit`, `/header/x-request-id`, `/body/lines/0/qty`. */
  pointer: string;
  message: string;
}

export interface CheckedRequest {
  violations: Violation[];
  /** The body read as JSON (undefined when there was none or it is not JSON). */
  json: unknown;
  /** The credentials the operation documents were not sent (which scheme would do). */
  unauthorized?: string;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkRequest(document: JsonObject, route: Route, request: IncomingRequest, validator: PayloadValidator): CheckedRequest {
  const violations: Violation[] = [];
  for (const parameter of route.parameters) {
    if (parameter.in === 'body' || parameter.in === 'formData') continue;
    const raw = rawValue(parameter, request);
    const at = `/${parameter.in}/${parameter.name}`;
    if (raw === undefined) {
      if (parameter.required) violations.push({ pointer: at, message: `${at} is required and missing` });
      continue;
    }
    const schema = parameter.inlineSchema ?? resolved(document, lookUp(document, parameter.schemaPointer), parameter.schemaPointer)?.value;
    const value = coerce(raw, schema, document);
    const findings = parameter.inlineSchema
      ? validator.validateValue(`${route.pointer} ${parameter.in} ${parameter.name}`, parameter.inlineSchema, value)
      : validator.validate(parameter.schemaPointer, value);
    for (const finding of findings) violations.push({ pointer: `${at}${finding.pointer}`, message: finding.message.replace(finding.pointer || '(the payload)', `${at}${finding.pointer}`) });
  }
  const { json, violations: bodyViolations } = checkBody(document, route, request, validator);
  violations.push(...bodyViolations);
  return { violations, json, unauthorized: missingCredentials(document, route, request) };
}

function rawValue(parameter: Parameter, request: IncomingRequest): string | string[] | undefined {
  switch (parameter.in) {
    case 'path':
      return request.pathValues[parameter.name];
    case 'query': {
      const values = request.query.getAll(parameter.name);
      return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
    }
    case 'header':
      return request.headers[parameter.name.toLowerCase()];
    case 'cookie': {
      const cookies = String(request.headers.cookie ?? '')
        .split(';')
        .map((part) => part.trim().split('='))
        .filter(([name]) => name === parameter.name);
      return cookies.length > 0 ? decodeURIComponent(cookies[0]!.slice(1).join('=')) : undefined;
    }
    default:
      return undefined;
  }
}

/** A parameter's text as the value its schema expects: numbers, booleans, comma-separated or repeated lists. */
function coerce(raw: string | string[], schema: JsonObject | undefined, document: JsonObject): unknown {
  const type = typeOf(schema);
  if (type === 'array') {
    const items = resolved(document, schema?.items, '')?.value;
    const list = Array.isArray(raw) ? raw : raw.split(',');
    return list.map((item) => coerce(item, items, document));
  }
  const text = Array.isArray(raw) ? raw[0]! : raw;
  if ((type === 'integer' || type === 'number') && text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

function typeOf(schema: JsonObject | undefined): string | undefined {
  const type = schema?.type;
  if (Array.isArray(type)) return type.find((each) => each !== 'null') as string | undefined;
  return typeof type === 'string' ? type : undefined;
}

function checkBody(document: JsonObject, route: Route, request: IncomingRequest, validator: PayloadValidator): { json: unknown; violations: Violation[] } {
  const violations: Violation[] = [];
  const contentType = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const expected = bodySchema(document, route, contentType);
  const empty = request.body.length === 0;
  if (empty) {
    if (expected?.required) violations.push({ pointer: '/body', message: 'The request body is required and missing' });
    return { json: undefined, violations };
  }
  if (!isJson(contentType)) return { json: undefined, violations };
  let json: unknown;
  try {
    json = JSON.parse(request.body.toString('utf8'));
  } catch (error) {
    violations.push({ pointer: '/body', message: `The request body is not valid JSON (${(error as Error).message})` });
    return { json: undefined, violations };
  }
  if (expected?.schemaPointer) {
    for (const finding of validator.validate(expected.schemaPointer, json)) {
      violations.push({ pointer: `/body${finding.pointer}`, message: finding.message.replace(finding.pointer || '(the payload)', `/body${finding.pointer}`) });
    }
  }
  return { json, violations };
}

const isJson = (contentType: string) => contentType === 'application/json' || contentType.endsWith('+json') || contentType === '';

/** The documented body of the request: its schema's pointer for this content type, and whether one is required. */
function bodySchema(document: JsonObject, route: Route, contentType: string): { schemaPointer?: string; required: boolean } | undefined {
  const body = route.parameters.find((parameter) => parameter.in === 'body');
  if (body) return { schemaPointer: body.schemaPointer, required: body.required };
  const requestBody = resolved(document, route.operation.requestBody, `${route.pointer}/requestBody`);
  if (!requestBody) return undefined;
  const content = isObject(requestBody.value.content) ? requestBody.value.content : {};
  const types = Object.keys(content);
  const chosen = types.find((type) => type.toLowerCase() === contentType) ?? types.find((type) => isJson(type.toLowerCase()));
  const schemaPointer = chosen && isObject((content[chosen] as JsonObject | undefined)?.schema) ? `${requestBody.pointer}/content/${escape(chosen)}/schema` : undefined;
  return { schemaPointer, required: requestBody.value.required === true };
}

/** Which documented credential is missing, or undefined when one of the operation's alternatives is met (or none is asked). */
function missingCredentials(document: JsonObject, route: Route, request: IncomingRequest): string | undefined {
  if (route.security.length === 0) return undefined;
  const schemes = (isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : document.securityDefinitions) as
    | JsonObject
    | undefined;
  const present = (name: string): boolean => {
    const scheme = resolved(document, schemes?.[name], '')?.value;
    if (!scheme) return true; // an undefined scheme cannot be checked
    const authorization = String(request.headers.authorization ?? '');
    switch (scheme.type) {
      case 'apiKey': {
        const key = String(scheme.name ?? '');
        if (scheme.in === 'query') return (request.query.get(key) ?? '') !== '';
        if (scheme.in === 'cookie') return String(request.headers.cookie ?? '').split(';').some((part) => /^.+=.+$/.test(part.trim()) && part.trim().startsWith(`${key}=`));
        return String(request.headers[key.toLowerCase()] ?? '') !== '';
      }
      case 'http':
        return authorization.toLowerCase().startsWith(`${String(scheme.scheme ?? 'bearer').toLowerCase()} `);
      case 'basic':
        return authorization.toLowerCase().startsWith('basic ');
      default:
        return /^bearer \S/i.test(authorization); // oauth2, openIdConnect
    }
  };
  const met = route.security.some((requirement) => Object.keys(requirement).every(present));
  if (met) return undefined;
  return Object.keys(route.security[0] ?? {}).join(' + ') || 'credentials';
}
