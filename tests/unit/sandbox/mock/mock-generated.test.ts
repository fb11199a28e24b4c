// The mock with the sandbox's own generator: answers that validate against the documented response,
// the same for the same seed, and created records with ids in the documented format that they keep.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { PayloadValidator } from '../../../../src/main/openapi/payload/validator';
import { startMock, type RunningMock } from '../../../../src/main/sandbox/mock/server';

const document = {
  openapi: '3.0.3',
  info: { title: 'Orders', version: '1' },
  servers: [{ url: 'http://orders.example/api' }],
  paths: {
    '/orders': {
      get: {
        parameters: [
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'per_page', in: 'query', schema: { type: 'integer', maximum: 50 } },
        ],
        responses: { '200': { description: 'A page', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Order' } } } } } } } },
      },
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
        responses: { '201': { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } } },
      },
    },
    '/orders/{orderId}': {
      parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      get: { responses: { '200': { description: 'One', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } } } },
    },
  },
  components: {
    schemas: {
      Order: {
        type: 'object',
        required: ['id', 'customerEmail', 'total', 'currency', 'status'],
        properties: {
          id: { type: 'string', format: 'uuid', readOnly: true },
          customerEmail: { type: 'string', format: 'email' },
          total: { type: 'number', minimum: 0 },
          currency: { type: 'string', pattern: '^[A-Z]{3}$' },
          status: { type: 'string', enum: ['open', 'paid', 'shipped'] },
          placedAt: { type: 'string', format: 'date-time', readOnly: true },
          note: { type: 'string', nullable: true, maxLength: 40 },
        },
      },
    },
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const mocks: RunningMock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((mock) => mock.close()));
});

async function start(seed?: number) {
  const mock = await startMock(document, { seed });
  mocks.push(mock);
  return mock;
}

async function call(mock: RunningMock, path: string, json?: unknown) {
  const response = await fetch(`${mock.url}${path}`, json === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe('the mock with the sandbox generator', () => {
  it('answers generated bodies that validate against the documented response, repeatable by seed', async () => {
    const responses = new PayloadValidator(document, { mode: 'closed', direction: 'response' });
    const [first, again, other] = await Promise.all([start(5), start(5), start(6)]);
    const id = '0b7c5a4e-9d1f-4c3b-8a2e-6f1d2c3b4a59';
    const one = await call(first, `/orders/${id}`);
    expect(one.status).toBe(200);
    expect(responses.validate('#/components/schemas/Order', one.body)).toEqual([]);
    expect(one.body.id).toBe(id);
    expect(one.body.customerEmail).toMatch(/@/);
    expect((await call(again, `/orders/${id}`)).body).toEqual(one.body);
    expect((await call(other, `/orders/${id}`)).body).not.toEqual(one.body);
  });

  it('gives created records fresh ids in the documented format, and keeps them', async () => {
    const mock = await start();
    const order = { customerEmail: 'ann@shop.example', total: 12.5, currency: 'EUR', status: 'open' };
    const created = await Promise.all([1, 2, 3].map(() => call(mock, '/orders', order)));
    const ids = created.map((answer) => answer.body.id as string);
    for (const answer of created) expect(answer.status).toBe(201);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect((await call(mock, `/orders/${id}`)).body).toMatchObject({ id, customerEmail: 'ann@shop.example', total: 12.5 });
    const listed = await call(mock, '/orders?per_page=50');
    const listedIds = (listed.body.items as Array<{ id: string }>).map((record) => record.id);
    expect(listedIds.slice(0, 3).sort()).toEqual([...ids].sort());
    expect(listedIds.every((id) => UUID.test(id))).toBe(true);
    expect(new Set(listedIds).size).toBe(listedIds.length);
  });

  it('pages the seeded collection by page and per_page', async () => {
    const mock = await start(3);
    const first = await call(mock, '/orders?page=1&per_page=10');
    const third = await call(mock, '/orders?page=3&per_page=10');
    expect((first.body.items as unknown[]).length).toBe(10);
    expect((third.body.items as unknown[]).length).toBe(5);
    expect(first.headers.get('link')).toBe('</api/orders?page=2&per_page=10>; rel="next"');
  });
});

describe('the mock\'s record ids', () => {
  it('gives every seeded and created record of the demo CRM a distinct uuid in its documented id, and no other id property', async () => {
    // Customer.id is optional, read-only, a uuid with one example: records must not all take the example.
    const crm = parse(fs.readFileSync(path.resolve(__dirname, '../../../../resources/demo/crm.openapi.yaml'), 'utf8')) as Record<string, unknown>;
    const mock = await startMock(crm, { seed: 3 });
    mocks.push(mock);
    const auth = { authorization: 'Bearer ids' };
    const listed = (await (await fetch(`${mock.url}/customers?limit=100`, { headers: auth })).json()) as { data: Array<Record<string, unknown>> };
    expect(listed.data).toHaveLength(25);
    // The first record is the document's example; the others are generated, not 24 more copies of it.
    expect(listed.data[0]).toMatchObject({ firstName: 'Maria', lastName: 'Okafor' });
    expect(new Set(listed.data.map((record) => `${String(record.firstName)} ${String(record.lastName)}`)).size).toBeGreaterThan(20);
    expect(new Set(listed.data.map((record) => record.email)).size).toBeGreaterThan(20);
    const created = await Promise.all(
      [1, 2].map(async (n) => {
        const response = await fetch(`${mock.url}/customers`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ firstName: `Ann${n}`, lastName: 'Lee', email: `ann${n}@example.com` }) });
        expect(response.status).toBe(201);
        return (await response.json()) as Record<string, unknown>;
      }),
    );
    const records = [...listed.data, ...created];
    const ids = records.map((record) => record.id);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(records.length);
    expect(records.filter((record) => 'customerId' in record)).toEqual([]);
    const responses = new PayloadValidator(crm, { mode: 'closed', direction: 'response' });
    for (const record of records) expect(responses.validate('#/components/schemas/Customer', record)).toEqual([]);
    const again = (await (await fetch(`${mock.url}/customers/${String(created[0]!.id)}`, { headers: auth })).json()) as Record<string, unknown>;
    expect(again).toMatchObject({ id: created[0]!.id, firstName: 'Ann1' });
  });

  it('keeps integer ids integers within their documented bounds, distinct, with a created one too', async () => {
    const numbered = structuredClone(document) as typeof document & { components: { schemas: { Order: { properties: Record<string, unknown> } } } };
    (numbered.components.schemas.Order.properties as Record<string, unknown>).id = { type: 'integer', minimum: 1000, maximum: 999_999, example: 1001, readOnly: true };
    (numbered.paths['/orders/{orderId}'].parameters[0] as { schema: unknown }).schema = { type: 'integer' };
    const mock = await startMock(numbered, { seed: 2 });
    mocks.push(mock);
    const ids = ((await call(mock, '/orders?per_page=50')).body.items as Array<{ id: unknown }>).map((record) => record.id);
    const posted = await call(mock, '/orders', { customerEmail: 'b@shop.example', total: 1, currency: 'EUR', status: 'open' });
    for (const id of [...ids, posted.body.id]) {
      expect(Number.isInteger(id)).toBe(true);
      expect(id).toBeGreaterThanOrEqual(1000);
      expect(id).toBeLessThanOrEqual(999_999);
    }
    expect(new Set([...ids, posted.body.id]).size).toBe(ids.length + 1);
    expect((await call(mock, `/orders/${String(posted.body.id)}`)).body).toMatchObject({ id: posted.body.id, customerEmail: 'b@shop.example' });
  });
});
