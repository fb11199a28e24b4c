// Checks of one flow's mapping rows against its two entities: what would fail or lose data at run
// time. Pure: rows and entities in, findings out.
import type { CatalogueEntity, CatalogueField } from '../../shared/catalogue';
import type { ArrayPairing, MappingCheck, MappingRow } from '../../shared/contract';
import { describePairing, elementPrefix } from '../../shared/array-pairing-paths';
import { hasContent } from './rows';
import { fieldName } from './roots';

/** What the checks read of a row; rows not stored yet (a flow whose rows were never created) have no id. */
export type CheckedRow = Pick<MappingRow, 'targetPath' | 'sourcePaths' | 'mappingType' | 'status' | 'transformation' | 'defaultValue' | 'valueMap' | 'condition'> & {
  id: number | null;
  mapId: string | null;
  pairingId?: number | null;
  /** The analyst's own JSONata expression, when the row has one (it runs instead of the generated one). */
  expression?: string | null;
};

/** What the checks read of an array pairing. */
export type CheckedPairing = Pick<ArrayPairing, 'id' | 'pairId' | 'parentId' | 'targetPath' | 'sourcePath' | 'discriminator' | 'filter'>;

/** Unmapped rows for every target leaf: how a flow whose rows were never created is checked. */
export function unmappedRows(target: CatalogueEntity): CheckedRow[] {
  return target.fields
    .filter((field) => field.leaf)
    .map((field) => ({
      id: null,
      mapId: null,
      targetPath: field.path,
      sourcePaths: [],
      mappingType: 'direct',
      status: 'needs_decision',
      transformation: '',
      defaultValue: null,
      valueMap: [],
      condition: '',
    }));
}

/** How many arrays a path passes through (`lines[].taxes[].rate`: 2). */
const arrayDepth = (path: string) => path.split('[]').length - 1;

/** The path up to and including its `n`th `[]` (`a[].b[].c`, 2: `a[].b[]`). */
const arrayPrefix = (path: string, n: number) => path.split('[]').slice(0, n).join('[]') + '[]';

/** Required in every record: required itself and under parents that are all required too. */
export function effectivelyRequired(field: CatalogueField, byPath: Map<string, CatalogueField>): boolean {
  let current: CatalogueField | undefined = field;
  while (current) {
    if (!current.required) return false;
    current = current.parent ? byPath.get(current.parent) : undefined;
  }
  return true;
}

const baseType = (field: CatalogueField) => field.type.split('|').map((part) => part.trim()).find((part) => part !== 'null') ?? 'any';
const describeType = (field: CatalogueField) => `${baseType(field)}${field.format ? ` (${field.format})` : ''}`;
const article = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
const isDate = (format?: string) => format === 'date' || format === 'date-time';

/** null: compatible. Otherwise how serious and why. */
function typeVerdict(source: CatalogueField, target: CatalogueField): { severity: 'error' | 'warning'; why: string } | null {
  const s = baseType(source);
  const t = baseType(target);
  if (['any', 'unknown'].includes(s) || ['any', 'unknown'].includes(t)) return null;
  if (s === t) {
    if (!source.format || !target.format || source.format === target.format) return null;
    if (isDate(source.format) && isDate(target.format)) {
      return {
        severity: 'warning',
        why:
          target.format === 'date'
            ? 'the time of day is dropped when a date-time becomes a date'
            : 'a date becomes a date-time at midnight: say which time zone',
      };
    }
    return { severity: 'warning', why: `the formats differ (${source.format} → ${target.format})` };
  }
  if (s === 'integer' && t === 'number') return { severity: 'warning', why: 'whole numbers fit a number field; nothing is lost' };
  if (s === 'number' && t === 'integer') return { severity: 'warning', why: 'decimals must be rounded or refused: say which' };
  if (t === 'string' && ['number', 'integer', 'boolean'].includes(s)) return { severity: 'warning', why: `the ${s} is written as text: say how it is formatted` };
  return { severity: 'error', why: `${article(describeType(source))} cannot be copied into ${article(describeType(target))} as is` };
}

/** The document versions of the flow's systems now: named when a field a row uses is no longer in them. */
export interface CheckedVersions {
  source?: string;
  target?: string;
}

const inVersion = (version: string | undefined) => (version ? ` in version ${version}` : '');

