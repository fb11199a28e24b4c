import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogueEntity } from '../../../src/shared/catalogue';
import { SUGGESTION_THRESHOLD, suggestMappings } from '../../../src/main/mapping/suggest';
import { conceptOf, nameTerms, normalWords, splitWords, stem, termSimilarity } from '../../../src/main/mapping/suggest/tokens';
import { suggestValueMap } from '../../../src/main/mapping/suggest/value-map';
import { importApiDocument } from '../../../src/main/openapi/import';
import { entity, field } from '../../helpers/catalogue-fields';

const root = path.resolve(__dirname, '../../..');

const top = (result: ReturnType<typeof suggestMappings>, target: string) => result.find((entry) => entry.target === target)?.candidates ?? [];
const score = (result: ReturnType<typeof suggestMappings>, target: string, source: string) => top(result, target).find((c) => c.source === source)?.score ?? 0;

describe('tokenising', () => {
  it('splits every case style and digits', () => {
    expect(splitWords('addressLine1')).toEqual(['address', 'line', '1']);
    expect(splitWords('PostalCode')).toEqual(['postal', 'code']);
    expect(splitWords('postal_code')).toEqual(['postal', 'code']);
    expect(splitWords('postal-code')).toEqual(['postal', 'code']);
    expect(splitWords('HTTPStatusCode')).toEqual(['http', 'status', 'code']);
    expect(splitWords('street2')).toEqual(['street', '2']);
  });
  it('stems plurals and expands abbreviations', () => {
    expect(stem('lines')).toBe('line');
    expect(stem('categories')).toBe('category');
    expect(stem('address')).toBe('address');
    expect(stem('status')).toBe('status');
    expect(normalWords('custQty')).toEqual(['customer', 'quantity']);
    expect(normalWords('fname')).toEqual(['first', 'name']);
    expect(normalWords('invoice_no')).toEqual(['invoice', 'number']);
    expect(normalWords('dob')).toEqual(['date', 'of', 'birth']);
    expect(normalWords('acctRef')).toEqual(['account', 'reference']);
  });
  it('maps phrases to concepts of the synonym lexicon', () => {
    expect(conceptOf('zip')).toBe(conceptOf('postal code'));
    expect(conceptOf('postcode')).toBe(conceptOf('postal code'));
    expect(conceptOf('given name')).toBe(conceptOf('first name'));
    expect(conceptOf('surname')).toBe(conceptOf('last name'));
    expect(conceptOf('town')).toBe(conceptOf('city'));
    expect(conceptOf('province')).toBe(conceptOf('region'));
    expect(conceptOf('vat')).toBe(conceptOf('tax'));
    expect(conceptOf('deadline')).toBe(conceptOf('due date'));
    expect(conceptOf('labels')).toBe(conceptOf('tags'));
    expect(conceptOf('unit amount')).toBe(conceptOf('unit price'));
    expect(conceptOf('city')).not.toBe(conceptOf('region'));
    expect(nameTerms('billing_zip_code')).toEqual(nameTerms('billingPostalCode'));
    expect(nameTerms('createdAt')).toEqual(nameTerms('creation_date'));
  });
});

