// How schemas become field paths: unions and nullable wrappers, allOf, nullability in every
// version, cycles, depth and field caps.
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../src/main/openapi/catalogue';
import { catalogueOf, entity, field, fixture, operation, paths, treeProblems } from './catalogue-helpers';

describe('Stripe-like document (OpenAPI 3.0)', () => {
  it('goes through a nullable single-member anyOf wrapper', async () => {
    const catalogue = await catalogueOf(fixture('stripe-like.openapi.json'));
    const customer = entity(catalogue, 'customer');
    expect(field(customer, 'address')).toMatchObject({ type: 'object', ref: 'address', nullable: true, leaf: false, description: "The customer's address." });
    expect(field(customer, 'address.city')).toMatchObject({ type: 'string', nullable: true, maxLength: 5000, parent: 'address', depth: 1 });
    expect(field(customer, 'shipping.address.postal_code').depth).toBe(2);
    expect(field(entity(catalogue, 'charge'), 'billing_details.address.line1').parent).toBe('billing_details.address');
    expect(treeProblems(customer)).toEqual([]);
  });

  it('keeps an expandable union as one field listing its variants', async () => {
    const catalogue = await catalogueOf(fixture('stripe-like.openapi.json'));
    const charge = entity(catalogue, 'charge');
    expect(field(charge, 'customer')).toMatchObject({
      type: 'string | object',
      variants: ['string', 'customer', 'deleted_customer'],
      nullable: true,
      expandable: true,
      leaf: true,
      description: 'ID of the customer this charge is for if one exists.',
    });
    expect(paths(charge).filter((path) => path.startsWith('customer.'))).toEqual([]);
    expect(field(entity(catalogue, 'customer'), 'default_source')).toMatchObject({ variants: ['string', 'bank_account', 'card'], leaf: true });
  });

  it("lists a map's values under {key} and an array of a union's members' fields, each marked with its variant", async () => {
    const catalogue = await catalogueOf(fixture('stripe-like.openapi.json'));
    const customer = entity(catalogue, 'customer');
    expect(field(customer, 'metadata')).toMatchObject({ type: 'object', mapValueType: 'string', leaf: false });
    expect(field(customer, 'metadata.{key}')).toMatchObject({ type: 'string', parent: 'metadata', leaf: true });
    expect(field(customer, 'sources.data')).toMatchObject({ type: 'array', itemType: 'object', leaf: false });
    expect(field(customer, 'sources.data').itemRef).toBeUndefined();
    expect(customer.fields.filter((one) => one.path.startsWith('sources.data[')).map((one) => [one.path, one.variant])).toEqual([
      ['sources.data[].id', undefined],
      ['sources.data[].last4', 'bank_account'],
      ['sources.data[].brand', 'card'],
    ]);
    expect(field(customer, 'object')).toMatchObject({ enum: ['customer'], required: true });
  });

  it('makes inline request and list bodies entities, named after the operation', async () => {
    const catalogue = await catalogueOf(fixture('stripe-like.openapi.json'));
    const request = entity(catalogue, 'PostCharges request', 'body');
    expect(paths(request)).toEqual(['amount', 'currency', 'customer', 'metadata', 'shipping', 'shipping.address', 'shipping.address.city', 'shipping.address.line1', 'shipping.name']);
    expect(field(request, 'metadata')).toMatchObject({ type: 'object | string', variants: ['object', 'string'] });
    expect(field(request, 'shipping.address')).toMatchObject({ required: true, leaf: false });
    expect(operation(catalogue, 'PostCharges').request).toMatchObject({ mediaType: 'application/x-www-form-urlencoded', entity: 'body:PostCharges request', required: false });

    const list = entity(catalogue, 'GetCharges 200 response', 'body');
    expect(field(list, 'data')).toMatchObject({ itemRef: 'charge', required: true });
    expect(field(list, 'data[].billing_details.address.city').depth).toBe(3);
    // The list wrapper is the entity the operation returns; charge itself is not used by it.
    expect(entity(catalogue, 'charge').usedBy.map((use) => use.operation)).toEqual(['POST /v1/charges']);
    expect(list.usedBy).toEqual([{ operation: 'GET /v1/charges', role: 'response', status: '200', mediaType: 'application/json', array: false }]);
  });

  it('gives a union response no entity, only its type', async () => {
    const catalogue = await catalogueOf(fixture('stripe-like.openapi.json'));
    const [ok] = operation(catalogue, 'GetCustomersCustomer').responses;
    expect(ok).toEqual({ status: '200', description: 'Successful response.', mediaType: 'application/json', type: 'object', array: false });
    expect(operation(catalogue, 'GetCharges').parameters[1]).toMatchObject({ name: 'expand', type: 'array', itemType: 'string' });
  });
});

