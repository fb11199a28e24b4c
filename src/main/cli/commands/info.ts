import { sideRef } from '../../mapping/entities';
import { openapiVersionLabel } from '../../../shared/catalogue';
import { listFlows } from '../../mapping/flows';
import { listSystems } from '../../openapi/systems';
import { getIntegration } from '../../specification/integration';
import { openWorkspace } from '../../workspace/workspace';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

export async function infoCommand([file, ...extra]: string[], flags: Flags, io: Io): Promise<number> {
  if (!file || extra.length > 0) throw new UsageError('info takes one argument: the workspace file.');
  const workspace = await openWorkspace(file, { access: 'read' });
  try {
    const { fileSchemaVersion } = workspace;
    const integration = getIntegration(workspace);
    const systems = listSystems(workspace);
    const flows = listFlows(workspace).map((flow) => ({
      name: flow.name,
      source: sideRef(flow.source),
      target: sideRef(flow.target),
    }));
    if (flags.json) {
      io.out(
        JSON.stringify({
          path: workspace.path,
          schemaVersion: fileSchemaVersion,
          // specVersion is kept beside openapiVersion: this JSON is a contract.
          systems: systems.map(({ name, title, openapiVersion }) => ({ name, title, specVersion: openapiVersion, openapiVersion })),
          flows,
        }),
      );
      return 0;
    }
    io.out(`${integration.name}  [${integration.status.replace('_', ' ')}]`);
    io.out(
      `${workspace.path} (workspace schema ${fileSchemaVersion}${fileSchemaVersion !== workspace.schemaVersion ? `, read through a copy upgraded to ${workspace.schemaVersion} in memory: open it in the app, or run a command that changes it, to upgrade the file` : ''})`,
    );
    io.out('');
    io.out(`Systems (${systems.length})`);
    io.out(table(systems.map((s) => [s.name, `${s.title} ${s.apiVersion}`.trim(), openapiVersionLabel(s.openapiVersion)])));
    io.out('');
    io.out(`Data flows (${flows.length})`);
    io.out(table(flows.map((f) => [f.name, `${f.source} -> ${f.target}`])));
    return 0;
  } finally {
    workspace.close();
  }
}


function table(rows: string[][]): string {
  if (rows.length === 0) return '  (none)';
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('   ').trimEnd()}`).join('\n');
}
