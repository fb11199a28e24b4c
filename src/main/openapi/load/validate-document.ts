// Validation of one API document, as its worker runs it (validation.worker.ts). Only swagger-parser's
// public API: its validate() with options choosing what it checks.
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import { DEFAULT_IMPORT_LIMITS } from './limits';
import { loadYaml } from './parse';

export type ValidationMode = 'schema' | 'full';

/** A document's text (parsed in the worker: cheaper than cloning the object; JSON unless said) or a parsed document. */
export type ValidationInput = { text: string; format?: 'yaml' } | { bytes: ArrayBuffer; format: 'json' | 'yaml' } | { document: unknown };

export interface ValidateRequest {
  input: ValidationInput;
  mode: ValidationMode;
  maxErrors: number;
}

export interface FoundProblems {
  valid: boolean;
  errors: Array<{ message: string; path: string }>;
  errorCount: number;
}

/** No file, URL or other outside reference is read while validating: the import has bundled what it allows. */
const NO_IO = { resolve: { external: false, file: false, http: false } } as const;

interface AjvError {
  keyword: string;
  instancePath?: string;
  message?: string;
  params?: { additionalProperty?: string; allowedValues?: unknown[] };
}

export async function validateDocument({ input, mode, maxErrors }: ValidateRequest): Promise<FoundProblems> {
  const text = 'bytes' in input ? new TextDecoder().decode(input.bytes) : 'text' in input ? input.text : undefined;
  const document = (
    text === undefined
      ? (input as { document: unknown }).document
      : 'format' in input && input.format === 'yaml'
        ? loadYaml().parse(text, { merge: false, version: '1.2', maxAliasCount: DEFAULT_IMPORT_LIMITS.maxAliasCount })
        : JSON.parse(text)
  ) as OpenAPI.Document;
  let errors: FoundProblems['errors'] = [];
  if (mode === 'full') {
    // swagger-parser's own validate(): dereference, schema, spec.
    try {
      await SwaggerParser.validate(document, NO_IO);
    } catch (error) {
      errors = problemsOf(error, document);
    }
  } else {
    // The document against the OpenAPI schema with its $refs in place (nothing dereferenced: every path
    // excluded): the OpenAPI schemas accept Reference objects, every part is checked once, where it is
    // written, so error paths point at the text that needs fixing.
    try {
      await new SwaggerParser().validate(document, { ...NO_IO, dereference: { excludedPathMatcher: () => true }, validate: { schema: true, spec: false } });
    } catch (error) {
      errors = problemsOf(error, document);
    }
    if (errors.length === 0 && 'swagger' in document) {
      // Swagger 2.0's extra rules (duplicate or missing path parameters, ...) need the references
      // resolved; circular ones are left in place.
      try {
        await new SwaggerParser().validate(document, { ...NO_IO, dereference: { circular: 'ignore' }, validate: { schema: false, spec: true } });
      } catch (error) {
        // Dereferencing replaces values, never the keys of paths and definitions that specProblem reads.
        errors = problemsOf(error, document);
      }
    }
  }
  return { valid: errors.length === 0, errors: errors.slice(0, maxErrors), errorCount: errors.length };
}

function problemsOf(error: unknown, document: OpenAPI.Document): FoundProblems['errors'] {
  const details = (error as { details?: unknown }).details;
  if (Array.isArray(details)) return ajvProblems(details as AjvError[]);
  const message = String((error as Error)?.message ?? error);
  if (/^Validation failed/.test(message)) return [specProblem(message, document)];
  return [{ message, path: '' }];
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function ajvMessage(error: AjvError): string {
  const params = error.params ?? {};
  if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined) {
    return `must NOT have the property "${params.additionalProperty}"`;
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `must be one of: ${params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  return error.message ?? error.keyword;
}

function ajvProblems(details: AjvError[]): FoundProblems['errors'] {
  // oneOf branches each allowing one value ("in": path | query | ...) give one enum error per branch: merge them.
  const enums = new Map<string, unknown[]>();
  for (const error of details) {
    if (error.keyword !== 'enum' || !Array.isArray(error.params?.allowedValues)) continue;
    const merged = enums.get(error.instancePath ?? '') ?? [];
    for (const value of error.params.allowedValues) if (!merged.includes(value)) merged.push(value);
    enums.set(error.instancePath ?? '', merged);
  }
  const raw = details.map((error) => {
    const path = error.instancePath ?? '';
    const merged = error.keyword === 'enum' ? enums.get(path) : undefined;
    return { path, keyword: error.keyword, message: ajvMessage(merged ? { ...error, params: { allowedValues: merged } } : error) };
  });
  // oneOf/anyOf report every branch: drop the "is not a $ref" and "matches no branch" summaries when a
  // more specific error explains the same place.
  const specific = raw.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf' && !(error.keyword === 'required' && /'\$ref'/.test(error.message)));
  const explained = (error: (typeof raw)[number]) =>
    specific.some((other) => other !== error && (other.path === error.path || other.path.startsWith(`${error.path}/`)));
  const seen = new Set<string>();
  const problems: FoundProblems['errors'] = [];
  for (const error of raw) {
    if (!specific.includes(error) && explained(error)) continue;
    const key = `${error.path}\n${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ message: error.message, path: error.path });
  }
  return problems;
}

/** swagger-parser's spec validator names places as "/paths" + path + "/" + method (unescaped): turned into a JSON pointer. */
function specProblem(text: string, document: OpenAPI.Document): FoundProblems['errors'][number] {
  const message = text.replace(/^Validation failed\.\s*/, '');
  const match = /(\/(paths|definitions)\/?\S*)/.exec(message);
  if (match) {
    const [, id, section] = match as unknown as [string, string, 'paths' | 'definitions'];
    const keys = Object.keys((document as unknown as Record<string, Record<string, unknown> | undefined>)[section] ?? {}).sort((a, b) => b.length - a.length);
    const prefix = `/${section}${section === 'paths' ? '' : '/'}`;
    for (const key of keys) {
      if (id === prefix + key || id.startsWith(`${prefix + key}/`)) {
        return { message, path: `/${section}/${escape(key)}${id.slice((prefix + key).length).replace(/[.,:;]+$/, '')}` };
      }
    }
  }
  return { message, path: '' };
}
