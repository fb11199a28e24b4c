// The mock sandbox over real HTTP on 127.0.0.1: request checks, credentials, light state, paging,
// examples by name, and faults. Bodies the document has no example of come from the injected generator
// (here a seeded stand-in that names the record after its seed).
import { afterEach, describe, expect, it } from 'vitest';
import { parseChaos, parsePrefer } from '../../../../src/main/sandbox/mock/faults';
import { startMock, type RunningMock } from '../../../../src/main/sandbox/mock/server';

const document = {
  openapi: '3.0.3',
  info: { title: 'Shop', version: '1' },
  servers: [{ url: 'https://sandbox.shop.example/v1' }],
  security: [{ apiKey: [] }],
  paths: {
    '/customers': {
      get: {
        operationId: 'listCustomers',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 } },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'A page', content: { 'application/json': { schema: { $ref: '#/components/schemas/CustomerPage' } } } } },
      },
      post: {
        operationId: 'createCustomer',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Customer' } } } },
        responses: { '201': { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Customer' } } } } },
      },
    },
    '/customers/{customerId}': {
      parameters: [{ name: 'customerId', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'getCustomer',
        responses: {
          '200': { description: 'The customer', content: { 'application/json': { schema: { $ref: '#/components/schemas/Customer' } } } },
          '404': {
            description: 'Unknown',
            content: { 'application/json': { schema: { type: 'object' }, examples: { notFound: { value: { error: 'no such customer' } }, gone: { value: { error: 'deleted' } } } } },
          },
        },
      },
      patch: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Customer' } } } },
        responses: { '200': { description: 'Changed', content: { 'application/json': { schema: { $ref: '#/components/schemas/Customer' } } } } },
      },
      delete: { responses: { '204': { description: 'Deleted' } } },
    },
    '/health': { get: { security: [], responses: { '200': { description: 'ok', content: { 'application/json': { example: { status: 'up' } } } } } } },
  },
  components: {
    securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
    schemas: {
      Customer: {
        type: 'object',
        required: ['name', 'email'],
        properties: { id: { type: 'string', readOnly: true }, name: { type: 'string', maxLength: 20 }, email: { type: 'string', format: 'email' }, tier: { type: 'string', enum: ['gold', 'silver'] } },
      },
      CustomerPage: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Customer' } }, nextCursor: { type: 'string', nullable: true } } },
    },
  },
};

/** Stands in for the sandbox's generator: one record named after its seed, in whatever shape the pointer wants. */
const generate = (pointer: string, seed: number) => {
  const customer = { id: `c${seed}`, name: `Customer ${seed}`, email: `c${seed}@shop.example` };
  return pointer.includes('customers/get') ? { data: [customer], nextCursor: null } : customer;
};

