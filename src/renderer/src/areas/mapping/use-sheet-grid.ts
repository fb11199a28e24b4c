// The sheet's ag-grid plumbing: the one context object its cells read (checks, fields, callbacks), the
// external filter, and redrawing the cells that depend on what changed. Column definitions and grid
// callbacks keep their identity: a new filter callback would make ag-grid end an open cell editor.
import { useCallback, useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react';
import type { GridHandle } from '../../grid/PlainDataGrid';
import type { CatalogueField } from '../../../../shared/catalogue';
import type { MappingCheck, MappingRow, RowExpression } from '../../../../shared/contract';
import { useLatest } from '../../state/use-latest';
import { passesFilter, type SheetFilter } from './labels';
import type { SheetContext } from './sheet-context';
import { TEMPLATE_COLUMNS } from './sheet-layout';

interface SheetGridInputs {
  filter: SheetFilter;
  checksByRow: Map<number, MappingCheck[]>;
  checking: boolean;
  expressionsByRow: Map<number, RowExpression>;
  sourceFields: Map<string, CatalogueField>;
  sourceLeaves: CatalogueField[];
  targetFields: Map<string, CatalogueField>;
  letterShortcuts: boolean;
  openValueMap(row: MappingRow): void;
  setSources(row: MappingRow, paths: string[]): void;
  /** Filters again (see useRefilter). */
  refilter(): void;
}

type GridRef = RefObject<GridHandle<MappingRow> | null>;

/** Filters whose rows depend on the checks. */
const onChecks = (filter: SheetFilter) => filter === 'required' || filter === 'mismatch';

/**
 * Filtering again, for a change the grid does not filter by itself (checks arriving, flags cleared). A
 * filter change ends ag-grid's open cell editor, so while one is open it waits until the edit is done.
 */
export function useRefilter(gridRef: GridRef) {
  const pending = useRef(false);
  const refilter = useCallback(() => {
    const grid = gridRef.current?.api;
    if (!grid) return;
    if (grid.getEditingCells().length > 0) pending.current = true;
    else grid.onFilterChanged();
  }, [gridRef]);
  const editingStopped = useCallback(() => {
    if (!pending.current) return;
    pending.current = false;
    gridRef.current?.api?.onFilterChanged();
  }, [gridRef]);
  return { refilter, editingStopped };
}

export function useSheetGrid(gridRef: GridRef, inputs: SheetGridInputs) {
  const latestRef = useLatest(inputs);

  const [context] = useState<SheetContext>(() => ({
    get checksByRow() {
      return latestRef.current.checksByRow;
    },
    get checking() {
      return latestRef.current.checking;
    },
    get expressionsByRow() {
      return latestRef.current.expressionsByRow;
    },
    get sourceFields() {
      return latestRef.current.sourceFields;
    },
    get sourceLeaves() {
      return latestRef.current.sourceLeaves;
    },
    get targetFields() {
      return latestRef.current.targetFields;
    },
    get letterShortcuts() {
      return latestRef.current.letterShortcuts;
    },
    openValueMap: (row) => latestRef.current.openValueMap(row),
    pickSource(row) {
      const api = gridRef.current?.api;
      const node = api?.getRowNode(String(row.id));
      if (api && node?.rowIndex !== null && node?.rowIndex !== undefined) api.startEditingCell({ rowIndex: node.rowIndex, colKey: 'source' });
    },
    setSources: (row, paths) => latestRef.current.setSources(row, paths),
  }));

  const isFiltered = useCallback(() => latestRef.current.filter !== 'all', [latestRef]);
  const passes = useCallback((row: MappingRow) => passesFilter(latestRef.current.filter, row, latestRef.current.checksByRow.get(row.id)), [latestRef]);

  useEffect(() => {
    gridRef.current?.api?.onFilterChanged();
  }, [gridRef, inputs.filter]);

  const checksChanged = useEffectEvent(() => {
    gridRef.current?.api?.refreshCells({ columns: ['checks', 'expression'], force: true });
    if (onChecks(inputs.filter)) inputs.refilter();
  });
  useEffect(() => checksChanged(), [inputs.checksByRow, inputs.expressionsByRow, inputs.checking]);

  useEffect(() => {
    gridRef.current?.api?.refreshCells({ columns: ['target', 'source', ...TEMPLATE_COLUMNS], force: true });
  }, [gridRef, inputs.sourceFields, inputs.targetFields]);

  return { context, isFiltered, passes };
}
