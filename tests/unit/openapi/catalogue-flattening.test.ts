// Flattening the shapes analysts met in real documents (issue 11, items 14–17, 19, 20): unions, maps,
// arrays of arrays, enum values given through $ref, and where a self-reference is cut.
import { describe, expect, it } from 'vitest';
import { catalogueOf, entity, field, fixture, paths } from './catalogue-helpers';

const load = () => catalogueOf(fixture('flattening.openapi31.yaml'));

describe('unions', () => {
  it('a top-level oneOf with a discriminator lists the common fields and each variant\'s own, marked (item 14)', async () => {
    const event = entity(await load(), 'Event');
    expect(event.shape.variants).toEqual(['Created', 'Deleted']);
    expect(event.fields.map((one) => [one.path, one.required, one.variant])).toEqual([
      ['kind', true, undefined],
      ['id', true, undefined],
      ['createdAt', false, 'Created'],
      ['reason', false, 'Deleted'],
    ]);
    expect(field(event, 'createdAt').format).toBe('date-time');
  });

  it('a property that is a oneOf of two schemas lists both members\' fields under it (item 15)', async () => {
    const holder = entity(await load(), 'Holder');
    expect(field(holder, 'payment')).toMatchObject({ type: 'object', variants: ['object', 'Card'], leaf: false });
    expect(holder.fields.filter((one) => one.parent === 'payment').map((one) => [one.path, one.variant])).toEqual([
      ['payment.iban', 'object'],
      ['payment.number', 'Card'],
    ]);
  });
});

describe('maps (item 16)', () => {
  it("lists a map's value fields under {key}, a scalar map's value as {key}, and marks a free-form map", async () => {
    const holder = entity(await load(), 'Holder');
    expect(paths(holder).filter((path) => /^(metadata|labels|extra)/.test(path))).toEqual([
      'metadata',
      'metadata.{key}',
      'metadata.{key}.value',
      'metadata.{key}.count',
      'labels',
      'labels.{key}',
      'extra',
    ]);
    expect(field(holder, 'metadata.{key}.count')).toMatchObject({ type: 'integer', parent: 'metadata.{key}', depth: 2 });
    expect(field(holder, 'labels.{key}')).toMatchObject({ type: 'string', leaf: true });
    expect(field(holder, 'extra')).toMatchObject({ type: 'object', freeForm: true, leaf: true });
    expect(field(holder, 'metadata').freeForm).toBeUndefined();
  });
});

describe('arrays (item 17)', () => {
  it("keeps the element's format, and an array of arrays keeps its elements' enum", async () => {
    const holder = entity(await load(), 'Holder');
    expect(field(holder, 'photoUrls')).toMatchObject({ itemType: 'string', itemFormat: 'url' });
    expect(field(holder, 'grid')).toMatchObject({ itemType: 'string[]', itemEnum: ['a', 'b'] });
  });
});

describe('enum values given through $ref (item 19)', () => {
  it('shows the values the $refs point to, not the {$ref} objects', async () => {
    expect(field(entity(await load(), 'Holder'), 'status').enum).toEqual(['ONE']);
  });
});

describe('self-references (item 20)', () => {
  it('are cut at the same place in the schema itself and wherever it is used, saying where', async () => {
    const catalogue = await load();
    const node = entity(catalogue, 'Node');
    expect(node.fields.map((one) => [one.path, one.recursive, one.cycleOf])).toEqual([
      ['name', undefined, undefined],
      ['parent', true, ''],
      ['children', true, ''],
    ]);
    const holder = entity(catalogue, 'Holder');
    expect(holder.fields.filter((one) => one.path.startsWith('node')).map((one) => [one.path, one.recursive, one.cycleOf])).toEqual([
      ['node', undefined, undefined],
      ['node.name', undefined, undefined],
      ['node.parent', true, 'node'],
      ['node.children', true, 'node'],
    ]);
  });
});
