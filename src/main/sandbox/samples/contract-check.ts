// The contract check of a sample: a response against what its operation documents for the status (the
// payload module's checkResponse), a request against the operation's request body; closed mode either
// way, so undocumented fields show. Findings carry the field in catalogue form for the drift report.
import type { CatalogueOperation } from '../../../shared/catalogue';
import { lookUp } from '../../openapi/payload/json-schema';
import { checkAgainstSchema, checkResponse, type DriftFinding } from '../../openapi/payload/response-check';
import type { PayloadValidator } from '../../openapi/payload/validator';
import { fieldPathOf } from './field-path';
import { escapePointerSegment as escape } from '../../openapi/load/pointer';

type JsonObject = Record<string, unknown>;

export interface SampleFinding extends DriftFinding {
  /** The pointer as a field path of the body (`lines[].taxRate`); '' for the body as a whole. */
  field: string;
}

export interface CheckedSample {
  direction: 'response' | 'request';
  operation: CatalogueOperation;
  status: number | null;
  contentType: string | null;
  body: unknown;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The operation's JSON pointer in its document: `#/paths/~1orders/get`, `#/webhooks/orderCreated/post`. */
export function operationPointer(operation: Pick<CatalogueOperation, 'method' | 'path' | 'webhook'>): string {
  return `#/${operation.webhook ? 'webhooks' : 'paths'}/${escape(operation.path)}/${operation.method.toLowerCase()}`;
}

/** `closed` must be a closed-mode validator over `document` in the sample's direction. */
export function checkSample(document: JsonObject, closed: PayloadValidator, sample: CheckedSample): SampleFinding[] {
  const operation = operationPointer(sample.operation);
  const findings =
    sample.direction === 'response'
      ? checkResponse(document, closed, { operation, status: sample.status ?? 200, contentType: sample.contentType ?? 'application/json', body: sample.body })
      : checkRequest(document, closed, operation, sample.contentType, sample.body);
  return findings.map((finding) => ({ ...finding, field: fieldPathOf(sample.body, finding.pointer) }));
}

function checkRequest(document: JsonObject, closed: PayloadValidator, operation: string, contentType: string | null, body: unknown): DriftFinding[] {
  const schemaPointer = requestSchemaPointer(document, operation, contentType);
  if (schemaPointer === undefined) {
    return [{ kind: 'other', pointer: '', schemaPath: operation, message: `The operation documents no JSON request body, so a request sample cannot be checked against it` }];
  }
  return checkAgainstSchema(closed, schemaPointer, body);
}


/** The request body schema: 3.x requestBody (through its $ref) for the content type, or 2.0's `in: body` parameter. */
function requestSchemaPointer(document: JsonObject, operation: string, contentType: string | null): string | undefined {
  const operationObject = lookUp(document, operation);
  if (!operationObject) return undefined;
  const pathPointer = operation.slice(0, operation.lastIndexOf('/'));
  for (const [owner, ownerPointer] of [
    [operationObject, operation],
    [lookUp(document, pathPointer), pathPointer],
  ] as const) {
    const list = owner?.parameters;
    if (!Array.isArray(list)) continue;
    for (const [index, raw] of list.entries()) {
      let pointer = `${ownerPointer}/parameters/${index}`;
      let parameter: JsonObject | undefined = isObject(raw) ? raw : undefined;
      while (parameter && typeof parameter.$ref === 'string') {
        pointer = parameter.$ref;
        parameter = lookUp(document, parameter.$ref);
      }
      if (parameter?.in === 'body' && isObject(parameter.schema)) return `${pointer}/schema`;
    }
  }
  let pointer = `${operation}/requestBody`;
  let requestBody = lookUp(document, pointer);
  while (requestBody && typeof requestBody.$ref === 'string') {
    pointer = requestBody.$ref;
    requestBody = lookUp(document, requestBody.$ref);
  }
  if (!requestBody || !isObject(requestBody.content)) return undefined;
  const types = Object.keys(requestBody.content);
  const seen = (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  const chosen = types.find((type) => type.toLowerCase() === seen) ?? types.find((type) => /json/i.test(type)) ?? types.find((type) => type === '*/*');
  if (chosen === undefined || !isObject((requestBody.content[chosen] as JsonObject).schema)) return undefined;
  return `${pointer}/content/${escape(chosen)}/schema`;
}

