import { SystemImports } from '../../openapi/system-import';
import { proxyFromEnvOrSystem } from '../../platform/http';
import { OAuthTokens, sandboxTokenSource } from '../../sandbox/oauth';
import type { SandboxAdapters } from '../../sandbox/sandbox';
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
  const { services } = session;
  const deps: HandlerDeps = { session, services, workspace: () => session.requireWorkspace(), systems: new SystemImports(services) };
  const { resolveProxy } = session.host;
  const adapters: SandboxAdapters = {
    resolveProxy,
    defaultProxy: resolveProxy && proxyFromEnvOrSystem(process.env, resolveProxy),
    oauth: sandboxTokenSource(
      new OAuthTokens({
        http: services.http,
        redactor: services.redactor,
        openExternal: async (url: string) => (session.host.openExternal ? session.host.openExternal(url) : session.events.emit('sandbox.openUrl', { url })),
      }),
    ),
  };
  return {
    ...workspaceHandlers(deps),
    ...systemsHandlers(deps),
    ...mappingHandlers(deps),
    ...specificationHandlers(deps),
    ...mocksHandlers(deps),
    ...sandboxHandlers(deps, adapters),
    ...samplesHandlers(deps, adapters),
  };
}
