import { describe, expect, it } from 'vitest';
import { ancestorPaths, expandablePaths, matchingFields, shownBySearch, visibleRows } from '../../../src/renderer/src/areas/systems/field-tree';
import { field } from '../fixtures';

// An order: its number, a customer object with an address object, and lines.
const fields = [
  field('number'),
  field('customer', { type: 'object', leaf: false }),
  field('customer.name', { description: 'Legal name' }),
  field('customer.address', { type: 'object', leaf: false }),
  field('customer.address.city'),
  field('lines', { type: 'array', leaf: false }),
  field('lines[].amount', { type: 'number' }),
];
const paths = (rows: ReturnType<typeof visibleRows>) => rows.map((row) => row.field.path);

describe('the field tree', () => {
  it('shows the fields under expanded ones only', () => {
    expect(paths(visibleRows(fields, new Set(), ''))).toEqual(['number', 'customer', 'lines']);
    expect(paths(visibleRows(fields, new Set(['customer']), ''))).toEqual(['number', 'customer', 'customer.name', 'customer.address', 'lines']);
    // An expanded field under a collapsed one stays hidden.
    expect(paths(visibleRows(fields, new Set(['customer.address']), ''))).toEqual(['number', 'customer', 'lines']);
  });

  it('searches path and description, keeping the fields above each match', () => {
    const rows = visibleRows(fields, new Set(), ' CITY ');
    expect(paths(rows)).toEqual(['customer', 'customer.address', 'customer.address.city']);
    expect(rows.map((row) => row.match)).toEqual([false, false, true]);
    expect(rows.every(shownBySearch)).toBe(true);
    expect(paths(visibleRows(fields, new Set(), 'legal'))).toEqual(['customer', 'customer.name']);
    expect(visibleRows(fields, new Set(), 'nothing like it')).toEqual([]);
    expect(visibleRows(fields, new Set(), '').some(shownBySearch)).toBe(false);
  });

  it('reuses a row while nothing about it changed, so the grid redraws only what did', () => {
    const first = visibleRows(fields, new Set(), '');
    const second = visibleRows(fields, new Set(['customer']), '');
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]!.expanded).toBe(true);
  });

  it('knows what can be expanded, what matches, and what is above a field', () => {
    expect(expandablePaths(fields)).toEqual(new Set(['customer', 'customer.address', 'lines']));
    expect(matchingFields(fields, 'amount')).toEqual(new Set([6]));
    expect(ancestorPaths(fields, 'customer.address.city')).toEqual(['customer', 'customer.address']);
    expect(ancestorPaths(fields, 'number')).toEqual([]);
  });
});
