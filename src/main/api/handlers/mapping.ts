import { createFlow, entityRoots, getFlow, listFlows, setFlowEndpoints, updateFlow } from '../../mapping/flows';
import { createPairing, deletePairing, updatePairing } from '../../mapping/pairing-calls';
import { deleteFlow, listDeletedFlows, restoreFlow } from '../../mapping/flow-deletion';
import { repairFlow, repairPlan, repointFlow } from '../../mapping/flow-repair';
import { acceptAbove } from '../../mapping/bulk-accept';
import { forgetLearned, learnedDecisionsOf } from '../../mapping/decisions';
import { clearReview, updateRow } from '../../mapping/rows';
import { decideRow, flowSuggestions, mappingChecks, mappingSheet, suggestValueMapForRow } from '../../mapping/sheet';
import { previewFlow } from '../../mapping/expressions/preview';
import { sourcePayload } from '../../mapping/expressions/payload-source';
import { runTestCases, testCaseFromPayload } from '../../mapping/expressions/test-runs';
import { memoryAt } from '../../mapping/memory';
import type { HandlerDeps, HandlersOf } from './handler';

export function mappingHandlers({ workspace, systems, services }: HandlerDeps): HandlersOf<'flows'> & HandlersOf<'mapping'> {
  return {
    'flows.list': () => listFlows(workspace()),
    'flows.create': (request, { signal }) => createFlow(workspace(), systems, request, { signal, workers: services.workers }),
    'flows.roots': (ref) => entityRoots(workspace(), systems, ref),
    'flows.get': ({ id }) => getFlow(workspace(), id),
    'flows.delete': ({ id }) => deleteFlow(workspace(), id),
    'flows.deleted': () => listDeletedFlows(workspace()),
    'flows.restore': ({ deletedId }) => restoreFlow(workspace(), deletedId),
    'flows.repoint': ({ id, source, target, unresolved, dryRun }, { signal }) =>
      repointFlow(workspace(), systems, id, { source, target }, { unresolved, dryRun }, { signal, workers: services.workers }),
    'flows.repairPlan': ({ flowId }) => repairPlan(workspace(), systems, flowId),
    'flows.repair': ({ flowId, confirm, remove }, { signal }) => repairFlow(workspace(), systems, flowId, { confirm, remove }, { signal, workers: services.workers }),
    'flows.update': ({ id, ...changes }) => updateFlow(workspace(), id, changes),
    'mapping.sheet': ({ flowId }, { signal }) => mappingSheet(workspace(), systems, flowId, { signal, workers: services.workers }),
    'mapping.checks': ({ flowId }, { signal }) => mappingChecks(workspace(), systems, flowId, { signal, workers: services.workers }),
    'mapping.updateRow': ({ rowId, ...changes }) => updateRow(workspace(), rowId, changes),
    'mapping.decide': ({ rowId, decision }, { signal }) => decideRow(workspace(), systems, rowId, decision, { signal, workers: services.workers }),
    'mapping.acceptAbove': ({ flowId, threshold, dryRun }) => acceptAbove(workspace(), systems, flowId, threshold, { dryRun }),
    'mapping.suggestValueMap': ({ rowId }) => suggestValueMapForRow(workspace(), systems, rowId),
    'mapping.suggestions': ({ flowId }, { signal }) => flowSuggestions(workspace(), systems, flowId, { signal, workers: services.workers }),
    'mapping.preview': async ({ flowId, payload }, { signal }) => {
      const source = await sourcePayload(workspace(), systems, flowId, payload);
      return { source, ...(await previewFlow(workspace(), systems, flowId, source, { signal, workers: services.workers })) };
    },
    'mapping.runTests': ({ flowId, record }, { signal }) => runTestCases(workspace(), systems, { flowId, record, signal, workers: services.workers }),
    'mapping.makeTestCase': (input, { signal }) => testCaseFromPayload(workspace(), systems, input, { signal, workers: services.workers }),
    'mapping.clearReview': ({ rowIds }) => clearReview(workspace(), rowIds),
    'mapping.learned': ({ flowId }) => learnedDecisionsOf(workspace(), flowId),
    'flows.setEndpoints': ({ id, ...changes }) => setFlowEndpoints(workspace(), systems, id, changes),
    'mapping.createPairing': (request, { signal }) => createPairing(workspace(), systems, request, { signal, workers: services.workers }),
    'mapping.updatePairing': ({ pairingId, ...changes }, { signal }) => updatePairing(workspace(), systems, pairingId, changes, { signal, workers: services.workers }),
    'mapping.deletePairing': ({ pairingId }) => deletePairing(workspace(), pairingId),
    'mapping.forgetLearned': ({ flowId, targetPath, sourcePath }) => forgetLearned(workspace(), flowId, targetPath, sourcePath),
    'mapping.memory': () => memoryAt().list(),
    'mapping.eraseMemory': ({ id }) => ({ erased: memoryAt().erase(id), entries: memoryAt().list() }),
    'mapping.exportMemory': () => ({ fileName: 'crosswalk-mapping-memory.json', text: memoryAt().exportText() }),
    'mapping.importMemory': ({ text, fileName }) => ({ added: memoryAt().importText(text, fileName).added, entries: memoryAt().list() }),
  };
}
