import { describe, expect, it } from 'vitest';
import { COLUMN_SETS, splitPath, TEMPLATE_COLUMNS } from '../../../src/renderer/src/areas/mapping/sheet-layout';

describe('the sheet layout', () => {
  it('cuts a path before its leaf, so that a narrow cell keeps the leaf', () => {
    expect(splitPath('additionalDirectDeposit[].bankAccount.routingNumber')).toEqual({ head: 'additionalDirectDeposit[].bankAccount.', leaf: 'routingNumber' });
    expect(splitPath('lines[].amount')).toEqual({ head: 'lines[].', leaf: 'amount' });
    expect(splitPath('employeeId')).toEqual({ head: '', leaf: 'employeeId' });
    expect(splitPath('tags[]')).toEqual({ head: '', leaf: 'tags[]' });
  });

  it('has a Review set of target, source, status, confidence and checks, and a Spec set of every column', () => {
    expect([...COLUMN_SETS.review.columns].sort()).toEqual(['checks', 'confidence', 'mapId', 'source', 'status', 'target']);
    for (const column of [...COLUMN_SETS.mapping.columns, ...TEMPLATE_COLUMNS]) expect(COLUMN_SETS.spec.columns).toContain(column);
    for (const column of TEMPLATE_COLUMNS) expect(COLUMN_SETS.mapping.columns).not.toContain(column);
  });
});
