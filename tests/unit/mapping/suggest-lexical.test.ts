// General lexical knowledge (issue 15): WordNet's synonyms and broader words from the shipped cut, and acronyms read
// from the names of the run.
import { describe, expect, it } from 'vitest';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { acronymRelations, shortenedRelations } from '../../../src/main/mapping/suggest/acronyms';
import { BROADER_SIMILARITY, lexicalSimilarity, SYNONYM_SIMILARITY } from '../../../src/main/mapping/suggest/wordnet';
import { entity, field } from '../../helpers/catalogue-fields';

const top = (result: ReturnType<typeof suggestMappings>, target: string) => result.find((entry) => entry.target === target)?.candidates ?? [];

describe('WordNet', () => {
  it('words sharing their first sense are synonyms; a word one level above is broader, and counts less', () => {
    expect(lexicalSimilarity('class', 'category')).toBe(SYNONYM_SIMILARITY);
    expect(lexicalSimilarity('expense', 'cost')).toBe(BROADER_SIMILARITY);
    expect(lexicalSimilarity('cost', 'expense')).toBe(BROADER_SIMILARITY);
    expect(BROADER_SIMILARITY).toBeLessThan(SYNONYM_SIMILARITY);
    expect(lexicalSimilarity('class', 'currency')).toBe(0);
    expect(lexicalSimilarity('qwzx', 'category')).toBe(0);
  });
  it('a synonym fills a name whose other words match (expenseCategory ← expenseClass)', () => {
    const result = suggestMappings(
      entity('TravelExpense', [field('expenseClass'), field('expenseDate', { format: 'date' }), field('guid')]),
      entity('ExpenseItem', [field('expenseCategory'), field('id')]),
    );
    expect(top(result, 'expenseCategory')[0]?.source).toBe('expenseClass');
  });
  it('a synonym alone is not enough to propose a pair (category ← class)', () => {
    const result = suggestMappings(entity('S', [field('class')]), entity('T', [field('category')]));
    expect(top(result, 'category')).toEqual([]);
  });
});

describe('acronyms', () => {
  it('a short word stands for the phrase of its initials when a name of the run spells it out', () => {
    const relations = acronymRelations(['po', 'gl'], [['purchase', 'order', 'number'], ['general', 'ledger', 'code']]);
    expect([...(relations.get('po') ?? [])]).toEqual(['purchase', 'order']);
    expect([...(relations.get('gl') ?? [])]).toEqual(['general', 'ledger']);
  });
  it('nothing when no name spells the phrase, or when the short word is an English word (go ≠ general order)', () => {
    expect(acronymRelations(['po'], [['payment', 'number']]).size).toBe(0);
    expect(acronymRelations(['go'], [['general', 'order']]).size).toBe(0);
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
  it('a short non-word stands for the one longer word of the run holding its letters in order (mgr ~ manager)', () => {
    expect([...shortenedRelations(['mgr', 'manager', 'cntr', 'container', 'tmp', 'template', 'temperature', 'tax', 'taxation'])]).toEqual([
      ['mgr', 'manager'],
      ['cntr', 'container'],
    ]);
  });
  it('whse_code fills warehouse_code', () => {
    const result = suggestMappings(entity('S', [field('whse_code'), field('bin_code')]), entity('T', [field('warehouse_code'), field('id')]));
    expect(top(result, 'warehouse_code')[0]?.source).toBe('whse_code');
  });
});
