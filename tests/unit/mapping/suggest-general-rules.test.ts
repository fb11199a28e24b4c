// General rules added for pairs the engine has never seen (issue 15): each signal alone, on small entities.
import { describe, expect, it } from 'vitest';
import { SUGGESTION_THRESHOLD, suggestArrayPairings, suggestMappings, withArrayPairings } from '../../../src/main/mapping/suggest';
import { ownerTerms } from '../../../src/main/mapping/suggest/prepare';
import { lancasterStem } from '../../../src/main/mapping/suggest/lancaster';
import { nameTerms } from '../../../src/main/mapping/suggest/tokens';
import { entity, field } from '../../helpers/catalogue-fields';

const top = (result: ReturnType<typeof suggestMappings>, target: string) => result.find((entry) => entry.target === target)?.candidates ?? [];

describe('entity-name prefixes', () => {
  it('a target named after its entity (InvoiceNumber on Invoice) is filled from the bare field', () => {
    const result = suggestMappings(entity('InvoiceEntity', [field('number'), field('subject'), field('id')]), entity('Invoice', [field('invoice_number'), field('title')]));
    expect(top(result, 'invoice_number')[0]?.source).toBe('number');
  });
  it('the prefix is read only on the entity of that name: on Payment, invoice_number is another record’s', () => {
    const result = suggestMappings(entity('InvoiceEntity', [field('number')]), entity('Payment', [field('invoice_number')]));
    expect(top(result, 'invoice_number').map((c) => c.source)).not.toContain('number');
  });
  it('API-document suffixes (Api, Model) are not what an entity is', () => {
    expect([...ownerTerms('Billbee.Interfaces.BillbeeAPI.Model.InvoiceApiModel')]).toEqual(['invoice']);
  });
});

describe('word order and inflection', () => {
  it('a two-word phrase matches with its words swapped (TotalNet ~ net total), and net is not gross', () => {
    expect(nameTerms('TotalNet')).toEqual(nameTerms('net_total'));
    const result = suggestMappings(entity('S', [field('grand_total', { type: 'number' }), field('subtotal', { type: 'number' })]), entity('T', [field('TotalNet', { type: 'number' }), field('TotalGross', { type: 'number' })]));
    expect(top(result, 'TotalNet')[0]?.source).toBe('subtotal');
  });
  it('started/ended name the start and end of an interval (started_at ← start.dateTime)', () => {
    const result = suggestMappings(
      entity('Event', [field('start.dateTime', { format: 'date-time' }), field('end.dateTime', { format: 'date-time' }), field('created', { format: 'date-time' })]),
      entity('Meeting', [field('started_at', { format: 'date-time' }), field('ended_at', { format: 'date-time' })]),
    );
    expect(top(result, 'started_at')[0]?.source).toBe('start.dateTime');
    expect(top(result, 'ended_at')[0]?.source).toBe('end.dateTime');
  });
});

describe('vocabulary', () => {
  it('a carrier is the shipper or shipping provider', () => {
    const result = suggestMappings(entity('Rate', [field('carrier_id'), field('carrier_name'), field('service_code')]), entity('Shipment', [field('ShippingProviderId'), field('Shipper')]));
    expect(top(result, 'ShippingProviderId')[0]?.source).toBe('carrier_id');
    expect(top(result, 'Shipper')[0]?.source).toBe('carrier_name');
  });
  it('a topic is a title; an extended address is the second address line', () => {
    const result = suggestMappings(entity('S', [field('topic'), field('extendedAddress'), field('streetAddress')]), entity('T', [field('subject'), field('address_line2'), field('address_line1')]));
    expect(top(result, 'subject')[0]?.source).toBe('topic');
    expect(top(result, 'address_line2')[0]?.source).toBe('extendedAddress');
  });
});

