import { LATEST_SCHEMA_VERSION } from '../../workspace/migrations';
import { summarize } from '../../workspace/summary';
import { UserError } from '../../errors';
import { APP_VERSION } from '../../version';
import type { HandlerDeps, HandlersOf } from './handler';

export function workspaceHandlers({ session, services }: HandlerDeps): HandlersOf<'app'> & HandlersOf<'workspace'> {
  return {
    'app.info': () => ({
      version: APP_VERSION,
      host: session.host.kind,
      nativeDialogs: !!session.host.choosePath,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
    }),
    'app.settings': () => ({ folder: session.settings.dir, secretKeys: services.keys.info, logFile: services.log.file }),
    'workspace.current': () => (session.current ? summarize(session.current) : null),
    'workspace.recent': () => session.recent(),
    'workspace.open': ({ path }) => session.open(path),
    'workspace.create': ({ path, name }) => session.create(path, name),
    'workspace.openDemo': () => session.openDemo(),
    'workspace.choosePath': async ({ purpose, suggested }) => {
      if (!session.host.choosePath) {
        throw new UserError('NOT_AVAILABLE', 'File dialogs exist only in the desktop app: type the workspace path instead.');
      }
      return { path: await session.host.choosePath(purpose, suggested) };
    },
    'workspace.forgetRecent': ({ path }) => {
      session.settings.forgetRecent(path);
      return session.recent();
    },
  };
}
