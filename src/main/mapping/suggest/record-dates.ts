// Dates by role. A record's own date (`date`, `EntryDate`, `eventDate`, an Expense's `expenseDate`: a date named by
// nothing but the record) is, when the other side has no such date, the date the record's event happened: when it was
// issued or submitted (a document), when it started (work, an event), else when it was created. Two records' own dates
// are one date, and so are two dates of handing a document over (issued ~ submitted ~ sent). Not the other way: a
// source's own date (an order's date) does not say when the target was issued.
import type { Prepared } from './prepare';
import { normalWords } from './tokens';

/** Words naming a record in general: `entry_date`, `event_date`, `document_date` are the record's date. */
const RECORD_WORDS = new Set(['entry', 'event', 'record', 'document', 'transaction']);
/** Words of a date or date-time name. */
const DATE_WORDS = new Set(['date', 'time', 'datetime', 'timestamp', 'day', 'utc', 'on', 'at']);
/** Words saying a document was handed over (issued, submitted, sent). */
const ISSUE_WORDS = new Set(['issue', 'issued', 'submit', 'submitted', 'sent', 'send']);

/** How alike a record's own date reads to a date of each role (as a name similarity). */
const ROLE_NAME: Record<string, number> = { record: 0.85, issued: 0.7, start: 0.65, created: 0.55 };

/** The role of a top-level date (see ROLE_NAME), undefined when none or not a date. */
export function dateRole(p: Prepared, entityWords: readonly string[]): string | undefined {
  if (!p.top || !p.instant || p.duration !== undefined) return undefined;
  const words = p.words;
  const rest = words.filter((word) => !DATE_WORDS.has(word));
  if (words.some((word) => word === 'date' || word === 'datetime') && rest.every((word) => RECORD_WORDS.has(word) || entityWords.includes(word))) return 'record';
  if (words.some((word) => ISSUE_WORDS.has(word))) return 'issued';
  const terms = p.terms.map((term) => term.term);
  if (terms.includes('c:start date')) return 'start';
  if (terms.includes('c:created')) return 'created';
  return undefined;
}

/** Marks each top-level date's role. */
export function markDateRoles(fields: Prepared[], entityName: string): void {
  const entityWords = normalWords(entityName.split('.').pop()!);
  for (const p of fields) p.dateRole = dateRole(p, entityWords);
}

/** The name similarity of a target date with a source date by their roles (0 when the roles say nothing). */
export function recordDateName(t: Prepared, s: Prepared): number {
  if (t.dateRole === undefined || s.dateRole === undefined) return 0;
  // Issued, submitted and sent all name when a document was handed over.
  if (t.dateRole === 'issued' && s.dateRole === 'issued') return ROLE_NAME.record!;
  // One way only: the source's own date may be any of its events, so it does not say when the target was issued.
  return t.dateRole === 'record' ? ROLE_NAME[s.dateRole]! : 0;
}

export const recordDateReason = (t: Prepared, s: Prepared): string =>
  t.dateRole === s.dateRole ? (t.dateRole === 'record' ? "both the record's own date" : 'both when it was issued (submitted, sent)') : `the record's own date ← the ${s.dateRole} date`;
