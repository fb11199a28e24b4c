import { describe, expect, it } from 'vitest';
import { checksByRow, filterCounts, sourceUsage } from '../../../src/renderer/src/areas/mapping/sheet-counts';
import { check, mappingRow } from '../fixtures';

describe('what the flow screen counts', () => {
  const rows = [
    mappingRow(1, { status: 'suggested', sourcePaths: ['orderNumber'] }),
    mappingRow(2, { status: 'accepted', sourcePaths: ['orderNumber', 'prefix'] }),
    mappingRow(3, { review: ['Source field removed'] }),
  ];
  const checks = [check(3, 'required_unmapped'), check(2, 'max_length', 'warning'), check(2, 'type_mismatch'), check(null, 'entity_missing')];

  it('groups the checks by row, leaving out those on the whole flow', () => {
    const byRow = checksByRow(checks);
    expect([...byRow.keys()].sort()).toEqual([2, 3]);
    expect(byRow.get(2)!.map((c) => c.kind)).toEqual(['max_length', 'type_mismatch']);
  });

  it('counts the rows under each filter', () => {
    expect(filterCounts(rows, checksByRow(checks))).toEqual({ all: 3, required: 1, mismatch: 1, review: 1, flagged: 1 });
    expect(filterCounts([], new Map())).toEqual({ all: 0, required: 0, mismatch: 0, review: 0, flagged: 0 });
  });

  it('counts the rows using each source field', () => {
    expect(sourceUsage(rows)).toEqual(new Map([['orderNumber', 2], ['prefix', 1]]));
  });
});
