import { parseEntityRef, sideRef } from '../../mapping/entities';
import { createFlow } from '../../mapping/flows';
import { acceptAbove } from '../../mapping/bulk-accept';
import { listRows } from '../../mapping/rows';
import { SystemImports } from '../../openapi/system-import';
import { openWorkspace } from '../../workspace/workspace';
import type { Services } from '../../platform/services';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

/** `crosswalk add-flow <workspace> <source-system>:<entity> <target-system>:<entity> [--accept-above X] [--json]`. */
export async function addFlowCommand([file, source, target, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || !source || !target || extra.length > 0) {
    throw new UsageError('add-flow takes the workspace file, the source as <system>:<entity> and the target as <system>:<entity>.');
  }
  const sourceRef = parseEntityRef(source, 'source');
  const targetRef = parseEntityRef(target, 'target');
  const workspace = await openWorkspace(file);
  try {
    const imports = new SystemImports(services);
    const flow = await createFlow(workspace, imports, { source: sourceRef, target: targetRef }, { workers: services.workers });
    const bulk = flags.acceptAbove !== undefined ? await acceptAbove(workspace, imports, flow.id, flags.acceptAbove) : undefined;
    const rows = listRows(workspace, flow.id);
    const count = (status: string) => rows.filter((row) => row.status === status).length;
    const summary = {
      flow: flow.name,
      source: sideRef(flow.source),
      target: sideRef(flow.target),
      rows: rows.length,
      suggested: count('suggested'),
      accepted: count('accepted'),
      unmapped: count('needs_decision'),
    };
    if (flags.json) {
      io.out(JSON.stringify(summary));
      return 0;
    }
    io.out(
      `Added flow "${summary.flow}" (${summary.source} -> ${summary.target}): ${summary.rows} row${summary.rows === 1 ? '' : 's'}, ` +
        `${summary.suggested} suggested, ${summary.accepted} accepted, ${summary.unmapped} unmapped.`,
    );
    if (bulk && bulk.skipped.length > 0) {
      io.out(`Left ${bulk.skipped.length} suggestion${bulk.skipped.length === 1 ? '' : 's'} above ${flags.acceptAbove} for review, a check showing an error on ${bulk.skipped.length === 1 ? 'it' : 'them'}:`);
      for (const row of bulk.skipped) io.out(`  ${row.mapId} ${row.targetPath}: ${row.reasons.join(' ')}`);
    }
    return 0;
  } finally {
    workspace.close();
  }
}
