// Acronyms and shortened words read from the names of the run (issue 15), not from a hand list.
import { describe, expect, it } from 'vitest';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { acronymRelations, shortenedRelations } from '../../../src/main/mapping/suggest/acronyms';
import { entity, field } from '../../helpers/catalogue-fields';

const top = (result: ReturnType<typeof suggestMappings>, target: string) => result.find((entry) => entry.target === target)?.candidates ?? [];

describe('acronyms', () => {
  it('a short word of one side stands for the phrase of its initials that the other side spells out', () => {
    const relations = acronymRelations(['po', 'gl'], [[['po', 'number'], ['gl', 'code']], [['purchase', 'order', 'number'], ['general', 'ledger', 'code']]]);
    expect([...(relations.get('po') ?? [])]).toEqual(['purchase', 'order']);
    expect([...(relations.get('gl') ?? [])]).toEqual(['general', 'ledger']);
  });
  it('nothing when the other side does not spell the phrase, when only its own side does, or when the short word is an English word', () => {
    expect(acronymRelations(['po'], [[['po', 'number']], [['payment', 'number']]]).size).toBe(0);
    expect(acronymRelations(['ip'], [[['ip', 'address'], ['item', 'price']], [['address']]]).size).toBe(0);
    expect(acronymRelations(['go'], [[['go']], [['general', 'order']]]).size).toBe(0);
  });
  it('po_number fills purchaseOrderNumber, gl_code fills generalLedgerCode', () => {
    const result = suggestMappings(
      entity('PurchaseOrder', [field('po_number'), field('reference'), field('gl_code'), field('memo')]),
      entity('Order', [field('purchaseOrderNumber'), field('generalLedgerCode'), field('id')]),
    );
    expect(top(result, 'purchaseOrderNumber')[0]?.source).toBe('po_number');
    expect(top(result, 'generalLedgerCode')[0]?.source).toBe('gl_code');
  });
});

describe('shortened words', () => {
  it('a short non-word of one side stands for the one longer word of the other side holding its letters in order (mgr ~ manager)', () => {
    const words = ['mgr', 'cntr', 'tmp', 'txn', 'manager', 'container', 'template', 'temperature', 'tax', 'taxation'];
    const sides = [[['mgr', 'cntr', 'tmp', 'tax']], [['manager', 'container', 'template', 'temperature', 'taxation']]];
    expect([...shortenedRelations(words, sides)]).toEqual([
      ['mgr', 'manager'],
      ['cntr', 'container'],
    ]);
  });
  it('not from a word of its own side, nor when the short word is an acronym of the other side', () => {
    expect(shortenedRelations(['mgr', 'manager'], [[['mgr'], ['manager']], [['name']]]).size).toBe(0);
    expect(shortenedRelations(['ssn', 'session'], [[['ssn']], [['session']]], new Map([['ssn', new Set(['social', 'security', 'number'])]])).size).toBe(0);
  });
  it('whse_code fills warehouse_code', () => {
    const result = suggestMappings(entity('S', [field('whse_code'), field('bin_code')]), entity('T', [field('warehouse_code'), field('id')]));
    expect(top(result, 'warehouse_code')[0]?.source).toBe('whse_code');
  });
});
