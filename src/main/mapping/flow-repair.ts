// A flow after a re-import of one of its systems: rows whose field was renamed follow the rename the
// diff between the previous and the current document finds (once the analyst confirms), rows whose
// field vanished are flagged ("removed in version X") and kept with their notes, and new target
// fields get rows. The plan is read first; nothing changes until repairFlow.
import type { CatalogueEntity } from '../../shared/catalogue';
import type { FlowSummary, MappingRow } from '../../shared/contract';
import { buildCatalogue } from '../openapi/catalogue';
import { diffFields } from '../openapi/diff/fields';
import { normalizeName, renameConfidence } from '../openapi/diff/renames';
import { storedApiDocument, type SystemImports } from '../openapi/system-import';
import { UserError } from '../errors';
import type { Workspace } from '../workspace/workspace';
import type { EngineRun } from './compute-candidates';
import { getFlow } from './flows';
import { joinRoot, rootEntity, underRoot } from './roots';
import { listPairings } from './pairings';
import { listRows, listRowsIn, materialiseRowsIn } from './rows';
import { flowEntities } from './sheet';
import { writeWithCandidates } from './suggestion-cache';

type Side = 'source' | 'target';

export interface RepairPlan {
  flowId: number;
  /** Rows whose field looks renamed: the analyst confirms each. */
  /** `confidence` (0..1): how sure the diff is that `to` is `from` renamed. */
  renames: Array<{ rowId: number; mapId: string; side: Side; from: string; to: string; why: string; confidence: number }>;
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

interface Rename {
  to: string;
  confidence: number;
}

/** Old path → new path for every field (and field under an object) the diff pairs as renamed. */
function renamesBetween(before: CatalogueEntity | undefined, after: CatalogueEntity): Map<string, Rename> {
  const renames = new Map<string, Rename>();
  if (!before) return renames;
  const present = new Set(after.fields.map((field) => field.path));
  for (const { from, to, reason } of diffFields(before, after).renamed) {
    const confidence = renameConfidence(from.name, to.name, reason);
    renames.set(from.path, { to: to.path, confidence });
    for (const field of before.fields) {
      if (!field.path.startsWith(`${from.path}.`) && !field.path.startsWith(`${from.path}[]`)) continue;
      const moved = to.path + field.path.slice(from.path.length);
      if (present.has(moved)) renames.set(field.path, { to: moved, confidence });
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
  renames: Record<Side, Map<string, Rename>>;
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
      plan.renames.push({
        rowId: row.id,
        mapId: row.mapId,
        side,
        from: path,
        to: documented,
        why: `the document now lists the discovered field ${path} as ${documented}`,
        confidence: 1,
      });
      return;
    }
    if (paths[side].has(path)) return;
    const rename = renames[side].get(path);
    if (rename) plan.renames.push({ rowId: row.id, mapId: row.mapId, side, from: path, ...rename, why: `renamed in version ${versions[side]}` });
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

export interface RepairDecisions {
  /** The renames to follow: row ids, or 'all'. */
  confirm: number[] | 'all';
  /** Rows whose field is gone to delete rather than flag (rows of the plan's removed only). */
  remove?: number[];
}

export interface RepairResult {
  renamed: number;
  flagged: number;
  /** Rows deleted because their field is gone (the analyst chose so). */
  removed: number;
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
export async function repairFlow(
  workspace: Workspace,
  imports: SystemImports,
  flowId: number,
  { confirm, remove = [] }: RepairDecisions,
  run: EngineRun = {},
): Promise<RepairResult> {
  const flow = getFlow(workspace, flowId);
  const context = await contextOf(workspace, imports, flow);
  const confirmed = (rowId: number) => confirm === 'all' || confirm.includes(rowId);
  const removing = new Set(remove);
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
      const gone = new Set(plan.removed.map((item) => item.rowId));
      const notGone = [...removing].filter((rowId) => !gone.has(rowId));
      if (notGone.length > 0) {
        throw new UserError('NOT_REMOVED', `Row${notGone.length === 1 ? '' : 's'} ${notGone.join(', ')} still map${notGone.length === 1 ? 's' : ''} fields the documents have: only rows whose field is gone are deleted by a repair.`);
      }
      const drop = db.prepare('DELETE FROM field_mapping WHERE id = ?');
      for (const rowId of removing) drop.run(rowId);
      let flagged = 0;
      for (const item of plan.removed) {
        if (removing.has(item.rowId)) continue;
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
      return { renamed, flagged, removed: removing.size, added };
    },
    run,
  );
  return { ...counts, plan: planOf(flowId, listRows(workspace, flowId), context) };
}

export interface Repoint {
  source?: { system: string; entity: string; root?: string };
  target?: { system: string; entity: string; root?: string };
}

export interface RepointResult {
  /** Rows whose paths resolve in the new entities (kept, paths made relative to the new roots). */
  kept: number;
  /** The kept rows whose paths change on the way. */
  moved: Array<{ rowId: number; mapId: string; targetPath: string; sourcePaths: string[]; newTargetPath: string; newSourcePaths: string[] }>;
  /** Rows whose paths do not: listed for a decision; with `unresolved` 'keep' they stay, flagged; 'remove' deletes them. */
  unresolved: Array<{ rowId: number; mapId: string; targetPath: string; sourcePaths: string[]; notes: string }>;
  added: number;
  applied: boolean;
}

/**
 * Points the flow at another source or target entity, or another root, keeping every row whose paths
 * still resolve there (a path is tried as the entity writes it, then as it stands relative to the root);
 * array pairings move with their paths, as rows do, so that both stay relative to the roots.
 * Without `unresolved` nothing is written while some rows do not resolve: the answer lists them; with
 * `dryRun` nothing is written at all.
 */
export async function repointFlow(
  workspace: Workspace,
  imports: SystemImports,
  flowId: number,
  change: Repoint,
  { unresolved, dryRun = false }: { unresolved?: 'keep' | 'remove'; dryRun?: boolean },
  run: EngineRun = {},
): Promise<RepointResult> {
  const flow = getFlow(workspace, flowId);
  const next = {
    source: { ...flow.source, ...change.source, root: change.source?.root ?? (change.source ? '' : flow.source.root) },
    target: { ...flow.target, ...change.target, root: change.target?.root ?? (change.target ? '' : flow.target.root) },
  };
  const entities = await flowEntities(workspace, imports, { ...flow, ...next });
  const fields = { source: new Set(entities.source.fields.map((f) => f.path)), target: new Set(entities.target.fields.filter((f) => f.leaf).map((f) => f.path)) };
  const moved = (side: Side, path: string): string | undefined => {
    const full = joinRoot(flow[side].root, path);
    const relative = flow[side].entity === next[side].entity ? underRoot(next[side].root, full) : undefined;
    return [relative, path].find((candidate) => candidate !== undefined && fields[side].has(candidate));
  };
  // A pairing names an object or array (`items[]`): moved like a row's path, by the field it names.
  const allFields = { source: new Set(entities.source.fields.map((f) => f.path)), target: new Set(entities.target.fields.map((f) => f.path)) };
  const movedPairingPath = (side: Side, path: string): string | undefined => {
    const array = path.endsWith('[]');
    const field = array ? path.slice(0, -2) : path;
    const full = joinRoot(flow[side].root, field);
    const relative = flow[side].entity === next[side].entity ? underRoot(next[side].root, full) : field;
    return relative !== undefined && allFields[side].has(relative) ? relative + (array ? '[]' : '') : undefined;
  };
  const pairingMoves = listPairings(workspace, flowId).flatMap((pairing) => {
    const target = movedPairingPath('target', pairing.targetPath);
    const source = movedPairingPath('source', pairing.sourcePath);
    return target !== undefined && source !== undefined ? [{ id: pairing.id, target, source }] : [];
  });
  const rows = listRows(workspace, flowId);
  const plan = rows.map((row) => {
    const target = moved('target', row.targetPath);
    const sources = row.sourcePaths.map((path) => moved('source', path));
    return { row, target, sources, resolves: target !== undefined && sources.every((path) => path !== undefined) };
  });
  const taken = new Set<string>();
  for (const item of plan) {
    const key = `${item.row.pairingId ?? 0}\u0000${item.target}`;
    if (item.resolves && taken.has(key)) item.resolves = false;
    if (item.resolves) taken.add(key);
  }
  const result: RepointResult = {
    kept: plan.filter((item) => item.resolves).length,
    moved: plan
      .filter((item) => item.resolves && (item.target !== item.row.targetPath || item.sources.some((path, index) => path !== item.row.sourcePaths[index])))
      .map(({ row, target, sources }) => ({
        rowId: row.id,
        mapId: row.mapId,
        targetPath: row.targetPath,
        sourcePaths: row.sourcePaths,
        newTargetPath: target!,
        newSourcePaths: sources as string[],
      })),
    unresolved: plan.filter((item) => !item.resolves).map(({ row }) => ({ rowId: row.id, mapId: row.mapId, targetPath: row.targetPath, sourcePaths: row.sourcePaths, notes: row.notes })),
    added: 0,
    applied: false,
  };
  if (dryRun || (result.unresolved.length > 0 && !unresolved)) return result;
  const systemId = (name: string) => workspace.read((db) => (db.prepare('SELECT id FROM system WHERE name = ?').get(name) as { id: number }).id);
  const sides = {
    sourceSystemId: systemId(next.source.system),
    targetSystemId: systemId(next.target.system),
    keys: { source: `${next.source.system}:${next.source.entity}`, target: `${next.target.system}:${next.target.entity}` },
  };
  result.added = await writeWithCandidates(
    workspace,
    sides,
    entities.source,
    entities.target,
    (db, candidates) => {
      const now = new Date().toISOString();
      db.prepare(
        'UPDATE data_flow SET source_system_id = ?, source_entity = ?, source_root = ?, target_system_id = ?, target_entity = ?, target_root = ? WHERE id = ?',
      ).run(sides.sourceSystemId, next.source.entity, next.source.root, sides.targetSystemId, next.target.entity, next.target.root, flowId);
      // Unresolved rows first: a kept row may take a target path one of them held.
      for (const item of plan.filter((each) => !each.resolves)) {
        if (unresolved === 'remove') db.prepare('DELETE FROM field_mapping WHERE id = ?').run(item.row.id);
        else {
          const reason = `Not in ${next.target.system} ${next.target.entity}${next.target.root ? ` › ${next.target.root}` : ''} or its source since the flow was re-pointed: choose the fields again or delete the row.`;
          db.prepare('UPDATE field_mapping SET review = ?, updated_at = ? WHERE id = ?').run(JSON.stringify([...(item.row.review ?? []), reason]), now, item.row.id);
        }
      }
      // Two steps, so that no row takes a path another still holds on the way.
      const move = db.prepare('UPDATE field_mapping SET target_path = ?, source_paths = ?, updated_at = ? WHERE id = ?');
      const kept = plan.filter((each) => each.resolves);
      for (const item of kept) move.run(`\u0000${item.row.id}`, JSON.stringify(item.sources), now, item.row.id);
      for (const item of kept) move.run(item.target, JSON.stringify(item.sources), now, item.row.id);
      const movePairing = db.prepare('UPDATE array_pairing SET target_path = ?, source_path = ?, updated_at = ? WHERE id = ?');
      for (const pairing of pairingMoves) movePairing.run(pairing.target, pairing.source, now, pairing.id);
      return materialiseRowsIn(db, flowId, entities.source, entities.target, candidates);
    },
    run,
  );
  result.applied = true;
  return result;
}
