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