/** The pairing and those it is nested in, innermost first. */
function chainOf(pairingId: number | null | undefined, byId: Map<number, CheckedPairing>): CheckedPairing[] {
  const chain: CheckedPairing[] = [];
  for (let current = pairingId == null ? undefined : byId.get(pairingId); current && chain.length < 20; current = current.parentId === null ? undefined : byId.get(current.parentId)) {
    chain.push(current);
  }
  return chain;
}

/** A pairing whose target array or source is no longer in its entity (after a re-import). */
function checkPairings(pairings: readonly CheckedPairing[], source: CatalogueEntity, target: CatalogueEntity): MappingCheck[] {
  const checks: MappingCheck[] = [];
  const hasUnder = (entity: CatalogueEntity, path: string) => entity.fields.some((field) => field.path.startsWith(elementPrefix(path)));
  for (const pairing of pairings) {
    const missing = !hasUnder(target, pairing.targetPath) ? `${fieldName(target, pairing.targetPath)}` : !hasUnder(source, pairing.sourcePath) ? `${fieldName(source, pairing.sourcePath)}` : null;
    if (missing) {
      checks.push({
        rowId: null,
        mapId: pairing.pairId,
        targetPath: pairing.targetPath,
        kind: 'pairing_invalid',
        severity: 'error',
        message: `The array pairing ${pairing.pairId} (${describePairing(pairing)}) names ${missing}, which no longer exists: pair the array with another source, or remove the pairing.`,
      });
    }
  }
  return checks;
}

/**
 * How many arrays a source path passes through beyond the element a pairing of the row's chain reads
 * (`lines[].sku` in a pairing from `lines[]`: 0), and the target path beyond the paired arrays.
 */
function unpairedDepths(row: CheckedRow, path: string, chain: CheckedPairing[]) {
  const reading = chain.find((pairing) => path.startsWith(elementPrefix(pairing.sourcePath)));
  return { source: arrayDepth(path) - (reading ? arrayDepth(reading.sourcePath) : 0), target: arrayDepth(row.targetPath) - chain.length };
}