describe('constants', () => {
  it('a one-value enumeration names the record’s kind: it does not fill a free field of the same name', () => {
    const result = suggestMappings(entity('File', [field('type', { enum: ['file'] }), field('name')]), entity('StoredFile', [field('type'), field('object', { enum: ['file'] })]));
    expect(top(result, 'type').map((c) => c.source)).not.toContain('type');
  });
  it('the same constant on both sides still matches', () => {
    const result = suggestMappings(entity('A', [field('object', { enum: ['refund'] })]), entity('B', [field('object', { enum: ['refund'] })]));
    expect(top(result, 'object')[0]?.source).toBe('object');
  });
});

describe('split suggestions', () => {
  it('a full name feeds both the given and the family name, each with its transformation in pseudocode', () => {
    const result = suggestMappings(entity('User', [field('name'), field('username'), field('created_at')]), entity('Member', [field('first_name'), field('last_name'), field('email')]));
    const first = top(result, 'first_name')[0]!;
    const last = top(result, 'last_name')[0]!;
    expect(first.source).toBe('name');
    expect(last.source).toBe('name');
    expect(first.reasons[0]).toMatch(/^split: name \(a full name\) → given name/);
    expect(last.reasons.some((reason) => reason.startsWith('pseudocode: ') && reason.includes('join(words[1..]'))).toBe(true);
    expect(top(result, 'email')).toEqual([]);
  });
  it('a direct given-name source stays first; the split is the alternate below it', () => {
    const result = suggestMappings(entity('User', [field('name'), field('given_name'), field('family_name')]), entity('Member', [field('first_name'), field('last_name')]));
    expect(top(result, 'first_name').map((c) => c.source)).toEqual(['given_name', 'name']);
    expect(top(result, 'first_name')[1]!.score).toBeLessThan(top(result, 'first_name')[0]!.score);
  });
  it('a rejected split is not offered again', () => {
    const result = suggestMappings(entity('User', [field('name')]), entity('Member', [field('first_name')]), { learned: { accepted: [], rejected: [{ target: 'first_name', source: 'name' }] } });
    expect(top(result, 'first_name').map((c) => c.source)).not.toContain('name');
  });
});

describe('array pairings', () => {
  const list = (path: string) => field(path, { type: 'array', leaf: false });
  it('a list of objects is paired with the source list its element leaves are suggested from', () => {
    const source = entity('Order', [field('id'), field('basket', { type: 'object', leaf: false }), list('basket.items'), field('basket.items[].quantity', { type: 'integer' }), field('basket.items[].description'), field('basket.items[].amount', { type: 'integer' }), list('discounts'), field('discounts[].code')]);
    const target = entity('Invoice', [field('id'), list('Lines'), field('Lines[].Quantity', { type: 'integer' }), field('Lines[].Description'), field('Lines[].Amount', { type: 'integer' })]);
    const leaves = suggestMappings(source, target);
    const pairings = suggestArrayPairings(source, target, leaves);
    expect(pairings).toHaveLength(1);
    expect(pairings[0]!.target).toBe('Lines[]');
    expect(pairings[0]!.candidates[0]).toMatchObject({ source: 'basket.items[]' });
    expect(pairings[0]!.candidates[0]!.reasons[0]).toBe('array pairing: 3 of 3 element fields are suggested from basket.items[]');
    expect(withArrayPairings(leaves, pairings).map((entry) => entry.target)).toEqual(['id', 'Lines[]', 'Lines[].Quantity', 'Lines[].Description', 'Lines[].Amount']);
  });
  it('no pairing when the element leaves are filled from nowhere in a list', () => {
    const source = entity('Contact', [field('email'), field('phone')]);
    const target = entity('Recipients', [list('recipients'), field('recipients[].email')]);
    expect(suggestArrayPairings(source, target, suggestMappings(source, target))).toEqual([]);
  });
});

