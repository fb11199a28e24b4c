// Structural and role rules for pairs the engine has never seen (issue 15, round h15-struct): each signal alone, on small entities.
import { describe, expect, it } from 'vitest';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { namingViews } from '../../../src/main/mapping/suggest/naming-views';
import { nameTerms } from '../../../src/main/mapping/suggest/tokens';
import { entity, field } from '../../helpers/catalogue-fields';

const top = (result: ReturnType<typeof suggestMappings>, target: string) => result.find((entry) => entry.target === target)?.candidates ?? [];

describe('people in roles, as English names them', () => {
  it('a past participle and "by", an agent noun and a verb with a person noun name one role', () => {
    expect(nameTerms('approver')).toEqual(nameTerms('approved_by'));
    expect(nameTerms('modifier')).toEqual(nameTerms('last_modified_by'));
    expect(nameTerms('updateAuthor')).toEqual(nameTerms('lastUpdatedBy'));
    expect(nameTerms('creatorResourceID')).toEqual(nameTerms('createdById'));
  });
  it('a person noun after a role says only that a person holds it: created_by ← createdByResourceID', () => {
    const result = suggestMappings(
      entity('Request', [field('createdByResourceID', { type: 'integer' }), field('lastModifiedByResourceID', { type: 'integer' }), field('resourceID', { type: 'integer' })]),
      entity('Leave', [field('created_by'), field('updated_by'), field('approver')]),
    );
    expect(top(result, 'created_by')[0]?.source).toBe('createdByResourceID');
    expect(top(result, 'updated_by')[0]?.source).toBe('lastModifiedByResourceID');
    expect(top(result, 'approver')).toEqual([]);
  });
  it('a person object inside a role is that role’s person (lastModifiedBy.user.id ← lastModifiedByUserId)', () => {
    const result = suggestMappings(
      entity('Entry', [field('lastModifiedByUserId'), field('createdByUserId'), field('userId')]),
      entity('Shift', [field('lastModifiedBy.user.id'), field('createdBy.user.id')]),
    );
    expect(top(result, 'lastModifiedBy.user.id')[0]?.source).toBe('lastModifiedByUserId');
    expect(top(result, 'createdBy.user.id')[0]?.source).toBe('createdByUserId');
  });
  it('each role’s given name is split from that role’s whole name, whichever role comes first', () => {
    const result = suggestMappings(
      entity('Worklog', [field('author.displayName'), field('updateAuthor.displayName')]),
      entity('TimeEntry', [field('createdBy.firstName'), field('lastUpdatedBy.firstName')]),
    );
    expect(top(result, 'createdBy.firstName')[0]?.source).toBe('author.displayName');
    expect(top(result, 'lastUpdatedBy.firstName')[0]?.source).toBe('updateAuthor.displayName');
    expect(top(result, 'lastUpdatedBy.firstName')[0]?.reasons[0]).toBe('split: displayName (a full name) → given name');
  });
  it('any person’s id is filled from any person’s before one in a role', () => {
    const result = suggestMappings(entity('Entry', [field('createdByResourceID'), field('resourceID')]), entity('Shift', [field('user_id')]));
    expect(top(result, 'user_id')[0]?.source).toBe('resourceID');
  });
});

describe('flat legs read as nested objects', () => {
  it('siblings sharing a leg prefix (shipToCity, shipToState) read as shipTo.city; a lone shipping_cost does not', () => {
    const views = namingViews(entity('Order', [field('shipToCity'), field('shipToState')]));
    expect(views.get('shipToCity')).toEqual({ path: 'ship_to.city', parent: 'ship_to', readAs: 'city' });
    expect(namingViews(entity('Order', [field('shipping_cost', { type: 'number' }), field('billing_city')])).size).toBe(0);
  });
  it('flat ship-to and bill-to fields take the nested shipping and billing address leaves, each its own leg', () => {
    const result = suggestMappings(
      entity('PurchaseOrder', [field('shipping_address.city'), field('shipping_address.postal_code'), field('billing_address.city'), field('billing_address.postal_code')]),
      entity('Order', [field('shipToCity'), field('shipToPostalCode'), field('billToCity'), field('billToPostalCode')]),
    );
    expect(top(result, 'shipToCity')[0]?.source).toBe('shipping_address.city');
    expect(top(result, 'shipToPostalCode')[0]?.source).toBe('shipping_address.postal_code');
    expect(top(result, 'billToCity')[0]?.source).toBe('billing_address.city');
  });
  it('a shipping address is the recipient’s (a customer’s contact), not the supplier’s', () => {
    const result = suggestMappings(
      entity('PurchaseOrder', [field('shipping_address.email'), field('supplier.email'), field('shipping_cost.name')]),
      entity('Order', [field('shipTo.contact.email'), field('customer.name')]),
    );
    expect(top(result, 'shipTo.contact.email')[0]?.source).toBe('shipping_address.email');
    expect(top(result, 'customer.name')).toEqual([]);
  });
});

