// Payloads checked against an API document's schemas: one validator per document, mode and direction,
// each schema compiled once (ajv, JSON Schema 2020-12 after json-schema.ts's conversion). Open mode
// validates as JSON Schema does (undeclared properties allowed); closed mode also reports every
// property no schema of its object names (undocumented.ts) — how documents drift from what APIs really
// send. Used by the mock (requests), the contract check (responses, closed) and the executable
// mappings' preview (open).
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { convertedDocument, convertSchema, dialectOf, FORBIDDEN, lookUp, type ConvertedDocument, type Dialect, type Direction } from './json-schema';
import { findUndocumented } from './undocumented';
import { escapePointerSegment as escape } from '../load/pointer';

export type ValidationMode = 'open' | 'closed';

export interface PayloadFinding {
  /** JSON pointer of the value in the payload ('' for the payload itself). */
  pointer: string;
  /** Where in the document the failing schema is (a JSON pointer). */
  schemaPath: string;
  /** The JSON Schema keyword that failed (`required`, `type`, `undocumented` for closed mode's refusals…). */
  keyword: string;
  /** One sentence a person can act on, naming the value: `/customer/email must be an email address`. */
  message: string;
}

/** ajv's id of a unit of the converted document (json-schema.ts's ConvertedDocument.locate). */
const UNIT_ID = 'crosswalk:api-document:';

/** Keywords whose values are data, not schemas: a `$ref` in them is not a reference. */
const DATA_KEYWORDS = new Set(['example', 'examples', 'enum', 'const', 'default']);
/** Keywords whose values map names to schemas: a schema may be named `$ref` or `default` there. */
const NAMED_SCHEMAS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);

export class PayloadValidator {
  readonly dialect: Dialect;
  private readonly ajv: Ajv2020;
  private readonly document: ConvertedDocument;
  private readonly compiled = new Map<string, ValidateFunction>();
  /** The units given to ajv so far, by pointer, with their ids. */
  private readonly units = new Map<string, string>();

  constructor(
    document: Record<string, unknown>,
    readonly options: { mode: ValidationMode; direction: Direction },
  ) {
    this.dialect = dialectOf(document);
    this.ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateFormats: true, code: { regExp: lenientRegExp } });
    addFormats(this.ajv);
    addOpenApiFormats(this.ajv);
    this.ajv.addKeyword({
      keyword: FORBIDDEN,
      schemaType: 'string',
      validate: function forbidden(message: string) {
        (forbidden as { errors?: Partial<ErrorObject>[] }).errors = [{ keyword: FORBIDDEN, message, params: {} }];
        return false;
      },
      errors: true,
    });
    // Schemas are converted and given to ajv as they are first needed (each with what it references):
    // converting GitHub's whole document up front took seconds a mock should not wait.
    this.document = convertedDocument(document, { dialect: this.dialect, direction: options.direction });
  }

  /** Checks `value` against the schema at `pointer` in the document (`#/components/schemas/Order`, an operation's body schema…). */
  validate(pointer: string, value: unknown): PayloadFinding[] {
    const check = this.compile(pointer);
    const findings = check(value) ? [] : findingsOf(check.errors ?? [], pointer);
    if (this.options.mode === 'closed') {
      const matches = (at: string, part: unknown) => this.compile(at)(part);
      for (const property of findUndocumented((ref) => this.document.lookUp(ref), { schema: this.document.lookUp(pointer), pointer }, value, matches)) {
        findings.push({ pointer: property.pointer, schemaPath: property.schemaPath, keyword: 'undocumented', message: `${property.pointer} is not in the document (an undocumented property)` });
      }
    }
    return findings;
  }

  /** Checks `value` against a schema given here (a Swagger 2.0 parameter's keywords), compiled once under `key`. */
  validateValue(key: string, schema: Record<string, unknown>, value: unknown): PayloadFinding[] {
    let check = this.compiled.get(key);
    if (!check) {
      const converted = convertSchema(schema, { dialect: this.dialect, direction: this.options.direction }, (ref) => lookUp(this.document.source, ref));
      check = this.ajv.compile(this.referencing(converted) as object);
      this.compiled.set(key, check);
    }
    return check(value) ? [] : findingsOf(check.errors ?? [], key);
  }

  /** The open-mode check of the schema at `pointer`, compiled once. */
  private compile(pointer: string): ValidateFunction {
    let check = this.compiled.get(pointer);
    if (!check) {
      check = this.ajv.compile(this.referencing({ $ref: pointer }) as object);
      this.compiled.set(pointer, check);
    }
    return check;
  }

  /** `schema` for ajv: its `#/…` references to the units ajv holds, every unit it reaches given to ajv first. */
  private referencing(schema: unknown): unknown {
    const pending: string[] = [];
    const idOf = (pointer: string): string => {
      const place = this.document.locate(pointer);
      if (!place) return pointer;
      let id = this.units.get(place.unit);
      if (id === undefined) {
        id = `${UNIT_ID}${this.units.size}`;
        this.units.set(place.unit, id);
        pending.push(place.unit);
      }
      return `${id}#${place.rest.map((segment) => '/' + encodeURIComponent(escape(segment))).join('')}`;
    };
    const copy = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(copy);
      if (typeof value !== 'object' || value === null) return value;
      const result: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(value)) {
        if (name === '$ref' && typeof child === 'string' && child.startsWith('#')) result[name] = idOf(child);
        else if (DATA_KEYWORDS.has(name)) result[name] = child;
        else if (NAMED_SCHEMAS.has(name) && typeof child === 'object' && child !== null && !Array.isArray(child)) {
          result[name] = Object.fromEntries(Object.entries(child).map(([each, schema]) => [each, copy(schema)]));
        } else result[name] = copy(child);
      }
      return result;
    };
    const top = copy(schema);
    while (pending.length > 0) {
      const unit = pending.pop()!;
      const converted = this.document.lookUp(unit);
      if (converted) this.ajv.addSchema(copy(converted) as object, this.units.get(unit), undefined, false);
    }
    return top;
  }
}

