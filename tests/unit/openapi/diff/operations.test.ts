import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueDiff } from '../../../../src/shared/catalogue-diff';
import { changedOperation, diffOf } from './diff-helpers';

let diff: CatalogueDiff;

beforeAll(async () => {
  diff = await diffOf('orders-v1.openapi.yaml', 'orders-v2.openapi.yaml');
});

describe('operations', () => {
  it('matches operations by method and path template, ignoring path parameter names', () => {
    expect(diff.operations.added).toEqual([{ id: 'POST /refunds', method: 'POST', path: '/refunds', operationId: 'createRefund', severity: 'info' }]);
    expect(diff.operations.removed.map((operation) => [operation.id, operation.severity])).toEqual([
      ['POST /notes', 'breaking'],
      ['DELETE /orders/{id}', 'breaking'],
    ]);
    const renamedParameter = changedOperation(diff, 'GET /orders/{orderId}');
    expect(renamedParameter.severity).toBe('info');
    expect(renamedParameter.parameters.changed).toEqual([
      { name: 'orderId', in: 'path', severity: 'info', changes: [{ aspect: 'name', severity: 'info', before: 'id', after: 'orderId' }] },
    ]);
  });

  it('reports parameters added (required: breaking) and removed', () => {
    const list = changedOperation(diff, 'GET /orders');
    expect(list.parameters.added).toEqual([{ name: 'status', in: 'query', required: true, type: 'string', severity: 'breaking' }]);
    expect(list.parameters.removed).toEqual([{ name: 'page', in: 'query', required: false, type: 'integer', severity: 'breaking' }]);
    expect(list.parameters.changed).toEqual([]);
  });

  it('reports the security alternatives that went and came', () => {
    expect(changedOperation(diff, 'GET /orders').changes).toEqual([{ aspect: 'security', severity: 'risky', added: ['OAuth(read)'], removed: ['ApiKey'] }]);
  });

  it('reports request and response changes', () => {
    const create = changedOperation(diff, 'POST /orders');
    expect(create.request).toEqual([{ aspect: 'required', severity: 'breaking', before: false, after: true }]);
    expect(create.responses).toEqual({ added: [], removed: [{ status: '404', severity: 'risky' }], changed: [] });
    expect(create.severity).toBe('breaking');
  });

  it('orders operations by path, then method', () => {
    expect(diff.operations.changed.map((operation) => operation.id)).toEqual(['GET /orders', 'POST /orders', 'GET /orders/{orderId}']);
  });
});

describe('security schemes', () => {
  it('reports schemes added, removed and changed, OAuth flows scope by scope', () => {
    expect(diff.securitySchemes.added).toEqual([{ name: 'Bearer', type: 'bearer', severity: 'info' }]);
    expect(diff.securitySchemes.removed).toEqual([{ name: 'Basic', type: 'basic', severity: 'breaking' }]);
    expect(diff.securitySchemes.changed).toEqual([
      { name: 'ApiKey', type: 'apiKey', severity: 'breaking', changes: [{ aspect: 'in', severity: 'breaking', before: 'header', after: 'query' }] },
      {
        name: 'OAuth',
        type: 'oauth2',
        severity: 'breaking',
        changes: [
          {
            aspect: 'tokenUrl',
            severity: 'risky',
            before: 'https://auth.example.com/token',
            after: 'https://auth.example.com/oauth/token',
            within: 'clientCredentials',
          },
          { aspect: 'scopes', severity: 'breaking', added: ['admin'], removed: ['write'], within: 'clientCredentials' },
        ],
      },
    ]);
  });
});

describe('servers', () => {
  it('pairs a server whose URL changed on the same host, and reports the one that went', () => {
    expect(diff.servers.changed).toEqual([
      {
        url: 'https://api.example.com/v1',
        environment: 'unknown',
        severity: 'risky',
        changes: [{ aspect: 'url', severity: 'risky', before: 'https://api.example.com/v1', after: 'https://api.example.com/v2' }],
      },
    ]);
    expect(diff.servers.removed).toEqual([{ url: 'https://sandbox.example.com/v1', environment: 'sandbox', severity: 'risky' }]);
    expect(diff.servers.added).toEqual([]);
  });
});
