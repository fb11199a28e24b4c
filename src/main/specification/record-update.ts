import type { SqliteDatabase } from '../workspace/sqlite';

type SqlValue = string | number | null;

/**
 * Sets the given columns of one row. `columns` maps each changeable property to its column and
 * how to store it; properties left undefined are not touched. Returns the number of rows changed.
 */
export function updateRecordIn<T extends object>(
  db: SqliteDatabase,
  table: string,
  id: number | string,
  columns: { [K in keyof T]?: { column: string; store?: (value: NonNullable<T[K]> | null) => SqlValue } },
  changes: T,
  idColumn = 'id',
): number {
  const set = (Object.keys(columns) as (keyof T)[]).filter((key) => changes[key] !== undefined);
  if (set.length === 0) return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${idColumn} = ?`).get(id) as { n: number }).n;
  const assignments = set.map((key) => `${columns[key]!.column} = ?`).join(', ');
  const values = set.map((key) => {
    const { store } = columns[key]!;
    const value = changes[key] as NonNullable<T[keyof T]> | null;
    return store ? store(value) : (value as SqlValue);
  });
  return db.prepare(`UPDATE ${table} SET ${assignments} WHERE ${idColumn} = ?`).run(...values, id).changes;
}

export const storeBoolean = (value: boolean | null) => (value ? 1 : 0);
