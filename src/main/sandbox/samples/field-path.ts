// A JSON pointer in a payload written as a catalogue field path: `/lines/0/taxRate` → `lines[].taxRate`.
// The payload decides what a segment is: an index into an array becomes `[]`, so an object key "0" stays "0".

import { unescapePointerSegment as unescape } from '../../openapi/load/pointer';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The field path of `pointer` in `body`; '' for the body itself. */
export function fieldPathOf(body: unknown, pointer: string): string {
  if (pointer === '') return '';
  let path = '';
  let current: unknown = body;
  for (const raw of pointer.split('/').slice(1)) {
    const key = unescape(raw);
    if (Array.isArray(current)) {
      path += '[]';
      current = current[Number(key)];
    } else {
      path += path === '' ? key : `.${key}`;
      current = isObject(current) ? current[key] : undefined;
    }
  }
  return path;
}


/**
 * A body path made relative to the entity inside it: `prefix` is where the entity sits in the body
 * (`[]` for an array of it, `data[]` in a page wrapper, '' when the body is the entity). Paths outside it
 * are kept as they are, marked by the caller.
 */
export function relativeTo(prefix: string, path: string): string | undefined {
  if (prefix === '') return path;
  if (path === prefix) return '';
  if (path.startsWith(prefix)) {
    const rest = path.slice(prefix.length);
    if (rest.startsWith('.')) return rest.slice(1);
    if (rest.startsWith('[]')) return rest;
  }
  return undefined;
}
