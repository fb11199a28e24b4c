import type { CatalogueEntity } from '../../shared/catalogue';
import type { FlowSummary, MappingCheck, MappingRow, MappingSheet, SheetChecks } from '../../shared/contract';
import { isUserError } from '../errors';
import type { SystemImports } from '../openapi/system-import';
import type { Workspace } from '../workspace/workspace';
import { nextTurn, type EngineRun } from './compute-candidates';
import { checkRows, completeness, unmappedRows, type CheckedRow, type CheckedVersions } from './checks';
import { resolveEntity, type ResolvedEntity } from './entities';
import { rootEntity } from './roots';
import { getFlow, listFlows } from './flows';
import { acceptRow, ensureRows, getRowIn, listRows, rejectRowIn, suggestRowValueMap } from './rows';
import type { TargetSuggestion } from './suggest';
import { flowCandidates } from './suggestion-cache';
import { listPairings } from './pairings';
import { flowProgram } from './expressions/generate';

/** One side of a flow: its system, its entity as a whole, and the entity seen from the flow's root (the paths rows use). */
export interface FlowSide extends ResolvedEntity {
  rooted: CatalogueEntity;
}

/**
 * Each side of a flow resolved once: the boundary between the entity's own paths (documents, samples,
 * payloads) and the root-relative paths of the flow's rows and pairings.
 */
export async function flowSides(workspace: Workspace, imports: SystemImports, flow: FlowSummary): Promise<{ source: FlowSide; target: FlowSide }> {
  const side = async (ref: FlowSummary['source']): Promise<FlowSide> => {
    const resolved = await resolveEntity(workspace, imports, ref);
    return { ...resolved, rooted: rootEntity(resolved.entity, ref.root) };
  };
  return { source: await side(flow.source), target: await side(flow.target) };
}

/** The entities a flow maps, as its systems' catalogues have them now, each seen from the flow's root on that side. */
export async function flowEntities(workspace: Workspace, imports: SystemImports, flow: FlowSummary): Promise<{ source: CatalogueEntity; target: CatalogueEntity }> {
  const { source, target } = await flowSides(workspace, imports, flow);
  return { source: source.rooted, target: target.rooted };
}

/** The document version of each of the flow's systems now (checks name it when a field is gone). */
export function flowVersions(workspace: Workspace, flow: FlowSummary): CheckedVersions {
  const versionOf = (system: string) =>
    workspace.read((db) => (db.prepare('SELECT api_version FROM system WHERE name = ?').get(system) as { api_version: string } | undefined)?.api_version);
  return { source: versionOf(flow.source.system), target: versionOf(flow.target.system) };
}

/**
 * The flow's rows, created now for a flow that never had them (flows added before mapping existed, the
 * demo's), with suggestions, and the flow's entities as its rows see them.
 */
async function ensuredRows(workspace: Workspace, imports: SystemImports, flowId: number, run: EngineRun) {
  const flow = getFlow(workspace, flowId);
  const { source, target } = await flowEntities(workspace, imports, flow);
  // Rows just created for a big flow: a turn of the event loop between their write and reading them back.
  if ((await ensureRows(workspace, flowId, source, target, run)) >= 500) await nextTurn();
  return { flow, source, target, rows: listRows(workspace, flowId), pairings: listPairings(workspace, flowId) };
}

/** The flow's mapping sheet: the flow, its rows and pairings, and its completeness (its checks are mappingChecks). */
export async function mappingSheet(workspace: Workspace, imports: SystemImports, flowId: number, run: EngineRun = {}): Promise<MappingSheet> {
  const { rows, pairings } = await ensuredRows(workspace, imports, flowId, run);
  return { flow: getFlow(workspace, flowId), rows, pairings, completeness: completeness(rows) };
}

/** The sheet's checks, completeness and row expressions: what changes with every row edit. */
export async function mappingChecks(workspace: Workspace, imports: SystemImports, flowId: number, run: EngineRun = {}): Promise<SheetChecks> {
  const { flow, source, target, rows, pairings } = await ensuredRows(workspace, imports, flowId, run);
  return {
    checks: checkRows(rows, source, target, pairings, flowVersions(workspace, flow)),
    completeness: completeness(rows),
    expressions: flowProgram(rows, target, pairings).expressions,
  };
}

export interface FlowCheck {
  flow: FlowSummary;
  completeness: number;
  checks: MappingCheck[];
}

/**
 * Every flow checked, without writing: a flow without rows counts as entirely unmapped (each
 * required target leaf reported), one whose entity is gone as one error.
 */
export async function checkWorkspace(workspace: Workspace, imports: SystemImports): Promise<FlowCheck[]> {
  const results: FlowCheck[] = [];
  for (const flow of listFlows(workspace)) {
    let entities: { source: CatalogueEntity; target: CatalogueEntity };
    try {
      entities = await flowEntities(workspace, imports, flow);
    } catch (error) {
      if (!isUserError(error)) throw error;
      results.push({
        flow,
        completeness: 0,
        checks: [{ rowId: null, mapId: null, targetPath: '', kind: 'entity_missing', severity: 'error', message: error.message }],
      });
      continue;
    }
    const stored = listRows(workspace, flow.id);
    const rows: CheckedRow[] = stored.length > 0 ? stored : unmappedRows(entities.target);
    results.push({ flow, completeness: completeness(rows), checks: checkRows(rows, entities.source, entities.target, listPairings(workspace, flow.id), flowVersions(workspace, flow)) });
  }
  return results;
}

export async function suggestValueMapForRow(workspace: Workspace, imports: SystemImports, rowId: number) {
  const row = workspace.read((db) => getRowIn(db, rowId));
  const { source, target } = await flowEntities(workspace, imports, getFlow(workspace, row.flowId));
  return suggestRowValueMap(row, source, target);
}

/**
 * The engine's candidates for every target leaf of the flow with what analysts decided before: computed
 * once per flow, documents and decisions (see suggestion-cache.ts), so asking again costs a lookup.
 */
export async function flowSuggestions(workspace: Workspace, imports: SystemImports, flowId: number, run: EngineRun = {}): Promise<TargetSuggestion[]> {
  const flow = getFlow(workspace, flowId);
  const { source, target } = await flowEntities(workspace, imports, flow);
  const { suggestions: candidates } = await flowCandidates(workspace, flowId, source, target, run);
  const byTarget = new Map(candidates.map((suggestion) => [suggestion.target, suggestion.candidates]));
  return target.fields
    .filter((field) => field.leaf)
    .map((field) => ({
      target: field.path,
      candidates: (byTarget.get(field.path) ?? []).map((candidate) => ({
        source: candidate.source,
        score: Math.min(1, Math.max(0, candidate.score)),
        reasons: [...candidate.reasons],
      })),
    }));
}

/**
 * The sheet's Accept and Reject. A reject offers the next candidate the engine had for the target
 * (computed before: the cache answers it), so reviewing walks the alternatives instead of emptying rows.
 */
export async function decideRow(workspace: Workspace, imports: SystemImports, rowId: number, decision: 'accept' | 'reject', run: EngineRun = {}): Promise<MappingRow> {
  if (decision === 'accept') return acceptRow(workspace, rowId);
  const row = workspace.read((db) => getRowIn(db, rowId));
  const { source, target } = await flowEntities(workspace, imports, getFlow(workspace, row.flowId));
  const { suggestions } = await flowCandidates(workspace, row.flowId, source, target, run);
  return workspace.write((db) => rejectRowIn(db, rowId, source, target, suggestions));
}
