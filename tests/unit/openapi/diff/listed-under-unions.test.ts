// Fields under a union or a map are listed now (issue 11 items 15, 16): a change there is a field change.
import { describe, expect, it } from 'vitest';
import { diffCatalogues } from '../../../../src/main/openapi/diff';
import { catalogueWith, changedEntity } from './diff-helpers';

const holder = (card: Record<string, unknown>, value: Record<string, unknown>) => ({
  Card: { type: 'object', properties: card },
  Holder: {
    type: 'object',
    properties: {
      payment: { oneOf: [{ type: 'object', properties: { iban: { type: 'string' } } }, { $ref: '#/components/schemas/Card' }] },
      metadata: { type: 'object', additionalProperties: { type: 'object', properties: value } },
    },
  },
});

describe('fields under unions and maps', () => {
  it("a union member's removed field and a map value's changed type are reported on the fields themselves", () => {
    const before = catalogueWith(holder({ number: { type: 'string' }, cvc: { type: 'string' } }, { count: { type: 'number' } }));
    const after = catalogueWith(holder({ number: { type: 'string' } }, { count: { type: 'integer' } }));
    const change = changedEntity(diffCatalogues(before, after), 'Holder');
    expect(change.fields.removed.map((field) => field.path)).toEqual(['payment.cvc']);
    expect(change.fields.changed.map((field) => [field.path, field.changes.map((one) => `${one.aspect}: ${String(one.before)} → ${String(one.after)}`)])).toEqual([
      ['metadata.{key}.count', ['type: number → integer']],
    ]);
  });
});
