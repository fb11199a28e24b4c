// Lazy `$ref` resolution by JSON pointer inside one document, with a cache.
// Only internal refs (`#/...`) are resolved: the import layer bundles multi-file documents first.

import { escapePointerSegment, resolveThroughRefs, unescapePointerSegment } from '../load/pointer';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MISSING = Symbol('missing');

export interface Resolved {
  /** The object the ref chain ends at (never itself a bare `$ref`), or undefined when unresolvable. */
  value: JsonObject | undefined;
  /** The last pointer followed. */
  pointer: string;
  /** The named schema the chain passed through first (components.schemas / definitions key). */
  name: string | undefined;
}

export interface RefResolver {
  /** The value at a `#/...` pointer, or undefined. */
  pointer(ref: string): unknown;
  /** The value a `#/…` pointer leads to, following the `$ref`s along its path (any value, not only objects). */
  value(ref: string): unknown;
  /** Follows a `$ref` (and refs to refs) to the object it designates. */
  follow(ref: string): Resolved;
  /** Resolves `value` if it is a `{ $ref }` object (siblings are ignored), else returns it. */
  deref(value: unknown): unknown;
  /** Problems met so far (unresolvable refs), deduplicated. */
  readonly warnings: Set<string>;
  warn(message: string): void;
}

const NAMED_SCHEMA = /^#\/(?:components\/schemas|definitions)\/([^/]+)$/;

function decodeSegment(segment: string): string {
  let text = segment;
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // keep as written
    }
  }
  return unescapePointerSegment(text);
}

/** The named schema a ref designates (`#/components/schemas/Order` → "Order"), if it is one. */
export function schemaNameOf(ref: string): string | undefined {
  const match = NAMED_SCHEMA.exec(ref);
  return match ? decodeSegment(match[1] as string) : undefined;
}

/**
 * Where something is, as a chain of JSON pointer segments (or a whole pointer), turned into a
 * string only when an inline body entity needs it: most never do.
 */
export type Where = string | { parent: Where; segment: string };

export function pointerOf(where: Where): string {
  if (typeof where === 'string') return where;
  const segments: string[] = [];
  let current: Where = where;
  while (typeof current !== 'string') {
    segments.push(escapePointerSegment(current.segment));
    current = current.parent;
  }
  return `${current}/${segments.reverse().join('/')}`;
}

const MAX_WARNINGS = 100;

export function createRefResolver(document: JsonObject): RefResolver {
  const cache = new Map<string, unknown>();
  const followed = new Map<string, Resolved>();
  const warnings = new Set<string>();

  const warn = (message: string) => {
    if (warnings.size < MAX_WARNINGS) warnings.add(message);
  };

  const pointer = (ref: string): unknown => {
    const cached = cache.get(ref);
    if (cached !== undefined) return cached === MISSING ? undefined : cached;
    let value: unknown = MISSING;
    if (ref === '#' || ref === '#/') value = document;
    else if (ref.startsWith('#/')) {
      let node: unknown = document;
      for (const raw of ref.slice(2).split('/')) {
        const key = decodeSegment(raw);
        if (Array.isArray(node)) node = /^\d+$/.test(key) ? node[Number(key)] : undefined;
        else if (isObject(node) && Object.hasOwn(node, key)) node = node[key];
        else node = undefined;
        if (node === undefined) break;
      }
      if (node !== undefined) value = node;
    }
    cache.set(ref, value);
    return value === MISSING ? undefined : value;
  };

  const follow = (ref: string): Resolved => {
    const known = followed.get(ref);
    if (known) return known;
    let current = ref;
    let name = schemaNameOf(ref);
    const seen = new Set<string>();
    let result: Resolved | undefined;
    for (;;) {
      if (seen.has(current)) {
        warn(`$ref cycle without content at ${current}`);
        result = { value: undefined, pointer: current, name };
        break;
      }
      seen.add(current);
      const target = pointer(current);
      if (!isObject(target)) {
        warn(current.startsWith('#') ? `Unresolvable $ref ${current}` : `External $ref not bundled: ${current}`);
        result = { value: undefined, pointer: current, name };
        break;
      }
      const next = target.$ref;
      if (typeof next === 'string' && Object.keys(target).length === 1) {
        current = next;
        name ??= schemaNameOf(next);
        continue;
      }
      result = { value: target, pointer: current, name };
      break;
    }
    followed.set(ref, result);
    return result;
  };

  const deref = (value: unknown): unknown => {
    if (isObject(value) && typeof value.$ref === 'string') return follow(value.$ref).value;
    return value;
  };

  const value = (ref: string): unknown => resolveThroughRefs(document, ref);

  return { pointer, value, follow, deref, warnings, warn };
}
