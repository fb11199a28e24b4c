// An entity with its fields. The catalogue may come as an outline (`fieldsDeferred`): the fields of
// each entity are then asked for when it is opened, and kept for the rest of the session.
import type { CatalogueEntity } from '../../../../shared/catalogue';
import type { SystemSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApp, useWorkspace } from '../../state/app-context';
import { useLoad, type Loaded } from '../../state/use-load';

export function useEntityFields(system: SystemSummary, entity: CatalogueEntity): Loaded<CatalogueEntity> & { complete: CatalogueEntity | undefined } {
  const { dataVersion } = useApp();
  const workspace = useWorkspace();
  const deferred = entity.fieldsDeferred === true;
  const loaded = useLoad(
    // importedAt: a re-imported document never shows the old version's fields.
    deferred ? `${workspace.path}|entity|${system.id}|${system.importedAt}|${entity.id}` : `inline|${entity.id}`,
    () => (deferred ? api['systems.entity']({ id: system.id, entity: entity.id }) : Promise.resolve(entity)),
    [dataVersion, deferred ? null : entity],
  );
  return { ...loaded, complete: deferred ? loaded.data : entity };
}
