// A body whose schema was swapped for another named schema (`$ref: Order` → `$ref: OrderV2`): what the
// swap means for an integration is in the two entities' fields, not in their names.
import type { CatalogueEntity } from '../../../shared/catalogue';
import type { AspectChange } from '../../../shared/catalogue-diff';
import { shapeChanges } from './aspects';
import { diffFields } from './fields';

export interface EntityLookup {
  before(id: string): CatalogueEntity | undefined;
  after(id: string): CatalogueEntity | undefined;
}

const TYPE_ASPECTS = new Set(['type', 'itemType']);

/**
 * The entity change at `shape` severity, unless the new entity carries every field of the old one with
 * the same type (a strict superset: only `info`); each field whose type changed is reported as a type
 * change `within` that field (a number → integer is visible as such, not only as a swapped `$ref`).
 */
export function entitySwap(beforeId: string | undefined, afterId: string | undefined, shape: 'breaking' | 'risky', entities: EntityLookup | undefined): AspectChange[] {
  const swap: AspectChange = { aspect: 'entity', severity: shape, before: beforeId, after: afterId };
  const before = beforeId === undefined ? undefined : entities?.before(beforeId);
  const after = afterId === undefined ? undefined : entities?.after(afterId);
  if (!before || !after || before.fieldsDeferred || after.fieldsDeferred) return [swap];
  const fields = diffFields(before, after);
  const typeChanges: AspectChange[] = [];
  for (const change of shapeChanges(before.shape, after.shape)) if (TYPE_ASPECTS.has(change.aspect)) typeChanges.push({ ...change, severity: shape });
  for (const field of fields.changed) {
    for (const change of field.changes) if (TYPE_ASPECTS.has(change.aspect)) typeChanges.push({ ...change, severity: shape, within: field.path });
  }
  const superset = fields.removed.length === 0 && fields.renamed.length === 0 && typeChanges.length === 0;
  return [{ ...swap, severity: superset ? 'info' : shape }, ...typeChanges];
}