describe('list element leaves named by their parent', () => {
  it('the type or id of a list element (emails[].type, phone_numbers[].id) does not take the email or phone value', () => {
    const result = suggestMappings(
      entity('Customer', [field('email_address'), field('phone_number')]),
      entity('Contact', [field('emails[].email'), field('emails[].type'), field('emails[].id'), field('phone_numbers[].number'), field('phone_numbers[].type'), field('phone_numbers[].id')]),
    );
    expect(top(result, 'emails[].email')[0]?.source).toBe('email_address');
    expect(top(result, 'phone_numbers[].number')[0]?.source).toBe('phone_number');
    for (const target of ['emails[].type', 'emails[].id', 'phone_numbers[].type', 'phone_numbers[].id']) expect(top(result, target)).toEqual([]);
  });
  it('the same the other way: an email address is filled from email[].address, not from email[].type', () => {
    const result = suggestMappings(entity('Contact', [field('email[].type'), field('email[].address')]), entity('Customer', [field('email_address')]));
    expect(top(result, 'email_address')[0]?.source).toBe('email[].address');
    const typeOnly = suggestMappings(entity('Contact', [field('email[].type')]), entity('Customer', [field('email_address')]));
    expect(top(typeOnly, 'email_address')).toEqual([]);
  });
  it('a phrase read across the parent and the leaf: a flat discount percentage fills discounts[].percentage', () => {
    const result = suggestMappings(entity('Line', [field('discount_percentage', { type: 'number' })]), entity('OrderLine', [field('discounts[].percentage', { type: 'number' }), field('discounts[].code')]));
    expect(top(result, 'discounts[].percentage')[0]?.source).toBe('discount_percentage');
  });
  it('a map entry (metadata.{key}) holds a value, not a key', () => {
    const result = suggestMappings(entity('Variation', [field('user_data'), field('id')]), entity('Price', [field('metadata.{key}'), field('id')]));
    expect(top(result, 'metadata.{key}')[0]?.source).toBe('user_data');
  });
  it('a telephone’s country code is a calling code, not a country', () => {
    const result = suggestMappings(entity('Customer', [field('address.country')]), entity('Contact', [field('phone_numbers[].country_code'), field('Phones[].PhoneCountryCode'), field('addresses[].country')]));
    expect(top(result, 'addresses[].country')[0]?.source).toBe('address.country');
    expect(top(result, 'phone_numbers[].country_code')).toEqual([]);
    expect(top(result, 'Phones[].PhoneCountryCode')).toEqual([]);
  });
});

describe('main paths above other records and variants', () => {
  it('a card’s billing address inside cards[] (records with ids) stays empty from a contact’s address list', () => {
    const result = suggestMappings(
      entity('Contact', [field('address[].street'), field('address[].city'), field('address[].country')]),
      entity('Customer', [field('address.address_line_1'), field('address.locality'), field('address.country'), field('cards[].id'), field('cards[].billing_address.address_line_1'), field('cards[].billing_address.locality'), field('cards[].billing_address.country')]),
    );
    expect(top(result, 'address.locality')[0]?.source).toBe('address[].city');
    expect(top(result, 'address.country')[0]?.source).toBe('address[].country');
    for (const target of ['cards[].billing_address.address_line_1', 'cards[].billing_address.locality', 'cards[].billing_address.country']) expect(top(result, target)).toEqual([]);
  });
  it('the same list without identifiers is not another record: its nested address still matches', () => {
    const result = suggestMappings(entity('Contact', [field('address[].city')]), entity('Customer', [field('cards[].billing_address.locality')]));
    expect(top(result, 'cards[].billing_address.locality')[0]?.source).toBe('address[].city');
  });
  it('a field of one variant of a union ranks below the record’s main path', () => {
    const result = suggestMappings(
      entity('Payment', [field('source.address.city', { variant: 'card' }), field('holder.address.city')]),
      entity('Charge', [field('address.city')]),
    );
    expect(top(result, 'address.city').map((c) => c.source)).toEqual(['holder.address.city', 'source.address.city']);
  });
});