describe('allOf', () => {
  it('merges properties and required lists of every member (OpenAPI 3.0)', async () => {
    const catalogue = await catalogueOf(fixture('allof.openapi.yaml'));
    const dog = entity(catalogue, 'Dog');
    expect(dog.shape).toMatchObject({ type: 'object', description: 'A dog.' });
    expect(paths(dog)).toEqual(['id', 'name', 'bark', 'breed']);
    expect(dog.fields.filter((candidate) => candidate.required).map((candidate) => candidate.path)).toEqual(['name', 'bark']);
    expect(field(dog, 'id')).toMatchObject({ type: 'integer', format: 'int64', readOnly: true });

    const puppy = entity(catalogue, 'Puppy');
    expect(paths(puppy)).toEqual(['id', 'name', 'bark', 'breed', 'ageWeeks', 'owner', 'owner.fullName', 'owner.address', 'owner.address.city', 'owner.address.zip']);
    expect(field(puppy, 'ageWeeks')).toMatchObject({ exclusiveMinimum: 0 });
    expect(field(puppy, 'ageWeeks').minimum).toBeUndefined();
    expect(field(puppy, 'owner')).toMatchObject({ ref: 'Person', nullable: true, description: 'Who looks after the puppy.' });
    expect(field(puppy, 'owner.fullName').required).toBe(true);
    expect(field(puppy, 'owner.address.city').required).toBe(true);
    expect(field(puppy, 'owner.address.zip')).toMatchObject({ required: false, pattern: '^[0-9]{5}$' });
    expect(treeProblems(puppy)).toEqual([]);

    const kitten = entity(catalogue, 'Kitten');
    expect(kitten.fields.map((candidate) => [candidate.path, candidate.required])).toEqual([
      ['id', false],
      ['name', true],
      ['whiskers', true],
    ]);

    // A single-member allOf around a $ref is that schema.
    expect(operation(catalogue, 'createDog').responses[0]).toMatchObject({ entity: 'schema:Dog', array: false });
    expect(dog.usedBy.map((use) => `${use.role} ${use.status ?? ''}`.trim())).toEqual(['request', 'response 201']);
  });

  it('merges allOf in Swagger 2.0 definitions', async () => {
    const catalogue = await catalogueOf(fixture('allof.swagger.json'));
    const supplier = entity(catalogue, 'Supplier');
    expect(paths(supplier)).toEqual(['id', 'createdAt', 'name', 'remitTo', 'remitTo.city', 'remitTo.country', 'rating']);
    expect(field(supplier, 'id')).toMatchObject({ required: true, readOnly: true });
    expect(field(supplier, 'name')).toMatchObject({ required: true, maxLength: 100 });
    expect(field(supplier, 'remitTo')).toMatchObject({ ref: 'Location', nullable: true, description: 'Where payments go.' });
    expect(field(supplier, 'remitTo.country')).toMatchObject({ minLength: 2, maxLength: 2 });
  });
});

