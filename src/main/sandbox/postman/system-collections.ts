// A Postman collection into a system's saved requests and out of them, for the CLI's import-collection /
// export-collection and the Sandbox screen alike. Variables and the collection's auth live in an
// environment of the system named after the collection; an export holds no secret values unless asked.
import type { EnvironmentInput } from '../../../shared/contract';
import { UserError } from '../../errors';
import { getSystem } from '../../openapi/systems';
import type { SandboxStore } from '../store/context';
import { findEnvironmentByName, getEnvironment, openEnvironment, saveEnvironment } from '../store/environments';
import { listRequests, openRequest, saveRequest } from '../store/requests';
import { exportCollection } from './export';
import type { ExportAuth, ExportRequest } from './types';
import { importCollection } from './import';

export interface CollectionImported {
  requests: number;
  folders: number;
  variables: number;
  secretVariables: number;
  environment: { id: number; name: string };
  /** What was left out or read differently, one sentence each. */
  notes: string[];
}

/** Saves the collection's requests into the system, its variables and auth into the environment named after it. */
export function importCollectionInto(store: SandboxStore, systemId: number, json: unknown, source: string): CollectionImported {
  getSystem(store.workspace, systemId);
  const collection = importCollection(json, source);
  for (const request of collection.requests) saveRequest(store, { ...request, systemId, clearBroken: false });
  const existing = findEnvironmentByName(store, systemId, collection.name);
  const environment: EnvironmentInput = {
    ...(existing ? { id: existing.id } : {}),
    systemId,
    name: collection.name,
    kind: existing?.kind ?? 'other',
    baseUrl: existing?.baseUrl ?? '',
    variables: collection.variables,
    tls: existing?.tls ?? { caPem: '', clientCert: { kind: 'none' }, acceptSelfSigned: false },
    proxy: existing?.proxy ?? { mode: 'default' },
    auth: collection.auth,
  };
  const saved = saveEnvironment(store, environment);
  return {
    requests: collection.requests.length,
    folders: new Set(collection.requests.map((request) => request.folder).filter(Boolean)).size,
    variables: collection.variables.length,
    secretVariables: collection.variables.filter((variable) => variable.secret).length,
    environment: { id: saved.id, name: saved.name },
    notes: collection.notes,
  };
}

/**
 * The system's saved requests as a Postman collection v2.1; with an environment, its base URL, variables
 * and auth as the collection's. Secret values are opened only with `includeSecrets`.
 */
export function exportSystemCollection(store: SandboxStore, systemId: number, { environmentId, includeSecrets }: { environmentId?: number; includeSecrets: boolean }) {
  const system = getSystem(store.workspace, systemId);
  const requests = listRequests(store, systemId).map((saved) => {
    const { draft } = includeSecrets ? openRequest(store, saved.id) : { draft: saved };
    return { ...draft, origin: null } as unknown as ExportRequest;
  });
  const environment = environmentId === undefined ? undefined : getEnvironment(store, environmentId);
  if (environment && environment.systemId !== systemId) throw new UserError('ENVIRONMENT_SYSTEM', `The environment "${environment.name}" belongs to another system: choose one of ${system.name}.`);
  const opened = environment && includeSecrets ? openEnvironment(store, environment.id).opened : environment;
  const collection = exportCollection(
    {
      name: environment ? `${system.name} (${environment.name})` : system.name,
      requests,
      variables: opened ? [...(environment!.baseUrl ? [{ name: 'baseUrl', value: environment!.baseUrl, secret: false, enabled: true }] : []), ...(opened.variables as never[])] : undefined,
      auth: opened?.auth as ExportAuth | undefined,
    },
    { includeSecrets },
  );
  return { system, collection, requests: requests.length };
}
