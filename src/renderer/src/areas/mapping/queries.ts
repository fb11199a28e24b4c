// What the Mapping area reads — the flows, a flow's sheet, its checks and candidates, its two entities —
// and the hooks its writes update the cache through (cache-updates.ts).
import { useMemo } from 'react';
import { skipToken, useQuery } from '@tanstack/react-query';
import type { FlowDetail, FlowSummary, SystemSummary } from '../../../../shared/contract';
import { useCall, useCallCache, useWorkspacePath } from '../../state/queries';
import { flowStored, sheetCache } from './cache-updates';
import { loadEntity } from './entities';

export const useFlows = () => useCall('flows.list', {});

/** A flow's mapping sheet: the flow and its rows, without their checks (useChecks). */
export const useSheet = (flowId: number, enabled = true) => useCall('mapping.sheet', { flowId }, { enabled });

/**
 * The flow's checks, completeness and expressions, asked once the sheet is here (the sheet's first call
 * creates a new flow's rows; the checks read them), and again only when a row write invalidates them.
 */
export const useChecks = (flowId: number, sheetLoaded: boolean) => useCall('mapping.checks', { flowId }, { enabled: sheetLoaded, staleTime: Infinity });

export const useSuggestions = (flowId: number, wanted: boolean) => useCall('mapping.suggestions', { flowId }, { enabled: wanted });

/** A flow's source or target entity with its fields, found by system and entity name, seen from the flow's root on that side. */
export function useFlowEntity(systems: readonly SystemSummary[] | undefined, ref: FlowSummary['source'] | undefined) {
  const workspace = useWorkspacePath();
  return useQuery({
    queryKey: [workspace, 'systems.entity', { system: ref?.system, entity: ref?.entity, root: ref?.root ?? '' }],
    queryFn: systems && ref ? () => loadEntity(systems, ref) : skipToken,
  });
}

/** The cached sheet of one flow, as its rows are written (see cache-updates.ts). */
export function useSheetCache(flowId: number) {
  const cache = useCallCache();
  return useMemo(() => sheetCache(cache, flowId), [cache, flowId]);
}

/** Stores a flow as flows.update answered it, wherever it is cached (see cache-updates.ts). */
export function useFlowStored(): (flow: FlowDetail, before: FlowSummary) => void {
  const cache = useCallCache();
  return (flow, before) => flowStored(cache, flow, before);
}
