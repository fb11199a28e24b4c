import { SystemImports } from '../../openapi/system-import';
import { proxyFromEnvOrSystem } from '../../platform/http';
import { OAuthTokens, sandboxTokenSource } from '../../sandbox/oauth';
import type { HistoryEntrySummary } from '../../../shared/contract';
import { getSystem } from '../../openapi/systems';
import { sandboxOf } from '../../sandbox/sandbox';
import type { SendDeps } from '../../sandbox/send/send';
import { getEnvironment } from '../../sandbox/store/environments';
import type { Session } from '../session';
import type { HandlerDeps, Handlers } from './handler';
import { mappingHandlers } from './mapping';
import { mocksHandlers } from './mocks';
import { sandboxHandlers } from './sandbox';
import { samplesHandlers } from './samples';
import { specificationHandlers } from './specification';
import { systemsHandlers } from './systems';
import { workspaceHandlers } from './workspace';

export type { Handler, Handlers } from './handler';

/** The one table of handlers both transports (Electron IPC and the web host) serve: one factory per domain. */
export function createHandlers(session: Session): Handlers {
  const { services, host } = session;
  const workspace = () => session.requireWorkspace();
  const oauth = sandboxTokenSource(
    new OAuthTokens({
      http: services.http,
      redactor: services.redactor,
      openExternal: async (url: string) => (host.openExternal ? host.openExternal(url) : session.events.emit('sandbox.openUrl', { url })),
    }),
  );
  const { resolveProxy } = host;
  const defaultProxy = resolveProxy && proxyFromEnvOrSystem(process.env, resolveProxy);
  const sendPath = (sendingTo: number | null): SendDeps => {
    const open = workspace();
    const { store, cache } = sandboxOf(open, services, session.settings.dir);
    if (sendingTo !== null) {
      const environment = getEnvironment(store, sendingTo);
      if (environment.kind === 'mock' && environment.name === 'Mock') session.mocks.urlOf(open.path, getSystem(open, environment.systemId).name);
    }
    const onHistory = (entry: HistoryEntrySummary) => session.events.emit('sandbox.history', { workspace: open.path, entry });
    return { store, cache, http: services.http, redactor: services.redactor, oauth, resolveProxy, defaultProxy, onHistory };
  };
  const deps: HandlerDeps = { session, services, workspace, systems: new SystemImports(services), sendPath };
  return {
    ...workspaceHandlers(deps),
    ...systemsHandlers(deps),
    ...mappingHandlers(deps),
    ...specificationHandlers(deps),
    ...mocksHandlers(deps),
    ...sandboxHandlers(deps),
    ...samplesHandlers(deps),
  };
}