describe('address and amount vocabulary', () => {
  it('administrative areas: level 1 is the state or province, level 2 the county', () => {
    const result = suggestMappings(
      entity('Address', [field('administrative_district_level_1'), field('administrative_district_level_2'), field('locality')]),
      entity('Contact', [field('addresses[].state'), field('addresses[].county'), field('addresses[].city')]),
    );
    expect(top(result, 'addresses[].state')[0]?.source).toBe('administrative_district_level_1');
    expect(top(result, 'addresses[].county')[0]?.source).toBe('administrative_district_level_2');
  });
  it('a state does not fill the county beside it', () => {
    const result = suggestMappings(entity('Contact', [field('address[].state')]), entity('Customer', [field('address.administrative_district_level_1'), field('address.administrative_district_level_2')]));
    expect(top(result, 'address.administrative_district_level_1')[0]?.source).toBe('address[].state');
    expect(top(result, 'address.administrative_district_level_2')).toEqual([]);
  });
  it('an amount of something else (tax, VAT, discount) is not the total; a total price is the total amount', () => {
    const money = { type: 'number' } as const;
    const result = suggestMappings(
      entity('OrderItem', [field('TaxAmount', money), field('TotalPrice', money), field('Discount', money)]),
      entity('InvoiceLine', [field('total_amount', money), field('tax_amount', money), field('VatAmount', money)]),
    );
    expect(top(result, 'total_amount')[0]?.source).toBe('TotalPrice');
    expect(top(result, 'tax_amount')[0]?.source).toBe('TaxAmount');
    expect(top(result, 'total_amount').find((c) => c.source === 'TaxAmount')?.score ?? 0).toBeLessThan(SUGGESTION_THRESHOLD);
  });
});

describe('people in roles', () => {
  it('role fills role: the author from the creator, the assignee from the assigned person; a sibling role ranks below', () => {
    const result = suggestMappings(
      entity('Task', [field('created_by.login'), field('created_by.id'), field('assigned_to.login'), field('assigned_to.id')]),
      entity('Issue', [field('author.username'), field('author.id'), field('assignee.username'), field('assignee.id')]),
    );
    expect(top(result, 'author.username')[0]?.source).toBe('created_by.login');
    expect(top(result, 'assignee.username')[0]?.source).toBe('assigned_to.login');
    expect(top(result, 'author.id')[0]?.source).toBe('created_by.id');
    const sibling = top(result, 'author.username').find((c) => c.source === 'assigned_to.login');
    expect(sibling?.score ?? 0).toBeLessThan(SUGGESTION_THRESHOLD);
  });
  it('a generic user fills a role when no one in that role is there', () => {
    const result = suggestMappings(entity('Comment', [field('user'), field('body')]), entity('Note', [field('created_by.id'), field('owned_by.id'), field('content')]));
    expect(top(result, 'created_by.id')[0]?.source).toBe('user');
  });
  it('a reference (created_by) is still filled from the identifier of the person in that role', () => {
    const result = suggestMappings(entity('Issue', [field('author.id'), field('author.name')]), entity('Ticket', [field('created_by')]));
    expect(top(result, 'created_by')[0]?.source).toBe('author.id');
  });
});

describe('parent and leaf read together', () => {
  it('an item code is the SKU; a currency code is the currency', () => {
    const result = suggestMappings(entity('InvoiceLine', [field('item.code'), field('item.name'), field('currency.code')]), entity('OrderLine', [field('sku'), field('currency')]));
    expect(top(result, 'sku')[0]?.source).toBe('item.code');
    expect(top(result, 'currency')[0]?.source).toBe('currency.code');
  });
  it('the code or name of a nested object is not its value: tax_rate ← tax_rate.rate', () => {
    const result = suggestMappings(entity('Line', [field('tax_rate.code'), field('tax_rate.name'), field('tax_rate.rate', { type: 'number' })]), entity('OrderLine', [field('tax_rate', { type: 'number' })]));
    expect(top(result, 'tax_rate').map((c) => c.source)).toEqual(['tax_rate.rate']);
  });
  it('in a list, the element’s name is what the list holds: labels ← tags[].name', () => {
    const result = suggestMappings(entity('Issue', [field('labels')]), entity('Ticket', [field('tags[].id'), field('tags[].name')]));
    expect(top(result, 'tags[].name')[0]?.source).toBe('labels');
    expect(top(result, 'tags[].id')).toEqual([]);
  });
});

