import type { FlowDetail, FlowOutcome, FlowSummary, WriteMode } from '../../shared/contract';
import { UserError } from '../errors';
import type { SystemImports } from '../openapi/system-import';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Workspace } from '../workspace/workspace';
import { resolveEntity, type EntityRef, type ResolvedEntity } from './entities';
import { objectRoots, proposeRoot, rootEntity, type RootProposal } from './roots';
import { materialiseRowsIn } from './rows';
import { suggestPairingsIn } from './pairings';
import type { EngineRun } from './compute-candidates';
import { writeWithCandidates } from './suggestion-cache';

interface FlowRow {
  id: number;
  name: string;
  use_case: string | null;
  use_case_id: number | null;
  source_system: string;
  source_entity: string;
  target_system: string;
  target_entity: string;
  source_root: string;
  target_root: string;
  trigger_kind: FlowSummary['trigger']['kind'];
  trigger_detail: string;
  total: number;
  accepted: number;
  source_operation: string | null;
  target_operation: string | null;
  write_mode: WriteMode | null;
  match_key: string;
}

/** Every flow, in order; or only flow `id` (an empty list when it does not exist). */
export function listFlows(workspace: Workspace, id?: number): FlowSummary[] {
  const rows = workspace.read(
    (db) =>
      db
        .prepare(
          `SELECT f.id, f.name, u.title AS use_case, f.use_case_id,
                  s.name AS source_system, f.source_entity, t.name AS target_system, f.target_entity, f.source_root, f.target_root,
                  f.trigger_kind, f.trigger_detail, f.source_operation, f.target_operation, f.write_mode, f.match_key,
                  (SELECT count(*) FROM field_mapping m WHERE m.flow_id = f.id) AS total,
                  (SELECT count(*) FROM field_mapping m WHERE m.flow_id = f.id AND m.status = 'accepted') AS accepted
           FROM data_flow f
           JOIN system s ON s.id = f.source_system_id
           JOIN system t ON t.id = f.target_system_id
           LEFT JOIN use_case u ON u.id = f.use_case_id
           WHERE ? IS NULL OR f.id = ?
           ORDER BY f.position, f.id`,
        )
        .all(id ?? null, id ?? null) as FlowRow[],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    useCase: row.use_case,
    useCaseId: row.use_case_id,
    source: { system: row.source_system, entity: row.source_entity, root: row.source_root },
    target: { system: row.target_system, entity: row.target_entity, root: row.target_root },
    trigger: { kind: row.trigger_kind, detail: row.trigger_detail },
    mappings: { total: row.total, accepted: row.accepted },
    endpoints: { sourceOperation: row.source_operation, targetOperation: row.target_operation, writeMode: row.write_mode, matchKey: row.match_key },
  }));
}

export interface NewFlow {
  name: string;
  useCase?: string;
  /** A new use case's story ("As a …, I want … so that …"); an existing one keeps its own. */
  useCaseStory?: string;
  source: { system: string; entity: string; root?: string };
  target: { system: string; entity: string; root?: string };
  trigger?: FlowSummary['trigger'];
  outcomes?: Array<Omit<FlowOutcome, 'id'>>;
}

export function addFlow(workspace: Workspace, flow: NewFlow): FlowSummary {
  const [added] = listFlows(workspace, workspace.write((db) => insertFlow(db, flow)));
  if (!added) throw new Error(`Flow "${flow.name}" was not stored.`);
  return added;
}

