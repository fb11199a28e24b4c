// JSON pointers (RFC 6901), in the URI-fragment form `$ref`s use: `#/components/schemas/Order`.

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `#/a/b~1c` or `/a/b~1c` → ['a', 'b/c']; percent-escapes are decoded as in a URI fragment. */
export function pointerSegments(pointer: string): string[] {
  let body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (pointer.startsWith('#')) {
    try {
      body = decodeURIComponent(body);
    } catch {
      // a literal % in a pointer: keep the text as written
    }
  }
  if (body === '') return [];
  if (!body.startsWith('/')) return [body]; // not a pointer (e.g. an anchor): one opaque segment that will not resolve
  return body.slice(1).split('/').map(unescapePointerSegment);
}

export function toPointer(segments: Array<string | number>): string {
  return segments.map((segment) => `/${escapePointerSegment(String(segment))}`).join('');
}

/** The value a JSON pointer (a local `$ref` `#/…`, or a payload pointer `/…`) points at in `root`, or undefined when there is none. */
export function resolveLocalPointer(root: unknown, ref: string): unknown {
  let current: unknown = root;
  for (const segment of pointerSegments(ref)) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * Whether a local `$ref` (`#/…`) leads somewhere in `root`, following the `$ref`s its path passes through
 * (`#/definitions/name/properties/last/title` where `last` is itself a `$ref`). A path that passes through
 * a reference to another file cannot be decided from this file alone: it counts as leading somewhere
 * (the bundler checks it once the other file is read).
 */
export function localPointerExists(root: unknown, ref: string): boolean {
  return walkThroughRefs(root, pointerSegments(ref), new Set()) !== undefined;
}

const ELSEWHERE = Symbol('in another file');

/** The value a local `$ref` leads to, following the `$ref`s along its path; undefined when none (or in another file). */
export function resolveThroughRefs(root: unknown, ref: string): unknown {
  const value = walkThroughRefs(root, pointerSegments(ref), new Set());
  return value === ELSEWHERE ? undefined : value;
}

function walkThroughRefs(root: unknown, segments: string[], following: Set<string>): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    const seen = new Set<unknown>();
    while (current !== null && typeof current === 'object' && !Array.isArray(current) && !Object.prototype.hasOwnProperty.call(current, segment)) {
      if (seen.has(current) || typeof (current as Record<string, unknown>).$ref !== 'string') break;
      seen.add(current);
      current = followRef(root, current as Record<string, unknown>, following);
      if (current === ELSEWHERE) return current;
    }
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** What an object's `$ref` points to (the object itself when it has none). */
function followRef(root: unknown, value: Record<string, unknown>, following: Set<string>): unknown {
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  if (!ref.startsWith('#')) return ELSEWHERE;
  if (following.has(ref)) return undefined; // a cycle of references with nothing in it
  following.add(ref);
  const target = walkThroughRefs(root, pointerSegments(ref), following);
  following.delete(ref);
  return target;
}
