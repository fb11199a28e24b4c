// References held in lists of links to related records and lookup ids from codes (issue 15, round h15-rel): each rule alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { namingViews } from '../../../src/main/mapping/suggest/naming-views';
import { entity, field } from '../../helpers/catalogue-fields';
import { openNewSession } from '../../helpers/handlers';
import { present, withStatus } from '../../helpers/narrow';
import { tempDir } from '../../helpers/temp';

const top = (result: ReturnType<typeof suggestMappings>, target: string) => result.find((entry) => entry.target === target)?.candidates ?? [];

describe('relation lists', () => {
  const opportunity = entity('Opportunity', [
    field('id'),
    field('name'),
    field('relation.contact[].entity.id'),
    field('relation.contact[].type'),
    field('relation.lead[].entity.id'),
    field('relation.opportunity[].entity.id'),
    field('related_products[].id'),
  ]);
  it('read as the linked record’s id: under a links container, through an element wrapper, or named as related', () => {
    const views = namingViews(opportunity);
    expect(views.get('relation.contact[].entity.id')).toEqual({ path: 'contact[].id', parent: 'contact', linkList: 'relation.contact[]' });
    expect(views.get('related_products[].id')).toEqual({ path: 'products[].id', parent: 'products', linkList: 'related_products[]' });
    // Only the identifier: the link's type stays where it is.
    expect(views.has('relation.contact[].type')).toBe(false);
  });
  it('fill a reference to one such record (the first link, said so) and a list of them; and back', () => {
    const deal = entity('Deal', [field('id'), field('title'), field('contact_id'), field('primary_contact_id'), field('contact_ids', { type: 'array', itemType: 'string' }), field('lead_id'), field('product_id')]);
    const result = suggestMappings(opportunity, deal);
    expect(top(result, 'contact_id')[0]?.source).toBe('relation.contact[].entity.id');
    expect(top(result, 'contact_id')[0]?.reasons).toContain('first of a list: the id of the first element of relation.contact[]');
    // The name's reason names the link by its path, not as a bare `id`.
    expect(top(result, 'contact_id')[0]?.reasons[0]).toMatch(/^name: relation\.contact\[\]\.entity\.id /);
    expect(top(result, 'primary_contact_id')[0]?.source).toBe('relation.contact[].entity.id');
    expect(top(result, 'contact_ids')[0]?.source).toBe('relation.contact[].entity.id');
    expect(top(result, 'lead_id')[0]?.source).toBe('relation.lead[].entity.id');
    expect(top(result, 'product_id')[0]?.source).toBe('related_products[].id');
    // A link to another opportunity is not the record's own id.
    expect(top(result, 'id').map((candidate) => candidate.source)).toEqual(['id']);
    const back = suggestMappings(deal, opportunity);
    expect(top(back, 'relation.lead[].entity.id')[0]?.source).toBe('lead_id');
    expect(top(back, 'relation.lead[].entity.id')[0]?.reasons).toContain('a list of one: this id as the one element of relation.lead[]');
  });
  it('not a reference whose head names another record, nor an element of a list of other records', () => {
    const invoice = entity('Invoice', [field('contact_template_id'), field('cards[].id'), field('cards[].contact_id'), field('number')]);
    const result = suggestMappings(opportunity, invoice);
    expect(top(result, 'contact_template_id')).toEqual([]);
    expect(top(result, 'cards[].contact_id')).toEqual([]);
  });
});

describe('plural identifiers', () => {
  it('`ids` is a list of identifiers', () => {
    const result = suggestMappings(entity('Staff', [field('jobs[].location.id')]), entity('Member', [field('location_ids', { type: 'array', itemType: 'string' })]));
    expect(top(result, 'location_ids')[0]?.source).toBe('jobs[].location.id');
  });
});

describe('lookup ids from codes', () => {
  it('an id of a lookup table’s row is offered from a code or name of it, less sure, saying a lookup is needed; and back', () => {
    const site = entity('Location', [field('name'), field('country'), field('address.currency_code'), field('customer'), field('category')]);
    const company = entity('Company', [field('companyName'), field('countryID', { type: 'integer' }), field('currencyID', { type: 'integer' }), field('customerID', { type: 'integer' })]);
    const result = suggestMappings(site, company);
    expect(top(result, 'countryID')[0]?.source).toBe('country');
    expect(top(result, 'countryID')[0]?.reasons).toContain("a code, needs a lookup: country (a code or name) → its id in the target's table (a value map)");
    expect(top(result, 'countryID')[0]!.score).toBeLessThan(0.8);
    expect(top(result, 'currencyID')[0]?.source).toBe('address.currency_code');
    // A record's reference is no lookup table's: a customer's name does not give its id.
    expect(top(result, 'customerID').flatMap((candidate) => candidate.reasons).some((reason) => reason.includes('needs a lookup'))).toBe(false);
    const back = suggestMappings(company, site);
    expect(top(back, 'country')[0]?.reasons).toContain("an id, needs a lookup: countryID (an id in the source's table) → its code or name (a value map)");
  });

  it('becomes a lookup row whose transformation says so', async () => {
    const folder = tempDir();
    const document = (title: string, name: string, properties: Record<string, unknown>) => {
      const file = path.join(folder, `${title}.json`);
      fs.writeFileSync(file, JSON.stringify({ openapi: '3.0.3', info: { title, version: '1' }, paths: {}, components: { schemas: { [name]: { type: 'object', properties } } } }));
      return file;
    };
    const { session, call } = openNewSession('Lookup ids');
    withStatus(await call('systems.import', { name: 'Sites', source: { kind: 'file', path: document('Sites', 'Site', { name: { type: 'string' }, country: { type: 'string', description: 'ISO 3166 country code' } }) } }), 'imported');
    withStatus(await call('systems.import', { name: 'Crm', source: { kind: 'file', path: document('Crm', 'Company', { companyName: { type: 'string' }, countryID: { type: 'integer' } }) } }), 'imported');
    const flow = await call('flows.create', { source: { system: 'Sites', entity: 'Site' }, target: { system: 'Crm', entity: 'Company' } });
    const sheet = await call('mapping.sheet', { flowId: flow.id });
    expect(present(sheet.rows.find((row) => row.targetPath === 'countryID'), 'countryID row')).toMatchObject({
      sourcePaths: ['country'],
      mappingType: 'lookup',
      status: 'suggested',
      transformation: "a code, needs a lookup: country (a code or name) → its id in the target's table (a value map)",
    });
    // Until its value map lists the codes, the row says the codes would pass through as they are.
    expect((await call('mapping.checks', { flowId: flow.id })).checks.filter((check) => check.targetPath === 'countryID').map((check) => check.kind)).toEqual(['lookup_empty']);
    session.close();
  });
});
