// Operations, security schemes and servers.
import { describe, expect, it } from 'vitest';
import { buildCatalogue, environmentOf, environmentOfText } from '../../../src/main/openapi/catalogue';
import { catalogueOf, entity, fixture, operation } from './catalogue-helpers';

describe('operations', () => {
  const document = {
    openapi: '3.0.3',
    info: { title: 'Orders', version: '1' },
    paths: {
      '/orders/{id}': {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'verbose', in: 'query', schema: { type: 'boolean' }, description: 'Path-level description.' },
          { $ref: '#/components/parameters/Tenant' },
        ],
        put: {
          parameters: [
            { name: 'verbose', in: 'query', required: true, schema: { type: 'string', enum: ['yes', 'no'] } },
            { name: 'verbose', in: 'header', schema: { type: 'string' }, deprecated: true },
          ],
          requestBody: { $ref: '#/components/requestBodies/OrderUpdate' },
          responses: {
            '200': {
              description: 'Updated.',
              content: {
                'text/plain': { schema: { type: 'string' } },
                'application/vnd.orders+json': { schema: { type: 'object', properties: { id: { type: 'integer' } } } },
              },
            },
            '204': { description: 'Nothing to return.' },
          },
        },
        post: {
          requestBody: { content: { 'application/json': { schema: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } } } } },
          responses: { '4XX': { $ref: '#/components/responses/Problem' } },
        },
      },
    },
    components: {
      parameters: { Tenant: { name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string', format: 'uuid' } } },
      requestBodies: {
        OrderUpdate: {
          required: true,
          content: {
            'application/xml': { schema: { $ref: '#/components/schemas/Order' } },
            'application/json': { schema: { $ref: '#/components/schemas/Order' } },
          },
        },
      },
      responses: {
        Problem: { description: 'A problem.', content: { 'application/problem+json': { schema: { type: 'object', properties: { title: { type: 'string' } } } } } },
      },
      schemas: { Order: { type: 'object', properties: { id: { type: 'integer' } } } },
    },
  };

  it('merges path-level parameters by location and name, the operation winning', () => {
    const put = buildCatalogue(document).operations.find((candidate) => candidate.id === 'PUT /orders/{id}');
    expect(put?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, type: 'integer', deprecated: false },
      { name: 'verbose', in: 'query', required: true, type: 'string', enum: ['yes', 'no'], deprecated: false },
      { name: 'X-Tenant', in: 'header', required: true, type: 'string', format: 'uuid', deprecated: false },
      { name: 'verbose', in: 'header', required: false, type: 'string', deprecated: true },
    ]);
  });

  it('resolves request body refs, prefers JSON media types, and names bodies without an operationId by method and path', () => {
    const catalogue = buildCatalogue(document);
    const put = catalogue.operations.find((candidate) => candidate.id === 'PUT /orders/{id}');
    expect(put?.request).toEqual({ required: true, mediaType: 'application/json', type: 'object', entity: 'schema:Order', array: false });
    expect(put?.responses).toEqual([
      { status: '200', description: 'Updated.', mediaType: 'application/vnd.orders+json', type: 'object', entity: 'body:PUT /orders/{id} 200 response', array: false },
      { status: '204', description: 'Nothing to return.', array: false },
    ]);
    const post = catalogue.operations.find((candidate) => candidate.id === 'POST /orders/{id}');
    expect(post?.request).toMatchObject({ entity: 'body:POST /orders/{id} request', array: true, type: 'array' });
    expect(entity(catalogue, 'POST /orders/{id} request', 'body')).toMatchObject({
      pointer: '#/paths/~1orders~1{id}/post/requestBody/content/application~1json/schema/items',
      fields: [expect.objectContaining({ path: 'sku' })],
    });
    expect(post?.responses[0]).toMatchObject({ status: '4XX', mediaType: 'application/problem+json', entity: 'body:POST /orders/{id} 4XX response' });
    expect(entity(catalogue, 'POST /orders/{id} 4XX response', 'body').pointer).toBe('#/components/responses/Problem/content/application~1problem+json/schema');
  });

  it('shares one body entity between operations that reuse the same inline schema', () => {
    const catalogue = buildCatalogue({
      openapi: '3.0.3',
      info: { title: 'Shared', version: '1' },
      paths: {
        '/a': { get: { operationId: 'getA', responses: { default: { $ref: '#/components/responses/Problem' } } } },
        '/b': { get: { operationId: 'getB', responses: { default: { $ref: '#/components/responses/Problem' } } } },
      },
      components: {
        responses: { Problem: { description: 'A problem.', content: { 'application/json': { schema: { type: 'object', properties: { title: { type: 'string' } } } } } } },
      },
    });
    expect(catalogue.entities.map((candidate) => candidate.id)).toEqual(['body:getA default response']);
    expect(catalogue.entities[0]?.usedBy.map((use) => use.operation)).toEqual(['GET /a', 'GET /b']);
  });

  it('uses a named array alias as the entity itself, listing its element fields under []', () => {
    const catalogue = buildCatalogue({
      swagger: '2.0',
      info: { title: 'Aliases', version: '1' },
      paths: {
        '/orders': {
          get: { operationId: 'listOrders', produces: ['application/json'], responses: { '200': { description: 'All.', schema: { $ref: '#/definitions/Orders' } } } },
          post: {
            operationId: 'addOrders',
            parameters: [{ name: 'orders', in: 'body', schema: { type: 'array', items: { $ref: '#/definitions/Order' } } }],
            responses: { '204': { description: 'Added.' } },
          },
        },
      },
      definitions: {
        Orders: { type: 'array', description: 'A list of orders.', items: { $ref: '#/definitions/Order' } },
        Order: { type: 'object', properties: { id: { type: 'string' }, lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } } } },
      },
    });
    const orders = entity(catalogue, 'Orders');
    expect(orders.shape).toMatchObject({ type: 'array', itemType: 'object', itemRef: 'Order', description: 'A list of orders.' });
    expect(orders.fields.map((candidate) => [candidate.path, candidate.depth, candidate.parent])).toEqual([
      ['[].id', 0, undefined],
      ['[].lines', 0, undefined],
      ['[].lines[].sku', 1, '[].lines'],
    ]);
    expect(orders.usedBy).toEqual([{ operation: 'GET /orders', role: 'response', status: '200', mediaType: 'application/json', array: false }]);
    expect(entity(catalogue, 'Order').usedBy).toEqual([{ operation: 'POST /orders', role: 'request', array: true }]);
    expect(operation(catalogue, 'addOrders').request).toEqual({ required: false, type: 'array', entity: 'schema:Order', array: true });
  });
});

