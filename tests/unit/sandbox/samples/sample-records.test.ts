// "Sample N records" against real servers on 127.0.0.1: the mock sandbox serving the demo CRM (cursor
// paging) and documents paging by offset and by page number, and a plain server paging by Link header.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../../src/main/openapi/catalogue';
import { createHttpService } from '../../../../src/main/platform/http';
import { startMock, type RunningMock } from '../../../../src/main/sandbox/mock/server';
import { profileRecords } from '../../../../src/main/sandbox/samples/profile';
import { sampleRecords, type FetchPage } from '../../../../src/main/sandbox/samples/sample-records';
import { demoDocument } from './fixtures';

const client = createHttpService({ env: {} });
const fetchPage: FetchPage = async (url, signal) => {
  const response = await client.request({ url, signal, headers: { authorization: 'Bearer test-token', accept: 'application/json' } });
  return { status: response.status, headers: Object.fromEntries(response.headers.entries().map(([name, values]) => [name.toLowerCase(), values.join(', ')])), body: JSON.parse(response.body.toString('utf8')) };
};

/** The same, as an API that pages only through its body and query (the mock also sends a Link header). */
const withoutLink: FetchPage = async (url, signal) => {
  const page = await fetchPage(url, signal);
  const { link: _link, ...headers } = page.headers;
  return { ...page, headers };
};

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closing.length) await closing.pop()!();
});

async function mockOf(document: Record<string, unknown>): Promise<RunningMock> {
  const mock = await startMock(document, { seed: 7 });
  closing.push(() => mock.close());
  return mock;
}

const listDocument = (parameters: Array<Record<string, unknown>>) => ({
  openapi: '3.0.3',
  info: { title: 'Things', version: '1' },
  paths: {
    '/things': {
      get: {
        parameters,
        responses: {
          '200': {
            description: 'A page',
            content: { 'application/json': { schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } } } } },
          },
        },
      },
      post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } }, responses: { '201': { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } },
    },
    '/things/{thingId}': {
      get: { parameters: [{ name: 'thingId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'One', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } },
    },
  },
  components: { schemas: { Thing: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string', maxLength: 20 }, rank: { type: 'integer', minimum: 1, maximum: 5 } } } } },
});

describe('sampleRecords', () => {
  it('follows the demo CRM mock cursor paging, bounded to N, and profiles the records', async () => {
    const crm = parse(fs.readFileSync(demoDocument('crm.openapi.yaml'), 'utf8')) as Record<string, unknown>;
    const mock = await mockOf(crm);
    const operation = buildCatalogue(crm).operations.find((candidate) => candidate.id === 'GET /customers')!;
    const urls: string[] = [];
    const sampled = await sampleRecords({ url: `${mock.url}/customers`, operation, limit: 12, pageSize: 5, fetchPage: withoutLink, onPage: (page) => urls.push(page.url) });
    expect(sampled).toMatchObject({ pages: 3, paging: 'cursor', stoppedBecause: 'limit' });
    expect(sampled.records).toHaveLength(12);
    // Twelve different records (the mock leaves some ids out, so compare whole records).
    expect(new Set(sampled.records.map((record) => JSON.stringify(record))).size).toBe(12);
    expect(urls[0]).toMatch(/\/customers\?limit=5$/);
    expect(urls[1]).toMatch(/\/customers\?limit=5&cursor=.+/);

    const all = await sampleRecords({ url: `${mock.url}/customers`, operation, limit: 1000, pageSize: 10, fetchPage: withoutLink });
    expect(all).toMatchObject({ pages: 3, stoppedBecause: 'last-page' });
    expect(all.records).toHaveLength(25);
    const profile = profileRecords(all.records);
    expect(profile.fields.find((field) => field.path === 'email')).toMatchObject({ present: 25, nulls: 0 });
    expect(profile.fields.find((field) => field.path === 'customerTier')!.top.every((value) => ['Bronze', 'Silver', 'Gold'].includes(value.value))).toBe(true);
  });

  it.each([
    ['offset', [{ name: 'offset', in: 'query', schema: { type: 'integer' } }, { name: 'limit', in: 'query', schema: { type: 'integer' } }]],
    ['page', [{ name: 'page', in: 'query', schema: { type: 'integer' } }, { name: 'per_page', in: 'query', schema: { type: 'integer' } }]],
  ])('pages by %s', async (kind, parameters) => {
    const document = listDocument(parameters);
    const mock = await mockOf(document);
    const operation = buildCatalogue(document).operations.find((candidate) => candidate.id === 'GET /things')!;
    const sampled = await sampleRecords({ url: `${mock.url}/things`, operation, limit: 1000, pageSize: 10, fetchPage: withoutLink });
    expect(sampled).toMatchObject({ paging: kind, pages: 3, stoppedBecause: 'last-page' });
    expect(new Set(sampled.records.map((record) => (record as { id: string }).id)).size).toBe(25);
    // With the mock's Link header, that is followed instead, to the same records.
    const linked = await sampleRecords({ url: `${mock.url}/things`, operation, limit: 1000, pageSize: 10, fetchPage });
    expect(linked).toMatchObject({ paging: 'link', pages: 3 });
    expect(linked.records).toEqual(sampled.records);
  });

  it('follows a Link header rel="next", stops at the page bound, and can be cancelled', async () => {
    const server = http.createServer((request, response) => {
      const page = Number(new URL(request.url!, 'http://x').searchParams.get('p') ?? '1');
      response.setHeader('content-type', 'application/json');
      if (page < 4) response.setHeader('link', `</items?p=${page + 1}>; rel="next", </items?p=1>; rel="first"`);
      response.end(JSON.stringify([{ id: page * 10 + 1 }, { id: page * 10 + 2 }]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/items`;
    const operation = { id: 'GET /items', parameters: [] };
    const all = await sampleRecords({ url, operation, limit: 100, fetchPage });
    expect(all).toMatchObject({ paging: 'link', pages: 4, stoppedBecause: 'last-page' });
    expect(all.records.map((record) => (record as { id: number }).id)).toEqual([11, 12, 21, 22, 31, 32, 41, 42]);
    expect(await sampleRecords({ url, operation, limit: 100, fetchPage, maxPages: 2 })).toMatchObject({ pages: 2, stoppedBecause: 'page-bound' });

    const controller = new AbortController();
    await expect(sampleRecords({ url, operation, limit: 100, fetchPage, signal: controller.signal, onPage: () => controller.abort() })).rejects.toThrow(/abort/i);
  });

  it('refuses a limit out of bounds and a failing page, naming them', async () => {
    const operation = { id: 'GET /items', parameters: [] };
    await expect(sampleRecords({ url: 'http://127.0.0.1:9/', operation, limit: 5000, fetchPage })).rejects.toThrow('from 1 to 1000, not 5000');
    const failing: FetchPage = async () => ({ status: 401, headers: {}, body: {} });
    await expect(sampleRecords({ url: 'http://127.0.0.1:9/items', operation, limit: 5, fetchPage: failing })).rejects.toThrow(/^Page 1 of GET \/items answered 401 /);
  });
});
