import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueDiff, EntityChange } from '../../../../src/shared/catalogue-diff';
import { changedEntity, diffOf, fieldChanges } from './diff-helpers';

let diff: CatalogueDiff;
let order: EntityChange;

beforeAll(async () => {
  diff = await diffOf('orders-v1.openapi.yaml', 'orders-v2.openapi.yaml');
  order = changedEntity(diff, 'Order');
});

describe('entities', () => {
  it('lists added and removed entities by name, schemas and bodies alike', () => {
    expect(diff.entities.added).toEqual([{ id: 'schema:Refund', kind: 'schema', name: 'Refund', severity: 'info' }]);
    expect(diff.entities.removed).toEqual([
      { id: 'body:addNote request', kind: 'body', name: 'addNote request', severity: 'breaking' },
      { id: 'schema:Legacy', kind: 'schema', name: 'Legacy', severity: 'breaking' },
    ]);
  });

  it('reports a changed entity root (an enum schema) apart from its fields', () => {
    const status = changedEntity(diff, 'Status');
    expect(status.root).toEqual([{ aspect: 'enum', severity: 'breaking', added: ['refunded'], removed: ['cancelled'] }]);
    expect(status.fields).toEqual({ added: [], removed: [], changed: [], renamed: [] });
  });

  it('orders changed entities by name and leaves unchanged ones out', () => {
    expect(diff.entities.changed.map((entity) => entity.name)).toEqual(['Order', 'Status']);
    expect(order.severity).toBe('breaking');
  });
});

describe('fields', () => {
  it('classifies each aspect change', () => {
    expect(fieldChanges(order, 'id')).toEqual({ type: { aspect: 'type', severity: 'breaking', before: 'string', after: 'integer' } });
    expect(fieldChanges(order, 'total')).toEqual({ format: { aspect: 'format', severity: 'risky', before: 'float', after: 'double' } });
    expect(fieldChanges(order, 'currency').required).toEqual({ aspect: 'required', severity: 'breaking', before: false, after: true });
    expect(fieldChanges(order, 'note').required).toEqual({ aspect: 'required', severity: 'risky', before: true, after: false });
    expect(fieldChanges(order, 'reference').maxLength).toEqual({ aspect: 'maxLength', severity: 'breaking', before: 50, after: 20, direction: 'tightened' });
    expect(fieldChanges(order, 'comment').maxLength).toEqual({ aspect: 'maxLength', severity: 'risky', before: 100, after: 500, direction: 'loosened' });
    expect(fieldChanges(order, 'quantity').minimum).toMatchObject({ severity: 'breaking', direction: 'tightened' });
    expect(fieldChanges(order, 'code').pattern).toEqual({ aspect: 'pattern', severity: 'breaking', after: '^[A-Z]{3}$', direction: 'tightened' });
    expect(fieldChanges(order, 'createdAt').readOnly).toEqual({ aspect: 'readOnly', severity: 'breaking', before: false, after: true });
    expect(fieldChanges(order, 'discount').nullable).toEqual({ aspect: 'nullable', severity: 'risky', before: false, after: true });
    expect(fieldChanges(order, 'legacyCode').deprecated).toEqual({ aspect: 'deprecated', severity: 'risky', before: false, after: true });
    expect(fieldChanges(order, 'status').enum).toEqual({ aspect: 'enum', severity: 'breaking', added: ['refunded'], removed: ['cancelled'] });
    expect(fieldChanges(order, 'lines[].amount').type).toMatchObject({ before: 'string', after: 'number', severity: 'breaking' });
  });

  it('lists changed fields in catalogue order, each with its most severe aspect', () => {
    expect(order.fields.changed.map((field) => [field.path, field.severity])).toEqual([
      ['id', 'breaking'],
      ['total', 'risky'],
      ['status', 'breaking'],
      ['currency', 'breaking'],
      ['note', 'risky'],
      ['reference', 'breaking'],
      ['comment', 'risky'],
      ['quantity', 'breaking'],
      ['code', 'breaking'],
      ['createdAt', 'breaking'],
      ['discount', 'risky'],
      ['legacyCode', 'risky'],
      ['lines[].amount', 'breaking'],
    ]);
  });

  it('reports a removed object once, naming the child paths it takes with it', () => {
    expect(order.fields.removed).toEqual([
      { path: 'shipping', name: 'shipping', type: 'object', required: false, descendants: ['shipping.city', 'shipping.street'], severity: 'breaking' },
      { path: 'lines[].sku', name: 'sku', type: 'string', required: false, severity: 'breaking' },
    ]);
  });

  it('reports added optional fields as info, and an added object once with its children', () => {
    expect(order.fields.added).toEqual([
      { path: 'customer', name: 'customer', type: 'object', required: false, descendants: ['customer.id', 'customer.name'], severity: 'info' },
      { path: 'channel', name: 'channel', type: 'string', required: false, severity: 'info' },
    ]);
  });

  it('offers rename candidates instead of a silent removed/added pair', () => {
    expect(order.fields.renamed.map(({ from, to, reason, severity }) => [from.path, to.path, reason, severity])).toEqual([
      ['postcode', 'postal_code', 'similar-name', 'risky'],
      ['priority', 'urgency', 'same-description', 'risky'],
      ['customerId', 'customer.id', 'moved', 'risky'],
    ]);
    const paths = [...order.fields.added, ...order.fields.removed].map((field) => field.path);
    expect(paths).not.toContain('postcode');
    expect(paths).not.toContain('postal_code');
    expect(paths).not.toContain('customerId');
  });
});

describe('summary', () => {
  it('counts every reported item once, at its severity', () => {
    expect(diff.summary).toEqual({ breaking: 20, risky: 10, info: 6, total: 36 });
  });
});