describe('signals in isolation', () => {
  it('name: synonyms and abbreviations score high, unrelated names are not offered', () => {
    const result = suggestMappings(entity('S', [field('zip'), field('qty', { type: 'number' }), field('colour')]), entity('T', [field('postcode'), field('quantity', { type: 'number' }), field('weight')]));
    expect(top(result, 'postcode')[0]).toMatchObject({ source: 'zip' });
    expect(top(result, 'postcode')[0]!.reasons[0]).toMatch(/zip ≈ postcode \((synonym|abbreviation)\)/);
    expect(top(result, 'quantity')[0]!.source).toBe('qty');
    expect(top(result, 'weight')).toEqual([]);
  });
  it('path context: the same parent wins', () => {
    const result = suggestMappings(
      entity('S', [field('shippingAddress.city'), field('billingAddress.city')]),
      entity('T', [field('billing_address.city'), field('shipping_address.town')]),
    );
    expect(top(result, 'billing_address.city')[0]!.source).toBe('billingAddress.city');
    expect(top(result, 'billing_address.city')[0]!.reasons).toContain('both under billing address');
    expect(top(result, 'shipping_address.town')[0]!.source).toBe('shippingAddress.city');
  });
  it('type: a boolean fits a string worse than a string does', () => {
    const result = suggestMappings(entity('S', [field('active', { type: 'boolean' }), field('active_text')]), entity('T', [field('active')]));
    expect(score(result, 'active', 'active')).toBeLessThan(0.7);
    expect(top(result, 'active')[0]!.source).toBe('active_text');
    expect(suggestMappings(entity('S', [field('active', { type: 'boolean' })]), entity('T', [field('active', { type: 'boolean' })]))[0]!.candidates[0]!.score).toBeGreaterThan(0.9);
  });
  it('enum overlap adds to the score and is given as a reason', () => {
    const withEnum = suggestMappings(entity('S', [field('kind', { enum: ['A', 'B', 'C'] })]), entity('T', [field('kind', { enum: ['a', 'b', 'd'] })]));
    const without = suggestMappings(entity('S', [field('kind_x')]), entity('T', [field('kind_x')]));
    expect(top(withEnum, 'kind')[0]!.reasons).toContain('enum overlap 2/3');
    expect(top(withEnum, 'kind')[0]!.score).toBeGreaterThanOrEqual(top(without, 'kind_x')[0]!.score - 0.05);
  });
  it('one entry per target leaf in order, candidates are source leaves, at most three, best first', () => {
    const result = suggestMappings(
      entity('S', [field('address', { type: 'object', leaf: false }), field('address.city'), field('city'), field('town'), field('locality'), field('cityName')]),
      entity('T', [field('home', { type: 'object', leaf: false }), field('home.city'), field('note')]),
    );
    expect(result.map((entry) => entry.target)).toEqual(['home.city', 'note']);
    // Five sources could fill home.city: three are offered.
    const candidates = top(result, 'home.city');
    expect(candidates).toHaveLength(3);
    expect(candidates.map((c) => c.source)).not.toContain('address');
    for (let i = 1; i < candidates.length; i++) expect(candidates[i]!.score).toBeLessThanOrEqual(candidates[i - 1]!.score);
    for (const c of candidates) expect(c.score).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
  });
  it('assignment: a source that fits another target better is not everyone\'s first choice', () => {
    const result = suggestMappings(entity('S', [field('email'), field('mail_alt')]), entity('T', [field('email'), field('email_address_alt')]));
    expect(top(result, 'email')[0]!.source).toBe('email');
  });
});

