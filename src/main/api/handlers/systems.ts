import { rootEntity } from '../../mapping/roots';
import { listSystems, removeSystem } from '../../openapi/systems';
import type { HandlerDeps, HandlersOf } from './handler';

export function systemsHandlers({ workspace, systems, session, services }: HandlerDeps): HandlersOf<'systems'> {
  /** Validation finishes in its worker after the call answered: tell the windows once it is stored. */
  const whenValidated = (stored: Promise<unknown>, systemId: number) => {
    const file = workspace().path;
    stored.then(
      () => session.events.emit('systems.validated', { workspace: file, systemId }),
      (error: unknown) => services.log.error('Storing validation failed', error),
    );
  };
  return {
    'systems.list': () => listSystems(workspace()),
    'systems.import': async ({ name, source, allowedRefs }, { signal }) => {
      const result = await systems.import(workspace(), name, source, { allowRefs: allowedRefs }, signal);
      if (result.status === 'needs-consent') return result;
      // The catalogue is ready now; validation finishes in its worker and is stored when it does.
      whenValidated(result.validation, result.system.id);
      return { status: 'imported', system: result.system, ...(result.removedCredentials.length > 0 ? { removedCredentials: result.removedCredentials } : {}) };
    },
    'systems.catalogue': ({ id }) => systems.catalogue(workspace(), id),
    'systems.entity': async ({ id, entity, root }) => rootEntity(await systems.entity(workspace(), id, entity), root ?? ''),
    'systems.previewReimport': ({ id, source, allowedRefs }, { signal }) =>
      systems.previewReimport(workspace(), id, source, { allowRefs: allowedRefs }, signal),
    'systems.applyReimport': async ({ previewId }) => {
      const result = await systems.applyReimport(workspace(), previewId);
      whenValidated(result.validation, result.system.id);
      return result.system;
    },
    'systems.remove': ({ id }) => {
      removeSystem(workspace(), id);
      return { removed: true as const };
    },
  };
}
