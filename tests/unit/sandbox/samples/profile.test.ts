import { describe, expect, it } from 'vitest';
import { profileRecords } from '../../../../src/main/sandbox/samples/profile';

describe('profileRecords', () => {
  const records = [
    { id: 1, name: 'Ann', tier: 'Gold', email: null, lines: [{ amount: 10.5 }, { amount: 3 }], tags: ['a', 'b'] },
    { id: 2, name: 'Bo', tier: 'Gold', email: 'bo@example.com', lines: [], tags: [] },
    { id: 3, name: 'Cecilia', tier: 'Silver', lines: [{ amount: -2 }], address: { city: 'Leeds' } },
    { id: 4, name: 'Dan', tier: null },
  ];
  const profile = profileRecords(records, { topValues: 2 });
  const field = (path: string) => profile.fields.find((each) => each.path === path)!;

  it('counts presence and nulls per record', () => {
    expect(profile.records).toBe(4);
    expect(field('email')).toMatchObject({ present: 2, nulls: 1, types: ['null', 'string'] });
    expect(field('tier')).toMatchObject({ present: 4, nulls: 1 });
    expect(field('address.city')).toMatchObject({ present: 1, nulls: 0, top: [{ value: 'Leeds', count: 1 }] });
  });

  it('ranks values, most frequent first, and bounds the list', () => {
    expect(field('tier').top).toEqual([
      { value: 'Gold', count: 2 },
      { value: 'Silver', count: 1 },
    ]);
    expect(field('id')).toMatchObject({ distinct: 4, top: [{ value: '1', count: 1 }, { value: '2', count: 1 }] });
  });

  it('gives numeric ranges and length ranges, through arrays of objects', () => {
    expect(field('id')).toMatchObject({ min: 1, max: 4, types: ['integer'] });
    expect(field('lines[].amount')).toMatchObject({ present: 2, min: -2, max: 10.5, types: ['number', 'integer'] });
    expect(field('name')).toMatchObject({ minLength: 2, maxLength: 7 });
    expect(field('tags')).toMatchObject({ present: 2, minLength: 0, maxLength: 2, types: ['array'] });
    expect(field('name').min).toBeUndefined();
  });

  it('profiles nothing from no records', () => {
    expect(profileRecords([])).toEqual({ records: 0, fields: [] });
  });
});