describe('structure and weak evidence', () => {
  it('a list of values is filled from a value in the elements of a list named alike', () => {
    const result = suggestMappings(
      entity('S', [field('images', { type: 'array', leaf: false }), field('images[].id'), field('images[].url'), field('variants', { type: 'array', leaf: false }), field('variants[].images', { type: 'array', leaf: false }), field('variants[].images[].url')]),
      entity('T', [field('images', { type: 'array', itemType: 'string' })]),
    );
    expect(top(result, 'images')[0]?.source).toBe('images[].url');
  });
  it('only the head word of an entity name is its owner: CatalogItemVariation.item_id is not its own id', () => {
    const result = suggestMappings(entity('CatalogItemVariation', [field('item_id')]), entity('Price', [field('id')]));
    expect(score(result, 'id', 'item_id')).toBe(0);
  });

  it('a generic leaf is named by its parent: customer.id ← customer_id, not another object\'s id', () => {
    const result = suggestMappings(
      entity('Payment', [field('id'), field('customer_id'), field('author', { type: 'object', leaf: false }), field('author.id')]),
      entity('Bill', [field('customer', { type: 'object', leaf: false }), field('customer.id'), field('tags[]', { type: 'array', leaf: false }), field('tags[].id')]),
    );
    expect(top(result, 'customer.id')[0]!.source).toBe('customer_id');
    // Only "id" in common while "tag" and "author" stay unmatched: no proposal.
    expect(top(result, 'tags[].id')).toEqual([]);
  });
  it('a leaf repeating its list takes the list\'s name: phone_number ← phone_numbers[].number, email ← emails[].email', () => {
    const result = suggestMappings(
      entity('S', [field('phone_numbers[]', { type: 'array', leaf: false }), field('phone_numbers[].number'), field('phone_numbers[].type'), field('addresses[]', { type: 'array', leaf: false }), field('addresses[].phone_number'), field('emails[]', { type: 'array', leaf: false }), field('emails[].email'), field('emails[].type')]),
      entity('T', [field('mobile_phone'), field('email_addresses[]', { type: 'array', leaf: false }), field('email_addresses[].address')]),
    );
    expect(top(result, 'mobile_phone')[0]!.source).toBe('phone_numbers[].number');
    expect(top(result, 'email_addresses[].address')[0]!.source).toBe('emails[].email');
  });
  it('a field about another party is not offered: supplier.address.city is not the billing city', () => {
    const result = suggestMappings(
      entity('Payment', [field('billing_address.city'), field('customer_id')]),
      entity('Bill', [field('supplier.address.city'), field('address.city')]),
    );
    expect(top(result, 'supplier.address.city')).toEqual([]);
    expect(top(result, 'address.city')[0]!.source).toBe('billing_address.city');
  });
  it('different kinds of value (a name vs a type) score lower', () => {
    const result = suggestMappings(entity('S', [field('account_type'), field('account_name')]), entity('T', [field('account.name')]));
    expect(top(result, 'account.name')[0]!.source).toBe('account_name');
    expect(score(result, 'account.name', 'account_type')).toBeLessThan(0.8 * score(result, 'account.name', 'account_name'));
  });
});

describe('learning', () => {
  const source = entity('S', [field('acmeKey'), field('fooKey'), field('barKey')]);
  const target = entity('T', [field('acme_code'), field('foo_code'), field('bar_code')]);
  it('never offers a rejected pair', () => {
    const before = suggestMappings(source, target);
    expect(top(before, 'foo_code').map((c) => c.source)).toContain('fooKey');
    const after = suggestMappings(source, target, { learned: { accepted: [], rejected: [{ source: 'fooKey', target: 'foo_code' }] } });
    expect(top(after, 'foo_code').map((c) => c.source)).not.toContain('fooKey');
  });
  it('an accepted pair rises, and so does a pair with the same naming pattern', () => {
    const before = suggestMappings(source, target);
    const after = suggestMappings(source, target, { learned: { accepted: [{ source: 'acmeKey', target: 'acme_code' }], rejected: [] } });
    expect(top(after, 'acme_code')[0]).toMatchObject({ source: 'acmeKey' });
    expect(top(after, 'acme_code')[0]!.reasons).toContain('learned: accepted before');
    expect(score(after, 'foo_code', 'fooKey')).toBeGreaterThan(score(before, 'foo_code', 'fooKey'));
    expect(top(after, 'foo_code')[0]!.reasons.some((r) => r.startsWith('learned: like acme_code'))).toBe(true);
  });
});

describe('value maps', () => {
  it('maps High/Medium/Low to 1/2/3, reading which end is urgent from the description', () => {
    expect(suggestValueMap(['High', 'Medium', 'Low'], [1, 2, 3], '1 = urgent, 3 = low').map((e) => e.target)).toEqual([1, 2, 3]);
    expect(suggestValueMap(['High', 'Medium', 'Low'], [1, 2, 3], '3 = urgent, 1 = low').map((e) => e.target)).toEqual([3, 2, 1]);
  });
  it('matches case, word forms and synonyms; unmatched values map to null', () => {
    const map = suggestValueMap(['open', 'Paid', 'cancelled', 'teleported'], ['opened', 'PAID', 'VOIDED']);
    expect(map.map((e) => e.target)).toEqual(['opened', 'PAID', 'VOIDED', null]);
    expect(map[3]).toMatchObject({ score: 0, reason: 'no matching value' });
    expect(suggestValueMap(['cancelled'], ['canceled'])[0]).toMatchObject({ target: 'canceled', reason: 'same word' });
    expect(suggestValueMap(['INTER'], ['international'])[0]).toMatchObject({ target: 'international', reason: 'prefix' });
  });
});

