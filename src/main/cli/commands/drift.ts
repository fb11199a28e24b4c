import { listSystems } from '../../openapi/systems';
import { SystemImports } from '../../openapi/system-import';
import { driftReport } from '../../sandbox/samples/drift';
import { recheckStaleSamples } from '../../sandbox/samples/samples';
import { openWorkspace } from '../../workspace/workspace';
import type { Services } from '../../platform/services';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

/**
 * `crosswalk drift <workspace> [--json]`: the drift report — what the saved samples show that each
 * entity's document does not say — per entity, field and kind. Always exits 0: drift is information.
 */
export async function driftCommand([file, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || extra.length > 0) throw new UsageError('drift takes one argument: the workspace file.');
  const workspace = await openWorkspace(file);
  try {
    const imports = new SystemImports(services);
    for (const system of listSystems(workspace)) await recheckStaleSamples({ workspace, systems: imports, redactor: services.redactor }, system.id);
    const report = driftReport(workspace);
    if (flags.json) {
      io.out(JSON.stringify(report));
      return 0;
    }
    if (report.samples === 0) {
      io.out('No samples saved yet: save responses as samples (crosswalk sample, or Save as sample in the Sandbox) to see drift.');
      return 0;
    }
    if (report.rows.length === 0) {
      io.out(`No drift: the ${report.samples} sample${report.samples === 1 ? '' : 's'} keep to their documents.`);
      return 0;
    }
    let heading = '';
    for (const row of report.rows) {
      const title = `${row.system} ${row.entity.replace(/^schema:|^body:/, '')}`;
      if (title !== heading) {
        io.out(title);
        heading = title;
      }
      const seen = row.firstSeen === row.lastSeen ? row.firstSeen : `${row.firstSeen} .. ${row.lastSeen}`;
      const field = row.field === '' ? '(body)' : row.inEntity ? row.field : `${row.field} (outside the entity)`;
      io.out(`  ${field.padEnd(28)}  ${row.kind.padEnd(19)}  ${String(row.samples).padStart(3)} sample${row.samples === 1 ? ' ' : 's'}  ${seen}  ${row.example}`);
    }
    return 0;
  } finally {
    workspace.close();
  }
}
