import type { CallName } from '../../shared/call-names';
import type { CallOutput, ParsedInput } from '../../shared/contract';
import { LATEST_SCHEMA_VERSION } from '../workspace/migrations';
import { summarize } from '../workspace/summary';
import { getIntegration, updateIntegration } from '../spec/integration';
import { addQuestion, listQuestions, updateQuestion } from '../spec/questions';
import { listSystems } from '../openapi/systems';
import { listFlows } from '../mapping/flows';
import { UserError } from '../errors';
import { APP_VERSION } from '../version';
import type { Session } from './session';

export type Handlers = {
  [N in CallName]: (input: ParsedInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;
};

/** The one table of handlers both transports (Electron IPC and the web host) serve. */
export function createHandlers(session: Session): Handlers {
  const workspace = () => session.requireWorkspace();
  return {
    'app.info': () => ({
      version: APP_VERSION,
      host: session.host.kind,
      nativeDialogs: !!session.host.choosePath,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
    }),

    'workspace.current': () => (session.current ? summarize(session.current) : null),
    'workspace.recent': () => session.recent(),
    'workspace.open': ({ path }) => session.open(path),
    'workspace.create': ({ path, name }) => session.create(path, name),
    'workspace.openDemo': () => session.openDemo(),
    'workspace.choosePath': async ({ purpose }) => {
      if (!session.host.choosePath) {
        throw new UserError('NOT_AVAILABLE', 'File dialogs exist only in the desktop app: type the workspace path instead.');
      }
      return { path: await session.host.choosePath(purpose) };
    },
    'workspace.forgetRecent': ({ path }) => {
      session.settings.forgetRecent(path);
      return session.recent();
    },

    'integration.get': () => getIntegration(workspace()),
    'integration.update': (changes) => updateIntegration(workspace(), changes),

    'systems.list': () => listSystems(workspace()),
    'flows.list': () => listFlows(workspace()),

    'questions.list': () => listQuestions(workspace()),
    'questions.add': (input) => addQuestion(workspace(), input),
    'questions.update': ({ id, ...changes }) => updateQuestion(workspace(), id, changes),
  };
}
