// A mock sandbox of one API document, on 127.0.0.1: requests checked against their operation (400/422
// with a problem+json body naming every violation, 401 without the documented credentials), answers
// from the document's examples or generated from its schemas (seeded), light state for collections,
// paging in the document's style, and faults on demand (faults.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserError } from '../../errors';
import { PayloadValidator } from '../../openapi/payload/validator';
import { documentGenerator } from '../generate';
import { collectionOf, idOf, listIn, markNext, pageOf, pagingStyle, SEEDED_RECORDS, type Collection } from './collections';
import { parsePrefer, RateLimiter, seededRandom, type Chaos } from './faults';
import { checkRequest, type Violation } from './request-check';
import { buildResponse, chooseStatus, type Generate } from './responses';
import { recordIds, type RecordIds } from './ids';
import { basePathOf, buildRoutes, matchRoute, type Route } from './routes';

type JsonObject = Record<string, unknown>;

export interface MockOptions {
  /** 0 or absent: a free port. */
  port?: number;
  seed?: number;
  chaos?: Chaos;
  /** The seeded generator for bodies the document has no example of (default: sandbox/generate's, for responses). */
  generate?: Generate;
}

export interface RunningMock {
  /** http://127.0.0.1:PORT<basePath> */
  url: string;
  port: number;
  basePath: string;
  /** Forgets what was created, changed and deleted, and the rate limit's count. */
  reset(): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export async function startMock(document: JsonObject, options: MockOptions = {}): Promise<RunningMock> {
  const routes = buildRoutes(document);
  const generate: Generate = options.generate ?? ((responses) => (pointer, seed) => responses.generate(pointer, seed))(documentGenerator(document, { direction: 'response', completeTop: true }));
  const basePath = basePathOf(document);
  const validator = new PayloadValidator(document, { mode: 'open', direction: 'request' });
  // Ids are generated without the document's examples: an example id is one value, and records need many.
  const idGenerator = documentGenerator(document, { direction: 'response', useExamples: false });
  // A seeded list's first record is the document's example; the others are generated, so a list of 25
  // customers is not 25 copies of one.
  const variedRecords: Generate = options.generate ?? ((responses) => (pointer, seed) => responses.generate(pointer, seed))(documentGenerator(document, { direction: 'response', completeTop: true, useExamples: false }));
  const idsOf = new Map<string, RecordIds>();
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  let collections = new Map<string, Collection>();
  let limiter = options.chaos?.rateLimit ? new RateLimiter(options.chaos.rateLimit) : undefined;
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) problem(response, 500, 'The mock failed', (error as Error).message);
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const prefer = parsePrefer(request.headers.prefer);
    const chaos = options.chaos ?? {};
    if (prefer.fault === 'reset' || (chaos.reset && random() < chaos.reset)) return request.socket.destroy();
    if (prefer.fault === 'timeout' || (chaos.timeout && random() < chaos.timeout)) return void hanging.add(response);
    const latency = prefer.latency ?? (chaos.latency ? chaos.latency.min + Math.floor(random() * (chaos.latency.max - chaos.latency.min + 1)) : 0);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const wait = limiter?.take();
    if (wait) return problem(response, 429, 'Too many requests', `The mock's rate limit is reached: retry after ${wait} s.`, { 'retry-after': String(wait) });
    if (prefer.code === undefined && chaos.error && random() < chaos.error) return problem(response, random() < 0.5 ? 500 : 503, 'Server error (chaos)', 'A fault the mock was asked to inject.');

    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    if (basePath && !url.pathname.startsWith(basePath)) return problem(response, 404, 'Not found', `The API's paths start with ${basePath}.`);
    const path = url.pathname.slice(basePath.length) || '/';
    const method = (request.method ?? 'GET').toLowerCase();
    const match = matchRoute(routes, method, path);
    if (match.kind === 'none') return problem(response, 404, 'Not found', `The document has no path matching ${path}.`);
    if (match.kind === 'wrong-method') return problem(response, 405, 'Method not allowed', `${path} answers ${match.allowed.join(', ')}.`, { allow: match.allowed.join(', ') });

