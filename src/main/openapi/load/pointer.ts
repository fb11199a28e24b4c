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

/** The value a local `$ref` (`#/…`) points at in `root`, or undefined when there is none. */
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
