// A cached list as a write changes it: records replaced in place, matched by a key, or one removed.

/** The list with each of `records` in place of the item with the same `key`; the others unchanged. */
export function replaceEach<T>(list: readonly T[], records: readonly T[], key: keyof T): T[] {
  const next = new Map(records.map((record) => [record[key], record]));
  return list.map((item) => next.get(item[key]) ?? item);
}

/** The list with `record` in place of the item with its id. */
export const replaceById = <T extends { id: number }>(list: readonly T[], record: T): T[] => replaceEach(list, [record], 'id');

/** The list without the item with this id. */
export const removeById = <T extends { id: number }>(list: readonly T[], id: number): T[] => list.filter((item) => item.id !== id);