describe('durations in units', () => {
  it('a duration fills a duration in another unit, the conversion as its reason', () => {
    const result = suggestMappings(
      entity('Worklog', [field('timeSpentSeconds', { type: 'integer' }), field('started', { format: 'date-time' }), field('issueId')]),
      entity('Timesheet', [field('duration_in_minutes', { type: 'number' })]),
    );
    const [first] = top(result, 'duration_in_minutes');
    expect(first?.source).toBe('timeSpentSeconds');
    expect(first?.reasons).toContain('durations: seconds → minutes (divide by 60)');
  });
  it('a time record’s bare quantity and an amount described as time are durations', () => {
    const result = suggestMappings(
      entity('Request', [field('hours', { type: 'number' }), field('rate', { type: 'number' })]),
      entity('TimeEntry', [field('quantity', { type: 'number' })]),
    );
    expect(top(result, 'quantity')[0]?.source).toBe('hours');
    const leave = suggestMappings(entity('Request', [field('hours', { type: 'number' })]), entity('Leave', [field('amount', { type: 'number', description: 'The amount of time off requested.' })]));
    expect(top(leave, 'amount')[0]?.source).toBe('hours');
  });
  it('a duration is not a point in time, however alike the names (time_spent ← spent_minutes, not spent_at)', () => {
    const result = suggestMappings(
      entity('Log', [field('spent_at', { format: 'date-time' }), field('spent_minutes', { type: 'integer' })]),
      entity('Entry', [field('time_spent', { type: 'number' })]),
    );
    const shown = top(result, 'time_spent');
    expect(shown[0]?.source).toBe('spent_minutes');
    expect(shown.map((c) => c.source)).not.toContain('spent_at');
  });
});

describe('dates by role', () => {
  it('a record’s own date (EntryDate) ← when it started, before when it was created', () => {
    const result = suggestMappings(
      entity('Worklog', [field('created', { format: 'date-time' }), field('started', { format: 'date-time' }), field('comment')]),
      entity('Timesheet', [field('EntryDate', { format: 'date-time' })]),
    );
    const [first] = top(result, 'EntryDate');
    expect(first?.source).toBe('started');
    expect(first?.reasons).toContain("the record's own date ← the start date");
  });
  it('a document’s own date ← its issue date; two records’ own dates are one; submitted ~ issued', () => {
    const result = suggestMappings(
      entity('Invoice', [field('created_at', { format: 'date-time' }), field('issued_on', { format: 'date' }), field('invoice_date', { format: 'date' })]),
      entity('Bill', [field('document_date', { format: 'date' }), field('submitDateTime', { format: 'date-time' })]),
    );
    expect(top(result, 'document_date')[0]?.source).toBe('invoice_date');
    expect(top(result, 'submitDateTime')[0]?.source).toBe('issued_on');
    const noOwnDate = suggestMappings(entity('Invoice', [field('created_at', { format: 'date-time' }), field('issued_on', { format: 'date' })]), entity('Bill', [field('date', { format: 'date' })]));
    expect(top(noOwnDate, 'date')[0]?.source).toBe('issued_on');
  });
  it('a date with a role of its own (due_date) is not the record’s date', () => {
    const result = suggestMappings(entity('Invoice', [field('issued_on', { format: 'date' })]), entity('Bill', [field('due_date', { format: 'date' })]));
    expect(top(result, 'due_date')).toEqual([]);
  });
});

describe('versions of the record', () => {
  it('an object named after the record with one qualifier (draftTimeOff on TimeOff) holds the record’s own fields', () => {
    const views = namingViews(entity('TimeOff', [field('draftTimeOff.startDateTime', { format: 'date-time' }), field('sharedTimeOff.startDateTime', { format: 'date-time' }), field('policy.startDateTime', { format: 'date-time' })]));
    expect(views.get('draftTimeOff.startDateTime')).toMatchObject({ path: 'startDateTime', parent: undefined });
    expect(views.get('policy.startDateTime')).toBeUndefined();
    const result = suggestMappings(
      entity('TimeOffRequest', [field('startTime', { format: 'date-time' }), field('endTime', { format: 'date-time' })]),
      entity('TimeOff', [field('draftTimeOff.startDateTime', { format: 'date-time' }), field('sharedTimeOff.endDateTime', { format: 'date-time' })]),
    );
    expect(top(result, 'draftTimeOff.startDateTime')[0]?.source).toBe('startTime');
    expect(top(result, 'sharedTimeOff.endDateTime')[0]?.source).toBe('endTime');
  });
});

describe('an entry of the record', () => {
  it('TimesheetEntryID on Timesheet is the record’s own id (entity prefix and "entry")', () => {
    const result = suggestMappings(entity('Worklog', [field('id'), field('issueId')]), entity('TimesheetDetails', [field('TimesheetEntryID', { type: 'integer' })]));
    expect(top(result, 'TimesheetEntryID')[0]?.source).toBe('id');
  });
});
