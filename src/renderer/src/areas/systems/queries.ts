// What the Systems area reads: the systems, a system's catalogue, an entity's fields.
import { useQuery } from '@tanstack/react-query';
import type { CatalogueEntity } from '../../../../shared/catalogue';
import type { SystemSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useCall, useWorkspacePath } from '../../state/queries';
import { callKey } from '../../state/query-keys';

export const useSystems = () => useCall('systems.list', {});

/**
 * A system's catalogue. Its key ends with the system's importedAt: after a re-import (here or in
 * another window) the new catalogue is read, and the old one is never shown meanwhile.
 */
export function useCatalogue(system: SystemSummary | null) {
  const workspace = useWorkspacePath();
  const id = system?.id ?? 0;
  return useQuery({
    queryKey: [...callKey(workspace, 'systems.catalogue', { id }), system?.importedAt],
    queryFn: () => api['systems.catalogue']({ id }),
    enabled: system !== null,
  });
}

/**
 * An entity with its fields. The catalogue may come as an outline (`fieldsDeferred`): the fields of
 * each entity are then asked for when it is opened (keyed by importedAt, as the catalogue).
 */
export function useEntityFields(system: SystemSummary, entity: CatalogueEntity) {
  const workspace = useWorkspacePath();
  const deferred = entity.fieldsDeferred === true;
  const query = useQuery({
    queryKey: [...callKey(workspace, 'systems.entity', { id: system.id, entity: entity.id }), system.importedAt],
    queryFn: () => api['systems.entity']({ id: system.id, entity: entity.id }),
    enabled: deferred,
  });
  return { query, complete: deferred ? query.data : entity };
}
