// Lookup ids from codes: a field holding the id of a row of a lookup table (`countryID`, `currency_id`: the other
// system's number for a country, a currency) is filled from a code or name of the same thing (`country` "NO",
// `currencyCode` "EUR") only through that table: each code maps to its id. So the pair is offered, less confident
// than a copy, with a reason saying a lookup is needed; never for a record's reference (`customer_id`), only for
// the kinds of things systems keep in lookup tables.
import type { Prepared } from './prepare';

/** What systems keep in lookup tables (term ids: the lexicon's groups where there is one). */
export const LOOKUP_TERMS = new Set(['c:country', 'c:currency', 'c:language', 'c:region', 'category']);

/** Words saying how a code is written (`currency_iso_code`), not what it names. */
const CODE_FORMS = new Set(['iso', 'alpha', 'code', 'name', 'abbreviation', 'symbol', 'c:identifier']);

/** The lookup term a field's name ends on (its head): an id of one (`billToCountryID`) or a code or name of one (`country`). */
export function lookupTerm(p: Prepared): string | undefined {
  if (p.enumKeys !== undefined && p.hasId) return undefined;
  const head = p.terms.filter((x) => !x.owner && !CODE_FORMS.has(x.term) && !/^\d+$/.test(x.term)).pop();
  if (head === undefined || !LOOKUP_TERMS.has(head.term)) return undefined;
  if (p.hasId) return p.baseType === 'integer' || p.baseType === 'string' ? head.term : undefined;
  return p.baseType === 'string' ? head.term : undefined;
}

/** Marks each field naming a lookup table's id or code. */
export function markLookups(fields: Prepared[]): void {
  for (const p of fields) p.lookup = lookupTerm(p);
}

/** An id of a lookup table against a code or name of the same thing. */
export const isLookupPair = (t: Prepared, s: Prepared): boolean => t.lookup !== undefined && t.lookup === s.lookup && t.hasId !== s.hasId;

/** How much less sure a pair needing a lookup is than a copy. */
export const LOOKUP_CONFIDENCE = 0.8;

/** The start of a lookup pair's reason (rows.ts makes such a row a lookup with the reason as its transformation). */
export const LOOKUP_REASON = /^an? (?:code|id), needs a lookup: /;

export const lookupReason = (t: Prepared, s: Prepared): string =>
  t.hasId
    ? `a code, needs a lookup: ${s.field.name} (a code or name) → its id in the target's table (a value map)`
    : `an id, needs a lookup: ${s.field.name} (an id in the source's table) → its code or name (a value map)`;
