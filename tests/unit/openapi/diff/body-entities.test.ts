// A body swapped for another named schema (issue 11 item 21): judged by the two entities' fields.
import { describe, expect, it } from 'vitest';
import { diffCatalogues } from '../../../../src/main/openapi/diff';
import { catalogueWith, changedOperation } from './diff-helpers';

const getOrder = (schema: string) => ({
  '/orders/{id}': { get: { operationId: 'getOrder', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } } } } },
});
const schemas = {
  Money: { type: 'number' },
  Count: { type: 'integer' },
  Order: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, total: { $ref: '#/components/schemas/Money' } } },
  OrderV2: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, total: { $ref: '#/components/schemas/Money' }, note: { type: 'string' } } },
  OrderCounted: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, total: { $ref: '#/components/schemas/Count' } } },
  OrderSlim: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
};

describe('a response body swapped for another entity', () => {
  it('is not breaking when the new entity is a strict superset (nothing removed, no type changed)', () => {
    const diff = diffCatalogues(catalogueWith(schemas, getOrder('Order')), catalogueWith(schemas, getOrder('OrderV2')));
    const response = changedOperation(diff, 'GET /orders/{id}').responses.changed[0]!;
    expect(response).toMatchObject({ status: '200', severity: 'info' });
    expect(response.changes).toEqual([{ aspect: 'entity', severity: 'info', before: 'schema:Order', after: 'schema:OrderV2' }]);
    expect(diff.summary.breaking).toBe(0);
  });

  it('reports number → integer behind a swapped $ref as a type change of that field', () => {
    const diff = diffCatalogues(catalogueWith(schemas, getOrder('Order')), catalogueWith(schemas, getOrder('OrderCounted')));
    const response = changedOperation(diff, 'GET /orders/{id}').responses.changed[0]!;
    expect(response.severity).toBe('breaking');
    expect(response.changes).toEqual([
      { aspect: 'entity', severity: 'breaking', before: 'schema:Order', after: 'schema:OrderCounted' },
      { aspect: 'type', severity: 'breaking', before: 'number', after: 'integer', within: 'total' },
    ]);
  });

  it('stays breaking when a field is gone', () => {
    const diff = diffCatalogues(catalogueWith(schemas, getOrder('Order')), catalogueWith(schemas, getOrder('OrderSlim')));
    expect(changedOperation(diff, 'GET /orders/{id}').responses.changed[0]!.changes).toEqual([
      { aspect: 'entity', severity: 'breaking', before: 'schema:Order', after: 'schema:OrderSlim' },
    ]);
  });
});