/**
 * Patterns as JavaScript reads them, in Unicode mode when they allow it: documents often escape what
 * needs no escape (`\:`, `\-` outside a class), which the `u` flag refuses and every other engine reads.
 */
const lenientRegExp = Object.assign(
  (pattern: string, flags: string): RegExp => {
    try {
      return new RegExp(pattern, flags);
    } catch {
      return new RegExp(pattern, flags.replace('u', ''));
    }
  },
  { code: 'lenientRegExp' },
);

/** OpenAPI's own formats: number sizes and string encodings. */
function addOpenApiFormats(ajv: Ajv2020) {
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('byte', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  for (const format of ['binary', 'password']) ajv.addFormat(format, () => true);
}

/** ajv's errors as findings: the summaries of unions dropped where a specific error explains the value. */
function findingsOf(errors: ErrorObject[], root: string): PayloadFinding[] {
  const raw = errors.map((error) => finding(error, root));
  const specific = raw.filter((item) => !['anyOf', 'oneOf', 'if', 'not-null'].includes(item.keyword));
  const kept = raw.filter((item) => specific.includes(item) || !specific.some((other) => other.pointer === item.pointer || other.pointer.startsWith(`${item.pointer}/`)));
  const seen = new Set<string>();
  return kept.filter((item) => {
    const key = `${item.pointer}\n${item.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function finding(error: ErrorObject, root: string): PayloadFinding {
  const params = error.params as Record<string, unknown>;
  const at = (pointer: string) => pointer || '(the payload)';
  const schemaPath = `${root}${error.schemaPath.replace(/^#/, '')}`;
  switch (error.keyword) {
    case 'required': {
      const pointer = `${error.instancePath}/${escape(String(params.missingProperty))}`;
      return { pointer, schemaPath, keyword: 'required', message: `${pointer} is required and missing` };
    }
    case 'unevaluatedProperties': {
      const pointer = `${error.instancePath}/${escape(String(params.unevaluatedProperty))}`;
      return { pointer, schemaPath, keyword: 'undocumented', message: `${pointer} is not in the document (an undocumented property)` };
    }
    case 'additionalProperties': {
      const pointer = `${error.instancePath}/${escape(String(params.additionalProperty))}`;
      return { pointer, schemaPath, keyword: 'additionalProperties', message: `${pointer} is not allowed: the schema admits no other properties` };
    }
    case 'type':
      // The null branch of a nullable value: not what the value is meant to be, only what else it may be.
      if (params.type === 'null') return { pointer: error.instancePath, schemaPath, keyword: 'not-null', message: `${at(error.instancePath)} is not null` };
      return { pointer: error.instancePath, schemaPath, keyword: 'type', message: `${at(error.instancePath)} must be ${article(String(params.type))}` };
    case 'enum':
      return {
        pointer: error.instancePath,
        schemaPath,
        keyword: 'enum',
        message: `${at(error.instancePath)} must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`,
      };
    case 'format':
      return { pointer: error.instancePath, schemaPath, keyword: 'format', message: `${at(error.instancePath)} must be a valid ${String(params.format)}` };
    case FORBIDDEN:
      return { pointer: error.instancePath, schemaPath, keyword: 'direction', message: `${at(error.instancePath)} ${error.message}` };
    default:
      return { pointer: error.instancePath, schemaPath, keyword: error.keyword, message: `${at(error.instancePath)} ${error.message ?? `fails ${error.keyword}`}` };
  }
}


function article(type: string): string {
  const names = type.split(',');
  const one = (name: string) => (name === 'null' ? 'null' : name === 'integer' ? 'an integer' : name === 'object' ? 'an object' : name === 'array' ? 'an array' : `a ${name}`);
  return names.map(one).join(' or ');
}
