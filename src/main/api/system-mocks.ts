// A workspace system's mock as the app runs it: served from the stored document by the session's registry,
// with the system's "Mock" environment pointed at it. Used by the mocks.* calls and by the demo, which
// starts both of its systems' mocks when it opens.
import type { MockSummary } from '../../shared/contract';
import { storedApiDocument } from '../openapi/system-import';
import { getStoredDocument, getSystem, listSystems } from '../openapi/systems';
import { chaosText, parseChaos } from '../sandbox/mock/faults';
import type { MockSummary as RunningMock } from '../sandbox/mock/registry';
import type { SandboxStore } from '../sandbox/store/context';
import { findEnvironmentByName, saveEnvironment } from '../sandbox/store/environments';
import type { Workspace } from '../workspace/workspace';
import type { Session } from './session';

export const MOCK_ENVIRONMENT = 'Mock';

const storeOf = (session: Session, workspace: Workspace): SandboxStore => ({ workspace, secrets: { keys: session.services.keys, redactor: session.services.redactor } });

export async function startSystemMock(session: Session, workspace: Workspace, systemId: number, options: { port?: number; seed?: number; chaos?: string } = {}): Promise<MockSummary> {
  const system = getSystem(workspace, systemId);
  const chaos = options.chaos ? parseChaos(options.chaos) : {};
  const document = await storedApiDocument(getStoredDocument(workspace, systemId));
  const running = await session.mocks.startMock({ workspace: workspace.path, system: system.name, document, port: options.port, seed: options.seed, chaos });
  pointMockEnvironment(storeOf(session, workspace), systemId, running.url);
  return mockSummary(session, workspace, running);
}

/** The running mocks of the workspace, as the contract shows them (a removed system's mock is stopped). */
export function workspaceMocks(session: Session, workspace: Workspace): MockSummary[] {
  const systems = new Map(listSystems(workspace).map((system) => [system.name, system.id]));
  return session.mocks.list(workspace.path).flatMap((running) => {
    const systemId = systems.get(running.system);
    if (systemId === undefined) {
      void session.mocks.stop(workspace.path, running.system);
      return [];
    }
    return [mockSummary(session, workspace, running, systemId)];
  });
}

function mockSummary(session: Session, workspace: Workspace, running: RunningMock, systemId = getSystemIdOf(workspace, running.system)): MockSummary {
  return {
    systemId,
    system: running.system,
    url: running.url,
    port: running.port,
    seed: running.seed,
    chaos: chaosText(running.chaos),
    startedAt: running.startedAt,
    environmentId: findEnvironmentByName(storeOf(session, workspace), systemId, MOCK_ENVIRONMENT)?.id ?? null,
  };
}

const getSystemIdOf = (workspace: Workspace, name: string) => listSystems(workspace).find((system) => system.name === name)!.id;

/** The system's "Mock" environment, created or pointed at the running mock (its port changes per start). */
function pointMockEnvironment(store: SandboxStore, systemId: number, url: string): void {
  const existing = findEnvironmentByName(store, systemId, MOCK_ENVIRONMENT);
  if (existing && existing.baseUrl === url) return;
  saveEnvironment(store, {
    ...(existing ? { id: existing.id } : {}),
    systemId,
    name: MOCK_ENVIRONMENT,
    kind: 'mock',
    baseUrl: url,
    variables: existing?.variables ?? [],
    tls: existing?.tls ?? { caPem: '', clientCert: { kind: 'none' }, acceptSelfSigned: false },
    proxy: { mode: 'none' },
    auth: existing?.auth ?? { kind: 'none' },
  });
}
