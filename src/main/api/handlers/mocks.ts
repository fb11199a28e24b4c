import type { MockSummary } from '../../../shared/contract';
import { UserError } from '../../errors';
import { storedApiDocument } from '../../openapi/system-import';
import { getStoredDocument, getSystem } from '../../openapi/systems';
import { parseChaos } from '../../sandbox/mock/faults';
import type { MockSummary as RunningSummary } from '../../sandbox/mock/registry';
import { findEnvironmentByName, saveEnvironment } from '../../sandbox/store/environments';
import type { SandboxStore } from '../../sandbox/store/context';
import type { HandlerDeps, HandlersOf } from './handler';

const MOCK_ENVIRONMENT = 'Mock';

export function mocksHandlers({ session, workspace, services }: HandlerDeps): HandlersOf<'mocks'> {
  const store = (): SandboxStore => ({ workspace: workspace(), secrets: { keys: services.keys, redactor: services.redactor } });
  const chaosTexts = new Map<string, string>();

  /** The system's "Mock" environment, created or pointed at the running mock. */
  const pointMockEnvironment = (systemId: number, url: string): number => {
    const existing = findEnvironmentByName(store(), systemId, MOCK_ENVIRONMENT);
    if (existing && existing.baseUrl === url) return existing.id;
    const saved = saveEnvironment(store(), {
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
    return saved.id;
  };

  const summaryOf = (running: RunningSummary, systemId: number): MockSummary => ({
    systemId,
    system: running.system,
    url: running.url,
    port: running.port,
    seed: running.seed,
    chaos: chaosTexts.get(`${running.workspace}\u0000${running.system}`) ?? '',
    startedAt: running.startedAt,
    environmentId: findEnvironmentByName(store(), systemId, MOCK_ENVIRONMENT)?.id ?? null,
  });

  const systemNamed = (id: number) => getSystem(workspace(), id);

  return {
    'mocks.list': () => {
      const open = workspace();
      const systems = new Map(session.mocks.list(open.path).map((running) => [running.system, running]));
      return [...systems.values()].flatMap((running) => {
        const system = listSystemId(open, running.system);
        return system === undefined ? [] : [summaryOf(running, system)];
      });
    },
    'mocks.start': async ({ systemId, port, seed, chaos }) => {
      const open = workspace();
      const system = systemNamed(systemId);
      const parsedChaos = chaos ? parseChaos(chaos) : {};
      const document = await storedApiDocument(getStoredDocument(open, systemId));
      const alreadyRunning = session.mocks.list(open.path).some((mock) => mock.system === system.name);
      const running = await session.mocks.startMock({ workspace: open.path, system: system.name, document, port, seed, chaos: parsedChaos });
      if (!alreadyRunning) chaosTexts.set(`${open.path}\u0000${system.name}`, chaos);
      pointMockEnvironment(systemId, running.url);
      return summaryOf(running, systemId);
    },
    'mocks.stop': async ({ systemId }) => ({ stopped: await session.mocks.stop(workspace().path, systemNamed(systemId).name) }),
    'mocks.reset': ({ systemId }) => {
      const open = workspace();
      const system = systemNamed(systemId);
      const running = session.mocks.list(open.path).find((mock) => mock.system === system.name);
      if (!running) throw new UserError('MOCK_NOT_RUNNING', `The mock of ${system.name} is not running: start it first.`);
      session.mocks.reset(open.path, system.name);
      return summaryOf(running, systemId);
    },
  };
}

function listSystemId(workspace: ReturnType<HandlerDeps['workspace']>, name: string): number | undefined {
  return workspace.read((db) => db.prepare('SELECT id FROM system WHERE name = ?').pluck().get(name) as number | undefined);
}
