// What the expression editor offers and says: the source paths a row's expression can read (relative to
// the array element it runs on, or from the root with $$), JSONata's common functions, and the row's
// pseudocode in one line per part, shown beside its expression.
import type { MappingRow } from '../../../../shared/contract';
import { pathOf } from '../../../../shared/jsonata-text';
import { mappingTypeLabels } from './labels';

export interface PathCompletion {
  /** What is inserted. */
  label: string;
  /** The catalogue path it reads, and its type. */
  detail: string;
}

/**
 * Each source path as the row's expression reads it: inside its innermost context array relative to the
 * element (`quantity`), elsewhere from the root (`$$.taxTotal` inside an array, `taxTotal` outside one).
 */
export function sourceCompletions(fields: Iterable<{ path: string; type?: string }>, context: readonly string[]): PathCompletion[] {
  const innermost = context.at(-1);
  const completions: PathCompletion[] = [];
  for (const field of fields) {
    const detail = field.type ? `${field.path} · ${field.type}` : field.path;
    if (innermost && field.path.startsWith(`${innermost}.`)) completions.push({ label: pathOf(field.path.slice(innermost.length + 1)), detail });
    completions.push({ label: innermost ? `$$.${pathOf(field.path)}` : pathOf(field.path), detail });
  }
  return completions;
}

/** The JSONata functions a mapping most often needs (the completion offers them after `$`). */
export const jsonataFunctions = [
  '$string', '$number', '$boolean', '$exists', '$join', '$split', '$substring', '$substringBefore', '$substringAfter',
  '$uppercase', '$lowercase', '$trim', '$pad', '$contains', '$replace', '$match', '$length', '$round', '$floor', '$ceil',
  '$abs', '$sum', '$count', '$max', '$min', '$average', '$lookup', '$merge', '$keys', '$map', '$filter', '$append',
  '$now', '$millis', '$fromMillis', '$toMillis', '$formatNumber', '$not', '$distinct', '$sort', '$reverse',
];

/** The row's pseudocode, one line per part: how, from what, when, otherwise what. */
export function pseudocodeOf(row: Pick<MappingRow, 'mappingType' | 'sourcePaths' | 'transformation' | 'condition' | 'defaultValue' | 'valueMap'>): string[] {
  const lines = [`${mappingTypeLabels[row.mappingType]}${row.sourcePaths.length ? ` of ${row.sourcePaths.join(' + ')}` : row.mappingType === 'constant' ? '' : ' (no source)'}`];
  if (row.transformation.trim()) lines.push(row.transformation.trim());
  if (row.valueMap.length) lines.push(`Value map: ${row.valueMap.map((entry) => `${entry.source} → ${entry.target}`).join(', ')}`);
  if (row.condition.trim()) lines.push(`Only when ${row.condition.trim()}`);
  if (row.defaultValue !== null && row.defaultValue !== '') lines.push(`${row.mappingType === 'constant' ? 'Value' : 'Default'}: ${row.defaultValue}`);
  return lines;
}
