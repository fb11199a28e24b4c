import { listSystems, removeSystem } from '../../openapi/systems';
import type { HandlerDeps, HandlersOf } from './handler';

export function systemsHandlers({ workspace, systems }: HandlerDeps): HandlersOf<'systems'> {
  return {
    'systems.list': () => listSystems(workspace()),
    'systems.import': async ({ name, source, allowedRefs }) => {
      const result = await systems.import(workspace(), name, source, { allowRefs: allowedRefs });
      if (result.status === 'needs-consent') return result;
      // The catalogue is ready now; validation finishes in its worker and is stored when it does.
      void result.validation.catch((error: unknown) => console.error('[crosswalk] Storing validation failed:', error));
      return { status: 'imported', system: result.system };
    },
    'systems.catalogue': ({ id }) => systems.catalogue(workspace(), id),
    'systems.entity': ({ id, entity }) => systems.entity(workspace(), id, entity),
    'systems.previewReimport': ({ id, source, allowedRefs }) => systems.previewReimport(workspace(), id, source, { allowRefs: allowedRefs }),
    'systems.applyReimport': async ({ previewId }) => {
      const result = await systems.applyReimport(workspace(), previewId);
      void result.validation.catch((error: unknown) => console.error('[crosswalk] Storing validation failed:', error));
      return result.system;
    },
    'systems.remove': ({ id }) => {
      removeSystem(workspace(), id);
      return { removed: true as const };
    },
  };
}
