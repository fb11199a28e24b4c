// From text to a JSON value, safely: JSON or YAML detected from the content; YAML read by the
// `yaml` package (alias expansion bounded, duplicate keys refused, positions kept for messages);
// then one walk over the value that enforces the nesting and string limits and collects `$ref`s.
import { createRequire } from 'node:module';
import { UserError } from '../../errors';
import { type ImportLimits, formatCount } from './limits';
import { escapePointerSegment, localPointerExists } from './pointer';

export type DocumentFormat = 'json' | 'yaml';

export interface ParsedText {
  value: unknown;
  format: DocumentFormat;
}

/** A `$ref` met in a parsed file: its text as written and the JSON pointer of the object holding it. */
export interface RefSite {
  ref: string;
  pointer: string;
}

export interface InspectedValue {
  /** `$ref`s that leave the file (anything not starting with `#`), in document order. */
  externalRefs: RefSite[];
  /** `$ref`s starting with `#` whose target does not exist in this file. */
  brokenRefs: RefSite[];
}

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
/**
 * The `yaml` package, loaded on first use (a JSON-only import never needs it). require(), not import():
 * under bin/crosswalk's tsx/cjs hook a dynamic import() stays a native ESM import.
 */
export function loadYaml(): YamlModule {
  yamlModule ??= createRequire(__filename)('yaml') as YamlModule;
  return yamlModule;
}

/** JSON when the text starts with `{` or `[` and parses as JSON; YAML otherwise. */
export async function parseText(text: string, display: string, limits: Pick<ImportLimits, 'maxAliasCount'>): Promise<ParsedText> {
  if (text.trim() === '') {
    throw new UserError('API_DOC_EMPTY', `${display} is empty: choose the API document itself, a JSON or YAML file with an "openapi" or "swagger" field.`);
  }
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || first === '[') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // YAML is a superset of JSON: a JSON-looking text with, say, comments may still be fine YAML.
      const jsonError = jsonSyntaxError(text, display, error as Error);
      try {
        return { value: parseYaml(loadYaml(), text, display, limits), format: 'yaml' };
      } catch (yamlError) {
        if (yamlError instanceof UserError && yamlError.code !== 'API_DOC_SYNTAX') throw yamlError;
        throw jsonError;
      }
    }
    // JSON.parse keeps the last of duplicate keys silently: fewer keys parsed than written means one
    // was dropped, and the yaml package (JSON is YAML) says which and where.
    if (countParsedKeys(value) !== countWrittenKeys(text)) throw duplicateJsonKey(loadYaml(), text, display);
    return { value, format: 'json' };
  }
  return { value: parseYaml(loadYaml(), text, display, limits), format: 'yaml' };
}

/** Keys of every object in a JSON.parse result (a tree: nothing is shared). */
function countParsedKeys(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key in value) {
      count++;
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return count;
}

/** Member names written in valid JSON text: the strings followed by a colon. */
function countWrittenKeys(text: string): number {
  let count = 0;
  const length = text.length;
  for (let at = text.indexOf('"'); at !== -1 && at < length; at = text.indexOf('"', at)) {
    at++;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === 0x5c) at += 2;
      else if (code === 0x22 || at >= length) break;
      else at++;
    }
    at++;
    let next = text.charCodeAt(at);
    while (next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09) next = text.charCodeAt(++at);
    if (next === 0x3a) count++;
  }
  return count;
}

function duplicateJsonKey({ LineCounter, parseDocument }: YamlModule, text: string, display: string): UserError {
  const lineCounter = new LineCounter();
  const problem = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false, version: '1.2', schema: 'json' }).errors.find(
    (error) => error.code === 'DUPLICATE_KEY',
  );
  if (!problem) {
    return new UserError('API_DOC_SYNTAX', `${display} is not valid JSON (a key appears twice in the same object): remove or rename one of them.`);
  }
  const { line, col } = lineCounter.linePos(problem.pos[0]);
  let key = '';
  try {
    key = JSON.parse(/^"(?:[^"\\]|\\.)*"/.exec(text.slice(problem.pos[0], problem.pos[0] + 1000))?.[0] ?? '""') as string;
  } catch {
    // left unnamed
  }
  return new UserError(
    'API_DOC_SYNTAX',
    `${display} is not valid JSON at line ${line}, column ${col} (the key ${key ? `"${key}" ` : ''}appears twice in the same object): remove or rename one of them.`,
  );
}

function jsonSyntaxError(text: string, display: string, error: Error): UserError {
  const match = /at position (\d+)/.exec(error.message);
  const offset = match ? Number(match[1]) : text.length;
  const { line, column } = lineColumnAt(text, offset);
  const reason = error.message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'the text ends before the JSON is complete')
    .replace(/^Unexpected token (.*), ".*" is not valid JSON$/s, 'unexpected token $1');
  return new UserError(
    'API_DOC_SYNTAX',
    `${display} is not valid JSON at line ${line}, column ${column} (${lowerFirst(reason)}): fix the document there and import it again.`,
  );
}

