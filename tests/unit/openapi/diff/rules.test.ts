// Severity rules and edge cases on small inline documents.
import { describe, expect, it } from 'vitest';
import { diffCatalogues } from '../../../../src/main/openapi/diff';
import { nameSimilarity } from '../../../../src/main/openapi/diff/renames';
import { catalogueWith, changedEntity, fieldChanges } from './diff-helpers';

const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, required });
const diffOfSchemas = (before: Record<string, unknown>, after: Record<string, unknown>, paths?: Record<string, unknown>) =>
  diffCatalogues(catalogueWith(before, paths), catalogueWith(after, paths));
const oneField = (before: unknown, after: unknown) => fieldChanges(changedEntity(diffOfSchemas({ A: object({ f: before }) }, { A: object({ f: after }) }), 'A'), 'f');

describe('aspect rules', () => {
  it('treats an enum that appears as a tightening and one that disappears as a loosening', () => {
    expect(oneField({ type: 'string' }, { type: 'string', enum: ['a', 'b'] }).enum).toEqual({
      aspect: 'enum', severity: 'breaking', after: ['a', 'b'], added: [], removed: [], direction: 'tightened',
    });
    expect(oneField({ type: 'string', enum: ['a'] }, { type: 'string' }).enum).toMatchObject({ severity: 'risky', before: ['a'], direction: 'loosened' });
    expect(oneField({ type: 'string', enum: ['a'] }, { type: 'string', enum: ['a', 'b'] }).enum).toMatchObject({ severity: 'risky', added: ['b'], removed: [] });
  });

  it('ignores enum order and compares object values structurally', () => {
    const before = { type: 'object', enum: [{ x: 1, y: 2 }, 'b'] };
    const after = { type: 'object', enum: ['b', { y: 2, x: 1 }] };
    expect(diffOfSchemas({ A: object({ f: before }) }, { A: object({ f: after }) }).summary.total).toBe(0);
  });

  it('classifies limits that appear, disappear or move', () => {
    expect(oneField({ type: 'string' }, { type: 'string', minLength: 2 }).minLength).toMatchObject({ severity: 'breaking', direction: 'tightened' });
    expect(oneField({ type: 'array', maxItems: 5 }, { type: 'array' }).maxItems).toMatchObject({ severity: 'risky', before: 5, direction: 'loosened' });
    expect(oneField({ type: 'number', maximum: 10 }, { type: 'number', maximum: 9 }).maximum).toMatchObject({ severity: 'breaking', direction: 'tightened' });
    expect(oneField({ type: 'string', pattern: '^a' }, { type: 'string', pattern: '^b' }).pattern).toMatchObject({ severity: 'risky', direction: 'changed' });
  });

  it('tells a null default from none, and records writeOnly and undeprecation', () => {
    expect(oneField({ type: 'string' }, { type: 'string', default: null }).default).toEqual({ aspect: 'default', severity: 'risky', after: null });
    expect(oneField({ type: 'string' }, { type: 'string', writeOnly: true }).writeOnly).toMatchObject({ severity: 'breaking' });
    expect(oneField({ type: 'string', deprecated: true }, { type: 'string' }).deprecated).toMatchObject({ severity: 'info' });
  });

  it('reports a change of an array element type', () => {
    expect(oneField({ type: 'array', items: { type: 'string' } }, { type: 'array', items: { type: 'integer' } }).itemType).toEqual({
      aspect: 'itemType', severity: 'breaking', before: 'string', after: 'integer',
    });
  });
});

describe('requiredness follows who writes the entity', () => {
  const paths = (schema: string, role: 'request' | 'response') => ({
    '/x': {
      post: {
        operationId: 'x',
        ...(role === 'request' ? { requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } } } : {}),
        responses: {
          '200': role === 'response' ? { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } } : { description: 'ok' },
        },
      },
    },
  });

  it('is breaking for an entity that is written or used both ways', () => {
    const diff = diffOfSchemas({ A: object({ a: { type: 'string' } }) }, { A: object({ a: { type: 'string' }, b: { type: 'string' } }, ['a', 'b']) }, paths('A', 'request'));
    const entity = changedEntity(diff, 'A');
    expect(entity.fields.added).toEqual([{ path: 'b', name: 'b', type: 'string', required: true, severity: 'breaking' }]);
    expect(fieldChanges(entity, 'a').required).toMatchObject({ severity: 'breaking' });
  });

  it('is info for a response-only entity, and becoming optional is info for a request-only one', () => {
    const response = changedEntity(
      diffOfSchemas({ A: object({ a: { type: 'string' } }) }, { A: object({ a: { type: 'string' }, b: { type: 'string' } }, ['a', 'b']) }, paths('A', 'response')),
      'A',
    );
    expect(response.fields.added[0]?.severity).toBe('info');
    expect(fieldChanges(response, 'a').required).toMatchObject({ severity: 'info' });
    const request = changedEntity(diffOfSchemas({ A: object({ a: { type: 'string' } }, ['a']) }, { A: object({ a: { type: 'string' } }) }, paths('A', 'request')), 'A');
    expect(fieldChanges(request, 'a').required).toMatchObject({ severity: 'info', before: true, after: false });
  });

  it('is info for a read-only field', () => {
    const diff = diffOfSchemas({ A: object({}) }, { A: object({ id: { type: 'string', readOnly: true } }, ['id']) });
    expect(changedEntity(diff, 'A').fields.added[0]).toMatchObject({ path: 'id', required: true, severity: 'info' });
  });
});

