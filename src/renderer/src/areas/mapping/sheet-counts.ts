// What the flow screen counts from its rows and checks: the checks on each row, the rows under each
// filter, the rows using each source field.
import type { MappingCheck, MappingRow } from '../../../../shared/contract';
import { passesFilter, sheetFilters, type SheetFilter } from './labels';

/** The checks on each row (checks on the whole flow have no row and are left out). */
export function checksByRow(checks: readonly MappingCheck[]): Map<number, MappingCheck[]> {
  const map = new Map<number, MappingCheck[]>();
  for (const check of checks) if (check.rowId !== null) map.set(check.rowId, [...(map.get(check.rowId) ?? []), check]);
  return map;
}

/** How many rows each filter shows. */
export function filterCounts(rows: readonly MappingRow[], checks: ReadonlyMap<number, readonly MappingCheck[]>): Record<SheetFilter, number> {
  const counts = Object.fromEntries(sheetFilters.map((filter) => [filter, 0])) as Record<SheetFilter, number>;
  for (const row of rows) for (const filter of sheetFilters) if (passesFilter(filter, row, checks.get(row.id))) counts[filter]++;
  return counts;
}

/** How many rows use each source path. */
export function sourceUsage(rows: readonly MappingRow[]): Map<string, number> {
  const usage = new Map<string, number>();
  for (const row of rows) for (const path of row.sourcePaths) usage.set(path, (usage.get(path) ?? 0) + 1);
  return usage;
}
