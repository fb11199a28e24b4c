import { describe, expect, it } from 'vitest';
import { walksTo } from '../../../src/renderer/src/areas/mapping/labels';
import { check, mappingRow } from '../fixtures';

describe('what N walks to', () => {
  const suggested = mappingRow(1, { status: 'suggested', sourcePaths: ['a'] });
  const accepted = mappingRow(2, { status: 'accepted', sourcePaths: ['b'] });
  const acceptedWithError = mappingRow(3, { status: 'accepted', sourcePaths: ['c'] });
  const unmapped = mappingRow(4, { status: 'needs_decision' });
  const checks = new Map([[3, [check(3, 'type_mismatch')]]]);
  const walked = (mode: 'attention' | 'suggestions' | 'all') =>
    [suggested, accepted, acceptedWithError, unmapped].filter((row) => walksTo(mode, row, checks.get(row.id))).map((row) => row.id);

  it('goes to rows needing attention, to suggestions only, or to every row', () => {
    expect(walked('attention')).toEqual([1, 3, 4]);
    expect(walked('suggestions')).toEqual([1]);
    expect(walked('all')).toEqual([1, 2, 3, 4]);
  });
});