describe('dates, events and inflection', () => {
  it('a nested object’s due or end date is its own: the record’s due date does not fill milestone.due_date', () => {
    const result = suggestMappings(entity('Task', [field('due_at', { format: 'date-time' })]), entity('Issue', [field('due_date', { format: 'date-time' }), field('milestone.due_date', { format: 'date-time' })]));
    expect(top(result, 'due_date')[0]?.source).toBe('due_at');
    expect(top(result, 'milestone.due_date')).toEqual([]);
  });
  it('the last login is a time, not the login name', () => {
    const result = suggestMappings(entity('User', [field('username'), field('last_sign_in_at', { format: 'date-time' })]), entity('Account', [field('last_login_time', { format: 'date-time' }), field('login')]));
    expect(top(result, 'last_login_time')[0]?.source).toBe('last_sign_in_at');
    expect(top(result, 'last_login_time').map((c) => c.source)).not.toContain('username');
  });
  it('words of one family match (Lancaster root, same beginning): DateShipped ← ship_date, issueDate ← date_issued', () => {
    const result = suggestMappings(
      entity('Order', [field('ship_date', { format: 'date' }), field('date_issued', { format: 'date' }), field('data', { type: 'object' })]),
      entity('Shipment', [field('DateShipped', { format: 'date' }), field('issueDate', { format: 'date' }), field('date')]),
    );
    expect(top(result, 'DateShipped')[0]?.source).toBe('ship_date');
    expect(top(result, 'issueDate')[0]?.source).toBe('date_issued');
  });
  it('the Lancaster stemmer gives the published roots (ANSI C rule set)', () => {
    expect(['variation', 'variant', 'settlement', 'settled', 'categorization', 'category', 'compensation', 'maximum', 'crosses', 'happiness'].map(lancasterStem)).toEqual([
      'vary', 'vary', 'settl', 'settl', 'categ', 'categ', 'compen', 'maxim', 'cross', 'happy',
    ]);
  });
  it('a list of variations pairs with a list of variants (derivation); date and data stay apart', () => {
    const result = suggestMappings(
      entity('Item', [field('variations[].id'), field('variations[].name'), field('variations[].created_at', { format: 'date-time' }), field('categories[].name'), field('data')]),
      entity('Product', [field('variants[].id'), field('variants[].name'), field('variants[].createdDate', { format: 'date-time' }), field('categorization'), field('date')]),
    );
    expect(top(result, 'variants[].id')[0]?.source).toBe('variations[].id');
    expect(top(result, 'variants[].name')[0]?.source).toBe('variations[].name');
    expect(top(result, 'variants[].createdDate')[0]?.source).toBe('variations[].created_at');
    expect(top(result, 'categorization')[0]?.source).toBe('categories[].name');
    expect(top(result, 'date')).toEqual([]);
  });
  it('a task’s message is its description; custom questions are custom fields', () => {
    const result = suggestMappings(entity('Task', [field('message'), field('custom_questions[].title'), field('custom_questions[].value')]), entity('Issue', [field('description'), field('custom_fields[].name'), field('custom_fields[].value')]));
    expect(top(result, 'description')[0]?.source).toBe('message');
    expect(top(result, 'custom_fields[].value')[0]?.source).toBe('custom_questions[].value');
  });
});

describe('one source into several targets by party', () => {
  it('a plain email fills both the billing and the shipping email, neither marked a better fit elsewhere', () => {
    const described = { description: 'The email address of the customer' };
    const result = suggestMappings(
      entity('Customer', [field('email', described), field('name')]),
      entity('Order', [field('billing_address.email', described), field('shipping_address.email', { description: 'Where notices about the parcel are sent' })]),
    );
    const billing = top(result, 'billing_address.email')[0]!;
    const shipping = top(result, 'shipping_address.email')[0]!;
    expect([billing.source, shipping.source]).toEqual(['email', 'email']);
    expect(shipping.score).toBeGreaterThanOrEqual(0.5);
    expect(shipping.reasons.some((reason) => reason.startsWith('better fit for'))).toBe(false);
  });
});

