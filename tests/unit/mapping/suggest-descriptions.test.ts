// Descriptions and enumeration values as evidence (issue 15): each signal alone, on small entities.
import { describe, expect, it } from 'vitest';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { entity, field } from '../../helpers/catalogue-fields';

const top = (result: ReturnType<typeof suggestMappings>, target: string) => result.find((entry) => entry.target === target)?.candidates ?? [];

describe('one-value enumerations', () => {
  it('a one-value enumeration named like the target, holding one of its values, is that field (direction: outbound)', () => {
    const result = suggestMappings(
      entity('OutboundMessage', [field('direction', { enum: ['outbound'] }), field('text')]),
      entity('Message', [field('direction', { enum: ['inbound', 'outbound-api', 'outbound-reply'] }), field('body')]),
    );
    expect(top(result, 'direction')[0]?.source).toBe('direction');
  });
  it('a value the target does not hold keeps it a constant (type: file against type: folder/link)', () => {
    const result = suggestMappings(entity('File', [field('type', { enum: ['file'] })]), entity('Item', [field('type', { enum: ['folder', 'web_link'] })]));
    expect(top(result, 'type').map((c) => c.source)).not.toContain('type');
  });
});

describe('descriptions naming the other field', () => {
  it('each description names the other field: body ("The message text.") ← text ("Message body…")', () => {
    const result = suggestMappings(
      entity('OutboundMessage', [field('text', { description: 'Message body (i.e., content) as a non-empty string.' }), field('encoding', { description: 'Encoding scheme used for the message body.' })]),
      entity('Message', [field('body', { description: 'The message text.' })]),
    );
    const best = top(result, 'body')[0];
    expect(best?.source).toBe('text');
    expect(best?.reasons).toContain("named in the target's description: text");
    expect(best?.reasons).toContain("the target named in the source's description: body");
  });
  it('without the descriptions the same names are not proposed', () => {
    const result = suggestMappings(entity('OutboundMessage', [field('text'), field('encoding')]), entity('Message', [field('body')]));
    expect(top(result, 'body')).toEqual([]);
  });
  it('one description naming the other field with a content word is enough: creditNoteNumber ← number ("Credit note number.")', () => {
    const result = suggestMappings(
      entity('credit_note', [field('number', { description: 'Credit note number.' }), field('memo')]),
      entity('CreditNote', [field('creditNoteNumber', { description: 'Friendly reference for the credit note.' })]),
    );
    expect(top(result, 'creditNoteNumber')[0]?.source).toBe('number');
  });
  it('a generic word alone in one description is not enough (The message text. ← text, no description back)', () => {
    const result = suggestMappings(entity('OutboundMessage', [field('text')]), entity('Message', [field('body', { description: 'The message text.' })]));
    expect(top(result, 'body')).toEqual([]);
  });
  it('"X of the Y" names the Y X: Layout ("The name of the print template") ← template_name', () => {
    const result = suggestMappings(
      entity('Label', [field('template_name'), field('zone')]),
      entity('Shipment', [field('Layout', { description: 'The name of the print template' })]),
    );
    expect(top(result, 'Layout')[0]?.source).toBe('template_name');
  });
  it('the phrase a sentence opens with names a field by its head: "The user event sequence number" is a number, not a user', () => {
    const result = suggestMappings(
      entity('File', [field('user'), field('size', { type: 'integer' })]),
      entity('Item', [field('sequence_id', { description: 'The user event sequence number, if any.' })]),
    );
    expect(top(result, 'sequence_id')).toEqual([]);
  });
  it('a description naming a field of its own side speaks of that field: note ("The order status.") beside order_status', () => {
    const result = suggestMappings(
      entity('Order', [field('order_status'), field('created')]),
      entity('Sale', [field('note', { description: 'The order status, if any.' }), field('order_status')]),
    );
    expect(top(result, 'order_status')[0]?.source).toBe('order_status');
    expect(top(result, 'note').map((c) => c.source)).not.toContain('order_status');
  });
  it('a description restating its own field’s name (amount: "The amount of money") names no other amount', () => {
    const result = suggestMappings(
      entity('Invoice', [field('grand_total', { type: 'number' })]),
      entity('Invoice', [field('fee_money.amount', { type: 'integer', description: 'The amount of money, in the smallest denomination.' })]),
    );
    expect(top(result, 'fee_money.amount')).toEqual([]);
  });
  it('the field a description names, under the target’s own name: from ("The phone number that sent it") ← from.phone_number', () => {
    const result = suggestMappings(
      entity('Sms', [field('from.phone_number', { description: 'Sending address.' }), field('from.carrier'), field('to[].phone_number'), field('to[].status')]),
      entity('Message', [field('from', { description: 'The phone number that sent the message.' })]),
    );
    const best = top(result, 'from')[0];
    expect(best?.source).toBe('from.phone_number');
    expect(best?.reasons).toContain("named in the target's description: phone_number (of from)");
  });
  it('a phrase qualified by a kind of value names something narrower: "The currency symbol" is not a security’s symbol', () => {
    const pair = (description: string) =>
      suggestMappings(entity('Transaction', [field('symbol', { description: 'The symbol of the security traded.' })]), entity('Transaction', [field('display', { description })]));
    expect(top(pair('The currency symbol.'), 'display')).toEqual([]);
    expect(top(pair('The ticker symbol.'), 'display')[0]?.source).toBe('symbol');
  });
  it('two enumerations with no value in common are not joined by their descriptions; sharing one, they are', () => {
    const pair = (sourceValues: string[]) =>
      suggestMappings(
        entity('Product', [field('classification', { enum: sourceValues, description: 'The product family.' })]),
        entity('Product', [field('family', { enum: ['hardware', 'software'], description: 'The product classification.' })]),
      );
    expect(top(pair(['retail', 'wholesale']), 'family')).toEqual([]);
    expect(top(pair(['hardware', 'services']), 'family')[0]?.source).toBe('classification');
  });
});
