// Loads a flow's entity (with its fields) from its system's catalogue, by system and entity name.
import type { CatalogueEntity } from '../../../../shared/catalogue';
import type { SystemSummary } from '../../../../shared/contract';
import { api } from '../../api/client';

// A flow side's entity comes seen from its root: its paths are then the rows' paths.
export async function loadEntity(systems: readonly SystemSummary[], ref: { system: string; entity: string; root?: string }): Promise<CatalogueEntity> {
  const system = systems.find((candidate) => candidate.name === ref.system);
  if (!system) throw new Error(`System ${ref.system} is no longer in this workspace.`);
  const root = ref.root ? { root: ref.root } : {};
  try {
    return await api['systems.entity']({ id: system.id, entity: `schema:${ref.entity}`, ...root });
  } catch {
    const catalogue = await api['systems.catalogue']({ id: system.id });
    const entity = catalogue.entities.find((candidate) => candidate.id === ref.entity || candidate.name === ref.entity);
    if (!entity) throw new Error(`${ref.system} has no entity ${ref.entity} any more (its document may have been re-imported).`);
    return api['systems.entity']({ id: system.id, entity: entity.id, ...root });
  }
}

/** "string · date-time", "string[]", "integer". */
export function typeText(field: { type: string; format?: string; itemType?: string } | undefined): string {
  if (!field) return '';
  const base = field.type === 'array' && field.itemType ? `${field.itemType}[]` : field.type;
  return field.format ? `${base} · ${field.format}` : base;
}