let mock: RunningMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const key = { 'x-api-key': 'test' };
async function call(path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const response = await fetch(`${mock!.url}${path}`, {
    ...rest,
    headers: { ...key, ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...(rest.headers as Record<string, string>) },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('the mock sandbox', () => {
  it('serves under the document base path on 127.0.0.1 and answers examples', async () => {
    mock = await startMock(document, { generate });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(await call('/health', { headers: {} })).toMatchObject({ status: 200, body: { status: 'up' } });
    expect((await call('/nowhere')).status).toBe(404);
    expect(await call('/health', { method: 'DELETE' })).toMatchObject({ status: 405, body: { detail: '/health answers GET.' } });
  });

  it('refuses a request without the documented credentials', async () => {
    mock = await startMock(document, { generate });
    const refused = await call('/customers', { headers: { 'x-api-key': '' } as Record<string, string> });
    expect(refused).toMatchObject({ status: 401, body: { detail: 'This operation needs credentials (apiKey).' } });
  });

  it('names every violation of a request with its JSON pointer', async () => {
    mock = await startMock(document, { generate });
    const wrongQuery = await call('/customers?limit=500');
    expect(wrongQuery.status).toBe(400);
    expect(wrongQuery.body!.errors).toEqual([{ pointer: '/query/limit', message: '/query/limit must be <= 50' }]);
    const wrongBody = await call('/customers', { method: 'POST', json: { id: 'mine', name: 'A very long customer name indeed', email: 'nope', tier: 'bronze' } });
    expect(wrongBody.status).toBe(422);
    expect((wrongBody.body!.errors as Array<{ pointer: string }>).map((error) => error.pointer).sort()).toEqual(['/body/email', '/body/id', '/body/name', '/body/tier']);
    expect((await call('/customers', { method: 'POST', body: '{"name":', headers: { 'content-type': 'application/json' } })).body).toMatchObject({
      status: 422,
      errors: [{ pointer: '/body', message: expect.stringMatching(/^The request body is not valid JSON/) }],
    });
  });

  it('keeps what is created, changed and deleted until it is reset', async () => {
    mock = await startMock(document, { generate });
    const created = await call('/customers', { method: 'POST', json: { name: 'Ann', email: 'ann@shop.example' } });
    expect(created).toMatchObject({ status: 201, body: { id: 'c1', name: 'Ann', email: 'ann@shop.example' } });
    expect(created.headers.get('location')).toBe('/v1/customers/c1');
    expect((await call('/customers/c1')).body).toMatchObject({ name: 'Ann' });
    expect((await call('/customers/c1', { method: 'PATCH', json: { name: 'Ann', email: 'ann@shop.example', tier: 'gold' } })).body).toMatchObject({ id: 'c1', name: 'Ann', tier: 'gold' });
    expect((await call('/customers?limit=1')).body).toMatchObject({ data: [{ id: 'c1', tier: 'gold' }] });
    expect((await call('/customers/c1', { method: 'DELETE' })).status).toBe(204);
    expect((await call('/customers/c1')).status).toBe(404);
    mock.reset();
    expect((await call('/customers/c1')).body).toMatchObject({ id: 'c1', name: 'Customer 1' });
  });

  it('pages a seeded collection in the document style (cursor), with a Link header', async () => {
    mock = await startMock(document, { generate, seed: 10 });
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const answer = await call(`/customers?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...(answer.body!.data as Array<{ id: string }>).map((record) => record.id));
      cursor = answer.body!.nextCursor as string | null;
      if (cursor) expect(answer.headers.get('link')).toContain('rel="next"');
      else break;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen[0]).toBe('c11');
  });

  it('answers the status and example asked for with Prefer', async () => {
    mock = await startMock(document, { generate });
    expect(await call('/customers/c9', { headers: { prefer: 'code=404, example=gone' } })).toMatchObject({ status: 404, body: { error: 'deleted' } });
    expect(await call('/customers/c9', { headers: { prefer: 'code=404' } })).toMatchObject({ status: 404, body: { error: 'no such customer' } });
  });

  it('injects faults: a rate limit with Retry-After, server errors, resets and hanging requests', async () => {
    mock = await startMock(document, { generate, chaos: parseChaos('ratelimit=2/min') });
    expect((await call('/health')).status).toBe(200);
    expect((await call('/health')).status).toBe(200);
    const limited = await call('/health');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(50);
    await mock.close();

    mock = await startMock(document, { generate, chaos: parseChaos('error=1') });
    expect([500, 503]).toContain((await call('/health')).status);
    await expect(call('/health', { headers: { prefer: 'fault=reset' } })).rejects.toThrow();
    await expect(call('/health', { headers: { prefer: 'fault=timeout' }, signal: AbortSignal.timeout(300) })).rejects.toThrow(/aborted|timeout/i);
  });

  it('reads chaos specs and Prefer headers, refusing a bad spec with how to write it', () => {
    expect(parseChaos('latency=200-800ms,error=0.05,reset=0.01,ratelimit=100/min')).toEqual({
      latency: { min: 200, max: 800 },
      error: 0.05,
      reset: 0.01,
      rateLimit: { requests: 100, windowMs: 60_000 },
    });
    expect(() => parseChaos('error=5')).toThrow('--chaos "error=5": error is a share of requests from 0 to 1 (0.05 is 5%). Write it like latency=200-800ms,error=0.05,reset=0.01,timeout=0.01,ratelimit=100/min.');
    expect(parsePrefer('code=429, example="slow down"; latency=20')).toEqual({ code: 429, example: 'slow down', latency: 20 });
  });
});
