// Validation of one API document, as its worker runs it (validation.worker.ts). Only swagger-parser's
// public API: its validate() with options choosing what it checks.
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import { DEFAULT_IMPORT_LIMITS } from './limits';
import { loadYaml } from './parse';
import { pathItemReferenceProblems } from './reference-targets';
import { schemaObjectProblems } from './schema-objects';
import { escapePointerSegment as escape } from './pointer';

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
  // What the OpenAPI schemas leave unchecked: 3.1 Schema Objects, and what a path item's $ref points at.
  // Before swagger-parser runs: its spec pass dereferences the document in place.
  const unchecked = [...pathItemReferenceProblems(document), ...schemaObjectProblems(document)];
  lowerCaseHttpSchemes(document);
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
  errors = errors.concat(unchecked);
  return { valid: errors.length === 0, errors: errors.slice(0, maxErrors), errorCount: errors.length };
}

/**
 * HTTP authentication scheme names are case-insensitive (RFC 9110 §11.1), but the OpenAPI 3.1 schema
 * compares `scheme` with "bearer" exactly, so the official tic-tac-toe example's `scheme: Bearer` would be
 * flagged. Validation's own copy of the document gets them in lower case.
 */
function lowerCaseHttpSchemes(document: OpenAPI.Document): void {
  const schemes = (document as { components?: { securitySchemes?: Record<string, unknown> } }).components?.securitySchemes;
  if (!schemes || typeof schemes !== 'object') return;
  for (const scheme of Object.values(schemes)) {
    const record = scheme as { type?: unknown; scheme?: unknown } | null;
    if (record?.type === 'http' && typeof record.scheme === 'string') record.scheme = record.scheme.toLowerCase();
  }
}

function problemsOf(error: unknown, document: OpenAPI.Document): FoundProblems['errors'] {
  const details = (error as { details?: unknown }).details;
  if (Array.isArray(details)) return ajvProblems(details as AjvError[]);
  const message = String((error as Error)?.message ?? error);
  if (/^(\w*Error:\s*)*Validation failed/.test(message)) return [specProblem(message, document)];
  return [{ message, path: '' }];
}


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

/**
 * swagger-parser's spec validator names places as "/paths" + path + "/" + method (unescaped), parameters by
 * name: turned into a JSON pointer, parameters by their index. Its duplicate-parameter error names no place
 * (it loses it wrapping the error): the place is found in the document, which its spec pass dereferenced.
 */
function specProblem(text: string, document: OpenAPI.Document): FoundProblems['errors'][number] {
  const message = text.replace(/^(\w*Error:\s*)*Validation failed\.\s*/, '');
  const operationId = /^Duplicate operation id '(.*)'$/.exec(message);
  if (operationId) return duplicateOperationId(operationId[1]!, document) ?? { message, path: '' };
  const duplicate = /^Found multiple (\S+) parameters named "(.*)"$/.exec(message);
  if (duplicate) return duplicateParameter(duplicate[1]!, duplicate[2]!, document) ?? { message, path: '' };
  const match = /(\/(paths|definitions)\/?[^\s']*)/.exec(message);
  if (match) {
    const [, id, section] = match as unknown as [string, string, 'paths' | 'definitions'];
    const entries = (document as unknown as Record<string, Record<string, unknown> | undefined>)[section] ?? {};
    const keys = Object.keys(entries).sort((a, b) => b.length - a.length);
    const prefix = `/${section}${section === 'paths' ? '' : '/'}`;
    for (const key of keys) {
      if (id === prefix + key || id.startsWith(`${prefix + key}/`)) {
        let rest = id.slice((prefix + key).length).replace(/[.,:;]+$/, '');
        if (section === 'paths') rest = parameterIndex(entries[key], rest);
        return { message, path: `/${section}/${escape(key)}${rest}` };
      }
    }
  }
  return { message, path: '' };
}

type Parameter = { in?: unknown; name?: unknown };
const parametersOf = (value: unknown): Parameter[] =>
  value && typeof value === 'object' && Array.isArray((value as { parameters?: unknown }).parameters) ? ((value as { parameters: Parameter[] }).parameters) : [];

/** `/get/parameters/tags/…` → `/get/parameters/0/…` (the operation's own parameter first, then the path item's). */
function parameterIndex(pathItem: unknown, rest: string): string {
  const named = /^(\/[a-z]+)?\/parameters\/([^/]+)(.*)$/.exec(rest);
  if (!named) return rest;
  const [, method = '', name, after] = named as unknown as [string, string | undefined, string, string];
  const operation = method ? (pathItem as Record<string, unknown> | undefined)?.[method.slice(1)] : undefined;
  const ownIndex = parametersOf(operation).findIndex((parameter) => parameter.name === name);
  if (ownIndex >= 0) return `${method}/parameters/${ownIndex}${after}`;
  const pathIndex = parametersOf(pathItem).findIndex((parameter) => parameter.name === name);
  return pathIndex >= 0 ? `/parameters/${pathIndex}${after}` : rest;
}

function duplicateParameter(location: string, name: string, document: OpenAPI.Document): FoundProblems['errors'][number] | undefined {
  const paths = ((document as unknown as { paths?: Record<string, unknown> }).paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, pathItem] of Object.entries(paths)) {
    const lists: Array<[string, Parameter[]]> = [['', parametersOf(pathItem)]];
    for (const [method, operation] of Object.entries(pathItem ?? {})) if (method !== 'parameters') lists.push([`/${escape(method)}`, parametersOf(operation)]);
    for (const [at, parameters] of lists) {
      const indexes = parameters.flatMap((parameter, index) => (parameter?.in === location && parameter?.name === name ? [index] : []));
      if (indexes.length > 1) {
        return {
          message: `lists the ${location} parameter "${name}" twice (at indexes ${indexes.join(' and ')}): remove one, a parameter is identified by its name and location`,
          path: `/paths/${escape(key)}${at}/parameters/${indexes[1]}`,
        };
      }
    }
  }
  return undefined;
}

function duplicateOperationId(id: string, document: OpenAPI.Document): FoundProblems['errors'][number] | undefined {
  const paths = ((document as unknown as { paths?: Record<string, unknown> }).paths ?? {}) as Record<string, Record<string, unknown>>;
  const places: string[] = [];
  for (const [key, pathItem] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(pathItem ?? {})) {
      if ((operation as { operationId?: unknown } | null)?.operationId === id) places.push(`/paths/${escape(key)}/${escape(method)}`);
    }
  }
  if (places.length < 2) return undefined;
  return { message: `has the operationId "${id}", which ${places[0]} has too: operation ids must be unique, rename one`, path: `${places[1]}/operationId` };
}
