import fs from 'node:fs';
import { UserError } from '../../errors';
import { storedApiDocument } from '../../openapi/system-import';
import { getStoredDocument, getSystem } from '../../openapi/systems';
import { draftFromOperation, type ExampleBody } from '../../sandbox/draft/from-operation';
import { exampleBody } from '../../sandbox/generate';
import { environmentSeeds } from '../../sandbox/environment-seeds';
import { sandboxOf, storedPreview } from '../../sandbox/sandbox';
import { oauthTokenState, resolveForCopy, send } from '../../sandbox/send/send';
import { parseCurl, toCurl, type CurlSource } from '../../sandbox/curl';
import { exportSystemCollection, importCollectionInto } from '../../sandbox/postman';
import { deleteEnvironment, getEnvironment, listEnvironments, saveEnvironment, writeCookieJar } from '../../sandbox/store/environments';
import { bodyOwner, getHistoryEntry, sandboxSettings, searchHistory } from '../../sandbox/store/history';
import { deleteRequest, listRequests, saveRequest } from '../../sandbox/store/requests';
import type { HandlerDeps, HandlersOf } from './handler';
import type { SampleCall } from './samples';

export function sandboxHandlers({ workspace, systems, session, services, sendPath }: HandlerDeps): Omit<HandlersOf<'sandbox'>, SampleCall> {
  const sandbox = () => sandboxOf(workspace(), services, session.settings.dir);
  const store = () => sandbox().store;
  return {
    'sandbox.requests': ({ systemId }) => listRequests(store(), systemId),
    'sandbox.saveRequest': (input) => saveRequest(store(), input),
    'sandbox.deleteRequest': ({ id }) => {
      deleteRequest(store(), id);
      return { removed: true as const };
    },
    'sandbox.environments': ({ systemId }) => listEnvironments(store(), systemId),
    'sandbox.seedEnvironments': async ({ systemId }) => {
      const catalogue = await systems.catalogue(workspace(), systemId);
      const existing = listEnvironments(store(), systemId);
      const seeds = environmentSeeds(systemId, catalogue.servers, {
        names: new Set(existing.map((environment) => environment.name)),
        serverUrls: new Set(existing.flatMap((environment) => (environment.serverUrl ? [environment.serverUrl] : []))),
      });
      for (const seed of seeds) saveEnvironment(store(), seed.input, seed.serverUrl);
      return listEnvironments(store(), systemId);
    },
    'sandbox.saveEnvironment': (input) => saveEnvironment(store(), input),
    'sandbox.deleteEnvironment': ({ id }) => {
      deleteEnvironment(store(), id);
      return { removed: true as const };
    },
    'sandbox.clearCookies': ({ environmentId }) => {
      const environment = getEnvironment(store(), environmentId);
      writeCookieJar(store(), environment, null, 0);
      return getEnvironment(store(), environmentId);
    },
    'sandbox.draftFromOperation': async ({ systemId, operation }) => {
      const catalogue = await systems.catalogue(workspace(), systemId);
      const documentVersion = getSystem(workspace(), systemId).previousVersions + 1;
      const document = await storedApiDocument(getStoredDocument(workspace(), systemId));
      const fromSchema: ExampleBody = ({ operation: chosen }) => exampleBody(document, chosen.id, 'request')?.body;
      return draftFromOperation({ systemId, catalogue, operationId: operation, documentVersion, exampleBody: fromSchema });
    },
    'sandbox.send': ({ request, environmentId, variables, confirmProduction }, { signal }) =>
      send(sendPath(environmentId), {
        request: 'requestId' in request ? request : { draft: request.draft as never, basedOn: request.basedOn },
        environmentId,
        variables,
        confirmProduction,
        signal,
      }),
    'sandbox.parseCurl': ({ systemId, text }) => {
      getSystem(workspace(), systemId);
      const parsed = parseCurl(text);
      return { draft: { ...parsed.request, systemId }, notes: parsed.notes, insecure: parsed.insecure };
    },
    'sandbox.copyCurl': ({ request, environmentId, includeSecrets }) => {
      const { store } = sandbox();
      const resolved = resolveForCopy(
        { store, redactor: services.redactor },
        { request: 'requestId' in request ? request : { draft: request.draft as never, basedOn: request.basedOn }, environmentId, variables: {} },
      );
      return { text: toCurl(resolved as CurlSource, { includeSecrets, redactor: services.redactor }), unresolved: resolved.unresolved };
    },
    'sandbox.importCollection': ({ systemId, text, fileName }) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new UserError('COLLECTION_NOT_JSON', `${fileName} is not JSON (${(error as Error).message}): export the collection from Postman as "Collection v2.1".`);
      }
      return importCollectionInto(store(), systemId, json, fileName);
    },
    'sandbox.exportCollection': ({ systemId, environmentId, includeSecrets }) => {
      const { system, collection, requests } = exportSystemCollection(store(), systemId, { environmentId: environmentId ?? undefined, includeSecrets });
      const fileName = `${system.name.replace(/[^\w.-]+/g, '-')}.postman_collection.json`;
      return { fileName, text: `${JSON.stringify(collection, null, 2)}\n`, requests };
    },
    // Token calls go to the token endpoint, not to the mock: no running mock is needed to show one.
    'sandbox.oauthToken': ({ request, environmentId, renew }, { signal }) =>
      oauthTokenState(sendPath(null), { request: 'requestId' in request ? request : { draft: request.draft as never, basedOn: request.basedOn }, environmentId, variables: {}, signal }, renew),
    'sandbox.history': (query) => {
      const { store, cache } = sandbox();
      return searchHistory(store, cache, query);
    },
    'sandbox.historyEntry': ({ id }) => {
      const { store, cache } = sandbox();
      const entry = getHistoryEntry(store, cache, id);
      return { ...entry, preview: storedPreview(cache, entry.bodyId, entry.contentType) };
    },
    'sandbox.openBody': ({ bodyId }) => {
      const { store, cache } = sandbox();
      const owner = bodyOwner(store, bodyId);
      const file = cache.pathOf(bodyId);
      if (!owner || !fs.existsSync(file)) throw new UserError('BODY_GONE', 'This response body is no longer available (pruned from history, or the cache folder was cleared): send the request again.');
      return { path: file, size: fs.statSync(file).size, contentType: owner.contentType };
    },
    'sandbox.settings': (change) => {
      const { store, cache } = sandbox();
      return sandboxSettings(store, cache, change);
    },
  };
}
