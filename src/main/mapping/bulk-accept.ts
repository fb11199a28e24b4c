// "Accept all above X": every suggested row scoring at least X, except rows whose checks show an error
// (a read-only target, an enum without a value map, a type that cannot be copied…) — those stay for the
// analyst, and the answer says which and why. A dry run answers the same without writing, so the
// screen can ask before it writes.
import type { MappingRow } from '../../shared/contract';
import type { SystemImports } from '../openapi/system-import';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Workspace } from '../workspace/workspace';
import { checkRows } from './checks';
import { flowKeysIn, recordDecisionsIn } from './decisions';
import { listRowsIn } from './rows';
import { flowEntities } from './sheet';
import { listPairingsIn } from './pairings';
import { getFlow } from './flows';

export interface BulkAccept {
  /** Rows accepted (or, in a dry run, that would be). */
  accepted: number;
  /** Rows above the bar left as they are, with the errors that keep them. */
  skipped: Array<{ rowId: number; mapId: string; targetPath: string; reasons: string[] }>;
  rows: MappingRow[];
}

export async function acceptAbove(workspace: Workspace, imports: SystemImports, flowId: number, threshold: number, { dryRun = false } = {}): Promise<BulkAccept> {
  const { source, target } = await flowEntities(workspace, imports, getFlow(workspace, flowId));
  /** The rows above the bar, split by whether a check shows an error on them (read inside the caller's transaction). */
  const choose = (db: SqliteDatabase) => {
    flowKeysIn(db, flowId);
    const rows = listRowsIn(db, flowId);
    const errors = new Map<number, string[]>();
    for (const check of checkRows(rows, source, target, listPairingsIn(db, flowId))) {
      if (check.severity === 'error' && check.rowId !== null) errors.set(check.rowId, [...(errors.get(check.rowId) ?? []), check.message]);
    }
    const aboveBar = rows.filter((row) => row.status === 'suggested' && row.confidence !== null && row.confidence >= threshold && row.sourcePaths.length > 0);
    return {
      rows,
      chosen: aboveBar.filter((row) => !errors.has(row.id)),
      skipped: aboveBar.filter((row) => errors.has(row.id)).map((row) => ({ rowId: row.id, mapId: row.mapId, targetPath: row.targetPath, reasons: errors.get(row.id)! })),
    };
  };
  if (dryRun) {
    const { rows, chosen, skipped } = workspace.read(choose);
    return { accepted: chosen.length, skipped, rows };
  }
  return workspace.write((db) => {
    const { chosen, skipped } = choose(db);
    const accept = db.prepare("UPDATE field_mapping SET status = 'accepted', updated_at = ? WHERE id = ?");
    const now = new Date().toISOString();
    for (const row of chosen) {
      accept.run(now, row.id);
      recordDecisionsIn(db, flowId, row.sourcePaths, row.targetPath, 'accepted');
    }
    return { accepted: chosen.length, skipped, rows: listRowsIn(db, flowId) };
  });
}