describe('the demo pair', () => {
  async function load(file: string, name: string) {
    const result = await importApiDocument(path.join(root, 'resources/demo', file), { validation: false });
    if (result.status !== 'imported' && !('catalogue' in result)) throw new Error('not imported');
    return (result as { catalogue: { entities: CatalogueEntity[] } }).catalogue.entities.find((e) => e.kind === 'schema' && e.name === name)!;
  }
  it('Order → Invoice', async () => {
    const result = suggestMappings(await load('crm.openapi.yaml', 'Order'), await load('accounting.swagger.json', 'Invoice'));
    const first = (target: string) => top(result, target)[0]?.source;
    expect(first('line_items[].qty')).toBe('lines[].quantity');
    expect(first('line_items[].unit_amount')).toBe('lines[].unitPrice');
    expect(first('billing_address.postcode')).toBe('billingAddress.postalCode');
    expect(first('currency_code')).toBe('currency');
    expect(first('total')).toBe('total');
    expect(first('contact.given_name')).toBe('customer.firstName');
    expect(first('memo')).toBe('notes');
    expect(top(result, 'reference').map((c) => c.source)).toContain('orderNumber');
  });
  it('Customer → Contact', async () => {
    const result = suggestMappings(await load('crm.openapi.yaml', 'Customer'), await load('accounting.swagger.json', 'Contact'));
    const first = (target: string) => top(result, target)[0]?.source;
    expect(first('given_name')).toBe('firstName');
    expect(first('family_name')).toBe('lastName');
    expect(first('email_address')).toBe('email');
    expect(first('addresses[].postcode')).toBe('addresses[].postalCode');
    expect(first('contact_id')).toBe('id');
  });
});

