// Where a JSON pointer sits in a document's text (1-based line and column), for validation messages.
// JSON: one pass over the text that only descends into members on the way to a wanted pointer.
// YAML: the `yaml` package's node ranges. Members are located at their key (`name:` / `"name":`),
// array items at the item.
import type { Node as YamlNode } from 'yaml';
import type { DocumentFormat } from './parse';
import { lineColumnAt, loadYaml } from './parse';
import { pointerSegments } from './pointer';

export interface TextPosition {
  line: number;
  column: number;
}

/** Positions of the pointers (`/paths/~1orders/get`, '' for the root) found in `text`; missing ones are left out. */
export async function locatePointers(text: string, format: DocumentFormat, pointers: string[]): Promise<Map<string, TextPosition>> {
  const wanted = [...new Set(pointers)];
  if (wanted.length === 0) return new Map();
  const offsets = format === 'json' ? locateInJson(text, wanted) : locateInYaml(loadYaml(), text, wanted);
  const positions = new Map<string, TextPosition>();
  // Offsets to line/column in one pass, in ascending order.
  const sorted = [...offsets.entries()].sort((a, b) => a[1] - b[1]);
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const [pointer, offset] of sorted) {
    for (let index = text.indexOf('\n', scanned); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
      line++;
      lineStart = index + 1;
      scanned = index + 1;
    }
    positions.set(pointer, { line, column: offset - lineStart + 1 });
  }
  return positions;
}

// ---- JSON ----

function locateInJson(text: string, pointers: string[]): Map<string, number> {
  const found = new Map<string, number>();
  const targets = pointers.map((pointer) => ({ pointer, segments: pointerSegments(pointer.startsWith('#') ? pointer : `#${pointer}`) }));
  let position = 0;
  const length = text.length;

  const skipWhitespace = () => {
    while (position < length) {
      const code = text.charCodeAt(position);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) position++;
      else break;
    }
  };
  const readString = (): string => {
    // position is at the opening quote
    const start = ++position;
    let escaped = false;
    while (position < length) {
      const code = text.charCodeAt(position);
      if (code === 0x5c) {
        escaped = true;
        position += 2;
        continue;
      }
      if (code === 0x22) break;
      position++;
    }
    const raw = text.slice(start, position);
    position++; // closing quote
    if (!escaped) return raw;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return raw;
    }
  };
  const skipString = () => {
    position++;
    while (position < length) {
      const code = text.charCodeAt(position);
      if (code === 0x5c) position += 2;
      else if (code === 0x22) {
        position++;
        return;
      } else position++;
    }
  };
  const skipValue = () => {
    // Skips any value by counting brackets outside strings.
    let depth = 0;
    while (position < length) {
      const code = text.charCodeAt(position);
      if (code === 0x22) {
        skipString();
        if (depth === 0) return;
        continue;
      }
      if (code === 0x7b || code === 0x5b) depth++;
      else if (code === 0x7d || code === 0x5d) {
        if (depth === 0) return; // end of the enclosing container
        depth--;
        if (depth === 0) {
          position++;
          return;
        }
      } else if (depth === 0 && (code === 0x2c || code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09)) return;
      position++;
    }
  };
  // Visits the value at `position` whose path is `path`; `active` are the targets still below it.
  const visit = (path: string[], active: typeof targets, at: number) => {
    for (const target of active) if (target.segments.length === path.length) found.set(target.pointer, at);
    const deeper = active.filter((target) => target.segments.length > path.length);
    if (deeper.length === 0) {
      skipValue();
      return;
    }
    const code = text.charCodeAt(position);
    if (code === 0x7b) {
      position++;
      for (;;) {
        skipWhitespace();
        if (text.charCodeAt(position) === 0x7d) {
          position++;
          return;
        }
        const keyAt = position;
        const key = readString();
        skipWhitespace();
        position++; // colon
        skipWhitespace();
        const below = deeper.filter((target) => target.segments[path.length] === key);
        if (below.length > 0) visit([...path, key], below, keyAt);
        else skipValue();
        skipWhitespace();
        if (text.charCodeAt(position) === 0x2c) position++;
        else {
          position++; // closing brace
          return;
        }
        if (position >= length) return;
      }
    } else if (code === 0x5b) {
      position++;
      for (let index = 0; ; index++) {
        skipWhitespace();
        if (text.charCodeAt(position) === 0x5d) {
          position++;
          return;
        }
        const below = deeper.filter((target) => target.segments[path.length] === String(index));
        if (below.length > 0) visit([...path, String(index)], below, position);
        else skipValue();
        skipWhitespace();
        if (text.charCodeAt(position) === 0x2c) position++;
        else {
          position++;
          return;
        }
        if (position >= length) return;
      }
    } else {
      skipValue();
    }
  };
  skipWhitespace();
  visit([], targets, position);
  return found;
}

// ---- YAML ----

function locateInYaml(yaml: typeof import('yaml'), text: string, pointers: string[]): Map<string, number> {
  const { LineCounter, isAlias, isMap, isPair, isSeq, parseDocument } = yaml;
  const found = new Map<string, number>();
  let document;
  try {
    document = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false, merge: false, version: '1.2' });
  } catch {
    return found;
  }
  for (const pointer of pointers) {
    let node: unknown = document.contents;
    let offset = (node as YamlNode | null)?.range?.[0] ?? 0;
    let ok = true;
    for (const segment of pointerSegments(pointer.startsWith('#') ? pointer : `#${pointer}`)) {
      if (isAlias(node)) node = node.resolve(document);
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && keyText(yaml, item.key) === segment);
        if (!pair) {
          ok = false;
          break;
        }
        offset = (pair.key as YamlNode | null)?.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (!/^\d+$/.test(segment) || item === undefined) {
          ok = false;
          break;
        }
        node = item;
        offset = (item as YamlNode | null)?.range?.[0] ?? offset;
      } else {
        ok = false;
        break;
      }
    }
    if (ok) found.set(pointer, offset);
  }
  return found;
}

function keyText(yaml: typeof import('yaml'), key: unknown): string {
  if (yaml.isScalar(key)) return String(key.value);
  return String(key);
}

export { lineColumnAt };
