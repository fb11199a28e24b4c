// A description as the record's name. A record with no name, title or subject of its own (a task, a contract described
// by one line) is named by its description; that fills the other record's name or title. Only then: where the record
// has a name, its description is the description.
import type { Prepared } from './prepare';

const NAME_TERMS = new Set(['name', 'c:title']);

/** The record's own name or title (`name`, `title`, `Subject`, `subscriptionName` on Subscription). */
const namesRecord = (p: Prepared) => p.top && p.terms.filter((term) => !term.owner).length === 1 && p.terms.some((term) => !term.owner && NAME_TERMS.has(term.term));

/** Marks the record's top-level description when the record has no name or title (see namedByDescription). */
export function markDescriptionNames(fields: Prepared[]): void {
  if (fields.some(namesRecord)) return;
  for (const p of fields) p.namesRecord = p.top && p.baseType === 'string' && p.terms.length === 1 && p.terms[0]!.term === 'c:description';
}

/** Whether a target's name or title is filled from the source's description, standing for its name. */
export const namedByDescription = (t: Prepared, s: Prepared): boolean => s.namesRecord && namesRecord(t);

/** How alike a name and a description standing for one read (as a name similarity). */
export const DESCRIPTION_NAME = 0.75;
