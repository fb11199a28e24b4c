import { createFlow, getFlow, listFlows, updateFlow } from '../../mapping/flows';
import { acceptAbove, clearReview, decideRow, updateRow } from '../../mapping/rows';
import { flowSuggestions, mappingChecks, mappingSheet, suggestValueMapForRow } from '../../mapping/sheet';
import type { HandlerDeps, HandlersOf } from './handler';

export function mappingHandlers({ workspace, systems }: HandlerDeps): HandlersOf<'flows'> & HandlersOf<'mapping'> {
  return {
    'flows.list': () => listFlows(workspace()),
    'flows.create': (request) => createFlow(workspace(), systems, request),
    'flows.get': ({ id }) => getFlow(workspace(), id),
    'flows.update': ({ id, ...changes }) => updateFlow(workspace(), id, changes),
    'mapping.sheet': ({ flowId }) => mappingSheet(workspace(), systems, flowId),
    'mapping.checks': ({ flowId }) => mappingChecks(workspace(), systems, flowId),
    'mapping.updateRow': ({ rowId, ...changes }) => updateRow(workspace(), rowId, changes),
    'mapping.decide': ({ rowId, decision }) => decideRow(workspace(), rowId, decision),
    'mapping.acceptAbove': ({ flowId, threshold }) => acceptAbove(workspace(), flowId, threshold),
    'mapping.suggestValueMap': ({ rowId }) => suggestValueMapForRow(workspace(), systems, rowId),
    'mapping.suggestions': ({ flowId }) => flowSuggestions(workspace(), systems, flowId),
    'mapping.clearReview': ({ rowIds }) => clearReview(workspace(), rowIds),
  };
}