describe('containers read through (JSON:API, list objects)', () => {
  const resource = entity('TransactionResource', [
    field('id'),
    field('type'),
    field('attributes.status', { enum: ['HELD', 'SETTLED'] }),
    field('attributes.description'),
    field('relationships.account.data.id'),
    field('relationships.account.data.type'),
    field('relationships.category.data.id'),
    field('relationships.category.data.type'),
  ]);
  it('attributes.* reads as the record’s own field; relationships.X.data.id as X’s id', () => {
    const result = suggestMappings(resource, entity('Transaction', [field('status'), field('description'), field('account_id'), field('category_id'), field('transaction_type')]));
    expect(top(result, 'status')[0]?.source).toBe('attributes.status');
    expect(top(result, 'description')[0]?.source).toBe('attributes.description');
    expect(top(result, 'account_id')[0]?.source).toBe('relationships.account.data.id');
    expect(top(result, 'category_id')[0]?.source).toBe('relationships.category.data.id');
  });
  it('a resource object’s or identifier’s type names the kind of resource: it fills no type of the record', () => {
    const result = suggestMappings(resource, entity('Transaction', [field('transaction_type'), field('category_type'), field('type')]));
    expect(top(result, 'category_type')).toEqual([]);
    expect(top(result, 'transaction_type')).toEqual([]);
    expect(top(result, 'type')).toEqual([]);
  });
  it('a list object’s data[] holds its elements (lines.data[].amount is a line’s amount)', () => {
    const result = suggestMappings(entity('CreditNote', [field('lines.data[].id'), field('lines.data[].amount', { type: 'integer' }), field('lines.url')]), entity('Note', [field('line_items[].id'), field('line_items[].amount', { type: 'integer' })]));
    expect(top(result, 'line_items[].id')[0]?.source).toBe('lines.data[].id');
    expect(top(result, 'line_items[].amount')[0]?.source).toBe('lines.data[].amount');
  });
  it('a container whose removal would make two fields read alike is kept', () => {
    const result = suggestMappings(entity('S', [field('status'), field('attributes.status')]), entity('T', [field('status')]));
    expect(top(result, 'status')[0]?.source).toBe('status');
  });
});

describe('money objects', () => {
  const transaction = entity('Transaction', [field('amount.amount', { type: 'number' }), field('amount.currency'), field('description')]);
  it('an amount in minor units (valueInBaseUnits, amount_cents) is the amount written another way', () => {
    const result = suggestMappings(transaction, entity('Payment', [field('total.value_in_base_units', { type: 'integer' }), field('total.currency_code')]));
    expect(top(result, 'total.value_in_base_units')[0]?.source).toBe('amount.amount');
    const flat = suggestMappings(entity('Charge', [field('amount', { type: 'number' }), field('fee_amount', { type: 'number' })]), entity('Refund', [field('amount_cents', { type: 'integer' })]));
    expect(top(flat, 'amount_cents')[0]?.source).toBe('amount');
  });
  it('another thing’s money (a cashback’s amount and currency) is not filled from the record’s own', () => {
    const result = suggestMappings(transaction, entity('Payment', [field('amount.value', { type: 'number' }), field('amount.currency_code'), field('cashback.amount.value', { type: 'number' }), field('cashback.amount.currency_code')]));
    expect(top(result, 'amount.currency_code')[0]?.source).toBe('amount.currency');
    expect(top(result, 'cashback.amount.currency_code')).toEqual([]);
    expect(top(result, 'cashback.amount.value')).toEqual([]);
  });
  it('whose money is read from the leaf’s own name first (price_amount, price_currency in a list are a price)', () => {
    const result = suggestMappings(
      entity('Item', [field('variations[].price_amount', { type: 'number' }), field('variations[].price_currency'), field('variations[].name')]),
      entity('Product', [field('variants[].prices[].unit_price', { type: 'number' }), field('variants[].prices[].currency')]),
    );
    expect(top(result, 'variants[].prices[].currency')[0]?.source).toBe('variations[].price_currency');
  });
  it('a cost is the price paid: cost.amount fills price.total_amount', () => {
    const result = suggestMappings(entity('Message', [field('cost.amount', { type: 'number' }), field('cost.currency')]), entity('Sms', [field('price.total_amount', { type: 'number' }), field('price.currency')]));
    expect(top(result, 'price.total_amount')[0]?.source).toBe('cost.amount');
    expect(top(result, 'price.currency')[0]?.source).toBe('cost.currency');
  });
});