describe('renames', () => {
  it('scores names alike across naming styles', () => {
    expect(nameSimilarity('postalCode', 'postal_code')).toBe(1);
    expect(nameSimilarity('postcode', 'postal_code')).toBeGreaterThanOrEqual(0.7);
    expect(nameSimilarity('zip', 'zipCode')).toBeGreaterThanOrEqual(0.7);
    expect(nameSimilarity('status', 'state')).toBeLessThan(0.7);
    expect(nameSimilarity('amount', 'total')).toBeLessThan(0.7);
  });

  it('needs the same type: otherwise the fields stay removed and added', () => {
    const entity = changedEntity(diffOfSchemas({ A: object({ postcode: { type: 'string' } }) }, { A: object({ postal_code: { type: 'integer' } }) }), 'A');
    expect(entity.fields.renamed).toEqual([]);
    expect(entity.fields.removed.map((field) => field.path)).toEqual(['postcode']);
    expect(entity.fields.added.map((field) => field.path)).toEqual(['postal_code']);
  });

  it('needs the same parent for a similar name', () => {
    const before = { A: object({ a: object({ postcode: { type: 'string' } }), b: object({}) }) };
    const after = { A: object({ a: object({}), b: object({ postal_code: { type: 'string' } }) }) };
    expect(changedEntity(diffOfSchemas(before, after), 'A').fields.renamed).toEqual([]);
  });

  it('pairs each field once, the closest name first', () => {
    const entity = changedEntity(
      diffOfSchemas({ A: object({ postcode: { type: 'string' } }) }, { A: object({ postcodes: { type: 'string' }, postCode: { type: 'string' } }) }),
      'A',
    );
    expect(entity.fields.renamed.map(({ from, to }) => [from.path, to.path])).toEqual([['postcode', 'postCode']]);
    expect(entity.fields.added.map((field) => field.path)).toEqual(['postcodes']);
  });
});

describe('edge cases', () => {
  it('finds nothing between a catalogue and itself', () => {
    const schemas = { A: object({ a: { type: 'string', enum: ['x'] }, b: object({ c: { type: 'integer' } }) }) };
    expect(diffOfSchemas(schemas, schemas)).toEqual({
      summary: { breaking: 0, risky: 0, info: 0, total: 0 },
      entities: { added: [], removed: [], changed: [] },
      operations: { added: [], removed: [], changed: [] },
      securitySchemes: { added: [], removed: [], changed: [] },
      servers: { added: [], removed: [], changed: [] },
    });
  });

  it('does not call fields removed when the new side only stopped listing them (a cycle)', () => {
    const before = { Node: object({ name: { type: 'string' }, child: object({ name: { type: 'string' } }) }) };
    const after = { Node: object({ name: { type: 'string' }, child: { $ref: '#/components/schemas/Node' } }) };
    const node = changedEntity(diffOfSchemas(before, after), 'Node');
    expect(node.fields.removed).toEqual([]);
    expect(node.fields.changed.map((field) => field.path)).toEqual(['child']);
  });

  it('does not call fields removed when their parent became a union, whose variants are reported instead', () => {
    const before = { A: object({ details: object({ path: { type: 'string' } }) }), X: object({ path: { type: 'string' } }), Y: object({ url: { type: 'string' } }) };
    const after = { ...before, A: object({ details: { oneOf: [{ $ref: '#/components/schemas/X' }, { $ref: '#/components/schemas/Y' }] } }) };
    const entity = changedEntity(diffOfSchemas(before, after), 'A');
    expect(entity.fields.removed).toEqual([]);
    expect(fieldChanges(entity, 'details').variants).toEqual({ aspect: 'variants', severity: 'risky', added: ['X', 'Y'], removed: [] });
  });

  it('reports a root that became an array, and orders entities by name whatever the document order', () => {
    const diff = diffOfSchemas(
      { b: { type: 'object' }, A: object({}), C: object({}) },
      { C: object({}), A: object({}), b: { type: 'array', items: { type: 'string' } }, Z: object({}), D: object({}) },
    );
    expect(changedEntity(diff, 'b').root.map((change) => change.aspect)).toEqual(['type', 'itemType']);
    expect(diff.entities.added.map((entity) => entity.name)).toEqual(['D', 'Z']);
  });
});
