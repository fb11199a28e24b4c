import { describe, expect, it } from 'vitest';
import { buildCatalogue, buildCatalogueOutline } from '../../../src/main/openapi/catalogue';
import { fixture, parseDocument } from './catalogue-helpers';

describe('the catalogue outline', () => {
  it.each([
    'resources/demo/crm.openapi.yaml',
    'resources/demo/accounting.swagger.json',
    fixture('stripe-like.openapi.json'),
    fixture('cyclic.openapi.yaml'),
    fixture('alias-bomb.openapi.yaml'),
    fixture('deep-nesting.openapi.json'),
  ])('lists the same entities as the full catalogue and gives each one the same fields on demand (%s)', async (file) => {
    const full = buildCatalogue(await parseDocument(file));
    const outline = buildCatalogueOutline(await parseDocument(file));

    expect(full.entities.length).toBeGreaterThan(0);
    expect(outline.catalogue.entities.map((entity) => entity.id)).toEqual(full.entities.map((entity) => entity.id));
    expect(outline.catalogue.operations).toEqual(full.operations);
    expect(outline.catalogue.servers).toEqual(full.servers);
    expect(outline.catalogue.securitySchemes).toEqual(full.securitySchemes);
    for (const [index, entity] of outline.catalogue.entities.entries()) {
      expect(entity.fields).toEqual([]);
      expect(entity.fieldsDeferred).toBe(true);
      expect(entity.shape).toEqual(full.entities[index]!.shape);
      expect(outline.entity(entity.id)).toEqual(full.entities[index]);
    }
  });

  it('answers undefined for an entity it does not have', async () => {
    const outline = buildCatalogueOutline(await parseDocument('resources/demo/crm.openapi.yaml'));
    expect(outline.entity('schema:Nope')).toBeUndefined();
  });
});
