// Dates of other events. A point in time named for another thing the record refers to and an event
// (`date_stage_changed` beside `stage_id`, `date_lead_created` beside `lead_id`) says when that thing happened; the
// record's own created or updated time (`created_at`, `lastModifiedDate`) is not it, whatever the shared "created" or
// "changed". A word that names no such thing qualifies the record's own event (`content_created_at`, `sourceModifiedDate`).
import type { Prepared } from './prepare';
import { normalWords } from './tokens';

/** Words of a date or date-time name. */
const DATE_WORDS = new Set(['date', 'time', 'datetime', 'timestamp', 'utc', 'at', 'on', 'day']);
/** Events every record has: it was made, changed or removed. */
const EVENT_WORDS = new Set([
  'create', 'created', 'creation', 'update', 'updated', 'change', 'changed', 'modify', 'modified', 'modification',
  'edit', 'edited', 'delete', 'deleted', 'deletion',
]);
/** Which occurrence of an event (`last_updated`, `first_changed`). */
const WHICH_WORDS = new Set(['last', 'first', 'latest', 'recent', 'most']);

/**
 * A top-level point in time's event: 'record' for the record's own creation or change (an event word, and no word
 * naming another thing), 'other' for the event of a thing the record refers to (`stage_last_changed_at`), undefined
 * otherwise.
 */
export function eventOf(p: Prepared, entityWords: readonly string[], things: ReadonlySet<string>): 'record' | 'other' | undefined {
  if (!p.top || !p.instant || p.duration !== undefined) return undefined;
  const words = normalWords(p.field.name);
  const event = words.some((word) => EVENT_WORDS.has(word));
  const which = words.some((word) => WHICH_WORDS.has(word));
  if (!event && !which) return undefined;
  const subject = words.filter((word) => !DATE_WORDS.has(word) && !EVENT_WORDS.has(word) && !WHICH_WORDS.has(word) && !entityWords.includes(word));
  if (subject.some((word) => things.has(word))) return 'other';
  return event ? 'record' : undefined;
}

const ID_WORDS = new Set(['id', 'ids', 'identifier', 'key', 'guid', 'uuid', 'ref', 'reference', 'code', 'number']);

/** The words naming the things a record refers to: its references' and identifiers' names (`lead_id`, `pipeline_stage_id`), its objects'. */
function referredThings(fields: readonly Prepared[], entityWords: readonly string[]): Set<string> {
  const things = new Set<string>();
  const add = (name: string) => {
    for (const word of normalWords(name)) if (!ID_WORDS.has(word) && !entityWords.includes(word)) things.add(word);
  };
  for (const p of fields) {
    if (p.top && (p.hasId || p.reference)) add(p.field.name);
    const parent = p.field.parent?.split('.')[0];
    if (parent) add(parent.replace(/\[\]/g, ''));
  }
  return things;
}

/** Marks each top-level point in time's event (after markDurations, which tells points in time). */
export function markEvents(fields: Prepared[], entityName: string): void {
  const entityWords = normalWords(entityName.split('.').pop()!);
  const things = referredThings(fields, entityWords);
  for (const p of fields) p.event = eventOf(p, entityWords, things);
}

/** Another thing's event against the record's own creation or change. */
export const OTHER_EVENT = 0.6;

export const otherEvent = (t: Prepared, s: Prepared): boolean => (t.event === 'other' && s.event === 'record') || (t.event === 'record' && s.event === 'other');
