// Which mapping rows a catalogue diff affects. Only reports: nothing is changed or deleted, so the
// analyst can decide row by row.
import type {
  AspectChange,
  CatalogueDiff,
  DiffEntity,
  EntityChange,
  ImpactReason,
  ImpactStatus,
  MappingImpact,
  MappingReference,
} from '../../../shared/catalogue-diff';
import { describeChange, formatValues } from './describe';
import { valueKey } from './values';

type Side = MappingReference['side'];
type Verdict = { status: ImpactStatus; consequence: string } | undefined;

const isUnder = (path: string, ancestor: string) => path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[]`);

function enumVerdict(change: AspectChange, side: Side, used: unknown[] | undefined): Verdict {
  if (change.direction === 'tightened') return side === 'target' ? { status: 'at-risk', consequence: 'only these values are accepted now' } : undefined;
  if (change.direction === 'loosened') return side === 'source' ? { status: 'at-risk', consequence: 'any value may arrive now' } : undefined;
  const usedKeys = used && new Set(used.map(valueKey));
  // With a value map, only the values it uses (removed) or misses (added) matter.
  const removed = (change.removed ?? []).filter((value) => !usedKeys || usedKeys.has(valueKey(value)));
  const added = (change.added ?? []).filter((value) => !usedKeys || !usedKeys.has(valueKey(value)));
  const found: Array<NonNullable<Verdict>> = [];
  if (removed.length > 0) {
    if (used && side === 'target') found.push({ status: 'broken', consequence: `the value map produces ${formatValues(removed)}, no longer accepted` });
    else if (used) found.push({ status: 'at-risk', consequence: `the value map has rows for ${formatValues(removed)}, which can no longer arrive` });
    else found.push({ status: 'at-risk', consequence: side === 'target' ? 'check that the mapping never produces the removed values' : 'check the value map' });
  }
  if (added.length > 0 && side === 'source') {
    found.push({ status: 'at-risk', consequence: used ? `the value map does not cover ${formatValues(added)}` : 'new values may arrive' });
  }
  if (found.length === 0) return undefined;
  return {
    status: found.some((item) => item.status === 'broken') ? 'broken' : 'at-risk',
    consequence: found.map((item) => item.consequence).join(', and '),
  };
}

/** What one change of the mapped field means for a row reading (source) or writing (target) it. */
function verdict(change: AspectChange, side: Side, used: unknown[] | undefined): Verdict {
  const becameTrue = change.after === true;
  switch (change.aspect) {
    case 'type':
    case 'itemType':
    case 'mapValueType':
      return { status: 'broken', consequence: 'the mapping was made for the old type' };
    case 'enum':
    case 'itemEnum':
      return enumVerdict(change, side, used);
    case 'required':
      return side === 'source' && !becameTrue ? { status: 'at-risk', consequence: 'the value may now be missing' } : undefined;
    case 'nullable':
      if (side === 'source' && becameTrue) return { status: 'at-risk', consequence: 'the value may now be null' };
      if (side === 'target' && !becameTrue) return { status: 'at-risk', consequence: 'null is no longer accepted' };
      return undefined;
    case 'readOnly':
      return side === 'target' && becameTrue ? { status: 'broken', consequence: 'it can no longer be written' } : undefined;
    case 'writeOnly':
      return side === 'source' && becameTrue ? { status: 'broken', consequence: 'it is no longer returned' } : undefined;
    case 'deprecated':
      return becameTrue ? { status: 'at-risk', consequence: 'it may go away in a later version' } : undefined;
    case 'format':
    case 'itemFormat':
    case 'variants':
      return { status: 'at-risk', consequence: 'check the transformation' };
    case 'pattern':
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minItems':
    case 'maxItems':
      if (change.direction === 'changed') return { status: 'at-risk', consequence: 'values may no longer match' };
      if (side === 'target' && change.direction === 'tightened') return { status: 'at-risk', consequence: 'values that passed may now be rejected' };
      if (side === 'source' && change.direction === 'loosened') return { status: 'at-risk', consequence: 'values may now exceed what the target takes' };
      return undefined;
    default:
      return undefined;
  }
}

function aspectReasons(subject: string, changes: AspectChange[], side: Side, used: unknown[] | undefined): ImpactReason[] {
  const reasons: ImpactReason[] = [];
  for (const change of changes) {
    const found = verdict(change, side, used);
    if (found) reasons.push({ code: change.aspect, status: found.status, message: `${subject}: ${describeChange(change)}; ${found.consequence}.`, change });
  }
  return reasons;
}

/** A parent that changed type, or became a union or a map, no longer lists its children one by one. */
function ancestorReasons(path: string, ancestor: string, changes: AspectChange[]): ImpactReason[] {
  const reasons: ImpactReason[] = [];
  for (const change of changes) {
    const status: ImpactStatus | undefined =
      change.aspect === 'type' || change.aspect === 'itemType' ? 'broken' : change.aspect === 'variants' || change.aspect === 'mapValueType' ? 'at-risk' : undefined;
    if (!status) continue;
    const message = `The field ${path} is under ${ancestor}, whose ${describeChange(change)}; check the path.`;
    reasons.push({ code: change.aspect, status, message, change });
  }
  return reasons;
}

function findEntity<T extends DiffEntity>(entities: T[], reference: string): T | undefined {
  const matches = entities.filter((entity) => entity.id === reference || entity.name === reference);
  return matches.find((entity) => entity.id === reference) ?? matches.find((entity) => entity.kind === 'schema') ?? matches[0];
}

function fieldReasons(entity: EntityChange, reference: MappingReference): { reasons: ImpactReason[]; suggestedPath?: string } {
  const { path, side, values } = reference;
  const reasons: ImpactReason[] = [];
  let suggestedPath: string | undefined;
  for (const removed of entity.fields.removed) {
    if (removed.path === path) reasons.push({ code: 'field-removed', status: 'broken', message: `The field ${path} was removed.` });
    else if (isUnder(path, removed.path)) {
      reasons.push({ code: 'parent-removed', status: 'broken', message: `The field ${path} was removed with its parent ${removed.path}.` });
    }
  }
  for (const renamed of entity.fields.renamed) {
    const { from, to } = renamed;
    let candidate: string | undefined;
    if (from.path === path) candidate = to.path;
    else if (isUnder(path, from.path)) {
      const moved = to.path + path.slice(from.path.length);
      // Suggest the child path only when the new object has it.
      if (to.descendants?.includes(moved)) candidate = moved;
      else {
        reasons.push({ code: 'parent-removed', status: 'broken', message: `The field ${path} went with ${from.path}, which looks renamed to ${to.path}.` });
        continue;
      }
    } else continue;
    suggestedPath ??= candidate;
    reasons.push({ code: 'renamed', status: 'broken', message: `The field ${path} is gone; ${candidate} looks like the same field under a new name: confirm or choose another.` });
  }
  for (const changed of entity.fields.changed) {
    if (changed.path === path) reasons.push(...aspectReasons(`The field ${path}`, changed.changes, side, values));
    else if (isUnder(path, changed.path)) reasons.push(...ancestorReasons(path, changed.path, changed.changes));
  }
  return suggestedPath === undefined ? { reasons } : { reasons, suggestedPath };
}

/**
 * The mapping references that `diff` affects, in input order, each with why: `broken` (the field is
 * gone or cannot carry the mapping as made) or `at-risk` (it may still work: check). References
 * the diff does not touch are left out.
 */
export function mappingImpact<Reference extends MappingReference>(diff: CatalogueDiff, references: readonly Reference[]): Array<MappingImpact<Reference>> {
  const impacts: Array<MappingImpact<Reference>> = [];
  for (const reference of references) {
    let reasons: ImpactReason[] = [];
    let suggestedPath: string | undefined;
    const removed = findEntity(diff.entities.removed, reference.entity);
    const changed = removed ? undefined : findEntity(diff.entities.changed, reference.entity);
    if (removed) {
      reasons.push({ code: 'entity-removed', status: 'broken', message: `The entity ${removed.name} was removed from the API.` });
    } else if (changed && reference.path === '') {
      reasons = aspectReasons(`The entity ${changed.name}`, changed.root, reference.side, reference.values);
    } else if (changed) {
      ({ reasons, suggestedPath } = fieldReasons(changed, reference));
    }
    if (reasons.length === 0) continue;
    const impact: MappingImpact<Reference> = { reference, status: reasons.some((reason) => reason.status === 'broken') ? 'broken' : 'at-risk', reasons };
    if (suggestedPath !== undefined) impact.suggestedPath = suggestedPath;
    impacts.push(impact);
  }
  return impacts;
}
