// Words and tones for the mapping sheet: statuses, mapping types, check kinds and the sheet's filters.
import type { MappingCheck, MappingRow, MappingStatus, MappingType } from '../../../../shared/contract';

export const statusLabels: Record<MappingStatus, string> = {
  suggested: 'Suggested',
  accepted: 'Accepted',
  rejected: 'Rejected',
  needs_decision: 'Unmapped',
  not_needed: 'Not needed',
};

export const statusTone: Record<MappingStatus, string> = {
  suggested: 'badge badge-info',
  accepted: 'badge badge-success',
  rejected: 'badge badge-danger',
  needs_decision: 'badge badge-warning',
  not_needed: 'badge',
};

export const mappingTypeLabels: Record<MappingType, string> = {
  direct: 'Direct',
  derived: 'Derived',
  constant: 'Constant',
  lookup: 'Lookup',
  conditional: 'Conditional',
  concatenation: 'Concatenation',
  split: 'Split',
};

export const checkKindLabels: Record<MappingCheck['kind'], string> = {
  required_unmapped: 'Required, unmapped',
  type_mismatch: 'Type mismatch',
  max_length: 'Too long',
  enum_unmapped: 'Values unmapped',
  free_text_enum: 'Text into values',
  array_to_single: 'List into one value',
  lookup_empty: 'Lookup without values',
  read_only_target: 'Read-only target',
  source_missing: 'Source missing',
  target_missing: 'Target field gone',
  entity_missing: 'Entity missing',
  discovered_source: 'Undocumented source',
  array_unpaired: 'Array not paired',
  pairing_invalid: 'Pairing broken',
};

export const sheetFilters = ['all', 'required', 'mismatch', 'review', 'flagged'] as const;
export type SheetFilter = (typeof sheetFilters)[number];

export const sheetFilterLabels: Record<SheetFilter, string> = {
  all: 'All',
  required: 'Unmapped required',
  mismatch: 'Mismatches',
  review: 'To review',
  flagged: 'Flagged by re-import',
};

const MISMATCH_KINDS = new Set<MappingCheck['kind']>(['type_mismatch', 'max_length', 'enum_unmapped', 'free_text_enum', 'array_to_single', 'lookup_empty', 'source_missing', 'read_only_target']);

/** Whether a row belongs under a filter, given the checks on it. */
export function passesFilter(filter: SheetFilter, row: MappingRow, checks: readonly MappingCheck[] | undefined): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'required':
      return !!checks?.some((check) => check.kind === 'required_unmapped');
    case 'mismatch':
      return !!checks?.some((check) => MISMATCH_KINDS.has(check.kind));
    case 'review':
      return row.status === 'suggested';
    case 'flagged':
      return row.review !== null && row.review.length > 0;
  }
}

/** A row the analyst still has to look at: unmapped, suggested, flagged, or with an error. */
export const needsAttention = (row: MappingRow, checks: readonly MappingCheck[] | undefined) =>
  row.status === 'suggested' ||
  row.status === 'needs_decision' ||
  (row.review !== null && row.review.length > 0) ||
  !!checks?.some((check) => check.severity === 'error');

/** What N walks to: rows needing attention (default), suggestions only, or every row in turn. */
export const walkModes = ['attention', 'suggestions', 'all'] as const;
export type WalkMode = (typeof walkModes)[number];

export const walkModeLabels: Record<WalkMode, string> = { attention: 'needing attention', suggestions: 'suggested', all: 'any' };

export const walksTo = (mode: WalkMode, row: MappingRow, checks: readonly MappingCheck[] | undefined) =>
  mode === 'all' || (mode === 'suggestions' ? row.status === 'suggested' : needsAttention(row, checks));

export const percent = (score: number) => `${Math.round(score * 100)}%`;
