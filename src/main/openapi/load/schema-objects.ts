// OpenAPI 3.1 Schema Objects checked against their dialect (JSON Schema 2020-12 plus the OAS base
// vocabulary: discriminator, xml, externalDocs, example). The OpenAPI 3.1 document schema swagger-parser
// validates with leaves Schema Objects unchecked (`$dynamicRef: #meta` to an open schema), so
// `discriminator: true` or `type: 7` would otherwise pass.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { escapePointerSegment as escape } from './pointer';

export interface SchemaProblem {
  message: string;
  /** JSON pointer in the document. */
  path: string;
}

/** https://spec.openapis.org/oas/3.1/meta/base (2022-10-07), as published by the OpenAPI Initiative. */
const OAS_BASE_VOCABULARY = {
  $id: 'https://spec.openapis.org/oas/3.1/meta/base',
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $dynamicAnchor: 'meta',
  type: ['object', 'boolean'],
  properties: {
    example: true,
    discriminator: { $ref: '#/$defs/discriminator' },
    externalDocs: { $ref: '#/$defs/external-docs' },
    xml: { $ref: '#/$defs/xml' },
  },
  $defs: {
    extensible: { patternProperties: { '^x-': true } },
    discriminator: {
      $ref: '#/$defs/extensible',
      type: 'object',
      properties: { propertyName: { type: 'string' }, mapping: { type: 'object', additionalProperties: { type: 'string' } } },
      required: ['propertyName'],
      unevaluatedProperties: false,
    },
    'external-docs': {
      $ref: '#/$defs/extensible',
      type: 'object',
      properties: { url: { type: 'string' }, description: { type: 'string' } },
      required: ['url'],
      unevaluatedProperties: false,
    },
    xml: {
      $ref: '#/$defs/extensible',
      type: 'object',
      properties: { name: { type: 'string' }, namespace: { type: 'string' }, prefix: { type: 'string' }, attribute: { type: 'boolean' }, wrapped: { type: 'boolean' } },
      unevaluatedProperties: false,
    },
  },
};

/** https://spec.openapis.org/oas/3.1/dialect/base: both vocabularies, applied to every subschema through `$dynamicRef: #meta`. */
const OAS_DIALECT = {
  $id: 'https://spec.openapis.org/oas/3.1/dialect/base',
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $dynamicAnchor: 'meta',
  allOf: [{ $ref: 'https://json-schema.org/draft/2020-12/schema' }, { $ref: 'https://spec.openapis.org/oas/3.1/meta/base' }],
};

let dialect: ValidateFunction | undefined;
function dialectValidator(): ValidateFunction {
  if (!dialect) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, validateSchema: false });
    ajv.addSchema(OAS_BASE_VOCABULARY);
    dialect = ajv.compile(OAS_DIALECT);
  }
  return dialect;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const OPERATIONS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every Schema Object an OpenAPI 3.1 document writes (not inside another schema), with its pointer. */
function schemaObjects(document: Record<string, unknown>): Array<{ schema: unknown; path: string }> {
  const found: Array<{ schema: unknown; path: string }> = [];
  const seen = new Set<unknown>();
  const schema = (value: unknown, path: string) => {
    if (value !== undefined && !seen.has(value)) {
      if (isObject(value)) seen.add(value);
      found.push({ schema: value, path });
    }
  };
  const entries = (value: unknown) => (isObject(value) ? Object.entries(value).filter(([key]) => !key.startsWith('x-')) : []);
  const content = (value: unknown, path: string) => {
    for (const [type, media] of entries(value)) if (isObject(media)) schema(media.schema, `${path}/${escape(type)}/schema`);
  };
  const parameter = (value: unknown, path: string) => {
    if (!isObject(value)) return;
    schema(value.schema, `${path}/schema`);
    content(value.content, `${path}/content`);
  };
  const response = (value: unknown, path: string) => {
    if (!isObject(value)) return;
    content(value.content, `${path}/content`);
    for (const [name, header] of entries(value.headers)) parameter(header, `${path}/headers/${escape(name)}`);
  };
  const pathItem = (value: unknown, path: string, depth: number) => {
    if (!isObject(value) || depth > 8) return;
    if (Array.isArray(value.parameters)) value.parameters.forEach((item, index) => parameter(item, `${path}/parameters/${index}`));
    for (const method of OPERATIONS) {
      const operation = value[method];
      if (!isObject(operation)) continue;
      const at = `${path}/${method}`;
      if (Array.isArray(operation.parameters)) operation.parameters.forEach((item, index) => parameter(item, `${at}/parameters/${index}`));
      if (isObject(operation.requestBody)) content(operation.requestBody.content, `${at}/requestBody/content`);
      for (const [status, answer] of entries(operation.responses)) response(answer, `${at}/responses/${escape(status)}`);
      for (const [name, callback] of entries(operation.callbacks)) {
        for (const [expression, item] of entries(callback)) pathItem(item, `${at}/callbacks/${escape(name)}/${escape(expression)}`, depth + 1);
      }
    }
  };
  for (const [key, item] of entries(document.paths)) pathItem(item, `/paths/${escape(key)}`, 0);
  for (const [key, item] of entries(document.webhooks)) pathItem(item, `/webhooks/${escape(key)}`, 0);
  const components = isObject(document.components) ? document.components : {};
  for (const [name, value] of entries(components.schemas)) schema(value, `/components/schemas/${escape(name)}`);
  for (const [name, value] of entries(components.parameters)) parameter(value, `/components/parameters/${escape(name)}`);
  for (const [name, value] of entries(components.headers)) parameter(value, `/components/headers/${escape(name)}`);
  for (const [name, value] of entries(components.responses)) response(value, `/components/responses/${escape(name)}`);
  for (const [name, value] of entries(components.requestBodies)) if (isObject(value)) content(value.content, `/components/requestBodies/${escape(name)}/content`);
  for (const [name, value] of entries(components.pathItems)) pathItem(value, `/components/pathItems/${escape(name)}`, 0);
  return found;
}

function message(error: ErrorObject): string {
  if (error.keyword === 'unevaluatedProperties' && typeof error.params.unevaluatedProperty === 'string') return `must NOT have the property "${error.params.unevaluatedProperty}"`;
  if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) return `must be one of: ${error.params.allowedValues.map((value: unknown) => JSON.stringify(value)).join(', ')}`;
  return error.message ?? error.keyword;
}

/** Problems in an OpenAPI 3.1 document's Schema Objects; none for other versions. */
export function schemaObjectProblems(document: unknown): SchemaProblem[] {
  if (!isObject(document) || typeof document.openapi !== 'string' || !document.openapi.startsWith('3.1')) return [];
  const validate = dialectValidator();
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const { schema, path } of schemaObjects(document)) {
    if (validate(schema)) continue;
    // allOf/anyOf summaries and the "boolean or object" alternative say less than the error beside them.
    for (const error of validate.errors ?? []) {
      if (error.keyword === 'allOf' || error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
      const problem = { path: path + error.instancePath, message: message(error) };
      const key = `${problem.path}\n${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}
