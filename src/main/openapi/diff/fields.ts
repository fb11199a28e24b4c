// The fields of one entity before and after: added, removed, changed (matched by path) and rename
// candidates among the added and removed ones.
import type { CatalogueEntity, CatalogueField } from '../../../shared/catalogue';
import type { DiffField, FieldChange, FieldRef, FieldRename, FieldsDiff } from '../../../shared/catalogue-diff';
import { type EntityRole, requiredChange, shapeChanges } from './aspects';
import { findRenames } from './renames';
import { worst } from './severity';

type ByPath = Map<string, CatalogueField>;

/**
 * A field missing on the other side only because the other side does not list the fields below one
 * of its ancestors (a cycle, the depth cap, an expandable reference): not known to
 * be added or removed. The ancestor's own change (variants, mapValueType…) is reported instead.
 */
function unlisted(field: CatalogueField, own: ByPath, other: ByPath): boolean {
  let parent = field.parent;
  while (parent !== undefined) {
    const there = other.get(parent);
    if (there) return Boolean(there.recursive || there.truncated || there.expandable);
    parent = own.get(parent)?.parent;
  }
  return false;
}

/** The fields only one side lists, grouped under the top-most of each subtree. */
function subtrees(only: CatalogueField[]): { top: CatalogueField[]; descendants: Map<CatalogueField, string[]> } {
  const byPath = new Map(only.map((field) => [field.path, field]));
  const top: CatalogueField[] = [];
  const descendants = new Map<CatalogueField, string[]>();
  for (const field of only) {
    let root = field;
    while (root.parent !== undefined && byPath.has(root.parent)) root = byPath.get(root.parent)!;
    if (root === field) {
      top.push(field);
      descendants.set(field, []);
    } else descendants.get(root)!.push(field.path);
  }
  return { top, descendants };
}

function ref(field: CatalogueField, descendants: string[] | undefined): FieldRef {
  const result: FieldRef = { path: field.path, name: field.name, type: field.type, required: field.required };
  if (descendants && descendants.length > 0) result.descendants = descendants;
  return result;
}

export function roleOf(entity: CatalogueEntity): EntityRole {
  const roles = new Set(entity.usedBy.map((use) => use.role));
  return roles.size === 1 ? [...roles][0] : undefined;
}

/** Beside the name: the same place among its siblings, or (objects) most of the children's names. */
function renameEvidence(before: CatalogueEntity, after: CatalogueEntity) {
  const children = (entity: CatalogueEntity, parent: string | undefined) => entity.fields.filter((field) => field.parent === parent);
  return (from: CatalogueField, to: CatalogueField): boolean => {
    const position = children(before, from.parent).findIndex((field) => field.path === from.path);
    if (position >= 0 && position === children(after, to.parent).findIndex((field) => field.path === to.path)) return true;
    if (from.leaf || to.leaf) return false;
    const fromNames = new Set(children(before, from.path).map((field) => field.name));
    const toNames = children(after, to.path).map((field) => field.name);
    const shared = toNames.filter((name) => fromNames.has(name)).length;
    return shared > 0 && shared * 2 >= Math.max(fromNames.size, toNames.length);
  };
}

/** Changes of `before`'s fields in `after`, fields matched by path. */
export function diffFields(before: CatalogueEntity, after: CatalogueEntity): FieldsDiff {
  const role = roleOf(after);
  const beforeByPath: ByPath = new Map(before.fields.map((field) => [field.path, field]));
  const afterByPath: ByPath = new Map(after.fields.map((field) => [field.path, field]));
  const removedAll = before.fields.filter((field) => !afterByPath.has(field.path) && !unlisted(field, beforeByPath, afterByPath));
  const addedAll = after.fields.filter((field) => !beforeByPath.has(field.path) && !unlisted(field, afterByPath, beforeByPath));
  const removed = subtrees(removedAll);
  const added = subtrees(addedAll);

  const topMost = new Set([...removed.top, ...added.top]);
  const pairs = findRenames(removedAll, addedAll, (field) => topMost.has(field), renameEvidence(before, after));
  const renamedFrom = new Set(pairs.map((pair) => pair.from));
  const renamedTo = new Set(pairs.map((pair) => pair.to));
  const afterOrder = new Map(after.fields.map((field, index) => [field, index]));

  const renamed: FieldRename[] = pairs
    .sort((a, b) => afterOrder.get(a.to)! - afterOrder.get(b.to)!)
    .map(({ from, to, reason }) => {
      const changes = shapeChanges(from, to, role);
      return {
        from: ref(from, removed.descendants.get(from)),
        to: ref(to, added.descendants.get(to)),
        reason,
        changes,
        severity: worst('risky', ...changes),
      };
    });

  const changed: FieldChange[] = [];
  for (const field of after.fields) {
    const old = beforeByPath.get(field.path);
    if (!old) continue;
    const changes = shapeChanges(old, field, role);
    if (changes.length > 0) changed.push({ path: field.path, severity: worst(...changes), changes });
  }

  return {
    added: added.top
      .filter((field) => !renamedTo.has(field))
      // A new required field must now be sent: as breaking as an old one becoming required.
      .map((field): DiffField => ({
        ...ref(field, added.descendants.get(field)),
        severity: field.required ? requiredChange(false, true, field.readOnly, role)!.severity : 'info',
      })),
    removed: removed.top
      .filter((field) => !renamedFrom.has(field))
      .map((field): DiffField => ({ ...ref(field, removed.descendants.get(field)), severity: 'breaking' })),
    changed,
    renamed,
  };
}
