import { UserError } from '../../errors';
import { getSystem } from '../../openapi/systems';
import { startSystemMock, workspaceMocks } from '../system-mocks';
import type { HandlerDeps, HandlersOf } from './handler';

export function mocksHandlers({ session, workspace }: HandlerDeps): HandlersOf<'mocks'> {
  return {
    'mocks.list': () => workspaceMocks(session, workspace()),
    'mocks.start': ({ systemId, port, seed, chaos }) => startSystemMock(session, workspace(), systemId, { port, seed, chaos }),
    'mocks.stop': async ({ systemId }) => ({ stopped: await session.mocks.stop(workspace().path, getSystem(workspace(), systemId).name) }),
    'mocks.reset': ({ systemId }) => {
      const open = workspace();
      const system = getSystem(open, systemId);
      const running = workspaceMocks(session, open).find((mock) => mock.systemId === systemId);
      if (!running) throw new UserError('MOCK_NOT_RUNNING', `The mock of ${system.name} is not running: start it first.`);
      session.mocks.reset(open.path, system.name);
      return running;
    },
  };
}
