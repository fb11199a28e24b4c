// General rules added for pairs the engine has never seen (issue 15): each signal alone, on small entities.
import { describe, expect, it } from 'vitest';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { ownerTerms } from '../../../src/main/mapping/suggest/prepare';
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
