import type { CallName } from '../../../shared/call-names';
import type { CallOutput, ParsedInput } from '../../../shared/contract';
import type { SystemImports } from '../../openapi/system-import';
import type { Services } from '../../platform/services';
import type { SendDeps } from '../../sandbox/send/send';
import type { Workspace } from '../../workspace/workspace';
import type { CallContext } from '../call-context';
import type { Session } from '../session';

export type Handler<N extends CallName> = (input: ParsedInput<N>, context: CallContext) => CallOutput<N> | Promise<CallOutput<N>>;

/** The one table of handlers both transports serve: one per contract call. */
export type Handlers = { [N in CallName]: Handler<N> };

/** The handlers of one domain: the calls named `<prefix>.…`. */
export type HandlersOf<Prefix extends string> = { [N in Extract<CallName, `${Prefix}.${string}`>]: Handler<N> };

/** What every domain's handlers share. */
export interface HandlerDeps {
  session: Session;
  /** The open workspace, refused when the calling window shows another one (Session.requireWorkspace). */
  workspace(): Workspace;
  /** Catalogues and imports of the open workspace's systems, shared by every domain that reads them. */
  systems: SystemImports;
  services: Services;
  /**
   * The send path of the open workspace (store, body cache, services, the host's OAuth browser and proxy,
   * history events). `sendingTo`: the environment requests go to; a "Mock" one is refused unless its mock runs.
   */
  sendPath(sendingTo: number | null): SendDeps;
}
