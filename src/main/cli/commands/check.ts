import { sideRef } from '../../mapping/entities';
import { checkWorkspace } from '../../mapping/sheet';
import { SystemImports } from '../../openapi/system-import';
import { openWorkspace } from '../../workspace/workspace';
import type { Services } from '../../platform/services';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

/**
 * `crosswalk check <workspace> [--json]`: every flow's mapping checks and completeness. Exits 1 when a
 * required target field is unmapped (a flow without rows counts as entirely unmapped), 0 otherwise.
 */
export async function checkCommand([file, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || extra.length > 0) throw new UsageError('check takes one argument: the workspace file.');
  const workspace = await openWorkspace(file, { access: 'read' });
  try {
    const results = (await checkWorkspace(workspace, new SystemImports(services))).map(({ flow, completeness, checks }) => ({
      flow: flow.name,
      source: sideRef(flow.source),
      target: sideRef(flow.target),
      completeness,
      checks: checks.map((check) => ({ mapId: check.mapId, target: check.targetPath, kind: check.kind, severity: check.severity, message: check.message })),
    }));
    const failed = results.some((result) => result.checks.some((check) => check.kind === 'required_unmapped'));
    if (flags.json) {
      io.out(JSON.stringify(results));
      return failed ? 1 : 0;
    }
    if (results.length === 0) io.out('No data flows to check.');
    for (const result of results) {
      const errors = result.checks.filter((check) => check.severity === 'error').length;
      const warnings = result.checks.length - errors;
      io.out(
        `${result.flow} (${result.source} -> ${result.target}): ${result.completeness}% complete, ` +
          `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
      );
      for (const check of result.checks) {
        io.out(`  ${check.severity.padEnd(7)}  ${(check.mapId ?? '-').padEnd(6)}  ${check.kind.padEnd(17)}  ${check.message}`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    workspace.close();
  }
}