function parseYaml({ LineCounter, parseDocument }: YamlModule, text: string, display: string, limits: Pick<ImportLimits, 'maxAliasCount'>): unknown {
  const lineCounter = new LineCounter();
  try {
    const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false, version: '1.2' });
    const problem = document.errors[0];
    if (problem) {
      const { line, col } = lineCounter.linePos(problem.pos[0]);
      if (problem.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(problem.message)) throw tooDeep(display, `line ${line}, column ${col}`);
      if (problem.code === 'DUPLICATE_KEY') {
        const key = /^[^\n:]*/.exec(text.slice(problem.pos[0], problem.pos[0] + 200))?.[0]?.trim() ?? '';
        throw new UserError(
          'API_DOC_SYNTAX',
          `${display} is not valid YAML at line ${line}, column ${col} (the key ${key ? `"${key}" ` : ''}appears twice in the same mapping): remove or rename one of them.`,
        );
      }
      const reason = problem.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
      throw new UserError('API_DOC_SYNTAX', `${display} is not valid YAML at line ${line}, column ${col} (${lowerFirst(reason)}): fix the document there and import it again.`);
    }
    if (document.contents === null) {
      throw new UserError('API_DOC_EMPTY', `${display} holds no YAML content (only comments or directives): choose the API document itself.`);
    }
    return document.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new UserError(
        'API_DOC_ALIAS_LIMIT',
        `${display} expands YAML aliases (*name) more than ${formatCount(limits.maxAliasCount)} times, as a "billion laughs" attack does: write the repeated parts out, or use $ref instead of aliases.`,
      );
    }
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw tooDeep(display, undefined);
    throw error;
  }
}

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** `where`: a JSON pointer, or a line and column; `limit`: the nesting limit when it was the limit that stopped it. */
function tooDeep(display: string, where: string | undefined, limit?: number): UserError {
  return new UserError(
    'API_DOC_TOO_DEEP',
    `${display} nests objects and arrays ${limit ? `more than ${limit} levels deep` : 'too deeply to read'}${where !== undefined ? ` (at ${where || '/'})` : ''}: check the document is not generated wrongly, or flatten it with $ref.`,
  );
}

/**
 * One walk over a parsed value: refuses nesting beyond `maxNestingDepth` and strings (values and keys)
 * longer than `maxStringLength`, naming the JSON pointer; collects external `$ref`s and internal ones
 * that do not resolve. Shared subtrees (YAML aliases) are walked once.
 */
export function inspectValue(
  root: unknown,
  display: string,
  limits: Pick<ImportLimits, 'maxNestingDepth' | 'maxStringLength'>,
  /** The value may share subtrees (YAML aliases, bundled references): remember what was walked. JSON.parse results are trees. */
  shared = true,
): InspectedValue {
  const externalRefs: RefSite[] = [];
  const brokenRefs: RefSite[] = [];
  const path: Array<string | number> = [];
  const seen = new Set<object>();
  const resolved = new Map<string, boolean>();
  const { maxNestingDepth, maxStringLength } = limits;
  const pointer = (extra?: string | number) =>
    [...path, ...(extra === undefined ? [] : [extra])].map((segment) => `/${escapePointerSegment(String(segment))}`).join('');
  const tooLong = (at: string, length: number) =>
    new UserError(
      'API_DOC_STRING_TOO_LONG',
      `${display} has a string of ${formatCount(length)} characters at ${at || '/'}, more than the limit of ${formatCount(maxStringLength)}: remove it (or move the data out of the API document) and import again.`,
    );

  const visit = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      if (value.length > maxStringLength) throw tooLong(pointer(), value.length);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (depth > maxNestingDepth) throw tooDeep(display, pointer(), maxNestingDepth);
    if (shared) {
      if (seen.has(value)) return;
      seen.add(value);
    }
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        visit(value[index], depth + 1);
        path.pop();
      }
      return;
    }
    for (const key in value) {
      if (key.length > maxStringLength) throw tooLong(pointer(), key.length);
      const child = (value as Record<string, unknown>)[key];
      if (key === '$ref' && typeof child === 'string') {
        if (child.startsWith('#')) {
          let ok = resolved.get(child);
          if (ok === undefined) {
            ok = localPointerExists(root, child);
            resolved.set(child, ok);
          }
          if (!ok) brokenRefs.push({ ref: child, pointer: pointer() });
        } else {
          externalRefs.push({ ref: child, pointer: pointer() });
        }
      }
      path.push(key);
      visit(child, depth + 1);
      path.pop();
    }
  };
  try {
    visit(root, 0);
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw tooDeep(display, undefined);
    throw error;
  }
  return { externalRefs, brokenRefs };
}
