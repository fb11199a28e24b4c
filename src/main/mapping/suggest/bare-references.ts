// Bare references: a scalar named after another record and nothing else (`patient`, `doctor`, `office`, `owner` as an
// integer) holds that record's identifier, as `patient_id` does. The evidence is the value's type (a whole number is
// not a person or a place) or a description saying it is an identifier ("Doctor ID", "ID of the patient"); an object
// is never a reference, and a whole number named for a measure (`quantity`, `priority`) is a measure.
import type { CatalogueField } from '../../../shared/catalogue';
import { textTerms } from './tokens';

/** Words naming what a whole number measures or orders, not a record it points to. */
const MEASURE_WORDS = new Set([
  'quantity', 'count', 'number', 'total', 'amount', 'size', 'age', 'year', 'month', 'week', 'day', 'hour', 'minute', 'second',
  'duration', 'length', 'width', 'height', 'weight', 'depth', 'priority', 'rank', 'position', 'index', 'level', 'score',
  'rating', 'version', 'limit', 'max', 'min', 'percent', 'rate', 'price', 'cost', 'balance', 'sequence', 'status', 'type',
  'code', 'value', 'capacity', 'precision', 'scale', 'offset', 'order', 'sort', 'page', 'step', 'attempt', 'retry', 'timeout',
  'interval', 'frequency', 'unit', 'color', 'colour', 'flag', 'state', 'mode', 'kind', 'category', 'time', 'date', 'timestamp',
]);

/** A scalar whose one name term is `term` (no identifier word) holds another record's identifier. */
export function isBareReference(field: CatalogueField, term: string, baseType: string): boolean {
  if (term.startsWith('c:') || MEASURE_WORDS.has(term) || (field.enum ?? []).length > 0) return false;
  if (baseType !== 'integer' && baseType !== 'string') return false;
  const firstSentence = field.description?.split(/\.(?:\s|$)/)[0];
  if (firstSentence !== undefined && textTerms(firstSentence).includes('c:identifier')) return true;
  return baseType === 'integer' && field.format !== 'double' && field.format !== 'float';
}
