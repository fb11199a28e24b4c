// Short readable phrases for changes, shared by the text report and the mapping impact messages.
import type { AspectChange } from '../../../shared/catalogue-diff';

const NONE = 'none';

/** Strings as they are, anything else as JSON; long values cut at 60 characters. */
export function formatValue(value: unknown): string {
  if (value === undefined) return NONE;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Enum values and the like: JSON (strings quoted), at most 10 then a count. */
export function formatValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 10).map((value) => (typeof value === 'string' ? JSON.stringify(value) : formatValue(value)));
  return values.length > 10 ? `${shown.join(', ')} and ${values.length - 10} more` : shown.join(', ');
}

const FLAG_WORDS: Partial<Record<AspectChange['aspect'], [on: string, off: string]>> = {
  required: ['became required', 'became optional'],
  nullable: ['became nullable', 'no longer nullable'],
  readOnly: ['became read-only', 'no longer read-only'],
  writeOnly: ['became write-only', 'no longer write-only'],
  deprecated: ['deprecated', 'no longer deprecated'],
  array: ['became an array', 'no longer an array'],
};

/** "type string → integer", "enum values removed: \"x\"", "maxLength 100 → 50 (tightened)", "became required"… */
export function describeChange(change: AspectChange): string {
  const where = change.within ? ` (${change.within})` : '';
  const flag = FLAG_WORDS[change.aspect];
  if (flag && typeof change.after === 'boolean') return flag[change.after ? 0 : 1] + where;
  if (change.aspect === 'body') return change.after !== undefined ? `body added: ${formatValue(change.after)}` : `body removed: ${formatValue(change.before)}`;
  if (change.added !== undefined || change.removed !== undefined) {
    const label = change.aspect === 'enum' || change.aspect === 'itemEnum' ? `${change.aspect} values` : change.aspect;
    if (change.direction === 'tightened') return `${change.aspect} introduced: ${formatValues(change.after as unknown[])}${where}`;
    if (change.direction === 'loosened') return `${change.aspect} dropped (any value allowed, was ${formatValues(change.before as unknown[])})${where}`;
    const parts: string[] = [];
    if (change.removed && change.removed.length > 0) parts.push(`${label} removed: ${formatValues(change.removed)}`);
    if (change.added && change.added.length > 0) parts.push(`${label} added: ${formatValues(change.added)}`);
    return parts.join('; ') + where;
  }
  const direction = change.direction ? ` (${change.direction})` : '';
  return `${change.aspect} ${formatValue(change.before)} → ${formatValue(change.after)}${direction}${where}`;
}
