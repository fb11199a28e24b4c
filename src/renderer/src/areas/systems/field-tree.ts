// The field tree of one entity as grid rows. ag-grid Community has no tree data, so the tree is the
// catalogue's pre-order field list with the rows under a collapsed field left out; a search keeps
// the matching fields and the fields above them.
import type { CatalogueField } from '../../../../shared/catalogue';

export interface TreeRow {
  field: CatalogueField;
  /** Has child fields listed under it. */
  hasChildren: boolean;
  /** Its children are shown. */
  expanded: boolean;
  /** During a search: matches it (true) or is only shown for the matches under it (false). null: no search. */
  match: boolean | null;
  /** The search in effect ('' for none), for highlighting. */
  query: string;
}

/** Lower-cased "path description" of each field, computed once per field list. */
const haystacks = new WeakMap<readonly CatalogueField[], string[]>();

function haystackOf(fields: readonly CatalogueField[]): string[] {
  let list = haystacks.get(fields);
  if (!list) {
    list = fields.map((field) => `${field.path}\u0000${field.description ?? ''}`.toLowerCase());
    haystacks.set(fields, list);
  }
  return list;
}

/** Shown by a search: the tree holds matches and their ancestors, and cannot be folded until it is cleared. */
export const shownBySearch = (row: TreeRow) => row.match !== null;

/** The rows made for each field list, by path: a row is reused while nothing about it changes, so the grid redraws only what did. */
const rowCaches = new WeakMap<readonly CatalogueField[], Map<string, TreeRow>>();

function rowCacheOf(fields: readonly CatalogueField[]): Map<string, TreeRow> {
  let cache = rowCaches.get(fields);
  if (!cache) {
    cache = new Map();
    rowCaches.set(fields, cache);
  }
  return cache;
}

function row(cache: Map<string, TreeRow>, field: CatalogueField, expanded: boolean, match: boolean | null, query = ''): TreeRow {
  const cached = cache.get(field.path);
  if (cached && cached.field === field && cached.expanded === expanded && cached.match === match && cached.query === query) return cached;
  const next: TreeRow = { field, hasChildren: !field.leaf, expanded, match, query };
  cache.set(field.path, next);
  return next;
}

/** Indexes of the fields whose path or description contains `query` (already trimmed, any case). */
export function matchingFields(fields: readonly CatalogueField[], query: string): Set<number> {
  const needle = query.toLowerCase();
  const haystack = haystackOf(fields);
  const matches = new Set<number>();
  for (let index = 0; index < haystack.length; index += 1) if (haystack[index]!.includes(needle)) matches.add(index);
  return matches;
}

/** The rows to show: every field whose ancestors are all expanded, or, with a query, the matches and their ancestors. */
export function visibleRows(fields: readonly CatalogueField[], expanded: ReadonlySet<string>, query: string): TreeRow[] {
  const cache = rowCacheOf(fields);
  const needle = query.trim();
  if (!needle) {
    const rows: TreeRow[] = [];
    let hideBelow = Infinity;
    for (const field of fields) {
      if (field.depth > hideBelow) continue;
      hideBelow = Infinity;
      const open = !field.leaf && expanded.has(field.path);
      rows.push(row(cache, field, open, null));
      if (!field.leaf && !open) hideBelow = field.depth;
    }
    return rows;
  }

  const matches = matchingFields(fields, needle);
  if (matches.size === 0) return [];
  const indexByPath = new Map<string, number>();
  fields.forEach((field, index) => indexByPath.set(field.path, index));
  const ancestors = new Set<number>();
  for (const index of matches) {
    let parent = fields[index]!.parent;
    while (parent !== undefined) {
      const parentIndex = indexByPath.get(parent);
      if (parentIndex === undefined || ancestors.has(parentIndex)) break;
      ancestors.add(parentIndex);
      parent = fields[parentIndex]!.parent;
    }
  }
  const rows: TreeRow[] = [];
  fields.forEach((field, index) => {
    const isMatch = matches.has(index);
    if (isMatch || ancestors.has(index)) rows.push(row(cache, field, ancestors.has(index), isMatch, needle));
  });
  return rows;
}

/** Every field that can be expanded. */
export const expandablePaths = (fields: readonly CatalogueField[]) => new Set(fields.filter((field) => !field.leaf).map((field) => field.path));

/** The fields above `path`, nearest last: expanding them reveals it. */
export function ancestorPaths(fields: readonly CatalogueField[], path: string): string[] {
  const byPath = new Map(fields.map((field) => [field.path, field]));
  const chain: string[] = [];
  let parent = byPath.get(path)?.parent;
  while (parent !== undefined) {
    chain.unshift(parent);
    parent = byPath.get(parent)?.parent;
  }
  return chain;
}
