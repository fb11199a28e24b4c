// Credentials written in a document (a server URL's user-info, a secret-looking query value, a `$ref`
// address) never reach the store or the screen: every string of the document is passed through
// platform/redact's CredentialPlaceholders, and the text Crosswalk keeps gets the same replacements.
import { isDeepStrictEqual } from 'node:util';
import { CredentialPlaceholders, defaultRedactor } from '../../platform/redact';
import { loadYaml, type DocumentFormat } from './parse';

/** `value` with every string (and key) passed through the placeholders; the same value when nothing changed. */
export function withoutCredentials<T>(value: T, placeholders: CredentialPlaceholders): T {
  const seen = new Map<object, unknown>();
  const visit = (current: unknown): unknown => {
    if (typeof current === 'string') return placeholders.text(current);
    if (current === null || typeof current !== 'object') return current;
    const done = seen.get(current);
    if (done !== undefined) return done;
    if (Array.isArray(current)) {
      let changed = false;
      const copy = current.map((item) => {
        const next = visit(item);
        if (next !== item) changed = true;
        return next;
      });
      const result = changed ? copy : current;
      seen.set(current, result);
      return result;
    }
    let changed = false;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(current)) {
      const nextKey = placeholders.text(key);
      const next = visit(item);
      if (next !== item || nextKey !== key) changed = true;
      copy[nextKey] = next;
    }
    const result = changed ? copy : current;
    seen.set(current, result);
    return result;
  };
  return visit(value) as T;
}

/** Whether `text` may hold a credential by the redaction's rules (cheap; false means it surely does not). */
export function mayHoldCredentials(text: string): boolean {
  // JSON may write "/" as "\/", which the URL rules would not see in the text.
  return defaultRedactor.text(text) !== text || text.includes(':\\/\\/');
}

/**
 * The text of a document file as Crosswalk keeps it: each credential replaced where it is written, so
 * the rest stays as written (lines and columns of messages still match). When the replaced text would
 * not read back as the redacted value (a placeholder's braces inside a YAML flow collection, an escaped
 * URL in JSON), the redacted value is written out instead.
 */
export function textWithoutCredentials(text: string, format: DocumentFormat, value: unknown, placeholders: CredentialPlaceholders): string {
  const redacted = withoutCredentials(value, placeholders);
  if (redacted === value) return text;
  const replaced = replaceChangedStrings(text, value, redacted);
  if (readsBackAs(replaced, format, redacted)) return replaced;
  return format === 'json' ? JSON.stringify(redacted, null, 2) : loadYaml().stringify(redacted, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** Replaces, in the text, each string (value or key) that redaction changed by its new form. */
function replaceChangedStrings(text: string, before: unknown, after: unknown): string {
  const changes = new Map<string, string>();
  const collect = (old: unknown, next: unknown) => {
    if (old === next) return;
    if (typeof old === 'string' && typeof next === 'string') {
      changes.set(old, next);
      return;
    }
    if (old === null || typeof old !== 'object' || next === null || typeof next !== 'object') return;
    if (Array.isArray(old) && Array.isArray(next)) {
      old.forEach((item, index) => collect(item, next[index]));
      return;
    }
    const oldEntries = Object.entries(old);
    const nextEntries = Object.entries(next);
    oldEntries.forEach(([key, item], index) => {
      const [nextKey, nextItem] = nextEntries[index] ?? [key, item];
      if (nextKey !== key) changes.set(key, nextKey);
      collect(item, nextItem);
    });
  };
  collect(before, after);
  let result = text;
  // Longest first, so that a string containing another is replaced whole.
  for (const [old, next] of [...changes].sort((a, b) => b[0].length - a[0].length)) result = result.split(old).join(next);
  return result;
}

function readsBackAs(text: string, format: DocumentFormat, expected: unknown): boolean {
  try {
    const value = format === 'json' ? JSON.parse(text) : loadYaml().parse(text, { merge: false, version: '1.2', maxAliasCount: -1 });
    return isDeepStrictEqual(value, expected);
  } catch {
    return false;
  }
}
