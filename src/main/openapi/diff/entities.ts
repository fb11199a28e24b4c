// Entities matched by kind and name (`CatalogueEntity.id`).
import type { CatalogueEntity } from '../../../shared/catalogue';
import type { AddedRemovedChanged, DiffEntity, EntityChange } from '../../../shared/catalogue-diff';
import { shapeChanges } from './aspects';
import { diffFields, roleOf } from './fields';
import { worst } from './severity';
import { compareText } from './values';

const byName = (a: { name: string; kind: string }, b: { name: string; kind: string }) => compareText(a.name, b.name) || compareText(a.kind, b.kind);

const entityRef = ({ id, kind, name }: CatalogueEntity, severity: DiffEntity['severity']): DiffEntity => ({ id, kind, name, severity });

function diffEntity(before: CatalogueEntity, after: CatalogueEntity): EntityChange | undefined {
  const root = shapeChanges(before.shape, after.shape, roleOf(after));
  const fields = diffFields(before, after);
  const items = [...root, ...fields.added, ...fields.removed, ...fields.changed, ...fields.renamed];
  if (items.length === 0) return undefined;
  const change: EntityChange = { ...entityRef(after, worst(...items)), root, fields };
  if (before.depthCapReached || before.fieldCapReached || after.depthCapReached || after.fieldCapReached) change.incomplete = true;
  return change;
}

export function diffEntities(before: CatalogueEntity[], after: CatalogueEntity[]): AddedRemovedChanged<DiffEntity, EntityChange> {
  const beforeById = new Map(before.map((entity) => [entity.id, entity]));
  const afterById = new Map(after.map((entity) => [entity.id, entity]));
  const changed: EntityChange[] = [];
  for (const entity of after) {
    const old = beforeById.get(entity.id);
    const change = old && diffEntity(old, entity);
    if (change) changed.push(change);
  }
  return {
    added: after.filter((entity) => !beforeById.has(entity.id)).map((entity) => entityRef(entity, 'info')).sort(byName),
    removed: before.filter((entity) => !afterById.has(entity.id)).map((entity) => entityRef(entity, 'breaking')).sort(byName),
    changed: changed.sort(byName),
  };
}
