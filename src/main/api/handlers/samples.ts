import path from 'node:path';
import type { HttpService } from '../../platform/http';
import { driftReport } from '../../sandbox/samples/drift';
import { sampleAndSave } from '../../sandbox/samples/sample-and-save';
import type { FetchPage } from '../../sandbox/samples/sample-records';
import { deleteSample, listSamples, recheckStaleSamples, saveSample, workspaceBodyCache, type SampleContext } from '../../sandbox/samples/samples';
import { listSystems } from '../../openapi/systems';
import { appDataDir } from '../../settings/settings';
import type { HandlerDeps, Handlers } from './handler';

export type SampleCall = 'sandbox.saveSample' | 'sandbox.samples' | 'sandbox.deleteSample' | 'sandbox.sampleRecords' | 'sandbox.drift';

export function samplesHandlers({ workspace, systems, services }: HandlerDeps): Pick<Handlers, SampleCall> {
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
    'sandbox.sampleRecords': ({ systemId, operation, url, limit, pageSize, maxPages, headers, entity }, { signal, progress }) => {
      for (const value of Object.values(headers)) services.redactor.add(value);
      return sampleAndSave(context(), { systemId, operation, url, limit, pageSize, maxPages, entity, fetchPage: plainGet(services.http, headers), signal, progress });
    },
    'sandbox.drift': async ({ systemId, entity }) => {
      const ids = systemId !== undefined ? [systemId] : listSystems(workspace()).map((system) => system.id);
      for (const id of ids) await recheckStaleSamples(context(), id);
      return driftReport(workspace(), { systemId, entity });
    },
  };
}

/** Pages read with the platform's http client and the given headers, until the send path takes this over. */
function plainGet(http: HttpService, headers: Record<string, string>): FetchPage {
  return async (url, signal) => {
    const response = await http.request({ url, signal, headers: { accept: 'application/json', ...headers }, maxBodyBytes: 16 * 1024 * 1024 });
    const text = response.body.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: Object.fromEntries(response.headers.entries().map(([name, values]) => [name.toLowerCase(), values.join(', ')])), body };
  };
}
