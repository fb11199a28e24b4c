// Aspect by aspect comparison of two shapes (fields, entity roots, parameters), with the severity
// of each change. Direction-blind on purpose (the same field may be read by one mapping and written
// by another, so "breaking" means breaking for at least one of them), except for requiredness when
// the catalogue shows the entity only travels one way.
import type { CatalogueShape } from '../../../shared/catalogue';
import type { AspectChange, ChangeAspect, DiffSeverity } from '../../../shared/catalogue-diff';
import { listDelta, sameValue } from './values';

function change(aspect: ChangeAspect, severity: DiffSeverity, before: unknown, after: unknown, extra: Partial<AspectChange> = {}): AspectChange {
  const result: AspectChange = { aspect, severity };
  if (before !== undefined) result.before = before;
  if (after !== undefined) result.after = after;
  return Object.assign(result, extra);
}

/** A text aspect (type, format, ref…) that differs, appeared or disappeared. */
export function textChange(aspect: ChangeAspect, before: string | undefined, after: string | undefined, severity: DiffSeverity): AspectChange | undefined {
  return before === after ? undefined : change(aspect, severity, before, after);
}

/** A flag that was switched on (`raised` severity) or off (`lowered`). */
export function flagChange(aspect: ChangeAspect, before: boolean, after: boolean, raised: DiffSeverity, lowered: DiffSeverity): AspectChange | undefined {
  if (before === after) return undefined;
  return change(aspect, after ? raised : lowered, before, after);
}

/**
 * Both sides with an enum: `added`/`removed` values (removing one is breaking, adding one risky).
 * An enum that appeared restricts the values (tightened, breaking); one that disappeared allows
 * any value (loosened, risky); neither lists values as added or removed.
 */
export function enumChange(aspect: 'enum' | 'itemEnum', before: unknown[] | undefined, after: unknown[] | undefined): AspectChange | undefined {
  if (before === undefined && after === undefined) return undefined;
  if (before === undefined) return change(aspect, 'breaking', undefined, [...after!], { added: [], removed: [], direction: 'tightened' });
  if (after === undefined) return change(aspect, 'risky', [...before], undefined, { added: [], removed: [], direction: 'loosened' });
  const { added, removed } = listDelta(before, after);
  if (added.length === 0 && removed.length === 0) return undefined;
  return change(aspect, removed.length > 0 ? 'breaking' : 'risky', undefined, undefined, { added, removed });
}

const LIMITS = ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems'] as const;
type Limit = (typeof LIMITS)[number];
const LOWER_BOUNDS = new Set<Limit>(['minLength', 'minimum', 'exclusiveMinimum', 'minItems']);

/** Tightened limits are breaking (values that passed may now fail); loosened ones risky (values may now exceed what a target takes). */
export function limitChange(aspect: Limit, before: number | undefined, after: number | undefined): AspectChange | undefined {
  if (before === after) return undefined;
  const tightened =
    before === undefined ? true : after === undefined ? false : LOWER_BOUNDS.has(aspect) ? after > before : after < before;
  return change(aspect, tightened ? 'breaking' : 'risky', before, after, { direction: tightened ? 'tightened' : 'loosened' });
}

/** A new pattern restricts (breaking); a rewritten one may or may not (risky); a dropped one loosens (risky). */
export function patternChange(before: string | undefined, after: string | undefined): AspectChange | undefined {
  if (before === after) return undefined;
  const direction = before === undefined ? 'tightened' : after === undefined ? 'loosened' : 'changed';
  return change('pattern', direction === 'tightened' ? 'breaking' : 'risky', before, after, { direction });
}

const has = (shape: object, key: string) => Object.prototype.hasOwnProperty.call(shape, key);

/** A default that appeared, disappeared or changed (`default: null` is a value): what omitting the value now means. */
export function defaultChange(before: { default?: unknown }, after: { default?: unknown }): AspectChange | undefined {
  const inBefore = has(before, 'default');
  const inAfter = has(after, 'default');
  if (!inBefore && !inAfter) return undefined;
  if (inBefore && inAfter && sameValue(before.default, after.default)) return undefined;
  return change('default', 'risky', inBefore ? before.default : undefined, inAfter ? after.default : undefined);
}

function variantsChange(before: string[] | undefined, after: string[] | undefined): AspectChange | undefined {
  const { added, removed } = listDelta(before ?? [], after ?? []);
  if (added.length === 0 && removed.length === 0) return undefined;
  return change('variants', 'risky', undefined, undefined, { added, removed });
}

export type ComparableShape = CatalogueShape & { required?: boolean };

/**
 * The only way an entity's values travel, when the catalogue says (`usedBy`): a request-only
 * entity is only written, a response-only one only read. Undefined for entities used both ways or
 * only nested in others.
 */
export type EntityRole = 'request' | 'response' | undefined;

/**
 * Requiredness matters to whoever writes the value (became required: breaking) and to whoever
 * reads it (became optional: risky); a read-only field or response-only entity is never written,
 * a request-only entity never read.
 */
export function requiredChange(before: boolean, after: boolean, readOnly: boolean, role: EntityRole): AspectChange | undefined {
  return flagChange('required', before, after, readOnly || role === 'response' ? 'info' : 'breaking', role === 'request' ? 'info' : 'risky');
}

/** Every aspect that differs between two shapes, in a fixed order. Descriptions and examples are not compared. */
export function shapeChanges(before: ComparableShape, after: ComparableShape, role?: EntityRole): AspectChange[] {
  const changes: Array<AspectChange | undefined> = [
    textChange('type', before.type, after.type, 'breaking'),
    textChange('format', before.format, after.format, 'risky'),
  ];
  if (before.required !== undefined && after.required !== undefined) changes.push(requiredChange(before.required, after.required, after.readOnly, role));
  changes.push(
    flagChange('nullable', before.nullable, after.nullable, 'risky', 'risky'),
    enumChange('enum', before.enum, after.enum),
    ...LIMITS.map((limit) => limitChange(limit, before[limit], after[limit])),
    patternChange(before.pattern, after.pattern),
    flagChange('readOnly', before.readOnly, after.readOnly, 'breaking', 'info'),
    flagChange('writeOnly', before.writeOnly, after.writeOnly, 'breaking', 'info'),
    flagChange('deprecated', before.deprecated, after.deprecated, 'risky', 'info'),
    defaultChange(before, after),
    textChange('ref', before.ref, after.ref, 'info'),
    textChange('itemType', before.itemType, after.itemType, 'breaking'),
    textChange('itemRef', before.itemRef, after.itemRef, 'info'),
    textChange('itemFormat', before.itemFormat, after.itemFormat, 'risky'),
    enumChange('itemEnum', before.itemEnum, after.itemEnum),
    textChange('mapValueType', before.mapValueType, after.mapValueType, 'breaking'),
    variantsChange(before.variants, after.variants),
  );
  return changes.filter((item): item is AspectChange => item !== undefined);
}
