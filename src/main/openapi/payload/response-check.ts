// The contract check: a real response (or a saved sample) against what its operation documents for
// that status code, in closed mode — every object closed unless the document declares
// additionalProperties — so that drift shows: undocumented fields, missing required ones, wrong types,
// formats, enum values and nulls, undocumented status codes and content types.
import { lookUp } from './json-schema';
import type { PayloadValidator } from './validator';
import { escapePointerSegment as escape, resolveLocalPointer } from '../load/pointer';

type JsonObject = Record<string, unknown>;

export type DriftKind = 'undocumented-field' | 'missing-required' | 'type' | 'format' | 'enum' | 'null' | 'other' | 'undocumented-status' | 'undocumented-content-type';

export interface DriftFinding {
  kind: DriftKind;
  /** JSON pointer in the body ('' for the response as a whole). */
  pointer: string;
  /** The schema (or responses object) the finding is about, as a JSON pointer in the document. */
  schemaPath: string;
  message: string;
}

export interface ObservedResponse {
  /** The operation's JSON pointer: `#/paths/~1orders/get`. */
  operation: string;
  status: number;
  contentType: string | undefined;
  /** The body read as JSON; undefined when there was none or it is not JSON. */
  body: unknown;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `closed` must be a response-direction validator in closed mode over the same document. */
export function checkResponse(document: JsonObject, closed: PayloadValidator, observed: ObservedResponse): DriftFinding[] {
  const responsesPointer = `${observed.operation}/responses`;
  const responses = lookUp(document, responsesPointer) ?? {};
  const key = [String(observed.status), `${String(observed.status)[0]}XX`, `${String(observed.status)[0]}xx`, 'default'].find((candidate) => candidate in responses);
  if (key === undefined) {
    return [{ kind: 'undocumented-status', pointer: '', schemaPath: responsesPointer, message: `Status ${observed.status} is not documented (the document lists ${Object.keys(responses).join(', ') || 'none'})` }];
  }
  let responsePointer = `${responsesPointer}/${escape(key)}`;
  let response = lookUp(document, responsePointer);
  while (response && typeof response.$ref === 'string') {
    responsePointer = response.$ref;
    response = lookUp(document, response.$ref);
  }
  if (!response) return [];
  const schemaPointer = bodySchemaPointer(response, responsePointer, observed.contentType);
  if (schemaPointer === 'undocumented') {
    return [
      {
        kind: 'undocumented-content-type',
        pointer: '',
        schemaPath: `${responsePointer}/content`,
        message: `Content type ${observed.contentType ?? '(none)'} is not documented for status ${observed.status} (the document lists ${Object.keys(response.content as JsonObject).join(', ')})`,
      },
    ];
  }
  if (schemaPointer === undefined || observed.body === undefined) return [];
  return checkAgainstSchema(closed, schemaPointer, observed.body);
}

/** A body against the schema at `schemaPointer`, in closed mode, as drift findings. */
export function checkAgainstSchema(closed: PayloadValidator, schemaPointer: string, body: unknown): DriftFinding[] {
  return closed.validate(schemaPointer, body).map((finding) => ({
    kind: finding.keyword === 'type' && resolveLocalPointer(body, finding.pointer) === null ? 'null' : kindOf(finding.keyword),
    pointer: finding.pointer,
    schemaPath: finding.schemaPath,
    message: finding.message,
  }));
}

/** The body schema's pointer for the content type seen; 'undocumented' when the response documents others only. */
function bodySchemaPointer(response: JsonObject, pointer: string, contentType: string | undefined): string | 'undocumented' | undefined {
  if (isObject(response.schema)) return `${pointer}/schema`; // Swagger 2.0
  if (!isObject(response.content)) return undefined;
  const seen = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const types = Object.keys(response.content);
  const chosen =
    types.find((type) => type.toLowerCase() === seen) ??
    types.find((type) => {
      const [major, minor] = type.toLowerCase().split('/');
      return minor === '*' && seen.startsWith(`${major}/`);
    }) ??
    types.find((type) => type === '*/*');
  if (chosen === undefined) return types.length > 0 ? 'undocumented' : undefined;
  return isObject((response.content[chosen] as JsonObject | undefined)?.schema) ? `${pointer}/content/${escape(chosen)}/schema` : undefined;
}

function kindOf(keyword: string): DriftKind {
  switch (keyword) {
    case 'undocumented':
    case 'additionalProperties':
      return 'undocumented-field';
    case 'required':
      return 'missing-required';
    case 'type':
      return 'type';
    case 'format':
      return 'format';
    case 'enum':
    case 'const':
      return 'enum';
    default:
      return 'other';
  }
}
