import type { ExportFormat } from '../../../shared/contract';
import { SystemImports } from '../../openapi/system-import';
import { exportSpec } from '../../specification/export/export-spec';
import { openWorkspace } from '../../workspace/workspace';
import type { Services } from '../../platform/services';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

const formats: ExportFormat[] = ['xlsx', 'json', 'md'];

/** `crosswalk export <workspace> --xlsx <file> --json <file> --md <file>` (one or more): prints one line per file written. */
export async function exportCommand([file, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || extra.length > 0) throw new UsageError('export takes one argument, the workspace file, and at least one of --xlsx, --json, --md with a file each.');
  const wanted = formats.filter((format) => flags.outputs?.[format]);
  if (wanted.length === 0) throw new UsageError('Say what to write: --xlsx <file>, --json <file> and/or --md <file>.');
  const workspace = await openWorkspace(file);
  try {
    const written = await exportSpec(workspace, new SystemImports(services), wanted.map((format) => ({ format, path: flags.outputs![format]! })));
    written.forEach(({ path, bytes }, index) => io.out(`${wanted[index]}\t${path}\t${bytes} bytes`));
    return 0;
  } finally {
    workspace.close();
  }
}
