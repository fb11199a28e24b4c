// "Sample N records": follows a list operation's paging — cursor, offset, page number, or the Link
// header's rel="next" — until N records, the last page or the page bound, whichever comes first;
// cancellable between and during pages. The fetching is given (the send path, or a test's server).
import type { CatalogueOperation } from '../../../shared/catalogue';
import { UserError } from '../../errors';

export interface FetchedPage {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: unknown;
  /** The history entry the page was sent as (the send path's pages). */
  historyId?: number;
}

/** GETs one page: `url` is absolute, its query already holding the paging parameters. */
export type FetchPage = (url: string, signal: AbortSignal | undefined) => Promise<FetchedPage>;

export type PagingStyle =
  | { kind: 'cursor'; cursor: string; size?: string }
  | { kind: 'offset'; offset: string; size?: string }
  | { kind: 'page'; page: string; size?: string }
  | { kind: 'none'; size?: string };

export interface SampleRecordsOptions {
  /** The list operation's URL (server and path resolved), with any filters the analyst set. */
  url: string;
  operation: Pick<CatalogueOperation, 'id' | 'parameters'>;
  /** How many records to collect; at most MAX_SAMPLE_RECORDS. */
  limit: number;
  fetchPage: FetchPage;
  signal?: AbortSignal;
  /** Records per page asked for (when the operation has a size parameter); default min(limit, 100). */
  pageSize?: number;
  maxPages?: number;
  onPage?: (page: { number: number; records: number; total: number; url: string; response: FetchedPage }) => void;
}

export interface SampledRecords {
  records: unknown[];
  pages: number;
  paging: PagingStyle['kind'] | 'link';
  stoppedBecause: 'limit' | 'last-page' | 'page-bound';
}

export const MAX_SAMPLE_RECORDS = 1000;
export const DEFAULT_MAX_PAGES = 50;

