// Structural and role rules for pairs the engine has never seen (issue 15, round h15-struct): each signal alone, on small entities.
import { describe, expect, it } from 'vitest';
import { suggestMappings } from '../../../src/main/mapping/suggest';
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
  it('any person’s id is filled from any person’s before one in a role', () => {
    const result = suggestMappings(entity('Entry', [field('createdByResourceID'), field('resourceID')]), entity('Shift', [field('user_id')]));
    expect(top(result, 'user_id')[0]?.source).toBe('resourceID');
  });
});