function insertFlow(db: SqliteDatabase, flow: NewFlow): number {
  {
    const systemId = (name: string) => {
      const row = db.prepare('SELECT id FROM system WHERE name = ?').get(name) as { id: number } | undefined;
      if (!row) throw new UserError('SYSTEM_NOT_FOUND', `The workspace has no system named "${name}": add it first.`);
      return row.id;
    };
    let useCaseId: number | null = null;
    if (flow.useCase) {
      const existing = db.prepare('SELECT id FROM use_case WHERE title = ?').get(flow.useCase) as { id: number } | undefined;
      useCaseId = existing?.id ?? Number(db.prepare('INSERT INTO use_case (title, story) VALUES (?, ?)').run(flow.useCase, flow.useCaseStory ?? '').lastInsertRowid);
    }
    const taken = db.prepare('SELECT id FROM data_flow WHERE name = ?').get(flow.name);
    if (taken) throw new UserError('FLOW_EXISTS', `There is already a data flow named "${flow.name}": choose another name.`);
    const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM data_flow').get() as { next: number }).next;
    const flowId = Number(db.prepare(
      `INSERT INTO data_flow (name, use_case_id, source_system_id, source_entity, target_system_id, target_entity, trigger_kind, trigger_detail, position,
         source_root, target_root)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      flow.name,
      useCaseId,
      systemId(flow.source.system),
      flow.source.entity,
      systemId(flow.target.system),
      flow.target.entity,
      flow.trigger?.kind ?? 'manual',
      flow.trigger?.detail ?? '',
      position,
      flow.source.root ?? '',
      flow.target.root ?? '',
    ).lastInsertRowid);
    const outcome = db.prepare('INSERT INTO flow_outcome (flow_id, kind, condition, handling, position) VALUES (?, ?, ?, ?, ?)');
    (flow.outcomes ?? []).forEach((o, i) => outcome.run(flowId, o.kind, o.condition, o.handling, i));
    return flowId;
  }
}

/** A flow with its outcomes (success and failures: condition and handling). */
export function getFlow(workspace: Workspace, id: number): FlowDetail {
  const [summary] = listFlows(workspace, id);
  if (!summary) throw new UserError('FLOW_NOT_FOUND', `There is no data flow ${id} (it may have been deleted): reload the flows.`);
  const outcomes = workspace.read(
    (db) => db.prepare('SELECT id, kind, condition, handling FROM flow_outcome WHERE flow_id = ? ORDER BY position, id').all(id) as FlowOutcome[],
  );
  return { ...summary, outcomes };
}

export interface FlowRequest {
  /** `root`: the object inside the entity the flow maps (see roots.ts); the entity itself when omitted. */
  source: EntityRef & { root?: string };
  target: EntityRef & { root?: string };
  name?: string;
  useCase?: string;
  useCaseStory?: string;
  trigger?: FlowSummary['trigger'];
  outcomes?: Array<Omit<FlowOutcome, 'id'>>;
}

/**
 * Creates a flow after checking that both entities exist in their systems' catalogues, and one
 * mapping row per target leaf field with the best suggestion (learned decisions included): one transaction.
 */
export async function createFlow(workspace: Workspace, imports: SystemImports, request: FlowRequest, run: EngineRun = {}): Promise<FlowDetail> {
  const source = rooted(await resolveEntity(workspace, imports, request.source), request.source.root ?? '');
  const target = rooted(await resolveEntity(workspace, imports, request.target), request.target.root ?? '');
  // The engine's answer first (off the event loop for big entities), then the flow and its rows in one transaction.
  const sides = {
    sourceSystemId: source.system.id,
    targetSystemId: target.system.id,
    keys: { source: `${source.system.name}:${source.entity.name}`, target: `${target.system.name}:${target.entity.name}` },
  };
  const id = await writeWithCandidates(workspace, sides, source.entity, target.entity, (db, candidates) => {
    let name = request.name?.trim();
    if (!name) {
      const base = `${source.entity.name} to ${target.entity.name}`;
      name = base;
      for (let n = 2; db.prepare('SELECT 1 FROM data_flow WHERE name = ?').get(name); n++) name = `${base} (${n})`;
    }
    const flowId = insertFlow(db, {
      name,
      useCase: request.useCase || undefined,
      useCaseStory: request.useCaseStory || undefined,
      source: { system: source.system.name, entity: source.entity.name, root: request.source.root ?? '' },
      target: { system: target.system.name, entity: target.entity.name, root: request.target.root ?? '' },
      trigger: request.trigger,
      outcomes: request.outcomes,
    });
    materialiseRowsIn(db, flowId, source.entity, target.entity, candidates);
    suggestPairingsIn(db, flowId, source.entity, target.entity, candidates);
    return flowId;
  }, run);
  return getFlow(workspace, id);
}

/** The objects a flow side can be rooted at in the entity, and the root proposed for it. */
export async function entityRoots(workspace: Workspace, imports: SystemImports, ref: EntityRef): Promise<{ roots: string[]; proposed: RootProposal | null }> {
  const { entity } = await resolveEntity(workspace, imports, ref);
  return { roots: objectRoots(entity), proposed: proposeRoot(entity) ?? null };
}

/** The entity seen from the flow's root (the name stays the entity's: flows store it). */
const rooted = (resolved: ResolvedEntity, root: string): ResolvedEntity => ({ ...resolved, entity: rootEntity(resolved.entity, root) });

export interface FlowChanges {
  name?: string;
  useCaseId?: number | null;
  trigger?: FlowSummary['trigger'];
  outcomes?: Array<Omit<FlowOutcome, 'id'>>;
}

/** Changes a flow's name, use case, trigger or outcomes (replaced as a whole, in order): one transaction. */
export function updateFlow(workspace: Workspace, id: number, changes: FlowChanges): FlowDetail {
  workspace.write((db) => {
    if (!db.prepare('SELECT 1 FROM data_flow WHERE id = ?').get(id)) {
      throw new UserError('FLOW_NOT_FOUND', `There is no data flow ${id} (it may have been deleted): reload the flows.`);
    }
    if (changes.name !== undefined) {
      if (db.prepare('SELECT 1 FROM data_flow WHERE name = ? AND id <> ?').get(changes.name, id)) {
        throw new UserError('FLOW_EXISTS', `There is already a data flow named "${changes.name}": choose another name.`);
      }
      db.prepare('UPDATE data_flow SET name = ? WHERE id = ?').run(changes.name, id);
    }
    if (changes.useCaseId !== undefined) {
      if (changes.useCaseId !== null && !db.prepare('SELECT 1 FROM use_case WHERE id = ?').get(changes.useCaseId)) {
        throw new UserError('NOT_FOUND', `Use case UC-${changes.useCaseId} does not exist (it may have been removed): pick another or none.`);
      }
      db.prepare('UPDATE data_flow SET use_case_id = ? WHERE id = ?').run(changes.useCaseId, id);
    }
    if (changes.trigger) db.prepare('UPDATE data_flow SET trigger_kind = ?, trigger_detail = ? WHERE id = ?').run(changes.trigger.kind, changes.trigger.detail, id);
    if (changes.outcomes) {
      db.prepare('DELETE FROM flow_outcome WHERE flow_id = ?').run(id);
      const insert = db.prepare('INSERT INTO flow_outcome (flow_id, kind, condition, handling, position) VALUES (?, ?, ?, ?, ?)');
      changes.outcomes.forEach((outcome, position) => insert.run(id, outcome.kind, outcome.condition, outcome.handling, position));
    }
  });
  return getFlow(workspace, id);
}

export interface EndpointChanges {
  sourceOperation?: string | null;
  targetOperation?: string | null;
  writeMode?: WriteMode | null;
  matchKey?: string;
}

/**
 * Chooses the catalogue operations a flow reads its source with and writes its target with, and its
 * write rule. Each operation must be in its system's catalogue; an update or upsert needs a match key
 * that is a field of the target entity.
 */
export async function setFlowEndpoints(workspace: Workspace, imports: SystemImports, id: number, changes: EndpointChanges): Promise<FlowDetail> {
  const flow = getFlow(workspace, id);
  const systemIds = workspace.read(
    (db) => db.prepare('SELECT source_system_id AS source, target_system_id AS target FROM data_flow WHERE id = ?').get(id) as { source: number; target: number },
  );
  const checkOperation = async (systemId: number, side: 'source' | 'target', operation: string) => {
    const catalogue = await imports.catalogue(workspace, systemId);
    if (catalogue.operations.some((each) => each.id === operation)) return;
    const system = flow[side].system;
    const wanted = operation.toLowerCase();
    const near = catalogue.operations.filter((each) => each.id.toLowerCase().includes(wanted.split(' ').at(-1) ?? wanted)).slice(0, 5);
    throw new UserError(
      'OPERATION_NOT_FOUND',
      `${system} has no operation "${operation}"` +
        (near.length ? `: did you mean ${near.map((each) => `"${each.id}"`).join(', ')}?` : ': write it as METHOD /path, as the catalogue lists it (e.g. POST /invoices).'),
    );
  };
  if (changes.sourceOperation) await checkOperation(systemIds.source, 'source', changes.sourceOperation);
  if (changes.targetOperation) await checkOperation(systemIds.target, 'target', changes.targetOperation);
  const writeMode = changes.writeMode !== undefined ? changes.writeMode : flow.endpoints.writeMode;
  const matchKey = changes.matchKey ?? flow.endpoints.matchKey;
  if (matchKey) {
    const { entity } = await resolveEntity(workspace, imports, flow.target);
    if (!entity.fields.some((field) => field.path === matchKey && field.leaf)) {
      throw new UserError('BAD_MATCH_KEY', `The match key "${matchKey}" is not a field of ${flow.target.system} ${flow.target.entity}: name the target field that finds the existing record (e.g. an id or a number).`);
    }
  }
  if ((writeMode === 'update' || writeMode === 'upsert') && !matchKey) {
    throw new UserError('BAD_MATCH_KEY', `An ${writeMode} must say which target field finds the existing record: give a match key.`);
  }
  workspace.write((db) => {
    db.prepare('UPDATE data_flow SET source_operation = ?, target_operation = ?, write_mode = ?, match_key = ? WHERE id = ?').run(
      changes.sourceOperation !== undefined ? changes.sourceOperation : flow.endpoints.sourceOperation,
      changes.targetOperation !== undefined ? changes.targetOperation : flow.endpoints.targetOperation,
      writeMode,
      matchKey,
      id,
    );
  });
  return getFlow(workspace, id);
}
