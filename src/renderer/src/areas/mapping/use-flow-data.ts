// What the flow screen shows, read through the query cache: the sheet (flow and rows), its checks and
// completeness, the engine's candidates, and the flow's two entities with their fields.
import { useMemo, useState } from 'react';
import type { CatalogueEntity, CatalogueField } from '../../../../shared/catalogue';
import type { MappingCheck, MappingRow, RowExpression } from '../../../../shared/contract';
import { queryError } from '../../state/queries';
import { useSystems } from '../systems/queries';
import { useChecks, useFlowEntity, useSheet, useSuggestions } from './queries';
import { checksByRow, filterCounts, sourceUsage } from './sheet-counts';

/** Rows beyond which candidates are computed on request only. */
const LARGE_FLOW = 1500;

const NO_ROWS: MappingRow[] = [];
const NO_CHECKS: MappingCheck[] = [];
const NO_EXPRESSIONS: RowExpression[] = [];

const fieldsByPath = (entity: CatalogueEntity | undefined) => new Map((entity?.fields ?? []).map((field) => [field.path, field]));
const leavesOf = (entity: CatalogueEntity | undefined): CatalogueField[] => (entity?.fields ?? []).filter((field) => field.leaf);

export function useFlowData(flowId: number) {
  const sheet = useSheet(flowId);
  const rows = sheet.data?.rows ?? NO_ROWS;
  const checks = useChecks(flowId, sheet.data !== undefined);

  // Asked only once the sheet is here: on a large flow the engine takes a while, and the sheet comes first.
  // A very large flow asks only when the analyst wants them: the engine holds main up for seconds there.
  const [suggestionsAsked, setSuggestionsAsked] = useState(false);
  const suggestionsWanted = sheet.data !== undefined && (rows.length <= LARGE_FLOW || suggestionsAsked);
  const suggestions = useSuggestions(flowId, suggestionsWanted);

  const flow = sheet.data?.flow;
  const systems = useSystems();
  const source = useFlowEntity(systems.data, flow?.source);
  const target = useFlowEntity(systems.data, flow?.target);

  const rowsById = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows]);
  const checkList = checks.data?.checks ?? NO_CHECKS;
  const byRow = useMemo(() => checksByRow(checkList), [checkList]);
  const expressionList = checks.data?.expressions ?? NO_EXPRESSIONS;
  const expressionsByRow = useMemo(() => new Map(expressionList.map((entry) => [entry.rowId, entry])), [expressionList]);
  const counts = useMemo(() => filterCounts(rows, byRow), [rows, byRow]);
  const usage = useMemo(() => sourceUsage(rows), [rows]);
  const sourceFields = useMemo(() => fieldsByPath(source.data), [source.data]);
  const sourceLeaves = useMemo(() => leavesOf(source.data), [source.data]);
  const targetFields = useMemo(() => fieldsByPath(target.data), [target.data]);
  const suggestionByTarget = useMemo(() => new Map((suggestions.data ?? []).map((entry) => [entry.target, entry])), [suggestions.data]);

  return {
    sheet,
    flow,
    rows,
    rowsById,
    checks: checkList,
    /** The checks (and expressions) are still to come: nothing may read their absence as "no problems". */
    checking: checks.data === undefined && !checks.isError,
    checksError: queryError(checks),
    completeness: checks.data?.completeness ?? sheet.data?.completeness ?? 0,
    checksByRow: byRow,
    expressionsByRow,
    /** Rows under each of the sheet's filters. */
    counts,
    /** Rows using each source path. */
    usage,
    suggestionByTarget,
    /** The candidates are being computed (or read again). */
    suggestionsLoading: suggestionsWanted && suggestions.isFetching,
    /** A large flow waits for the analyst to ask for its candidates. */
    askSuggestions: suggestionsWanted ? undefined : () => setSuggestionsAsked(true),
    source: source.data,
    target: target.data,
    sourceFields,
    sourceLeaves,
    targetFields,
    entityError: queryError(source) ?? queryError(target),
  };
}