export function checkRows(
  rows: CheckedRow[],
  source: CatalogueEntity,
  target: CatalogueEntity,
  pairings: readonly CheckedPairing[] = [],
  versions: CheckedVersions = {},
): MappingCheck[] {
  const targets = new Map(target.fields.map((field) => [field.path, field]));
  const sources = new Map(source.fields.map((field) => [field.path, field]));
  const pairingsById = new Map(pairings.map((pairing) => [pairing.id, pairing]));
  const checks: MappingCheck[] = checkPairings(pairings, source, target);
  for (const row of rows) {
    const chain = chainOf(row.pairingId, pairingsById);
    const add = (kind: MappingCheck['kind'], severity: MappingCheck['severity'], message: string) =>
      checks.push({ rowId: row.id, mapId: row.mapId, targetPath: row.targetPath, kind, severity, message });
    const field = targets.get(row.targetPath);
    if (!field) {
      add(
        'target_missing',
        'error',
        `${fieldName(target, row.targetPath)} is not in the document${inVersion(versions.target)} (removed or renamed): repair the flow to follow a rename, or delete the row once its notes are settled.`,
      );
      continue;
    }
    const filled = hasContent(row) && row.status !== 'not_needed';
    if (!filled && row.status !== 'not_needed' && effectivelyRequired(field, targets)) {
      add('required_unmapped', 'error', `${fieldName(target, row.targetPath)} is required but nothing fills it: choose a source field, a constant or a default.`);
    }
    if (!filled) continue;
    if (row.mappingType === 'lookup' && row.valueMap.length === 0 && row.sourcePaths.length > 0 && !row.expression) {
      add(
        'lookup_empty',
        'warning',
        `${fieldName(target, row.targetPath)} is a lookup with an empty value map: the values of ${row.sourcePaths.map((path) => fieldName(source, path)).join(', ')} would pass through unchanged. ` +
          'List each source value with the target value it becomes, or make the row derived and say in the transformation where the target values come from.',
      );
    }
    if (field.readOnly) {
      add('read_only_target', 'warning', `${fieldName(target, row.targetPath)} is read-only: the target system sets it itself and ignores what is sent.`);
    }
    for (const path of row.sourcePaths) {
      const from = sources.get(path);
      if (!from) {
        add('source_missing', 'error', `The source field ${fieldName(source, path)} no longer exists${inVersion(versions.source)}: choose another source.`);
        continue;
      }
      if (from.discovered) {
        add(
          'discovered_source',
          'warning',
          `${fieldName(source, path)} relies on a field the document does not list (seen in ${from.discovered.samples} sample${from.discovered.samples === 1 ? '' : 's'}): confirm with the system's owner that it is sent every time.`,
        );
      }
      const hasTransformation = row.transformation.trim() !== '';
      const concatenated = row.sourcePaths.length > 1 || row.mappingType === 'concatenation';
      if (!hasTransformation && !concatenated && row.mappingType !== 'constant') {
        const verdict = typeVerdict(from, field);
        if (verdict) {
          add(
            'type_mismatch',
            verdict.severity,
            `${fieldName(source, path)} is ${describeType(from)}, ${fieldName(target, row.targetPath)} is ${describeType(field)}: ${verdict.why}` +
              (verdict.severity === 'error' ? '; describe the conversion in the transformation.' : '.'),
          );
        }
      }
      if (!hasTransformation && field.maxLength !== undefined && from.maxLength !== undefined && from.maxLength > field.maxLength) {
        add(
          'max_length',
          'warning',
          `${fieldName(source, path)} allows ${from.maxLength} characters but ${fieldName(target, row.targetPath)} only ${field.maxLength}: ` +
            'say in the transformation whether longer values are cut, refused or held.',
        );
      }
      const depths = unpairedDepths(row, path, chain);
      if (depths.source > 0 && depths.target > 0) {
        const array = arrayPrefix(row.targetPath, chain.length + 1);
        const sourceArray = arrayPrefix(path, arrayDepth(path) - depths.source + 1);
        add(
          'array_unpaired',
          'error',
          `${fieldName(target, row.targetPath)} is a field of each element of ${array}, fed from ${fieldName(source, path)}, but no array pairing says ` +
            `which source elements give the target's elements: pair ${array} with ${sourceArray}.`,
        );
      } else if (depths.source > depths.target && row.condition.trim() === '' && !hasTransformation) {
        add(
          'array_to_single',
          'error',
          `${fieldName(source, path)} is one element of a list, ${fieldName(target, row.targetPath)} holds one value: ` +
            'say which element in the condition (e.g. type = BILLING), or how the elements combine in the transformation.',
        );
      }
      const sourceValues = from.enum ?? from.itemEnum;
      const targetValues = field.enum ?? field.itemEnum;
      if (!sourceValues && targetValues && row.valueMap.length === 0 && !hasTransformation && baseType(from) === 'string') {
        add(
          'free_text_enum',
          'warning',
          `${fieldName(source, path)} is free text, ${fieldName(target, row.targetPath)} takes one of ${targetValues.map((v) => `"${String(v)}"`).join(', ')}: ` +
            'map the values the source sends (a value map), or say how other text is handled.',
        );
      }
      if (sourceValues && targetValues) {
        const mapped = new Set(row.valueMap.map((entry) => entry.source));
        const same = new Set(targetValues.map(String));
        const missing = sourceValues.map(String).filter((value) => !mapped.has(value) && !same.has(value));
        if (missing.length > 0) {
          add(
            'enum_unmapped',
            'error',
            `${missing.length === 1 ? 'Value' : 'Values'} ${missing.map((v) => `"${v}"`).join(', ')} of ${fieldName(source, path)} ` +
              `${missing.length === 1 ? 'has' : 'have'} no counterpart in ${fieldName(target, row.targetPath)} (one of ${targetValues.map((v) => `"${String(v)}"`).join(', ')}): add ${missing.length === 1 ? 'it' : 'them'} to the value map.`,
          );
        }
      }
    }
  }
  return checks;
}

/** Percent (0..100, whole) of rows accepted or not needed, each with a source, constant or default unless not needed. */
export function completeness(rows: CheckedRow[]): number {
  if (rows.length === 0) return 100;
  const done = rows.filter((row) => row.status === 'not_needed' || (row.status === 'accepted' && hasContent(row))).length;
  return Math.floor((done / rows.length) * 100);
}