describe('identifier conventions', () => {
  it('a sid is a (string) identifier', () => {
    const result = suggestMappings(entity('Message', [field('id'), field('messaging_service_id'), field('body')]), entity('Sms', [field('sid'), field('messaging_service_sid'), field('account_sid')]));
    expect(top(result, 'sid')[0]?.source).toBe('id');
    expect(top(result, 'messaging_service_sid')[0]?.source).toBe('messaging_service_id');
    expect(top(result, 'account_sid')).toEqual([]);
  });
});

describe('dates by role', () => {
  it('posting and booking dates are one date; a settled time is filled from it, not from the creation time', () => {
    const result = suggestMappings(
      entity('Transaction', [field('postDate', { format: 'date' }), field('createdDate', { format: 'date' }), field('bookingDate', { format: 'date' })]),
      entity('TransactionResource', [field('settledAt', { format: 'date-time' }), field('posted_on', { format: 'date' }), field('createdAt', { format: 'date-time' })]),
    );
    expect(top(result, 'posted_on')[0]?.source).toMatch(/^(postDate|bookingDate)$/);
    expect(top(result, 'settledAt')[0]?.source).toMatch(/^(postDate|bookingDate)$/);
    expect(top(result, 'createdAt')[0]?.source).toBe('createdDate');
  });
});

describe('lists of attributes, false friends, money owners of one word family', () => {
  it('a list of attributes is the record’s own list of name/value pairs: its leaves do not fill the record’s name or value', () => {
    const result = suggestMappings(
      entity('Product', [field('variants[].sku'), field('variants[].attributes[].name'), field('variants[].attributes[].value')]),
      entity('Item', [field('variants[].name'), field('variants[].value')]),
    );
    expect(top(result, 'variants[].name').map((c) => c.source)).not.toContain('variants[].attributes[].name');
    expect(top(result, 'variants[].value').map((c) => c.source)).not.toContain('variants[].attributes[].value');
  });
  it('a JSON:API object’s attributes are still read through (attributes.status fills status)', () => {
    const result = suggestMappings(entity('Charge', [field('id'), field('type'), field('attributes.status'), field('attributes.description')]), entity('Payment', [field('status'), field('memo')]));
    expect(top(result, 'status')[0]?.source).toBe('attributes.status');
  });
  it('words that begin alike and share a stem but not a meaning are no family: internal is not international', () => {
    const result = suggestMappings(entity('Transfer', [field('is_internal', { type: 'boolean' })]), entity('Payment', [field('is_international', { type: 'boolean' })]));
    expect(top(result, 'is_international')).toEqual([]);
  });
  it('a money object of a variation fills the variant’s money: word families reach whose money it is', () => {
    const result = suggestMappings(
      entity('Sale', [field('variation.amount', { type: 'number' }), field('variation.currency')]),
      entity('Order', [field('variant.amount', { type: 'number' }), field('variant.currency')]),
    );
    expect(top(result, 'variant.amount')[0]?.source).toBe('variation.amount');
    expect(top(result, 'variant.currency')[0]?.source).toBe('variation.currency');
  });
});

describe('words that are also names of an object\'s built-in properties', () => {
  it('a field named constructor is a word like any other (the word tables are plain objects)', () => {
    const result = suggestMappings(
      entity('Build', [field('constructor'), field('constructor_id'), field('created_at', { format: 'date-time' }), field('count', { type: 'integer' })]),
      entity('Job', [field('constructor'), field('constructorId'), field('name')]),
    );
    expect(top(result, 'constructor')[0]?.source).toBe('constructor');
    expect(top(result, 'constructorId')[0]?.source).toBe('constructor_id');
  });
});