describe('nullability', () => {
  it('reads OpenAPI 3.0 nullable, on scalars and on wrapped references', async () => {
    const contact = entity(await catalogueOf(fixture('nullable.openapi30.yaml')), 'Contact');
    const nullable = Object.fromEntries(contact.fields.map((candidate) => [candidate.path, candidate.nullable]));
    expect(nullable).toEqual({
      email: false,
      phone: true,
      birthday: true,
      manager: true,
      'manager.displayName': false,
      assistant: true,
      'assistant.displayName': false,
      mentor: true,
      'mentor.displayName': false,
    });
    expect(field(contact, 'assistant')).toMatchObject({ ref: 'Person', type: 'object' });
    expect(field(contact, 'assistant').variants).toBeUndefined();
  });

  it('reads OpenAPI 3.1 type arrays and null members', async () => {
    const contact = entity(await catalogueOf(fixture('nullable.openapi31.yaml')), 'Contact');
    expect(field(contact, 'phone')).toMatchObject({ type: 'string', nullable: true });
    expect(field(contact, 'score')).toMatchObject({ type: 'integer', nullable: true, example: 42 });
    expect(field(contact, 'idOrCode')).toMatchObject({ type: 'string | integer', nullable: false });
    expect(field(contact, 'manager')).toMatchObject({ ref: 'Person', nullable: true });
    expect(field(contact, 'manager.displayName').type).toBe('string');
    expect(field(contact, 'pet.displayName').parent).toBe('pet');
    expect(field(contact, 'channel')).toMatchObject({ type: 'string | integer', variants: ['string', 'integer'], nullable: true, leaf: true });
    expect(field(contact, 'email').nullable).toBe(false);
  });

  it('reads Swagger x-nullable, also beside a $ref', async () => {
    const contact = entity(await catalogueOf(fixture('nullable.swagger.json')), 'Contact');
    expect(field(contact, 'phone').nullable).toBe(true);
    expect(field(contact, 'email').nullable).toBe(false);
    expect(field(contact, 'manager')).toMatchObject({ ref: 'Person', nullable: true });
    expect(field(contact, 'manager.displayName').nullable).toBe(false);
    expect(field(contact, 'tags')).toMatchObject({ type: 'array', itemType: 'string', itemEnum: ['vip', 'new'], leaf: true });
    expect(paths(contact)).not.toContain('tags[]');
  });
});

describe('cycles', () => {
  it('does not expand a schema again inside itself', async () => {
    const catalogue = await catalogueOf(fixture('cyclic.openapi.yaml'));
    const category = entity(catalogue, 'Category');
    expect(category.fields).toEqual([
      expect.objectContaining({ path: 'id', required: true, leaf: true }),
      expect.objectContaining({ path: 'name', leaf: true }),
      expect.objectContaining({ path: 'parent', type: 'object', ref: 'Category', recursive: true, leaf: true }),
      expect.objectContaining({ path: 'children', type: 'array', itemRef: 'Category', recursive: true, leaf: true }),
    ]);
    expect(field(category, 'id').recursive).toBeUndefined();
    expect(operation(catalogue, 'listCategories').responses[0]).toMatchObject({ entity: 'schema:Category', array: true, type: 'array' });
    expect(category.usedBy).toEqual([{ operation: 'GET /categories', role: 'response', status: '200', mediaType: 'application/json', array: true }]);
  });

  it('stops mutual recursion A → B → A, and cycles through allOf', async () => {
    const catalogue = await catalogueOf(fixture('cyclic.openapi.yaml'));
    expect(paths(entity(catalogue, 'A'))).toEqual(['name', 'b', 'b.label', 'b.a']);
    expect(field(entity(catalogue, 'A'), 'b.a')).toMatchObject({ ref: 'A', recursive: true, leaf: true });
    expect(field(entity(catalogue, 'A'), 'b')).toMatchObject({ ref: 'B', leaf: false });
    expect(field(entity(catalogue, 'A'), 'b').recursive).toBeUndefined();
    expect(paths(entity(catalogue, 'B'))).toEqual(['label', 'a', 'a.name', 'a.b']);
    expect(field(entity(catalogue, 'Node'), 'next')).toMatchObject({ ref: 'Node', nullable: true, recursive: true });
    expect(paths(entity(catalogue, 'Node'))).toEqual(['value', 'next']);
  });
});