describe('security schemes', () => {
  it('maps every OpenAPI 3.1 scheme type to a client auth type', async () => {
    const catalogue = await catalogueOf(fixture('auth-servers.openapi.yaml'));
    expect(catalogue.securitySchemes).toEqual([
      { name: 'apiKeyHeader', type: 'apiKey', in: 'header', parameterName: 'X-API-Key' },
      { name: 'apiKeyQuery', type: 'apiKey', in: 'query', parameterName: 'api_key' },
      { name: 'apiKeyCookie', type: 'apiKey', in: 'cookie', parameterName: 'session' },
      { name: 'basic', type: 'basic' },
      { name: 'jwt', type: 'bearer', bearerFormat: 'JWT' },
      { name: 'digest', type: 'http', scheme: 'digest' },
      { name: 'oidc', type: 'openIdConnect', openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' },
      { name: 'mtls', type: 'mutualTLS', description: 'Client certificate.' },
      {
        name: 'oauth',
        type: 'oauth2',
        flows: [
          {
            type: 'authorizationCode',
            authorizationUrl: 'https://id.example.com/authorize',
            tokenUrl: 'https://id.example.com/token',
            refreshUrl: 'https://id.example.com/refresh',
            scopes: [
              { name: 'things:read', description: 'Read things' },
              { name: 'things:write', description: 'Write things' },
            ],
          },
          { type: 'clientCredentials', tokenUrl: 'https://id.example.com/token', scopes: [] },
          { type: 'password', tokenUrl: 'https://id.example.com/token', scopes: [{ name: 'things:read', description: 'Read things' }] },
          { type: 'implicit', authorizationUrl: 'https://id.example.com/authorize', scopes: [{ name: 'things:read', description: 'Read things' }] },
        ],
      },
    ]);
  });

  it('keeps security alternatives, an explicit "none", and the document default', async () => {
    const catalogue = await catalogueOf(fixture('auth-servers.openapi.yaml'));
    expect(operation(catalogue, 'createThing').security).toEqual([
      [
        { scheme: 'oauth', scopes: ['things:write'] },
        { scheme: 'mtls', scopes: [] },
      ],
      [{ scheme: 'apiKeyHeader', scopes: [] }],
    ]);
    expect(operation(catalogue, 'listThings').security).toEqual([]);
  });

  it('renames Swagger 2.0 OAuth flows to their 3.x names', async () => {
    const catalogue = await catalogueOf(fixture('oauth.swagger.json'));
    expect(catalogue.securitySchemes.map((scheme) => (scheme.type === 'oauth2' ? [scheme.name, scheme.flows.map((flow) => flow.type)] : scheme.name))).toEqual([
      ['code', ['authorizationCode']],
      ['app', ['clientCredentials']],
      ['implicitFlow', ['implicit']],
      ['pwd', ['password']],
    ]);
    expect(catalogue.securitySchemes[0]).toMatchObject({
      flows: [{ authorizationUrl: 'https://login.example.com/authorize', tokenUrl: 'https://login.example.com/token', scopes: [{ name: 'read', description: 'Read access' }, { name: 'write', description: 'Write access' }] }],
    });
  });
});

describe('servers', () => {
  it('substitutes variable defaults and tells sandbox from production by whole words', async () => {
    const catalogue = await catalogueOf(fixture('auth-servers.openapi.yaml'));
    expect(catalogue.servers[0]).toEqual({
      url: 'https://{region}.api.example.com/{version}',
      resolvedUrl: 'https://eu.api.example.com/v3',
      relative: false,
      description: 'Production',
      variables: [
        { name: 'region', default: 'eu', enum: ['eu', 'us'] },
        { name: 'version', default: 'v3' },
      ],
      environment: 'production',
    });
    expect(catalogue.servers.map((server) => [server.resolvedUrl, server.environment, server.relative])).toEqual([
      ['https://eu.api.example.com/v3', 'production', false],
      ['https://api.staging.example.com/v3', 'sandbox', false],
      ['https://api.productboard.com', 'unknown', false],
      ['https://mock.example.com', 'sandbox', false],
      ['https://preprod.example.com', 'sandbox', false],
      ['https://live.example.com', 'production', false],
      // The description names both kinds, so it decides nothing; the URL does.
      ['https://sandbox.example.com', 'sandbox', false],
      ['/v3', 'unknown', true],
    ]);
  });

  it('uses the base path as a relative server when a Swagger 2.0 document has no host', async () => {
    const catalogue = await catalogueOf(fixture('oauth.swagger.json'));
    expect(catalogue.servers).toEqual([{ url: '/api', resolvedUrl: '/api', relative: true, variables: [], environment: 'unknown' }]);
  });

  it('builds one server per Swagger 2.0 scheme', () => {
    const catalogue = buildCatalogue({ swagger: '2.0', info: { title: 'T', version: '1' }, host: 'api.example.com', basePath: '/v1', schemes: ['http', 'https'], paths: {} });
    expect(catalogue.servers.map((server) => server.url)).toEqual(['http://api.example.com/v1', 'https://api.example.com/v1']);
  });

  it('classifies words, not substrings', () => {
    expect(environmentOfText('api.productboard.com')).toBe('unknown');
    expect(environmentOfText('https://contest.example.com')).toBe('unknown');
    expect(environmentOfText('https://liveaboard.example.com')).toBe('unknown');
    expect(environmentOfText('https://api-dev.example.com')).toBe('sandbox');
    expect(environmentOfText('UAT environment')).toBe('sandbox');
    expect(environmentOfText('Pre-production')).toBe('sandbox');
    expect(environmentOfText('https://api.example.com/live/v1')).toBe('production');
    expect(environmentOfText('Test server (not for production use)')).toBe('unknown');
    expect(environmentOf('https://api.example.com', 'Demo tenant')).toBe('sandbox');
    expect(environmentOf('https://prod.example.com', undefined)).toBe('production');
  });
});
