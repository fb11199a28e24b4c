// How a preview's payloads are shown without freezing on a big one: the JSON text cut at a size, and a
// payload's tree cut at a number of nodes (each array shows its first elements; more on request).

/** Characters of a payload's JSON text shown at most (the rest is counted, not drawn). */
export const TEXT_LIMIT = 200_000;
/** Elements of one array drawn before "… more". */
export const ARRAY_STEP = 25;

/** A payload's JSON text, cut at `limit` characters, with what was left out. */
export function shownText(value: unknown, limit = TEXT_LIMIT): { text: string; total: number; cut: boolean } {
  const text = JSON.stringify(value, null, 2) ?? 'undefined';
  return text.length <= limit ? { text, total: text.length, cut: false } : { text: `${text.slice(0, limit)}\n…`, total: text.length, cut: true };
}

const escapeKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON pointer of a child: `/line_items` + 0 → `/line_items/0`. */
export const childPointer = (pointer: string, key: string | number) => `${pointer}/${escapeKey(String(key))}`;

/** A leaf value as one line of text. */
export function leafText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

export const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => typeof value === 'object' && value !== null;