describe('caps', () => {
  it('cuts 50 levels of nesting at the depth cap, marking where', async () => {
    const started = performance.now();
    const catalogue = await catalogueOf(fixture('deep-nesting.openapi.json'));
    expect(performance.now() - started).toBeLessThan(2_000);
    const deep = entity(catalogue, 'Deep');
    expect(deep.depthCapReached).toBe(true);
    expect(Math.max(...deep.fields.map((candidate) => candidate.depth))).toBe(9);
    const cut = deep.fields.filter((candidate) => candidate.truncated);
    expect(cut.map((candidate) => candidate.path)).toEqual([Array.from({ length: 10 }, (_, index) => `level${index + 1}`).join('.')]);
    expect(cut[0]).toMatchObject({ leaf: true, type: 'object', depth: 9 });
    expect(treeProblems(deep)).toEqual([]);

    const chain = entity(catalogue, 'Chain01');
    expect(chain.depthCapReached).toBe(true);
    expect(field(chain, `${'next.'.repeat(9)}value`).depth).toBe(9);
    expect(field(chain, `${'next.'.repeat(9)}next`)).toMatchObject({ ref: 'Chain11', depth: 9, truncated: true, leaf: true });
    expect(chain.fields.filter((candidate) => candidate.truncated)).toHaveLength(1);
    expect(entity(catalogue, 'Chain45').depthCapReached).toBeUndefined();
  });

  it('lists all 50 levels when the depth cap allows', async () => {
    const catalogue = await catalogueOf(fixture('deep-nesting.openapi.json'), { maxDepth: 60 });
    const deep = entity(catalogue, 'Deep');
    expect(deep.depthCapReached).toBeUndefined();
    expect(deep.fields).toHaveLength(100);
    expect(field(deep, `${Array.from({ length: 50 }, (_, index) => `level${index + 1}`).join('.')}.value`).depth).toBe(50);
    expect(catalogue.limits).toEqual({ maxDepth: 60, maxFieldsPerEntity: 5_000 });
  });

  it('stops an alias bomb (10^9 paths from 70 lines of YAML) at the field cap, quickly', async () => {
    const started = performance.now();
    const catalogue = await catalogueOf(fixture('alias-bomb.openapi.yaml'));
    expect(performance.now() - started).toBeLessThan(3_000);
    for (const name of ['Bomb', 'Wide']) {
      const bomb = entity(catalogue, name);
      expect(bomb.fields).toHaveLength(5_000);
      expect(bomb.fieldCapReached).toBe(true);
      expect(bomb.fields[0]).toMatchObject({ path: 'a', leaf: false });
      expect(bomb.fields[8]).toMatchObject({ path: 'a.a.a.a.a.a.a.a.a', type: 'string', depth: 8 });
      expect(treeProblems(bomb)).toEqual([]);
    }
    expect(entity(catalogue, 'detonate request', 'body').fieldCapReached).toBe(true);
  });

  it('takes time linear in the field cap on an alias bomb', async () => {
    const small = await catalogueOf(fixture('alias-bomb.openapi.yaml'), { maxFieldsPerEntity: 100 });
    expect(entity(small, 'Bomb').fields).toHaveLength(100);
    const started = performance.now();
    const large = await catalogueOf(fixture('alias-bomb.openapi.yaml'), { maxFieldsPerEntity: 200_000 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(entity(large, 'Bomb').fields).toHaveLength(200_000);
  });
});

describe('the document and the result', () => {
  it('leaves the document untouched and returns plain, serialisable data', async () => {
    const { parseDocument } = await import('./catalogue-helpers');
    const document = await parseDocument(fixture('stripe-like.openapi.json'));
    const before = structuredClone(document);
    const catalogue = buildCatalogue(document);
    expect(document).toEqual(before);
    expect(JSON.parse(JSON.stringify(catalogue))).toEqual(catalogue);
    expect(structuredClone(catalogue)).toStrictEqual(JSON.parse(JSON.stringify(catalogue)));
  });

  it('reports refs it cannot resolve and keeps going', () => {
    const catalogue = buildCatalogue({
      openapi: '3.0.3',
      info: { title: 'Broken', version: '1' },
      paths: {},
      components: {
        schemas: {
          Order: {
            type: 'object',
            properties: {
              customer: { $ref: '#/components/schemas/Missing' },
              other: { $ref: 'other.yaml#/Thing' },
              id: { type: 'string' },
            },
          },
        },
      },
    });
    expect(entity(catalogue, 'Order').fields.map((candidate) => [candidate.path, candidate.type, candidate.ref])).toEqual([
      ['customer', 'unknown', 'Missing'],
      ['other', 'unknown', undefined],
      ['id', 'string', undefined],
    ]);
    expect(catalogue.warnings).toEqual(['Unresolvable $ref #/components/schemas/Missing', 'External $ref not bundled: other.yaml#/Thing']);
  });

  it('refuses what is not an OpenAPI document', () => {
    expect(() => buildCatalogue({ info: {} })).toThrow(TypeError);
    expect(() => buildCatalogue('openapi: 3.0.0')).toThrow(TypeError);
  });
});
