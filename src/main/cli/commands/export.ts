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
  // Never migrated or backed up here: an older file is read through a copy migrated in memory. A current
  // one gets what an export records (new flows' Map IDs, the workbook's snapshot).
  const workspace = await openWorkspace(file, { access: 'current' });
  try {
    const written = await exportSpec(workspace, new SystemImports(services), wanted.map((format) => ({ format, path: flags.outputs![format]! })));
    written.forEach(({ path, bytes }, index) => io.out(`${wanted[index]}\t${path}\t${bytes} bytes`));
    if (wanted.includes('xlsx') && workspace.detached) {
      io.err(
        `crosswalk: ${workspace.path} is an older workspace (schema ${workspace.fileSchemaVersion}), read without upgrading it, so this export was not recorded: ` +
          'reading the workbook back compares it with the app alone. Open the workspace in the app (or run a command that changes it) to upgrade it, after a backup.',
      );
    }
    return 0;
  } finally {
    workspace.close();
  }
}
