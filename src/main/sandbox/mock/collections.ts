// Light state and paging: a mock's collections (`/customers` with its items `/customers/{customerId}`)
// hold a seeded set of records plus what was created, updated and deleted since the mock started (or
// was reset); list operations page over them in the document's own style.
import type { Route } from './routes';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How many records a collection starts with, so paging has something to page through. */
export const SEEDED_RECORDS = 25;

export interface Collection {
  template: string;
  /** The item route's path parameter: `customerId`. */
  idParameter: string;
  records: Map<string, JsonObject>;
  /** Ids in list order (newest first for created ones). */
  order: string[];
  /** Ids deleted since the mock started: their item answers 404. */
  deleted: Set<string>;
  seeded: boolean;
}

/**
 * The collection a route belongs to: `/x` and its items `/x/{id}`, known when the document has both.
 * `item`: the route addresses one record (its path parameter is the record's id).
 */
export function collectionOf(routes: Route[], route: Route): { collection: string; idParameter: string; item: boolean } | undefined {
  const itemOf = (template: string) => /^(.*)\/\{([^}]+)\}$/.exec(template);
  const own = itemOf(route.template);
  if (own && routes.some((other) => other.template === own[1])) return { collection: own[1]!, idParameter: own[2]!, item: true };
  const items = routes.map((other) => itemOf(other.template)).find((found) => found?.[1] === route.template);
  return items ? { collection: route.template, idParameter: items[2]!, item: false } : undefined;
}

/** The id a record answers to: its property named like the path parameter, else `id`, else any `…Id`/`…_id` of it. */
export function idOf(record: JsonObject, idParameter: string): string | undefined {
  const candidates = [idParameter, 'id', ...Object.keys(record).filter((key) => /(^|_)id$|Id$/.test(key))];
  for (const key of candidates) {
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return undefined;
}

/** Where a list response keeps its records: the body itself (an array) or its first array property (`data`, `items`…). */
export function listIn(body: unknown): { get(): unknown[]; set(records: unknown[]): void } | undefined {
  if (Array.isArray(body)) {
    let list = body;
    return { get: () => list, set: (records) => (list = records) };
  }
  if (!isObject(body)) return undefined;
  const preferred = ['data', 'items', 'results', 'records', 'value', 'entries'];
  const key = preferred.find((name) => Array.isArray(body[name])) ?? Object.keys(body).find((name) => Array.isArray(body[name]));
  if (key === undefined) return undefined;
  return { get: () => body[key] as unknown[], set: (records) => (body[key] = records) };
}

export type PagingStyle =
  | { kind: 'cursor'; cursor: string; size?: string }
  | { kind: 'offset'; offset: string; size?: string }
  | { kind: 'page'; page: string; size?: string }
  | { kind: 'none'; size?: string };

const SIZE_NAMES = ['limit', 'per_page', 'perpage', 'pagesize', 'page_size', 'size', 'top', '$top', 'count', 'max_results', 'maxresults'];

/** The paging the operation documents, read from its query parameters' names. */
export function pagingStyle(route: Route): PagingStyle {
  const names = route.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
  const find = (...wanted: string[]) => names.find((name) => wanted.includes(name.toLowerCase()));
  const size = find(...SIZE_NAMES);
  const cursor = find('cursor', 'starting_after', 'after', 'page_token', 'pagetoken', 'next_token', 'continuation', 'continuationtoken', '$skiptoken');
  if (cursor) return { kind: 'cursor', cursor, size };
  const offset = find('offset', 'skip', '$skip', 'start');
  if (offset) return { kind: 'offset', offset, size };
  const page = find('page', 'page_number', 'pagenumber');
  if (page) return { kind: 'page', page, size };
  return { kind: 'none', size };
}

export interface Page {
  records: unknown[];
  /** The cursor or page of the next request, when there is one. */
  next?: string;
}

/** One page of `all`, as the request's paging parameters ask (default size 10, at most 100). */
export function pageOf(all: unknown[], style: PagingStyle, query: URLSearchParams): Page {
  const asked = style.size ? Number(query.get(style.size)) : NaN;
  const size = Number.isInteger(asked) && asked > 0 ? Math.min(asked, 100) : 10;
  let start = 0;
  if (style.kind === 'cursor') start = decodeCursor(query.get(style.cursor));
  else if (style.kind === 'offset') start = Math.max(0, Number(query.get(style.offset)) || 0);
  else if (style.kind === 'page') start = (Math.max(1, Number(query.get(style.page)) || 1) - 1) * size;
  const records = all.slice(start, start + size);
  const more = start + size < all.length;
  if (!more) return { records };
  if (style.kind === 'cursor') return { records, next: encodeCursor(start + size) };
  if (style.kind === 'offset') return { records, next: String(start + size) };
  if (style.kind === 'page') return { records, next: String(start / size + 2) };
  return { records };
}

const encodeCursor = (position: number) => Buffer.from(`crosswalk:${position}`).toString('base64url');

function decodeCursor(cursor: string | null): number {
  if (!cursor) return 0;
  const match = /^crosswalk:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : 0;
}

/** Writes the next page's pointer where the response's schema keeps it (`nextCursor`, `next_page`, `has_more`…). */
export function markNext(body: unknown, next: string | undefined): void {
  if (!isObject(body)) return;
  for (const key of Object.keys(body)) {
    const lower = key.toLowerCase().replace(/[_-]/g, '');
    if (lower === 'hasmore' || lower === 'hasnext' || lower === 'morerecords') body[key] = next !== undefined;
    else if (['nextcursor', 'next', 'nextpage', 'nextpagetoken', 'nexttoken', 'cursor', 'odatanextlink'].includes(lower)) body[key] = next ?? null;
  }
}
