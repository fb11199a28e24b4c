// What analysts accepted and rejected, workspace-wide, per pair of entities: the suggestion engine
// learns from it (a rejected pair is never suggested again) and undoing a decision forgets it.
import { UserError } from '../errors';
import type { LearnedDecision } from '../../shared/contract';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Workspace } from '../workspace/workspace';
import type { LearnedDecisions } from './suggest';
import { rememberLater } from './memory';

const now = () => new Date().toISOString();

/** The entities a flow maps, as keys of mapping_decision ("<system>:<entity>"). */
export interface FlowKeys {
  source: string;
  target: string;
}

export function flowKeysIn(db: SqliteDatabase, flowId: number): FlowKeys {
  const row = db
    .prepare(
      `SELECT s.name || ':' || f.source_entity AS source, t.name || ':' || f.target_entity AS target
       FROM data_flow f JOIN system s ON s.id = f.source_system_id JOIN system t ON t.id = f.target_system_id WHERE f.id = ?`,
    )
    .get(flowId) as FlowKeys | undefined;
  if (!row) throw new UserError('FLOW_NOT_FOUND', `There is no data flow ${flowId} (it may have been deleted): reload the flows.`);
  return row;
}

/** What analysts decided before between these two entities, in any flow. */
export function learnedIn(db: SqliteDatabase, keys: FlowKeys): LearnedDecisions {
  const rows = db
    .prepare('SELECT source_path AS source, target_path AS target, decision FROM mapping_decision WHERE source_entity = ? AND target_entity = ?')
    .all(keys.source, keys.target) as Array<{ source: string; target: string; decision: 'accepted' | 'rejected' }>;
  return {
    accepted: rows.filter((row) => row.decision === 'accepted').map(({ source, target }) => ({ source, target })),
    rejected: rows.filter((row) => row.decision === 'rejected').map(({ source, target }) => ({ source, target })),
  };
}

/** The workspace's own id (workspace_identity), which the mapping memory keeps its pairs under; '' in a file older than it. */
export function workspaceIdIn(db: SqliteDatabase): string {
  const hasIdentity = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'workspace_identity'").get() !== undefined;
  return hasIdentity ? ((db.prepare('SELECT workspace_id FROM workspace_identity WHERE id = 1').pluck().get() as string | undefined) ?? '') : '';
}

/** The same pairs for the mapping memory in the settings folder (other workspaces read them as evidence). */
function memoryPairs(db: SqliteDatabase, keys: FlowKeys, sourcePaths: string[], targetPath: string, decision: 'accepted' | 'rejected') {
  const workspace = workspaceIdIn(db);
  return sourcePaths.map((source) => ({ decision, source, target: targetPath, sourceEntity: keys.source, targetEntity: keys.target, workspace }));
}

export function recordDecisionsIn(db: SqliteDatabase, flowId: number, sourcePaths: string[], targetPath: string, decision: 'accepted' | 'rejected') {
  const keys = flowKeysIn(db, flowId);
  for (const record of memoryPairs(db, keys, sourcePaths, targetPath, decision)) rememberLater({ record });
  const upsert = db.prepare(
    `INSERT INTO mapping_decision (source_entity, source_path, target_entity, target_path, decision, decided_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_entity, source_path, target_entity, target_path) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at`,
  );
  for (const sourcePath of sourcePaths) upsert.run(keys.source, sourcePath, keys.target, targetPath, decision, now());
}

/**
 * Removes learned decisions of this kind for these (source, target) pairs. An accepted pair stays learned
 * while another row of a flow between the same entities still holds it accepted.
 */
export function forgetDecisionsIn(db: SqliteDatabase, flowId: number, sourcePaths: string[], targetPath: string, decision: 'accepted' | 'rejected', exceptRowId?: number) {
  const keys = flowKeysIn(db, flowId);
  const remove = db.prepare(
    'DELETE FROM mapping_decision WHERE source_entity = ? AND source_path = ? AND target_entity = ? AND target_path = ? AND decision = ?',
  );
  const heldElsewhere =
    decision === 'accepted'
      ? new Set(
          (
            db
              .prepare(
                `SELECT m.source_paths FROM field_mapping m
                   JOIN data_flow f ON f.id = m.flow_id JOIN system s ON s.id = f.source_system_id JOIN system t ON t.id = f.target_system_id
                 WHERE m.status = 'accepted' AND m.target_path = ? AND m.id <> ? AND s.name || ':' || f.source_entity = ? AND t.name || ':' || f.target_entity = ?`,
              )
              .all(targetPath, exceptRowId ?? -1, keys.source, keys.target) as { source_paths: string }[]
          ).flatMap((other) => JSON.parse(other.source_paths) as string[]),
        )
      : new Set<string>();
  const forgotten = sourcePaths.filter((sourcePath) => !heldElsewhere.has(sourcePath));
  for (const sourcePath of forgotten) remove.run(keys.source, sourcePath, keys.target, targetPath, decision);
  for (const forget of memoryPairs(db, keys, forgotten, targetPath, decision)) rememberLater({ forget });
}

/** Every pair learned between a flow's two entities, newest first. */
export function learnedDecisionsOf(workspace: Workspace, flowId: number): LearnedDecision[] {
  return workspace.read((db) => learnedListIn(db, flowKeysIn(db, flowId)));
}

/** Forgets one learned pair, whichever the decision; the rows that hold it keep their values. */
export function forgetLearned(workspace: Workspace, flowId: number, targetPath: string, sourcePath: string): LearnedDecision[] {
  return workspace.write((db) => {
    const keys = flowKeysIn(db, flowId);
    const removed = db
      .prepare('DELETE FROM mapping_decision WHERE source_entity = ? AND source_path = ? AND target_entity = ? AND target_path = ? RETURNING decision')
      .all(keys.source, sourcePath, keys.target, targetPath) as Array<{ decision: 'accepted' | 'rejected' }>;
    if (removed.length === 0)
      throw new UserError('NOT_LEARNED', `Nothing was learned for ${targetPath} ← ${sourcePath} between these entities (it may be forgotten already): reload the flow.`);
    for (const { decision } of removed) for (const forget of memoryPairs(db, keys, [sourcePath], targetPath, decision)) rememberLater({ forget });
    return learnedListIn(db, keys);
  });
}

function learnedListIn(db: SqliteDatabase, keys: FlowKeys): LearnedDecision[] {
  return db
    .prepare(
      `SELECT target_path AS targetPath, source_path AS sourcePath, decision, decided_at AS decidedAt FROM mapping_decision
       WHERE source_entity = ? AND target_entity = ? ORDER BY decided_at DESC, target_path`,
    )
    .all(keys.source, keys.target) as LearnedDecision[];
}
