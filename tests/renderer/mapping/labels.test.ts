import { describe, expect, it } from 'vitest';
import { needsAttention, passesFilter, percent, sheetFilters } from '../../../src/renderer/src/areas/mapping/labels';
import { check, mappingRow } from '../fixtures';

describe('the sheet filters', () => {
  const row = mappingRow(1, { status: 'accepted', sourcePaths: ['id'] });

  it('shows every row under All', () => {
    expect(passesFilter('all', row, undefined)).toBe(true);
  });

  it('tells unmapped required fields and mismatches by the checks on the row', () => {
    expect(passesFilter('required', row, [check(1, 'required_unmapped')])).toBe(true);
    expect(passesFilter('required', row, [check(1, 'type_mismatch')])).toBe(false);
    for (const kind of ['type_mismatch', 'max_length', 'enum_unmapped', 'source_missing', 'read_only_target'] as const) {
      expect(passesFilter('mismatch', row, [check(1, kind, 'warning')])).toBe(true);
    }
    expect(passesFilter('mismatch', row, [check(1, 'required_unmapped')])).toBe(false);
    expect(passesFilter('mismatch', row, undefined)).toBe(false);
  });

  it('keeps suggestions under To review and re-import flags under Flagged', () => {
    expect(passesFilter('review', mappingRow(2, { status: 'suggested' }), undefined)).toBe(true);
    expect(passesFilter('review', row, undefined)).toBe(false);
    expect(passesFilter('flagged', mappingRow(3, { review: ['Source field renamed'] }), undefined)).toBe(true);
    expect(passesFilter('flagged', mappingRow(4, { review: [] }), undefined)).toBe(false);
  });

  it('has a label for each filter', () => {
    expect(sheetFilters).toEqual(['all', 'required', 'mismatch', 'review', 'flagged']);
  });
});

describe('what needs attention', () => {
  it('is a row still to decide, flagged, or with an error on it', () => {
    expect(needsAttention(mappingRow(1, { status: 'suggested' }), undefined)).toBe(true);
    expect(needsAttention(mappingRow(1, { status: 'needs_decision' }), undefined)).toBe(true);
    expect(needsAttention(mappingRow(1, { status: 'accepted', review: ['Type changed'] }), undefined)).toBe(true);
    expect(needsAttention(mappingRow(1, { status: 'accepted' }), [check(1, 'type_mismatch', 'error')])).toBe(true);
    expect(needsAttention(mappingRow(1, { status: 'accepted' }), [check(1, 'max_length', 'warning')])).toBe(false);
    expect(needsAttention(mappingRow(1, { status: 'not_needed' }), undefined)).toBe(false);
  });

  it('writes scores as whole percents', () => {
    expect(percent(0.876)).toBe('88%');
    expect(percent(1)).toBe('100%');
  });
});
