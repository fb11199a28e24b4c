import path from 'node:path';
import { UserError } from '../../errors';
import { driftReport } from '../../sandbox/samples/drift';
import { sampleAndSave } from '../../sandbox/samples/sample-and-save';
import { sendPaging } from '../../sandbox/samples/send-pages';
import { getEnvironment } from '../../sandbox/store/environments';
import { deleteSample, listSamples, recheckStaleSamples, saveSample, workspaceBodyCache, type SampleContext } from '../../sandbox/samples/samples';
import { listSystems } from '../../openapi/systems';
import { appDataDir } from '../../settings/settings';
import type { HandlerDeps, Handlers } from './handler';

export type SampleCall = 'sandbox.saveSample' | 'sandbox.samples' | 'sandbox.deleteSample' | 'sandbox.sampleRecords' | 'sandbox.drift';

export function samplesHandlers({ workspace, systems, services, sendPath }: HandlerDeps): Pick<Handlers, SampleCall> {
  const context = (): SampleContext => {
    const open = workspace();
    return { workspace: open, systems, redactor: services.redactor, bodies: workspaceBodyCache(open, path.join(appDataDir(), 'cache')) };
  };
  return {
    'sandbox.saveSample': (input) => saveSample(context(), input),
    'sandbox.samples': ({ systemId, entity }) => listSamples(workspace(), { systemId, entity }),
    'sandbox.deleteSample': ({ id }) => {
      deleteSample(workspace(), id);
      return { removed: true as const };
    },
    'sandbox.sampleRecords': async ({ request, environmentId, variables, operation, limit, pageSize, maxPages, entity }, { signal, progress }) => {
      const deps = sendPath(environmentId);
      const { store, cache } = deps;
      const paging = sendPaging(deps, { request: 'requestId' in request ? request : { draft: request.draft as never, basedOn: request.basedOn }, environmentId, variables });
      const chosen = operation ?? paging.operation;
      if (chosen === undefined) throw new UserError('SAMPLE_NO_OPERATION', 'This request was not made from an operation of the document: name the list operation it calls (such as "GET /customers").');
      const environment = environmentId === null ? undefined : getEnvironment(store, environmentId).name;
      return sampleAndSave(
        { ...context(), bodies: cache },
        { systemId: paging.systemId, operation: chosen, url: paging.url, limit, pageSize, maxPages, entity, environment, fetchPage: paging.fetchPage, signal, progress },
      );
    },
    'sandbox.drift': async ({ systemId, entity }) => {
      const ids = systemId !== undefined ? [systemId] : listSystems(workspace()).map((system) => system.id);
      for (const id of ids) await recheckStaleSamples(context(), id);
      return driftReport(workspace(), { systemId, entity });
    },
  };
}
