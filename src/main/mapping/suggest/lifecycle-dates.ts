// When a record's life starts and ends. English and API documents name the two ends of a validity or a term by many
// words: a contract is effective, activated or commences on its start date, and expires or terminates on its end
// date; a price is valid from one date until (to) another. Two points in time naming the same end are one date.
import type { Prepared } from './prepare';

/**
 * Words naming the start of a record's life beyond the start-date concept (start, begin: the lexicon's group, whose
 * words are read as its term so that leaving that group out leaves them out here too).
 */
const START_WORDS = new Set(['effective', 'activation', 'activated', 'commencement', 'commence', 'commenced']);
/** Words naming its end beyond the end-date concept (`expires_at` reads as expire, at). */
const END_WORDS = new Set(['expiration', 'expiry', 'expire', 'expired', 'termination', 'terminate', 'terminated', 'until', 'close', 'closed', 'closing']);
/** Words saying the date is foreseen, not yet happened (`projectedCloseDate`, `expected_end_at`). */
const FORECAST_WORDS = new Set(['expected', 'expect', 'projected', 'estimated', 'estimate', 'planned', 'plan', 'forecast', 'anticipated', 'predicted']);

export type Lifecycle = 'start' | 'end' | 'expected start' | 'expected end';
/** `from` and `to` name the ends of a validity only beside one of these (`valid_from`, `date_to`, `effective_to`). */
const RANGE_WORDS = new Set(['valid', 'validity', 'effective', 'date']);

const DATE_WORDS = new Set(['date', 'time', 'timestamp', 'datetime', 'at', 'on']);

/** A point in time's end of the record's life, undefined when it names neither. */
export function lifecycleEnd(p: Prepared): Lifecycle | undefined {
  const end = actualEnd(p);
  return end && p.words.some((word) => FORECAST_WORDS.has(word)) ? `expected ${end}` : end;
}

function actualEnd(p: Prepared): 'start' | 'end' | undefined {
  // A date of the record's, not of a list's elements; and a date, not a reading named for its end (`odometerEnd`).
  const words = p.words;
  // `expires_at`, `terminated_on`: a name ending in at/on is a point in time by API convention, whatever its format.
  const instant = p.instant || (p.baseType === 'string' && (words[words.length - 1] === 'at' || words[words.length - 1] === 'on'));
  if (!instant || p.duration !== undefined || p.element) return undefined;
  if (p.field.format !== 'date' && p.field.format !== 'date-time' && p.baseType !== 'string' && !words.some((word) => DATE_WORDS.has(word))) return undefined;
  const range = words.some((word) => RANGE_WORDS.has(word));
  // An end word wins: `effective_to` and `effectiveUntil` are when it stops being effective.
  if (words.some((word) => END_WORDS.has(word) || (range && word === 'to')) || p.terms.some((term) => term.term === 'c:end date')) return 'end';
  if (words.some((word) => START_WORDS.has(word) || (range && word === 'from')) || p.terms.some((term) => term.term === 'c:start date')) return 'start';
  return undefined;
}

/** Marks each point in time's end of life (after markDurations, which tells points in time). */
export function markLifecycleEnds(fields: Prepared[]): void {
  for (const p of fields) p.lifecycle = lifecycleEnd(p);
}

/** How alike two dates naming the same end of a record's life read (as a name similarity). */
export const LIFECYCLE_NAME = 0.8;

export const lifecycleReason = (end: Lifecycle): string =>
  (end.endsWith('start') ? 'both when it starts (effective, activated, begins, valid from)' : 'both when it ends (expires, terminates, valid until)') +
  (end.startsWith('expected') ? ', both expected' : '');
