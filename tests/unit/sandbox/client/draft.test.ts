import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SystemImports } from '../../../../src/main/openapi/system-import';
import { KeyFiles } from '../../../../src/main/platform/secrets';
import { draftFromOperation } from '../../../../src/main/sandbox/draft/from-operation';
import { listRequests, saveRequest } from '../../../../src/main/sandbox/store/requests';
import { createWorkspace } from '../../../../src/main/workspace/workspace';
import { tempDir } from '../../../helpers/temp';
import { requestInput } from './fixtures';

const document = (version: string, paths: Record<string, unknown>) =>
  JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'CRM', version },
    servers: [{ url: 'https://sandbox.crm.test/v1' }],
    components: {
      securitySchemes: {
        oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.crm.test/token', scopes: { 'customers:read': 'read', 'customers:write': 'write' } } } },
        key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
      schemas: { Customer: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tier: { type: 'string', enum: ['gold', 'silver'] } } } },
    },
    paths,
  });

const v1 = {
  '/customers/{customerId}': {
    parameters: [{ name: 'customerId', in: 'path', required: true, schema: { type: 'string' } }],
    get: {
      operationId: 'getCustomer',
      summary: 'Get a customer',
      tags: ['Customers'],
      security: [{ oauth: ['customers:read'] }],
      parameters: [
        { name: 'expand', in: 'query', schema: { type: 'string', enum: ['orders', 'contacts'] } },
        { name: 'X-Request-Id', in: 'header', required: true, schema: { type: 'string' }, example: 'req-1' },
      ],
      responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Customer' } } } } },
    },
    put: {
      operationId: 'replaceCustomer',
      tags: ['Customers'],
      security: [{ key: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Customer' } } } },
      responses: { '204': { description: 'done' } },
    },
  },
  '/customers': { get: { operationId: 'listCustomers', responses: { '200': { description: 'ok' } } } },
};

describe('a request from an operation', () => {
  it('has the method, {{baseUrl}} and path variables, parameters, auth from the security and an example body', async () => {
    const workspace = createWorkspace(path.join(tempDir(), 'w.crosswalk'), 'Probe');
    const imports = new SystemImports();
    const imported = await imports.import(workspace, 'crm', { kind: 'text', text: document('1', v1) });
    if (imported.status !== 'imported') throw new Error('not imported');
    const catalogue = await imports.catalogue(workspace, imported.system.id);
    const get = draftFromOperation({ systemId: imported.system.id, catalogue, operationId: 'GET /customers/{customerId}', documentVersion: 1 });
    expect(get).toMatchObject({
      folder: 'Customers',
      name: 'Get a customer',
      method: 'GET',
      url: '{{baseUrl}}/customers/{{customerId}}',
      query: [{ name: 'expand', value: 'orders', enabled: false, secret: false }],
      headers: [
        { name: 'Accept', value: 'application/json', enabled: true },
        { name: 'X-Request-Id', value: 'req-1', enabled: true },
      ],
      body: { kind: 'none' },
      auth: { kind: 'oauth2', grant: 'clientCredentials', tokenUrl: 'https://auth.crm.test/token', scope: 'customers:read', clientSecret: { secret: true, set: false }, scheme: 'oauth' },
      origin: { operation: 'GET /customers/{customerId}', documentVersion: 1 },
    });
    const put = draftFromOperation({
      systemId: imported.system.id,
      catalogue,
      operationId: 'PUT /customers/{customerId}',
      documentVersion: 1,
      exampleBody: ({ operation, mediaType }) => ({ name: `example for ${operation.operationId} as ${mediaType}`, tier: 'gold' }),
    });
    expect(put.auth).toEqual({ kind: 'apiKey', in: 'header', name: 'X-Api-Key', value: { secret: true, set: false } });
    expect(put.body).toEqual({ kind: 'json', text: JSON.stringify({ name: 'example for replaceCustomer as application/json', tier: 'gold' }, null, 2) });
    expect(put.headers).toContainEqual({ name: 'Content-Type', value: 'application/json', enabled: true, secret: false });
    expect(() => draftFromOperation({ systemId: imported.system.id, catalogue, operationId: 'GET /nope', documentVersion: 1 })).toThrow(/has no operation "GET \/nope"/);
    workspace.close();
  });

  it('is flagged broken by a re-import that removes or breaks its operation, and keeps every edit', async () => {
    const workspace = createWorkspace(path.join(tempDir(), 'w.crosswalk'), 'Probe');
    const store = { workspace, secrets: { keys: new KeyFiles(path.join(tempDir(), 'keys')), env: {} } };
    const imports = new SystemImports();
    const imported = await imports.import(workspace, 'crm', { kind: 'text', text: document('1', v1) });
    if (imported.status !== 'imported') throw new Error('not imported');
    const systemId = imported.system.id;
    const catalogue = await imports.catalogue(workspace, systemId);
    const saved = Object.fromEntries(
      ['GET /customers/{customerId}', 'PUT /customers/{customerId}', 'GET /customers'].map((operationId) => {
        const draft = draftFromOperation({ systemId, catalogue, operationId, documentVersion: 1 });
        return [operationId, saveRequest(store, requestInput({ ...draft, name: `${draft.name} (edited)`, auth: { kind: 'bearer', token: 'edited-SECRET-token' } }))];
      }),
    );
    const v2 = {
      '/customers/{customerId}': {
        ...v1['/customers/{customerId}'],
        get: { ...v1['/customers/{customerId}'].get, parameters: [...v1['/customers/{customerId}'].get.parameters, { name: 'region', in: 'query', required: true, schema: { type: 'string' } }] },
        put: undefined,
      },
      '/customers': v1['/customers'],
    };
    const preview = await imports.previewReimport(workspace, systemId, { kind: 'text', text: document('2', v2) });
    if (preview.status !== 'ready') throw new Error('no preview');
    await imports.applyReimport(workspace, preview.previewId);

    const after = Object.fromEntries(listRequests(store, systemId).map((request) => [request.origin!.operation, request]));
    expect(after['PUT /customers/{customerId}']!.broken?.reason).toBe('PUT /customers/{customerId} is no longer in the document: point the request at another operation, or delete it.');
    expect(after['GET /customers/{customerId}']!.broken?.reason).toBe('GET /customers/{customerId} changed incompatibly (query parameter region added, required): check the request against the new document.');
    expect(after['GET /customers']!.broken).toBeNull();
    for (const [operation, request] of Object.entries(after)) {
      const { broken: _broken, ...kept } = request;
      const { broken: _before, ...original } = saved[operation]!;
      expect(kept).toEqual(original);
    }
    workspace.close();
  });
});
