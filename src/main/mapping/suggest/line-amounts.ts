// Line vs record: an amount inside a list's elements (`lineItems[].subTotal`, `line_items[].total_amount`) is one
// line's, the same name at the top (`sub_total`) is the whole record's. Amounts of different levels do not fill each
// other unless nothing at the right level does.
import type { Prepared } from './prepare';
import { nameTerms, splitWords } from './tokens';

/** Terms naming an amount of money (lexicon concepts and plain words). */
const AMOUNT_TERMS = new Set(['c:total', 'c:sub total', 'amount', 'c:price', 'c:tax', 'c:discount', 'c:balance', 'cost']);

/** Where an amount is: in a line (`lineItems[].subTotal`, `Positions[].TotalNetValue`), at the record's top, or elsewhere. */
export type AmountLevel = 'line' | 'record' | undefined;

/** Marks each amount's level: fields whose name holds an amount term. Amounts in other lists (discounts, taxes) have none. */
export function markAmounts(fields: Prepared[]): void {
  for (const p of fields) p.amountLevel = p.terms.some((term) => AMOUNT_TERMS.has(term.term)) ? levelOf(p.field.path) : undefined;
}

function levelOf(path: string): AmountLevel {
  const lists = path.split('.').filter((segment) => segment.endsWith('[]'));
  if (lists.length === 0) return 'record';
  return lists.length === 1 && isLineList(lists[0]!) ? 'line' : undefined;
}

/** A list of an order's or invoice's lines: `line_items`, `lines`, `items`, `positions`. */
const isLineList = (segment: string) => {
  const words = splitWords(segment.replace(/\[\]$/, ''));
  return nameTerms(segment.replace(/\[\]$/, '')).includes('c:line item') || words.includes('positions') || words.includes('position');
};

/** One is a line's amount, the other the record's. */
export const levelsDiffer = (t: Prepared, s: Prepared): boolean =>
  t.amountLevel !== undefined && s.amountLevel !== undefined && t.amountLevel !== s.amountLevel;
