// Durations in units: `duration`, `hours`, `timeSpentSeconds`, `duration_in_minutes`, "The amount of time off", a time
// entry's bare `quantity`. A duration fills a duration in another unit (with the conversion as a reason), never a point
// in time (`started`, `end_date`), however alike the names read.
import type { Prepared } from './prepare';
import { normalWords, ownValue, splitWords } from './tokens';

/** Units as written in names (raw, plural: `hour` alone is often an hour of the day) → the unit. */
const NAME_UNITS: Record<string, string> = {
  milliseconds: 'milliseconds', millis: 'milliseconds', ms: 'milliseconds', seconds: 'seconds', secs: 'seconds', minutes: 'minutes',
  mins: 'minutes', hours: 'hours', hrs: 'hours', days: 'days', weeks: 'weeks',
};
/** Units as written in descriptions (singular after stemming). */
const TEXT_UNITS: Record<string, string> = { millisecond: 'milliseconds', second: 'seconds', minute: 'minutes', hour: 'hours', day: 'days', week: 'weeks' };
const SECONDS: Record<string, number> = { milliseconds: 0.001, seconds: 1, minutes: 60, hours: 3600, days: 86400, weeks: 604800 };

/** Words that make a name a duration whatever its unit. */
const DURATION_WORDS = new Set(['duration', 'elapsed']);
/** A record about time (a time entry, a worklog, time off): its bare quantity is an amount of time. */
const TIME_RECORD_WORDS = new Set(['time', 'timesheet', 'worklog', 'timecard']);
const BARE_QUANTITIES = new Set(['quantity', 'amount', 'qty', 'amt']);

/** The unit of a duration field ('' when not said), or undefined when the field is no duration. */
export function durationUnit(p: Prepared, entityWords: readonly string[]): string | undefined {
  if (!NUMERIC_OR_TEXT.has(p.baseType) || p.field.format === 'date' || p.field.format === 'date-time') return undefined;
  const raw = splitWords(p.field.name);
  const words = normalWords(p.field.name);
  const described = describedUnit(p.field.description);
  const last = raw[raw.length - 1];
  const named = last !== undefined && p.baseType !== 'string' ? ownValue(NAME_UNITS, last) : undefined;
  if (named !== undefined) return named;
  if (words.some((word) => DURATION_WORDS.has(word)) || (words.includes('time') && words.includes('spent'))) return described ?? '';
  if (described !== undefined && p.baseType !== 'string') return described;
  if (raw.length === 1 && BARE_QUANTITIES.has(raw[0]!) && p.baseType !== 'string' && entityWords.some((word) => TIME_RECORD_WORDS.has(word))) return '';
  return undefined;
}
const NUMERIC_OR_TEXT = new Set(['number', 'integer', 'string']);

/** "The amount of time…", "The time in seconds…", "Number of hours…", "Duration in minutes": a duration, its unit if said. */
function describedUnit(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const text = normalWords(description.split(/[.;]/)[0]!).join(' ');
  const unit = /\b(?:time|duration) in (millisecond|second|minute|hour|day|week)\b|\bnumber of (millisecond|second|minute|hour|day|week)\b/.exec(text);
  if (unit) return TEXT_UNITS[unit[1] ?? unit[2]!];
  return /\b(?:amount of time|duration)\b/.test(text) ? '' : undefined;
}

/** Marks each field's duration unit (see durationUnit). */
export function markDurations(fields: Prepared[], entityName: string): void {
  const entityWords = normalWords(entityName.split('.').pop()!);
  for (const p of fields) {
    p.duration = durationUnit(p, entityWords);
    p.instant = isInstant(p);
  }
}

/** A point in time: a date or date-time, or named as one. */
export const isInstant = (p: Prepared): boolean =>
  p.field.format === 'date' || p.field.format === 'date-time' || p.terms.some((term) => INSTANT_TERMS.has(term.term));
const INSTANT_TERMS = new Set(['date', 'timestamp', 'c:created', 'c:updated', 'c:deleted', 'c:start date', 'c:end date', 'c:due date', 'c:completed at', 'c:posted']);

/** How a duration in one unit becomes one in the other, as a reason. */
export function conversion(from: string, to: string): string {
  if (from === '' && to === '') return 'durations (units not said: check them)';
  if (from === '' || to === '') return `durations: ${from || 'unit not said'} → ${to || 'unit not said'} (check the units)`;
  if (from === to) return `durations, both in ${from}`;
  const factor = SECONDS[from]! / SECONDS[to]!;
  return factor >= 1 ? `durations: ${from} → ${to} (multiply by ${round(factor)})` : `durations: ${from} → ${to} (divide by ${round(1 / factor)})`;
}
const round = (x: number) => String(Math.round(x * 1000) / 1000);
