import { describe, expect, it } from 'vitest';
import { searchSources } from '../../../src/renderer/src/areas/mapping/source-search';
import { field } from '../fixtures';

const leaves = [
  field('departmentPosition.reviewerEmployeeId'),
  field('manager.employeeIdentifier'),
  field('employeeIdCard'),
  field('employeeId'),
  field('payroll.employeeId'),
  field('name'),
];

describe('the source picker search', () => {
  it('puts the exact leaf first, then leaves starting with the text, then leaves containing it', () => {
    expect(searchSources(leaves, 'employeeId', 10).map((each) => each.path)).toEqual([
      'employeeId',
      'payroll.employeeId',
      'employeeIdCard',
      'manager.employeeIdentifier',
      'departmentPosition.reviewerEmployeeId',
    ]);
  });

  it('matches every word anywhere in the path, and shows the first ones as they are with no text', () => {
    expect(searchSources(leaves, 'manager employee', 10).map((each) => each.path)).toEqual(['manager.employeeIdentifier']);
    expect(searchSources(leaves, '', 2).map((each) => each.path)).toEqual(['departmentPosition.reviewerEmployeeId', 'manager.employeeIdentifier']);
    expect(searchSources(leaves, 'EMPLOYEEID', 1).map((each) => each.path)).toEqual(['employeeId']);
  });
});
