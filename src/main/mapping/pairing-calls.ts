// The array pairing calls: the flow's entities and the engine's candidates first (outside any
// transaction), then the pairing written with them (pairings.ts).
import type { ArrayPairing, MappingRow } from '../../shared/contract';
import type { SystemImports } from '../openapi/system-import';
import type { Workspace } from '../workspace/workspace';
import type { EngineRun } from './compute-candidates';
import { getFlow } from './flows';
import { createPairingIn, getPairingIn, pairingRowsIn, updatePairingIn, type PairingChanges, type PairingRequest } from './pairings';
import { flowEntities } from './sheet';
import { flowCandidates } from './suggestion-cache';

export { deletePairing } from './pairings';

/** The flow's entities seen from its roots: a pairing's paths, like its rows', are relative to them. */
async function entitiesOf(workspace: Workspace, imports: SystemImports, flowId: number, run: EngineRun) {
  const { source, target } = await flowEntities(workspace, imports, getFlow(workspace, flowId));
  const { suggestions } = await flowCandidates(workspace, flowId, source, target, run);
  return { source, target, suggestions };
}

export async function createPairing(workspace: Workspace, imports: SystemImports, request: PairingRequest, run: EngineRun = {}): Promise<{ pairing: ArrayPairing; rows: MappingRow[] }> {
  const { source, target, suggestions } = await entitiesOf(workspace, imports, request.flowId, run);
  return workspace.write((db) => {
    const pairing = createPairingIn(db, source, target, request, suggestions);
    return { pairing, rows: pairingRowsIn(db, pairing) };
  });
}

export async function updatePairing(
  workspace: Workspace,
  imports: SystemImports,
  pairingId: number,
  changes: PairingChanges,
  run: EngineRun = {},
): Promise<{ pairing: ArrayPairing; rows: MappingRow[] }> {
  const flowId = workspace.read((db) => getPairingIn(db, pairingId)).flowId;
  const { source, target, suggestions } = await entitiesOf(workspace, imports, flowId, run);
  return workspace.write((db) => {
    const pairing = updatePairingIn(db, source, target, pairingId, changes, suggestions);
    return { pairing, rows: pairingRowsIn(db, pairing) };
  });
}

