import { describe, expect, it } from 'vitest';
import { removeById, replaceById, replaceEach } from '../../../src/renderer/src/state/list-edits';

describe('list edits', () => {
  const list = [
    { id: 1, name: 'one' },
    { id: 2, name: 'two' },
    { id: 3, name: 'three' },
  ];

  it('replaces a record in place, keeping the others as they were', () => {
    const next = replaceById(list, { id: 2, name: 'TWO' });
    expect(next.map((item) => item.name)).toEqual(['one', 'TWO', 'three']);
    expect(next[0]).toBe(list[0]);
    expect(list[1]!.name).toBe('two');
  });

  it('replaces several records by any key, and ignores records the list does not hold', () => {
    const roles = [
      { role: 'prepared', name: '' },
      { role: 'approved', name: '' },
    ];
    expect(replaceEach(roles, [{ role: 'approved', name: 'Ana' }, { role: 'reviewed', name: 'Bo' }], 'role')).toEqual([
      { role: 'prepared', name: '' },
      { role: 'approved', name: 'Ana' },
    ]);
  });

  it('removes a record by id', () => {
    expect(removeById(list, 1).map((item) => item.id)).toEqual([2, 3]);
    expect(removeById(list, 9)).toEqual(list);
  });
});