    const body = await readBody(request);
    if (body === undefined) return problem(response, 413, 'Request too large', `The mock reads request bodies of at most ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
    const { route, pathValues } = match;
    const checked = checkRequest(document, route, { pathValues, query: url.searchParams, headers: request.headers, body }, validator);
    if (checked.unauthorized) {
      return problem(response, 401, 'Unauthorized', `This operation needs credentials (${checked.unauthorized}).`, { 'www-authenticate': 'Bearer realm="mock"' });
    }
    if (checked.violations.length > 0) return invalid(response, checked.violations);

    const { status, key } = chooseStatus(route, prefer.code);
    const answer = buildResponse(document, route, key, status, { example: prefer.example, seed, generate });
    if (prefer.code === undefined && status < 300) {
      const kept = keepState(route, method, pathValues, checked.json, answer.body, url.searchParams);
      if (kept === 'gone') return problem(response, 404, 'Not found', `${path} was deleted.`);
      answer.body = kept.body;
      Object.assign(answer.headers, kept.headers);
      if (kept.created) answer.headers.location = `${basePath}${kept.created}`;
    }
    send(response, answer.status, answer.contentType, answer.body, answer.headers);
  }

  /** Creates, changes, deletes and lists records of a collection; answers the body to send. */
  function keepState(
    route: Route,
    method: string,
    pathValues: Record<string, string>,
    json: unknown,
    generated: unknown,
    query: URLSearchParams,
  ): { body: unknown; headers: Record<string, string>; created?: string } | 'gone' {
    const place = collectionOf(routes, route);
    if (!place) return { body: generated, headers: {} };
    const collection = collectionFor(place.collection, place.idParameter);
    if (!place.item) {
      if (method === 'post' && isObject(json)) {
        const record = { ...(isObject(generated) ? generated : {}), ...json };
        const id = assignId(collection, record, seed + collection.records.size * 31 + 1_000_003);
        collection.records.set(id, record);
        collection.order.unshift(id);
        return { body: record, headers: {}, created: `${place.collection}/${encodeURIComponent(id)}` };
      }
      if (method === 'get') return listed(route, collection, generated, query);
      return { body: generated, headers: {} };
    }
    const id = pathValues[place.idParameter] ?? '';
    const stored = collection.records.get(id);
    if (method === 'delete') {
      if (collection.deleted.has(id)) return 'gone';
      collection.records.delete(id);
      collection.order = collection.order.filter((each) => each !== id);
      collection.deleted.add(id);
      return { body: generated, headers: {} };
    }
    if (method === 'put' || method === 'patch') {
      collection.deleted.delete(id);
      const base = method === 'patch' ? (stored ?? (isObject(generated) ? generated : {})) : isObject(generated) ? generated : {};
      const record = { ...base, ...(isObject(json) ? json : {}) };
      writeId(collection, record, id);
      if (!collection.records.has(id)) collection.order.unshift(id);
      collection.records.set(id, record);
      return { body: record, headers: {} };
    }
    if (collection.deleted.has(id)) return 'gone';
    // A record never created still answers to the id it was asked for.
    if (!stored && isObject(generated)) writeId(collection, generated, id);
    return { body: stored ?? generated, headers: {} };
  }

  function idsFor(collection: Collection): RecordIds {
    let ids = idsOf.get(collection.template);
    if (!ids) idsOf.set(collection.template, (ids = recordIds(document, routes, collection, idGenerator)));
    return ids;
  }

  /**
   * The id a new record is kept under: its own when free, else a fresh one in the documented format
   * written into its id property; without a documented id, a key only the mock uses.
   */
  function assignId(collection: Collection, record: JsonObject, idSeed: number): string {
    const ids = idsFor(collection);
    const key = ids.key ?? idKeyOf(record, collection.idParameter);
    const current = key === undefined ? undefined : record[key];
    if ((typeof current === 'string' || typeof current === 'number') && !collection.records.has(String(current))) return String(current);
    const fresh = key === undefined ? undefined : ids.fresh((id) => collection.records.has(id), idSeed);
    if (fresh !== undefined) {
      record[key!] = fresh;
      return String(fresh);
    }
    return uniqueId(collection, current === undefined ? String(collection.records.size + 1) : String(current));
  }

  /** The record answers to `id`: written into its documented id property (a number stays a number). */
  function writeId(collection: Collection, record: JsonObject, id: string) {
    const key = idsFor(collection).key ?? idKeyOf(record, collection.idParameter);
    if (key === undefined) return;
    const current = record[key];
    const numeric = typeof current === 'number' || (current === undefined && typeof idsFor(collection).fresh(() => false, seed) === 'number');
    record[key] = numeric && /^-?\d+$/.test(id) ? Number(id) : id;
  }

  function collectionFor(template: string, idParameter: string): Collection {
    let collection = collections.get(template);
    if (!collection) {
      collection = { template, idParameter, records: new Map(), order: [], deleted: new Set(), seeded: false };
      collections.set(template, collection);
    }
    return collection;
  }

  /** A list answer: the collection's records (seeded on first use) paged as the operation documents. */
  function listed(route: Route, collection: Collection, generated: unknown, query: URLSearchParams) {
    const list = listIn(generated);
    if (!list) return { body: generated, headers: {} };
    if (!collection.seeded) {
      collection.seeded = true;
      for (let index = 0; collection.order.length < SEEDED_RECORDS && index < SEEDED_RECORDS * 2; index++) {
        const sample = listIn(buildResponse(document, route, chooseStatus(route, undefined).key, 200, { seed: seed + index + 1, generate: index === 0 ? generate : variedRecords }).body)?.get()[0];
        if (!isObject(sample)) break;
        const id = assignId(collection, sample, seed + index + 1);
        collection.records.set(id, sample);
        collection.order.push(id);
      }
    }
    const style = pagingStyle(route);
    const page = pageOf(collection.order.map((id) => collection.records.get(id)), style, query);
    list.set(page.records);
    markNext(generated, page.next);
    const headers: Record<string, string> = {};
    if (page.next !== undefined && style.kind !== 'none') {
      const nextQuery = new URLSearchParams(query);
      nextQuery.set(style.kind === 'cursor' ? style.cursor : style.kind === 'offset' ? style.offset : style.page, page.next);
      headers.link = `<${basePath}${route.template}?${nextQuery}>; rel="next"`;
    }
    return { body: generated, headers };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UserError('MOCK_PORT_IN_USE', `Port ${options.port} is already in use: choose another with --port, or leave it out.`) : error),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    port,
    basePath,
    reset() {
      collections = new Map();
      limiter = options.chaos?.rateLimit ? new RateLimiter(options.chaos.rateLimit) : undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The property a record holds its id in (`customerId`, `id`, any `…Id`), when it holds one. */
function idKeyOf(record: JsonObject, idParameter: string): string | undefined {
  const id = idOf(record, idParameter);
  return id === undefined ? undefined : [idParameter, 'id', ...Object.keys(record)].find((key) => record[key] !== undefined && String(record[key]) === id);
}

function uniqueId(collection: Collection, wanted: string): string {
  if (!collection.records.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!collection.records.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

function readBody(request: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, contentType: string | undefined, body: unknown, headers: Record<string, string>) {
  if (body === undefined || status === 204 || status === 304) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const text = typeof body === 'string' && !/json/i.test(contentType ?? '') ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': contentType ?? 'application/json', ...headers });
  response.end(text);
}

/** An RFC 9457 problem: what went wrong, in the body. */
function problem(response: http.ServerResponse, status: number, title: string, detail: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
  response.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

/** 400 when a parameter is wrong, 422 when only the body is: every violation with its JSON pointer. */
function invalid(response: http.ServerResponse, violations: Violation[]) {
  const status = violations.some((violation) => !violation.pointer.startsWith('/body')) ? 400 : 422;
  response.writeHead(status, { 'content-type': 'application/problem+json' });
  response.end(
    JSON.stringify({
      type: 'https://crosswalk.dev/problems/invalid-request',
      title: 'The request does not match the API document',
      status,
      detail: violations.map((violation) => violation.message).join('; '),
      errors: violations,
    }),
  );
}
