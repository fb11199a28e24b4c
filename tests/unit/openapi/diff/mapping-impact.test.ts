import { beforeAll, describe, expect, it } from 'vitest';
import { diffCatalogues, mappingImpact } from '../../../../src/main/openapi/diff';
import type { CatalogueDiff, MappingReference } from '../../../../src/shared/catalogue-diff';
import { catalogueWith, diffOf } from './diff-helpers';

let diff: CatalogueDiff;

beforeAll(async () => {
  diff = await diffOf('orders-v1.openapi.yaml', 'orders-v2.openapi.yaml');
});

const source = (id: number, path: string, extra: Partial<MappingReference> = {}): MappingReference => ({ id, entity: 'Order', path, side: 'source', ...extra });
const target = (id: number, path: string, extra: Partial<MappingReference> = {}): MappingReference => ({ id, entity: 'Order', path, side: 'target', ...extra });
const impactOf = (reference: MappingReference) => mappingImpact(diff, [reference])[0];

describe('mappingImpact', () => {
  it('breaks the children of a removed object, and a removed field itself', () => {
    expect(impactOf(source(1, 'shipping.city'))).toEqual({
      reference: source(1, 'shipping.city'),
      status: 'broken',
      reasons: [{ code: 'parent-removed', status: 'broken', message: 'The field shipping.city was removed with its parent shipping.' }],
    });
    expect(impactOf(target(2, 'lines[].sku'))).toMatchObject({ status: 'broken', reasons: [{ code: 'field-removed' }] });
  });

  it('suggests the new path of a rename candidate, without applying it', () => {
    expect(impactOf(source(3, 'postcode'))).toMatchObject({ status: 'broken', suggestedPath: 'postal_code', reasons: [{ code: 'renamed' }] });
    expect(impactOf(target(4, 'customerId'))).toMatchObject({ suggestedPath: 'customer.id' });
  });

  it('breaks a mapping whose field changed type, and one on a removed entity', () => {
    expect(impactOf(source(5, 'id'))).toMatchObject({ status: 'broken', reasons: [{ code: 'type', status: 'broken' }] });
    expect(impactOf(source(6, 'lines[].amount'))).toMatchObject({ status: 'broken' });
    expect(mappingImpact(diff, [{ id: 7, entity: 'Legacy', path: 'code', side: 'source' }])).toEqual([
      {
        reference: { id: 7, entity: 'Legacy', path: 'code', side: 'source' },
        status: 'broken',
        reasons: [{ code: 'entity-removed', status: 'broken', message: 'The entity Legacy was removed from the API.' }],
      },
    ]);
  });

  it('weighs an enum change against the values the value map uses', () => {
    // Order.status: "cancelled" removed, "refunded" added.
    expect(impactOf(target(8, 'status', { values: ['open', 'cancelled'] }))).toMatchObject({
      status: 'broken',
      reasons: [{ code: 'enum', message: 'The field status: enum values removed: "cancelled"; enum values added: "refunded"; the value map produces "cancelled", no longer accepted.' }],
    });
    expect(impactOf(target(9, 'status', { values: ['open', 'paid'] }))).toBeUndefined();
    expect(impactOf(source(10, 'status', { values: ['open', 'paid', 'cancelled'] }))?.reasons[0]?.message).toMatch(
      /"cancelled", which can no longer arrive, and the value map does not cover "refunded"\.$/,
    );
    expect(impactOf(source(11, 'status', { values: ['open', 'paid', 'cancelled', 'refunded'] }))).toMatchObject({
      status: 'at-risk',
      reasons: [{ message: expect.stringContaining('"cancelled", which can no longer arrive') }],
    });
    expect(impactOf(target(12, 'status'))).toMatchObject({ status: 'at-risk' });
  });

  it('judges each change from the side the mapping uses the field on', () => {
    expect(impactOf(target(13, 'createdAt'))).toMatchObject({ status: 'broken', reasons: [{ code: 'readOnly' }] });
    expect(impactOf(source(14, 'createdAt'))).toBeUndefined();
    expect(impactOf(target(15, 'reference'))).toMatchObject({ status: 'at-risk', reasons: [{ code: 'maxLength' }] });
    expect(impactOf(source(16, 'reference'))).toBeUndefined();
    expect(impactOf(source(17, 'comment'))).toMatchObject({ status: 'at-risk', reasons: [{ code: 'maxLength' }] });
    expect(impactOf(source(18, 'discount'))).toMatchObject({ status: 'at-risk', reasons: [{ code: 'nullable' }] });
    expect(impactOf(target(19, 'discount'))).toBeUndefined();
    expect(impactOf(source(20, 'note'))).toMatchObject({ status: 'at-risk', reasons: [{ code: 'required' }] });
    expect(impactOf(target(21, 'legacyCode'))).toMatchObject({ status: 'at-risk', reasons: [{ code: 'deprecated' }] });
  });

  it('leaves untouched references out, keeps the input order and passes rows back as given', () => {
    type Row = MappingReference & { flow: string };
    const rows: Row[] = [
      { id: 'b', entity: 'Order', path: 'id', side: 'target', flow: 'f1' },
      { id: 'a', entity: 'Order', path: 'channel', side: 'source', flow: 'f1' },
      { id: 'c', entity: 'Customer', path: 'name', side: 'source', flow: 'f2' },
      { id: 'd', entity: 'schema:Order', path: 'shipping', side: 'source', flow: 'f2' },
    ];
    const impacts = mappingImpact(diff, rows);
    expect(impacts.map((impact) => [impact.reference.id, impact.status])).toEqual([
      ['b', 'broken'],
      ['d', 'broken'],
    ]);
    expect(impacts[0]!.reference.flow).toBe('f1');
  });

  it('puts children at risk when their parent became a union, and breaks them when it changed type', () => {
    const object = (properties: Record<string, unknown>) => ({ type: 'object', properties });
    const schemas = { X: object({ path: { type: 'string' } }), Y: object({ url: { type: 'string' } }) };
    const changed = diffCatalogues(
      catalogueWith({ ...schemas, A: object({ details: object({ path: { type: 'string' } }), tags: { type: 'array', items: object({ name: { type: 'string' } }) } }) }),
      catalogueWith({ ...schemas, A: object({ details: { oneOf: [{ $ref: '#/components/schemas/X' }, { $ref: '#/components/schemas/Y' }] }, tags: { type: 'array', items: { type: 'string' } } }) }),
    );
    const [details, tags] = mappingImpact(changed, [
      { id: 1, entity: 'A', path: 'details.path', side: 'source' },
      { id: 2, entity: 'A', path: 'tags[].name', side: 'source' },
    ]);
    expect(details).toMatchObject({ status: 'at-risk', reasons: [{ code: 'variants', message: expect.stringMatching(/^The field details\.path is under details, whose variants added: "X", "Y"; check the path\.$/) }] });
    expect(tags).toMatchObject({ status: 'broken' });
  });

  it('follows a renamed object to the child path when the new object has it', () => {
    const object = (properties: Record<string, unknown>) => ({ type: 'object', properties });
    const renamed = diffCatalogues(
      catalogueWith({ A: object({ address: object({ city: { type: 'string' }, zip: { type: 'string' } }) }) }),
      catalogueWith({ A: object({ postalAddress: object({ city: { type: 'string' } }) }) }),
    );
    const [city, zip] = mappingImpact(renamed, [
      { id: 1, entity: 'A', path: 'address.city', side: 'source' },
      { id: 2, entity: 'A', path: 'address.zip', side: 'source' },
    ]);
    expect(city).toMatchObject({ status: 'broken', suggestedPath: 'postalAddress.city' });
    expect(zip).toMatchObject({ status: 'broken', reasons: [{ code: 'parent-removed' }] });
    expect(zip).not.toHaveProperty('suggestedPath');
  });
});
