// A flow after a re-import of one of its systems: rows whose field was renamed follow the rename the
// diff between the previous and the current document finds (once the analyst confirms), rows whose
// field vanished are flagged ("removed in version X") and kept with their notes, and new target
// fields get rows. The plan is read first; nothing changes until repairFlow.
import type { CatalogueEntity } from '../../shared/catalogue';
import type { FlowSummary, MappingRow } from '../../shared/contract';
import { buildCatalogue } from '../openapi/catalogue';
import { diffFields } from '../openapi/diff/fields';
import { normalizeName } from '../openapi/diff/renames';
import { storedApiDocument, type SystemImports } from '../openapi/system-import';
import type { Workspace } from '../workspace/workspace';
import type { EngineRun } from './compute-candidates';
import { getFlow } from './flows';
import { rootEntity } from './roots';
import { listRows, listRowsIn, materialiseRowsIn } from './rows';
import { flowEntities } from './sheet';
import { writeWithCandidates } from './suggestion-cache';

type Side = 'source' | 'target';

export interface RepairPlan {
  flowId: number;
  /** Rows whose field looks renamed: the analyst confirms each. */
  renames: Array<{ rowId: number; mapId: string; side: Side; from: string; to: string; why: string }>;
  /** Rows whose field is gone with no rename found: flagged, kept with their notes. */
  removed: Array<{ rowId: number; mapId: string; side: Side; path: string; version: string }>;
  /** Target leaves without a row. */
  added: string[];
}

/** The system's document version now (the one a vanished field is missing from). */
const apiVersionOf = (workspace: Workspace, system: string) =>
  workspace.read((db) => (db.prepare('SELECT api_version FROM system WHERE name = ?').get(system) as { api_version: string } | undefined)?.api_version ?? '');

/** The flow's entity on one side as the system's previous document had it (before its last re-import), seen from the root; undefined when there was none. */
async function previousEntity(workspace: Workspace, side: FlowSummary['source']): Promise<CatalogueEntity | undefined> {
  const stored = workspace.read(
    (db) =>
      db
        .prepare(
          `SELECT v.document, v.bundle, v.source FROM system_version v JOIN system s ON s.id = v.system_id
           WHERE s.name = ? ORDER BY v.id DESC LIMIT 1`,
        )
        .get(side.system) as { document: string; bundle: string | null; source: string } | undefined,
  );
  if (!stored) return undefined;
  const document = await storedApiDocument({
    text: stored.document,
    files: {},
    ...(stored.bundle ? { bundle: JSON.parse(stored.bundle) as Record<string, unknown> } : {}),
    format: 'json',
    title: '',
    apiVersion: '',
    openapiVersion: '',
    source: stored.source,
  });
  const entities = buildCatalogue(document).entities.filter((entity) => entity.id === side.entity || entity.name === side.entity);
  const entity = entities.find((candidate) => candidate.kind === 'schema') ?? entities[0];
  if (!entity) return undefined;
  try {
    return rootEntity(entity, side.root);
  } catch {
    return undefined;
  }
}

/** Old path → new path for every field (and field under an object) the diff pairs as renamed. */
function renamesBetween(before: CatalogueEntity | undefined, after: CatalogueEntity): Map<string, string> {
  const renames = new Map<string, string>();
  if (!before) return renames;
  const present = new Set(after.fields.map((field) => field.path));
  for (const { from, to } of diffFields(before, after).renamed) {
    renames.set(from.path, to.path);
    for (const field of before.fields) {
      if (!field.path.startsWith(`${from.path}.`) && !field.path.startsWith(`${from.path}[]`)) continue;
      const moved = to.path + field.path.slice(from.path.length);
      if (present.has(moved)) renames.set(field.path, moved);
    }
  }
  return renames;
}

/** A discovered field (seen in samples) the document now lists under its own spelling: `middle_name` → `MiddleName`. */
function documentedAs(entity: CatalogueEntity, path: string): string | undefined {
  const field = entity.fields.find((candidate) => candidate.path === path);
  if (!field?.discovered) return undefined;
  const key = normalizeName(path);
  return entity.fields.find((candidate) => !candidate.discovered && candidate.leaf && normalizeName(candidate.path) === key)?.path;
}

interface Context {
  entities: Record<Side, CatalogueEntity>;
  renames: Record<Side, Map<string, string>>;
  versions: Record<Side, string>;
}

async function contextOf(workspace: Workspace, imports: SystemImports, flow: FlowSummary): Promise<Context> {
  const entities = await flowEntities(workspace, imports, flow);
  return {
    entities,
    renames: {
      source: renamesBetween(await previousEntity(workspace, flow.source), entities.source),
      target: renamesBetween(await previousEntity(workspace, flow.target), entities.target),
    },
    versions: { source: apiVersionOf(workspace, flow.source.system), target: apiVersionOf(workspace, flow.target.system) },
  };
}

