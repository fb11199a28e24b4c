// What a mock answers for an operation: which documented status (the first 2xx, or the one asked for
// with `Prefer: code=…`), and which body — the example asked for by name, the document's example, else
// a value generated from the schema (seeded: the same seed gives the same payload).
import { resolved, type Route } from './routes';
import { escapePointerSegment as escape } from '../../openapi/load/pointer';

type JsonObject = Record<string, unknown>;

/** Builds a value for the schema at a JSON pointer of the document (the sandbox's seeded generator). */
export type Generate = (schemaPointer: string, seed: number) => unknown;

export interface ChosenResponse {
  status: number;
  contentType: string | undefined;
  body: unknown;
  /** Documented response headers with an example or a generated value. */
  headers: Record<string, string>;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The documented status codes of an operation, as written ('200', '4XX', 'default'). */
export const documentedStatuses = (route: Route): string[] => (isObject(route.operation.responses) ? Object.keys(route.operation.responses) : []);

/** The status to answer: the one asked for (documented or not), else the first documented success. */
export function chooseStatus(route: Route, asked: number | undefined): { status: number; key: string | undefined } {
  const keys = documentedStatuses(route);
  if (asked !== undefined) {
    const key = keys.find((candidate) => candidate === String(asked)) ?? keys.find((candidate) => candidate.toUpperCase() === `${String(asked)[0]}XX`) ?? (keys.includes('default') ? 'default' : undefined);
    return { status: asked, key };
  }
  const success = keys.filter((key) => /^2\d\d$/.test(key)).sort()[0] ?? keys.find((key) => key.toUpperCase() === '2XX');
  if (success) return { status: success.toUpperCase() === '2XX' ? 200 : Number(success), key: success };
  return { status: keys.includes('default') ? 200 : 204, key: keys.includes('default') ? 'default' : undefined };
}

export function buildResponse(document: JsonObject, route: Route, key: string | undefined, status: number, options: { example?: string; seed: number; generate: Generate }): ChosenResponse {
  const found = key === undefined ? undefined : resolved(document, (route.operation.responses as JsonObject)[key], `${route.pointer}/responses/${escape(key)}`);
  if (!found) return { status, contentType: undefined, body: undefined, headers: {} };
  const response = found.value;
  const headers = headersOf(document, response, found.pointer, options);

  // Swagger 2.0: the schema beside the examples keyed by media type.
  if (!isObject(response.content)) {
    const examples = isObject(response.examples) ? response.examples : {};
    const exampleType = Object.keys(examples).find((type) => type.includes('json'));
    if (exampleType) return { status, contentType: exampleType, body: examples[exampleType], headers };
    if (!isObject(response.schema)) return { status, contentType: undefined, body: undefined, headers };
    return { status, contentType: 'application/json', body: options.generate(`${found.pointer}/schema`, options.seed), headers };
  }

  const types = Object.keys(response.content);
  const contentType = types.find((type) => /json/i.test(type)) ?? types[0];
  if (contentType === undefined) return { status, contentType: undefined, body: undefined, headers };
  const media = (response.content as JsonObject)[contentType] as JsonObject;
  const named = isObject(media.examples) ? media.examples : {};
  const wanted = options.example !== undefined ? named[options.example] : undefined;
  const anyNamed = Object.values(named)[0];
  for (const candidate of [wanted, 'example' in media ? { value: media.example } : undefined, anyNamed]) {
    const example = resolved(document, candidate, '')?.value;
    if (example && 'value' in example) return { status, contentType, body: example.value, headers };
  }
  const body = isObject(media.schema) ? options.generate(`${found.pointer}/content/${escape(contentType)}/schema`, options.seed) : undefined;
  return { status, contentType, body, headers };
}

function headersOf(document: JsonObject, response: JsonObject, pointer: string, options: { seed: number; generate: Generate }): Record<string, string> {
  if (!isObject(response.headers)) return {};
  const headers: Record<string, string> = {};
  for (const [name, raw] of Object.entries(response.headers)) {
    const header = resolved(document, raw, `${pointer}/headers/${escape(name)}`);
    if (!header) continue;
    const value =
      'example' in header.value
        ? header.value.example
        : isObject(header.value.schema)
          ? options.generate(`${header.pointer}/schema`, options.seed)
          : isObject(header.value) && typeof header.value.type === 'string'
            ? options.generate(header.pointer, options.seed) // Swagger 2.0: the header is its own schema
            : undefined;
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  return headers;
}