const SIZE_NAMES = ['limit', 'per_page', 'perpage', 'pagesize', 'page_size', 'size', 'top', '$top', 'count', 'max_results', 'maxresults'];
const CURSOR_NAMES = ['cursor', 'starting_after', 'after', 'page_token', 'pagetoken', 'next_token', 'continuation', 'continuationtoken', '$skiptoken'];
const NEXT_KEYS = ['nextcursor', 'next', 'nextpage', 'nextpagetoken', 'nexttoken', 'cursor', 'odatanextlink', 'nextlink', 'continuationtoken'];
const RECORD_KEYS = ['data', 'items', 'results', 'records', 'values', 'value', 'content', 'entries', 'elements'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The paging the operation documents, read from its query parameters' names (as the mock reads it). */
export function pagingOf(operation: Pick<CatalogueOperation, 'parameters'>): PagingStyle {
  const names = operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
  const find = (wanted: string[]) => names.find((name) => wanted.includes(name.toLowerCase()));
  const size = find(SIZE_NAMES);
  const cursor = find(CURSOR_NAMES);
  if (cursor) return { kind: 'cursor', cursor, size };
  const offset = find(['offset', 'skip', '$skip', 'start']);
  if (offset) return { kind: 'offset', offset, size };
  const page = find(['page', 'page_number', 'pagenumber']);
  if (page) return { kind: 'page', page, size };
  return { kind: 'none', size };
}

/** The records of a list response: the body itself when an array, else its records array (`data`, `items`…). */
export function recordsOf(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  const key = recordsKey(body);
  return key === undefined ? undefined : ((body as Record<string, unknown>)[key] as unknown[]);
}

/** Where the records sit in a list response, as a field path: `[]` for an array body, `data[]` in a wrapper. */
export function recordsPath(body: unknown): string | undefined {
  if (Array.isArray(body)) return '[]';
  const key = recordsKey(body);
  return key === undefined ? undefined : `${key}[]`;
}

function recordsKey(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  return RECORD_KEYS.find((name) => Array.isArray(body[name])) ?? Object.keys(body).find((name) => Array.isArray(body[name]));
}

export async function sampleRecords(options: SampleRecordsOptions): Promise<SampledRecords> {
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > MAX_SAMPLE_RECORDS) {
    throw new UserError('SAMPLE_LIMIT', `The number of records to sample must be a whole number from 1 to ${MAX_SAMPLE_RECORDS}, not ${options.limit}.`);
  }
  const style = pagingOf(options.operation);
  const pageSize = Math.max(1, Math.min(options.pageSize ?? Math.min(options.limit, 100), 100));
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const records: unknown[] = [];
  let url = new URL(options.url);
  if (style.size && !url.searchParams.has(style.size)) url.searchParams.set(style.size, String(pageSize));
  let pages = 0;
  let paging: SampledRecords['paging'] = style.kind;
  let offset = Number(style.kind === 'offset' ? url.searchParams.get(style.offset) : 0) || 0;
  let page = Number(style.kind === 'page' ? url.searchParams.get(style.page) : 1) || 1;

  while (pages < maxPages) {
    options.signal?.throwIfAborted();
    const response = await options.fetchPage(url.toString(), options.signal);
    pages++;
    if (response.status < 200 || response.status > 299) {
      throw new UserError('SAMPLE_PAGE_FAILED', `Page ${pages} of ${options.operation.id} answered ${response.status} (${url.toString()}): fix the request (auth, filters) and sample again; ${records.length} records had been read.`);
    }
    const found = recordsOf(response.body);
    if (found === undefined) {
      throw new UserError('SAMPLE_NOT_A_LIST', `${options.operation.id} did not answer with a list of records (no array in its body): sample a list operation.`);
    }
    records.push(...found.slice(0, options.limit - records.length));
    options.onPage?.({ number: pages, records: found.length, total: records.length, url: url.toString(), response });
    if (records.length >= options.limit) return { records, pages, paging, stoppedBecause: 'limit' };
    if (found.length === 0) break;

    const link = nextLink(response.headers.link, url);
    const body = isObject(response.body) ? response.body : {};
    const hasMore = flag(body);
    const next = nextValue(body);
    if (link) {
      paging = 'link';
      url = link;
    } else if (next !== undefined && /^https?:\/\//i.test(next)) {
      url = new URL(next);
    } else if (style.kind === 'cursor') {
      const cursor = next ?? (hasMore === true ? lastId(found) : undefined);
      if (cursor === undefined) break;
      url.searchParams.set(style.cursor, cursor);
    } else if (style.kind === 'offset') {
      if (hasMore === false || (style.size && found.length < pageSize)) break;
      offset += found.length;
      url.searchParams.set(style.offset, String(offset));
    } else if (style.kind === 'page') {
      if (hasMore === false || (style.size && found.length < pageSize)) break;
      page++;
      url.searchParams.set(style.page, String(page));
    } else {
      break;
    }
  }
  return { records, pages, paging, stoppedBecause: pages >= maxPages ? 'page-bound' : 'last-page' };
}

/** The `rel="next"` target of a Link header, resolved against the page's URL. */
function nextLink(header: string | undefined, base: URL): URL | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>(.*)/.exec(part.trim());
    if (match && /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2]!)) return new URL(match[1]!, base);
  }
  return undefined;
}

const normal = (key: string) => key.toLowerCase().replace(/[_\-@.]/g, '');

/** The next page's cursor or address the body gives (`nextCursor`, `next_page_token`, `@odata.nextLink`, `meta.next`…). */
function nextValue(body: Record<string, unknown>): string | undefined {
  for (const holder of [body, ...['meta', 'paging', 'pagination', 'links', '_links'].map((key) => body[key]).filter(isObject)]) {
    for (const [key, value] of Object.entries(holder)) {
      if (!NEXT_KEYS.includes(normal(key))) continue;
      if (typeof value === 'string' && value !== '') return value;
      if (isObject(value) && typeof value.href === 'string') return value.href;
    }
  }
  return undefined;
}

function flag(body: Record<string, unknown>): boolean | undefined {
  for (const [key, value] of Object.entries(body)) if (['hasmore', 'hasnext', 'morerecords'].includes(normal(key)) && typeof value === 'boolean') return value;
  return undefined;
}

function lastId(records: unknown[]): string | undefined {
  const last = records.at(-1);
  return isObject(last) && (typeof last.id === 'string' || typeof last.id === 'number') ? String(last.id) : undefined;
}