function planOf(flowId: number, rows: MappingRow[], { entities, renames, versions }: Context): RepairPlan {
  const plan: RepairPlan = { flowId, renames: [], removed: [], added: [] };
  const paths = { source: new Set(entities.source.fields.map((f) => f.path)), target: new Set(entities.target.fields.map((f) => f.path)) };
  const look = (row: MappingRow, side: Side, path: string) => {
    const documented = documentedAs(entities[side], path);
    if (documented) {
      plan.renames.push({ rowId: row.id, mapId: row.mapId, side, from: path, to: documented, why: `the document now lists the discovered field ${path} as ${documented}` });
      return;
    }
    if (paths[side].has(path)) return;
    const to = renames[side].get(path);
    if (to) plan.renames.push({ rowId: row.id, mapId: row.mapId, side, from: path, to, why: `renamed in version ${versions[side]}` });
    else plan.removed.push({ rowId: row.id, mapId: row.mapId, side, path, version: versions[side] });
  };
  for (const row of rows) {
    look(row, 'target', row.targetPath);
    for (const path of row.sourcePaths) look(row, 'source', path);
  }
  const mapped = new Set(rows.map((row) => row.targetPath));
  const renamedTo = new Set(plan.renames.filter((rename) => rename.side === 'target').map((rename) => rename.to));
  plan.added = entities.target.fields.filter((field) => field.leaf && !mapped.has(field.path) && !renamedTo.has(field.path)).map((field) => field.path);
  return plan;
}

/** What repairing the flow would do, written nowhere. */
export async function repairPlan(workspace: Workspace, imports: SystemImports, flowId: number): Promise<RepairPlan> {
  const context = await contextOf(workspace, imports, getFlow(workspace, flowId));
  return planOf(flowId, listRows(workspace, flowId), context);
}

export interface RepairResult {
  renamed: number;
  flagged: number;
  added: number;
  /** What is left to decide (renames not confirmed, fields still gone). */
  plan: RepairPlan;
}

const removedReason = (item: RepairPlan['removed'][number]) =>
  `The ${item.side} field ${item.path} was removed in version ${item.version || '(unknown)'}: choose another field or mark the row not needed.`;

/**
 * Repairs the flow in one transaction: the renames of `confirm` (row ids; 'all' for every one) are
 * applied, rows whose field is gone are flagged with the version it went in (kept, notes and all), and
 * every target leaf without a row gets one with the engine's suggestion.
 */
export async function repairFlow(workspace: Workspace, imports: SystemImports, flowId: number, confirm: number[] | 'all', run: EngineRun = {}): Promise<RepairResult> {
  const flow = getFlow(workspace, flowId);
  const context = await contextOf(workspace, imports, flow);
  const confirmed = (rowId: number) => confirm === 'all' || confirm.includes(rowId);
  const counts = await writeWithCandidates(
    workspace,
    flowId,
    context.entities.source,
    context.entities.target,
    (db, candidates) => {
      const plan = planOf(flowId, listRowsIn(db, flowId), context);
      const now = new Date().toISOString();
      const rowOf = (rowId: number) => listRowsIn(db, flowId).find((row) => row.id === rowId)!;
      let renamed = 0;
      for (const rename of plan.renames.filter((each) => confirmed(each.rowId))) {
        const row = rowOf(rename.rowId);
        if (rename.side === 'target') {
          const other = db
            .prepare('SELECT id, status FROM field_mapping WHERE flow_id = ? AND coalesce(pairing_id, 0) = coalesce(?, 0) AND target_path = ? AND id <> ?')
            .get(flowId, row.pairingId ?? null, rename.to, row.id) as { id: number; status: string } | undefined;
          if (other && other.status === 'accepted') continue; // the analyst already mapped the new field: keep theirs
          if (other) db.prepare('DELETE FROM field_mapping WHERE id = ?').run(other.id);
          db.prepare('UPDATE field_mapping SET target_path = ?, review = NULL, updated_at = ? WHERE id = ?').run(rename.to, now, row.id);
        } else {
          const sources = row.sourcePaths.map((path) => (path === rename.from ? rename.to : path));
          db.prepare('UPDATE field_mapping SET source_paths = ?, review = NULL, updated_at = ? WHERE id = ?').run(JSON.stringify(sources), now, row.id);
        }
        renamed++;
      }
      let flagged = 0;
      for (const item of plan.removed) {
        const row = rowOf(item.rowId);
        const reason = removedReason(item);
        if (row.review?.includes(reason)) continue;
        db.prepare('UPDATE field_mapping SET review = ?, updated_at = ? WHERE id = ?').run(JSON.stringify([...(row.review ?? []), reason]), now, row.id);
        flagged++;
      }
      // New rows for target leaves nobody maps, except the new names of renames still waiting for a decision.
      const waiting = new Set(plan.renames.filter((rename) => rename.side === 'target' && !confirmed(rename.rowId)).map((rename) => rename.to));
      const target = { ...context.entities.target, fields: context.entities.target.fields.filter((field) => !waiting.has(field.path)) };
      const added = materialiseRowsIn(db, flowId, context.entities.source, target, candidates);
      return { renamed, flagged, added };
    },
    run,
  );
  return { ...counts, plan: planOf(flowId, listRows(workspace, flowId), context) };
}
