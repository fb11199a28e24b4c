import { createDemoWorkspace } from '../../demo/demo-workspace';
import type { Services } from '../../platform/services';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

export async function demoCommand([file, ...extra]: string[], _flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || extra.length > 0) throw new UsageError('demo takes one argument: the workspace file to write.');
  const workspace = await createDemoWorkspace(file, services);
  workspace.close();
  io.out(`Wrote the demo workspace to ${workspace.path}`);
  return 0;
}
