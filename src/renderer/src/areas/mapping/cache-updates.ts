// How the Mapping area's writes show in the cached answers: a row stored replaces its old self in the
// sheet and invalidates what is computed from the rows (the flow's checks, the flows' counts); a flow
// stored replaces it wherever it is cached. Exactly those keys: nothing else is read again.
import type { FlowDetail, FlowSummary, MappingRow } from '../../../../shared/contract';
import type { CallCache } from '../../state/call-cache';
import { replaceById, replaceEach } from '../../state/list-edits';

/** A flow's summary (as flows.list answers) from its details. */
export const summaryOf = ({ outcomes: _outcomes, ...summary }: FlowDetail): FlowSummary => summary;

/** The cached sheet of one flow, as its rows are written. */
export function sheetCache(cache: CallCache, flowId: number) {
  const input = { flowId };
  /** Rows as the sheet holds them now (after the writes answered so far). */
  const rows = () => new Map((cache.get('mapping.sheet', input)?.rows ?? []).map((row) => [row.id, row]));
  /** Shows rows in the sheet: a change not stored yet, or the stored row put back. */
  const show = (changed: readonly MappingRow[]) => cache.update('mapping.sheet', input, (sheet) => ({ ...sheet, rows: replaceEach(sheet.rows, changed, 'id') }));
  return {
    rows,
    row: (rowId: number) => rows().get(rowId),
    show,
    /** Rows as main stored them: shown, and what is computed from them read again. */
    stored(changed: readonly MappingRow[]) {
      show(changed);
      cache.invalidate('mapping.checks', input);
      cache.invalidate('flows.list');
    },
    /** A decision made or undone changes what main learned: the candidates are asked for again. */
    relearned: () => {
      cache.invalidate('mapping.suggestions', input);
      cache.invalidate('mapping.learned', input);
    },
    /** An accept is learned too: its pair is listed (and forgettable) in the detail panel. */
    accepted: () => cache.invalidate('mapping.learned', input),
  };
}

/** A flow as flows.update answered it (`before`: as it was listed): use cases list their flows by name. */
export function flowStored(cache: CallCache, flow: FlowDetail, before: FlowSummary): void {
  cache.set('flows.get', { id: flow.id }, flow);
  cache.update('flows.list', {}, (flows) => replaceById(flows, summaryOf(flow)));
  cache.update('mapping.sheet', { flowId: flow.id }, (sheet) => ({ ...sheet, flow }));
  if (flow.name !== before.name || flow.useCaseId !== before.useCaseId) cache.invalidate('useCases.list');
}

/**
 * A flow whose rows main rewrote as a whole (re-pointed, repaired, restored): its sheet, checks and
 * candidates are read again, and the lists that count its rows.
 */
export function flowRewritten(cache: CallCache, flowId: number): void {
  cache.invalidate('flows.get', { id: flowId });
  cache.invalidate('mapping.sheet', { flowId });
  cache.invalidate('mapping.checks', { flowId });
  cache.invalidate('mapping.suggestions', { flowId });
  cache.invalidate('flows.repairPlan', { flowId });
  cache.invalidate('flows.repoint', { id: flowId });
  cache.invalidate('flows.list');
}
