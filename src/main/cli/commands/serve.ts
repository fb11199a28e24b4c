import path from 'node:path';
import { createHandlers } from '../../api/handlers';
import { Session } from '../../api/session';
import { projectRoot } from '../../resources';
import { Settings } from '../../settings/settings';
import { PortInUseError, startWebHost } from '../../webhost/server';
import { UserError } from '../../errors';
import type { Services } from '../../platform/services';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

export async function serveCommand([file, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (extra.length > 0) throw new UsageError('serve takes at most one argument: the workspace file.');
  const session = new Session(new Settings(), { kind: 'browser' }, services);
  if (file) await session.open(file);
  else await session.openDemo();

  const host = await startWebHost({
    handlers: createHandlers(session),
    rendererDir: path.join(projectRoot(), 'out', 'renderer'),
    port: flags.port,
    log: services.log,
    events: session.events,
  }).catch((error) => {
    session.close();
    throw error instanceof PortInUseError ? new UserError('PORT_IN_USE', error.message) : error;
  });
  io.out(`Crosswalk is serving at ${host.url}`);
  io.out(`Workspace: ${session.current?.path}. Log: ${services.log.file}. Press Ctrl+C to stop.`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  session.close();
  return 0;
}