describe('third pass: concatenations, synonyms, qualifiers', () => {
  it('proposes first + last name for a whole-name target, joined with " + "', () => {
    const source = entity('Person', [field('first_name'), field('last_name'), field('email')]);
    const result = suggestMappings(source, entity('Attendee', [field('displayName'), field('name'), field('nickName')]));
    for (const target of ['displayName', 'name']) {
      expect(top(result, target)[0]).toMatchObject({ source: 'first_name + last_name' });
      expect(top(result, target)[0]!.reasons[0]).toBe('concatenation: first name + last name');
    }
    expect(top(result, 'nickName').some((c) => c.source.includes(' + '))).toBe(false);
  });
  it('keeps first and last under one parent, and ranks a direct whole-name source first', () => {
    const source = entity('Contact', [field('name'), field('person.givenName'), field('person.surname'), field('manager.first_name')]);
    const result = suggestMappings(source, entity('T', [field('full_name')]));
    expect(top(result, 'full_name')[0]!.source).toBe('name');
    expect(top(result, 'full_name').map((c) => c.source)).toContain('person.givenName + person.surname');
    expect(top(result, 'full_name').some((c) => c.source.includes('manager.'))).toBe(false);
  });
  it('knows photo ~ image/avatar, suffix ~ generation and address ~ address line 1', () => {
    const result = suggestMappings(entity('S', [field('avatar_url'), field('suffix'), field('address')]), entity('T', [field('photo'), field('generation'), field('address_line1')]));
    expect(top(result, 'photo')[0]!.source).toBe('avatar_url');
    expect(top(result, 'generation')[0]!.source).toBe('suffix');
    expect(top(result, 'address_line1')[0]!.source).toBe('address');
  });
  it('reads a list as a list of values only through a value leaf: imAddresses is not addresses[].county', () => {
    const result = suggestMappings(
      entity('S', [field('addresses[]', { type: 'array', leaf: false }), field('addresses[].county'), field('addresses[].email'), field('phone_numbers[]', { type: 'array', leaf: false }), field('phone_numbers[].number'), field('phone_numbers[].extension')]),
      entity('T', [field('imAddresses', { type: 'array', itemType: 'string' }), field('homePhones', { type: 'array', itemType: 'string' })]),
    );
    expect(score(result, 'imAddresses', 'addresses[].county')).toBe(0);
    expect(score(result, 'imAddresses', 'addresses[].email')).toBe(0);
    expect(top(result, 'homePhones')[0]!.source).toBe('phone_numbers[].number');
    expect(score(result, 'homePhones', 'phone_numbers[].extension')).toBe(0);
  });
  it('a name is not filled from another kind of thing about the same owner: customer.name vs buyer_email', () => {
    const result = suggestMappings(entity('Payment', [field('buyer_email'), field('buyer_name')]), entity('Bill', [field('customer.name')]));
    expect(top(result, 'customer.name')[0]!.source).toBe('buyer_name');
    expect(score(result, 'customer.name', 'buyer_email')).toBeLessThan(SUGGESTION_THRESHOLD);
  });
  it('a field named only for another record (created_by) is filled from that record\'s identifier', () => {
    const result = suggestMappings(entity('Issue', [field('author.name'), field('author.id'), field('created_at')]), entity('Ticket', [field('created_by')]));
    expect(top(result, 'created_by')[0]!.source).toBe('author.id');
    expect(top(result, 'created_by')[0]!.reasons).toContain('a reference filled from the identifier of what it names');
    // Not so for a field that says it holds a name.
    const named = suggestMappings(entity('Issue', [field('author.name'), field('author.id')]), entity('Ticket', [field('created_by_name')]));
    expect(top(named, 'created_by_name')[0]!.source).toBe('author.name');
  });
  it('a billing address is the customer\'s: customer.company_name ← billing_address.organization, not the supplier\'s', () => {
    const result = suggestMappings(
      entity('Payment', [field('billing_address.organization'), field('billing_address.city')]),
      entity('Bill', [field('customer.company_name'), field('supplier.company_name'), field('address.city')]),
    );
    expect(top(result, 'customer.company_name')[0]!.source).toBe('billing_address.organization');
    expect(top(result, 'supplier.company_name')).toEqual([]);
    // Evidence for the customer only: a target about no party still takes the billing city.
    expect(top(result, 'address.city')[0]!.source).toBe('billing_address.city');
  });
  it('a flag named for a state is read from an enumeration holding that value', () => {
    const source = entity('Product', [field('status', { enum: ['active', 'archived'] }), field('kind', { enum: ['physical', 'digital'] })]);
    const result = suggestMappings(source, entity('Item', [field('active', { type: 'boolean' }), field('is_archived', { type: 'boolean' }), field('shippable', { type: 'boolean' })]));
    expect(top(result, 'active')[0]!.source).toBe('status');
    expect(top(result, 'active')[0]!.reasons[0]).toBe('flag from an enumeration value: status = active');
    expect(top(result, 'is_archived')[0]!.source).toBe('status');
    expect(top(result, 'shippable')).toEqual([]);
  });
  it('an object leaf is opaque: a string named alike may fill it, but less than a string', () => {
    const source = entity('S', [field('photo_url'), field('notes')]);
    const result = suggestMappings(source, entity('T', [field('photo', { type: 'object' })]));
    expect(top(result, 'photo')[0]!.source).toBe('photo_url');
    expect(top(result, 'photo')[0]!.reasons.some((r) => r.includes('opaque object'))).toBe(true);
    const plain = suggestMappings(source, entity('T', [field('photo')]));
    expect(score(result, 'photo', 'photo_url')).toBeLessThan(score(plain, 'photo', 'photo_url'));
    // A number is no more an opaque object than before.
    const counted = suggestMappings(entity('S', [field('photo_count', { type: 'integer' })]), entity('T', [field('photo', { type: 'object' })]));
    expect(top(counted, 'photo')).toEqual([]);
  });
  it('a decimal string takes a number; a target written in another form shares its source without a penalty', () => {
    const result = suggestMappings(
      entity('S', [field('price_money.amount', { type: 'integer' })]),
      entity('Price', [field('unit_amount', { type: 'integer' }), field('unit_amount_decimal', { format: 'decimal' }), field('unit_label')]),
    );
    expect(top(result, 'unit_amount')[0]!.source).toBe('price_money.amount');
    const decimal = top(result, 'unit_amount_decimal')[0]!;
    expect(decimal.source).toBe('price_money.amount');
    expect(decimal.reasons.some((r) => r.startsWith('better fit'))).toBe(false);
    expect(decimal.reasons.some((r) => r.includes('decimal string'))).toBe(true);
  });
  it('a generic leaf belongs to its owner: a payment\'s type is not card.card_type, a contact\'s id is ContactID', () => {
    const result = suggestMappings(entity('Payment', [field('card.card_type'), field('card.id')]), entity('AccountingPayment', [field('type'), field('card_type')]));
    expect(top(result, 'type')).toEqual([]);
    expect(top(result, 'card_type')[0]!.source).toBe('card.card_type');
    // Top-level fields of the two records correspond; suffixes such as Response, Details or a number are not what a record is.
    const contact = suggestMappings(entity('Contact', [field('ContactID'), field('Name')]), entity('contact-details3', [field('id')]));
    expect(top(contact, 'id')[0]!.source).toBe('ContactID');
    const task = suggestMappings(entity('TaskResponse', [field('task_id'), field('project_id')]), entity('Card', [field('id')]));
    expect(top(task, 'id')[0]!.source).toBe('task_id');
  });
  it('knows more general vocabulary: login ~ username, edited ~ updated, trashed ~ deleted, metadata ~ custom data, closed ~ completed', () => {
    expect(conceptOf('login')).toBe(conceptOf('username'));
    expect(conceptOf('edited_on')).toBe(conceptOf('updated_at'));
    expect(conceptOf('trashed_at')).toBe(conceptOf('deleted_at'));
    expect(conceptOf('metadata')).toBe(conceptOf('user_data'));
    expect(conceptOf('closed')).toBe(conceptOf('completed'));
    expect(conceptOf('mimetype')).toBe(conceptOf('content_type'));
    expect(conceptOf('sex')).toBe(conceptOf('gender'));
    expect(normalWords('lng')).toEqual(['longitude']);
    // A unit (of measure) is not a quantity.
    expect(conceptOf('unit')).not.toBe(conceptOf('quantity'));
    const result = suggestMappings(entity('S', [field('login'), field('twitter_username'), field('title')]), entity('T', [field('username'), field('jobTitle')]));
    expect(top(result, 'username')[0]!.source).toBe('login');
    expect(top(result, 'jobTitle')[0]!.source).toBe('title');
  });
  it('a reference holds an identifier, not the record\'s name or type', () => {
    const result = suggestMappings(entity('File', [field('last_editor')]), entity('File', [field('modified_by.id'), field('modified_by.name'), field('modified_by.type')]));
    expect(top(result, 'modified_by.id')[0]!.source).toBe('last_editor');
    expect(top(result, 'modified_by.name')).toEqual([]);
    expect(top(result, 'modified_by.type')).toEqual([]);
  });
  it('a bare link is its parent\'s link: links.avatar.href ← avatar_url, not the record\'s own url', () => {
    const result = suggestMappings(entity('User', [field('url'), field('avatar_url'), field('events_url')]), entity('Account', [field('links.avatar.href'), field('links.self.href')]));
    expect(top(result, 'links.avatar.href')[0]!.source).toBe('avatar_url');
  });
  it('a weak relation is no evidence on its own: reference_id is not the record\'s own id', () => {
    const result = suggestMappings(entity('Employee', [field('id'), field('external_ref')]), entity('TeamMember', [field('reference_id'), field('id')]));
    expect(top(result, 'reference_id')[0]!.source).toBe('external_ref');
    const alone = suggestMappings(entity('Employee', [field('id')]), entity('TeamMember', [field('reference_id')]));
    expect(top(alone, 'reference_id')).toEqual([]);
  });
  it('what every record has belongs to its object: milestone.created_at and custom_fields[].description are not the record\'s', () => {
    const result = suggestMappings(
      entity('Task', [field('notes'), field('custom_fields[].description'), field('theme.created_at')]),
      entity('Card', [field('desc'), field('created_at'), field('theme.created_on')]),
    );
    expect(top(result, 'desc')[0]!.source).toBe('notes');
    expect(top(result, 'created_at')).toEqual([]);
    // Named alike on both sides, it still fills.
    expect(top(result, 'theme.created_on')[0]!.source).toBe('theme.created_at');
  });
  it('uuid, guid and gid are identifiers', () => {
    expect(normalWords('uuid')).toEqual(['identifier']);
    expect(normalWords('gid')).toEqual(['identifier']);
    const result = suggestMappings(entity('User', [field('id', { type: 'integer' }), field('login')]), entity('Account', [field('uuid'), field('username')]));
    expect(top(result, 'uuid')[0]!.source).toBe('id');
  });
  it('a scalar named for a record (product, account) holds its identifier: product ← item_id', () => {
    const result = suggestMappings(entity('CatalogItemVariation', [field('item_id'), field('name'), field('price_money.amount', { type: 'integer' })]), entity('Price', [field('product'), field('nickname')]));
    expect(top(result, 'product')[0]!.source).toBe('item_id');
    expect(top(result, 'product')[0]!.reasons).toContain('a reference filled from the identifier of what it names');
  });
  it('a person\'s title may be the honorific: prefix and salutation relate weakly to title', () => {
    expect(termSimilarity(conceptOf('salutation')!, conceptOf('title')!)).toBe(0.5);
    expect(conceptOf('name_prefix')).toBe(conceptOf('honorific'));
    const result = suggestMappings(entity('Contact', [field('title'), field('prefix'), field('first_name')]), entity('Person', [field('title')]));
    expect(top(result, 'title')[0]!.source).toBe('title');
  });
  it('"X by" names who did X, not X: closed ← completed, not completed_by.name', () => {
    expect(nameTerms('completed_by')).toEqual(['completed by']);
    expect(nameTerms('created_by')).toEqual([conceptOf('author')]);
    expect(conceptOf('owned_by')).toBe(conceptOf('owner'));
    const result = suggestMappings(entity('Task', [field('completed', { type: 'boolean' }), field('completed_by.name')]), entity('Card', [field('closed', { type: 'boolean' })]));
    expect(top(result, 'closed')[0]!.source).toBe('completed');
    expect(score(result, 'closed', 'completed_by.name')).toBe(0);
  });
  it('a string format (email) the other side neither declares nor names marks the pair down', () => {
    const source = entity('File', [field('username')]);
    const email = suggestMappings(source, entity('Box', [field('login', { format: 'email' })]));
    const plain = suggestMappings(source, entity('Box', [field('login')]));
    expect(score(email, 'login', 'username')).toBeLessThan(0.8 * score(plain, 'login', 'username'));
    // Named as an email, it does not need the format.
    const named = suggestMappings(entity('File', [field('email_address')]), entity('Box', [field('email', { format: 'email' })]));
    expect(score(named, 'email', 'email_address')).toBeGreaterThan(0.9);
    const alone = suggestMappings(entity('File', [field('username')]), entity('Box', [field('login', { format: 'email' }), field('handle')]));
    expect(score(alone, 'login', 'username')).toBeLessThan(0.8);
    expect(top(alone, 'login')[0]!.reasons).toContain('an email address expected, the other side does not say it holds one');
  });
  it('prefers the qualifier that fits the target entity for a generic leaf (status)', () => {
    const source = entity('Employee', [field('marital_status'), field('employment_status')]);
    const result = suggestMappings(source, entity('TeamMember', [field('status')]));
    expect(top(result, 'status')[0]!.source).toBe('employment_status');
    expect(top(result, 'status')[0]!.reasons).toContain('qualifier employment fits TeamMember');
    const neutral = suggestMappings(source, entity('Record', [field('status')]));
    expect(top(neutral, 'status').map((c) => c.source).sort()).toEqual(['employment_status', 'marital_status']);
    expect(top(neutral, 'status').every((c) => !c.reasons.some((r) => r.startsWith('qualifier')))).toBe(true);
  });
});
