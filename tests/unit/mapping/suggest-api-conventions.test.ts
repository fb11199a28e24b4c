// General rules of API conventions and English for pairs the engine has never seen (issue 15, round h15-gen): each rule alone, on small entities.
import { describe, expect, it } from 'vitest';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { namingViews } from '../../../src/main/mapping/suggest/naming-views';
import { entity, field } from '../../helpers/catalogue-fields';

const top = (result: ReturnType<typeof suggestMappings>, target: string) => result.find((entry) => entry.target === target)?.candidates ?? [];

describe('value wrappers', () => {
  it('a `value` leaf alone or beside its format reads as the object holding it; money and name/value lists stay', () => {
    const views = namingViews(
      entity('Coupon', [
        field('date_end.value'),
        field('date_end.format'),
        field('dates.deadline.value', { type: 'integer', format: 'int64' }),
        field('amount.value', { type: 'number' }),
        field('amount.currency'),
        field('custom[].name'),
        field('custom[].value'),
      ]),
    );
    expect(views.get('date_end.value')).toEqual({ path: 'date_end', parent: undefined, readAs: 'date_end' });
    expect(views.get('dates.deadline.value')).toEqual({ path: 'dates.deadline', parent: 'dates', readAs: 'deadline' });
    expect(views.has('amount.value')).toBe(false);
    expect(views.has('custom[].value')).toBe(false);
  });
  it('a wrapped date is the record’s own date: its role is read (a start date fills the record’s date)', () => {
    const result = suggestMappings(entity('Coupon', [field('date_start.value'), field('date_start.format'), field('code')]), entity('Booking', [field('BookingDate', { format: 'date-time' })]));
    expect(top(result, 'BookingDate')[0]?.source).toBe('date_start.value');
  });
});

describe('lifecycle dates', () => {
  const subscription = entity('Subscription', [
    field('SubscriptionStartDate', { format: 'date' }),
    field('SubscriptionEndDate', { format: 'date' }),
    field('CreatedDate', { format: 'date-time' }),
  ]);
  it('effective, activation, valid from name the start; expiration, termination, valid until the end', () => {
    const result = suggestMappings(
      subscription,
      entity('Contract', [field('effectiveDate', { format: 'date-time' }), field('expirationDate', { format: 'date-time' }), field('valid_until', { format: 'date' })]),
    );
    expect(top(result, 'effectiveDate')[0]?.source).toBe('SubscriptionStartDate');
    expect(top(result, 'expirationDate')[0]?.source).toBe('SubscriptionEndDate');
    expect(top(result, 'expirationDate')[0]?.reasons).toContain('both when it ends (expires, terminates, valid until)');
    const until = suggestMappings(subscription, entity('Price', [field('valid_until', { format: 'date' })]));
    expect(top(until, 'valid_until')[0]?.source).toBe('SubscriptionEndDate');
    // A name ending in at/on is a point in time whatever its format says.
    const expires = suggestMappings(subscription, entity('Promotion', [field('expires_at'), field('name')]));
    expect(top(expires, 'expires_at')[0]?.source).toBe('SubscriptionEndDate');
  });
  it('not a reading named for its end, nor a date of a list’s elements', () => {
    const result = suggestMappings(
      entity('Trip', [field('travelStartTime', { format: 'date-time' }), field('travelEndTime', { format: 'date-time' })]),
      entity('Expense', [field('odometerEnd', { type: 'number' }), field('breakpoints[].effectiveDate', { format: 'date-time' })]),
    );
    expect(top(result, 'odometerEnd')).toEqual([]);
    expect(top(result, 'breakpoints[].effectiveDate')).toEqual([]);
  });
});

describe('bare references', () => {
  const appointment = entity('Appointment', [
    field('patient', { type: 'integer' }),
    field('office', { description: 'Office ID' }),
    field('duration', { type: 'integer' }),
    field('office_name'),
    field('patient_name'),
  ]);
  const visit = entity('Visit', [field('patient_id', { type: 'integer' }), field('office_id'), field('office_name'), field('patient_name'), field('duration_id')]);
  it('a whole number or a described identifier named after a record holds its id, and is not its name', () => {
    const result = suggestMappings(appointment, visit);
    expect(top(result, 'patient_id')[0]?.source).toBe('patient');
    expect(top(result, 'patient_id')[0]?.reasons).toContain('a reference filled from the identifier of what it names');
    expect(top(result, 'office_id')[0]?.reasons).toContain('a reference filled from the identifier of what it names');
    expect(top(result, 'office_name').map((candidate) => candidate.source)).toEqual(['office_name']);
    expect(top(result, 'patient_name').map((candidate) => candidate.source)).toEqual(['patient_name']);
  });
  it('a whole number named for a measure is not a reference', () => {
    const result = suggestMappings(appointment, visit);
    expect(top(result, 'duration_id')[0]?.reasons ?? []).not.toContain('a reference filled from the identifier of what it names');
  });
});

describe('a description as the record’s name', () => {
  it('fills a name or title when the source record has none, and only then', () => {
    const unnamed = suggestMappings(entity('TaskDto', [field('description'), field('status')]), entity('Task', [field('title'), field('Comment')]));
    expect(top(unnamed, 'title')[0]?.source).toBe('description');
    expect(top(unnamed, 'title')[0]?.reasons).toContain('the description names the record (it has no name or title)');
    // A comment is not a name: whatever relates it to a description, this rule does not.
    expect(top(unnamed, 'Comment').flatMap((candidate) => candidate.reasons)).not.toContain('the description names the record (it has no name or title)');
    const named = suggestMappings(entity('TaskDto', [field('name'), field('description')]), entity('Task', [field('title')]));
    expect(top(named, 'title').map((candidate) => candidate.source)).not.toContain('description');
  });
});
