// Comparing values taken from documents (enums, defaults), which may be objects or arrays.

/** A text that is equal for structurally equal JSON values, whatever their key order. */
export function valueKey(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

export const sameValue = (a: unknown, b: unknown): boolean => valueKey(a) === valueKey(b);

/** Values of `after` not in `before` and of `before` not in `after`, each in its list's order. */
export function listDelta<T>(before: readonly T[], after: readonly T[]): { added: T[]; removed: T[] } {
  const beforeKeys = new Set(before.map(valueKey));
  const afterKeys = new Set(after.map(valueKey));
  return {
    added: after.filter((value) => !beforeKeys.has(valueKey(value))),
    removed: before.filter((value) => !afterKeys.has(valueKey(value))),
  };
}

/** Plain code-unit order after a case-insensitive one: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
