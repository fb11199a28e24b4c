// The mapping sheet: one row per target field, virtualised by ag-grid (thousands of rows scroll
// freely). Columns are defined once. The rows are the cached sheet's: the grid never edits them itself
// (readOnlyEdit) but asks for the change, and takes in the rows that changed when the cache does. Source
// fields dragged from the tree drop onto a row (Shift adds one, for a concatenation).
import { useCallback, useEffect, useMemo, useRef, type DragEvent, type RefObject } from 'react';
import type { GridHandle } from '../../grid/PlainDataGrid';
import type {
  CellEditRequestEvent,
  CellFocusedEvent,
  ColDef,
  FirstDataRenderedEvent,
  FocusGridInnerElementParams,
  ColumnResizedEvent,
  GridReadyEvent,
  GridSizeChangedEvent,
  ProcessUnpinnedColumnsParams,
  GetRowIdParams,
  IRowNode,
  IsFullWidthRowParams,
  SuppressKeyboardEventParams,
  TabToNextCellParams,
} from 'ag-grid-community';
import { mappingTypes, type MappingRow } from '../../../../shared/contract';
import { PlainDataGrid, reactComponent } from '../../grid/PlainDataGrid';
import { useLatest } from '../../state/use-latest';
import { mappingTypeLabels } from './labels';
import type { CatalogueField } from '../../../../shared/catalogue';
import type { SheetContext } from './sheet-context';
import { COLUMN_SETS, ROW_HEIGHT, type ColumnSet, type Density } from './sheet-layout';
import { ChecksCellRenderer, ConfidenceCellRenderer, ExpressionCellRenderer, SourceCellRenderer, StatusCellRenderer, TargetCellRenderer, ValueMapCellRenderer } from './sheet-cell-renderers';
import { SourcePicker } from './SourcePicker';
import { isPairingHeader } from './pairing-rows';
import { PairingHeaderRow } from './PairingHeaderRow';

export const SOURCE_DRAG_TYPE = 'application/x-crosswalk-source-field';

/** Undo/redo, and the letters while they are on, are the sheet's shortcuts, never the start of an edit. */
function suppressShortcuts(params: SuppressKeyboardEventParams<MappingRow>): boolean {
  if (params.editing) return false;
  const event = params.event;
  const key = event.key.toLowerCase();
  if ((event.ctrlKey || event.metaKey) && (key === 'z' || key === 'y')) return true;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (!(params.context as SheetContext).letterShortcuts) return false;
  return key === 'a' || key === 'r' || key === 'n' || key === 'v' || key === '?';
}

/** Tab leaves the sheet (one Tab stop; the arrow keys move inside), except from an open editor to the next. */
const tabToNextCell = (params: TabToNextCellParams<MappingRow>) => (params.editing ? (params.nextCellPosition ?? false) : false);
const tabToNextHeader = () => false as const;

/** Tabbing into the sheet lands on the selected row (else the first), not on the column headers. */
function focusGridInnerElement(params: FocusGridInnerElementParams<MappingRow>): boolean {
  const { api } = params;
  if (api.getDisplayedRowCount() === 0) return false;
  const selected = api.getSelectedNodes()[0];
  const rowIndex = selected?.displayed && selected.rowIndex !== null ? selected.rowIndex : 0;
  api.ensureIndexVisible(rowIndex);
  api.setFocusedCell(rowIndex, 'target');
  return true;
}

const getRowId = (params: GetRowIdParams<MappingRow>) => String(params.data.id);
/** An array pairing's header row spans the sheet (see pairing-rows.ts). */
const isFullWidthRow = (params: IsFullWidthRowParams<MappingRow>) => isPairingHeader(params.rowNode.data);
// The two React components the sheet keeps: the source picker (an editor) and an array pairing's header row.
const SourcePickerEditor = reactComponent(SourcePicker);
const PairingHeaderRenderer = reactComponent(PairingHeaderRow);
const rowSelection = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;

export type RowEdit = Partial<Pick<MappingRow, 'sourcePaths' | 'mappingType' | 'transformation' | 'defaultValue' | 'condition' | 'notes' | 'owner' | 'expression'>> & { expressionDrift?: false };

interface SheetGridProps {
  rows: MappingRow[];
  context: SheetContext;
  gridRef: RefObject<GridHandle<MappingRow> | null>;
  isFiltered: () => boolean;
  passes: (row: MappingRow) => boolean;
  quickFilter: string;
  onFocusRow: (row: MappingRow, index: number) => void;
  onEdit: (row: MappingRow, changes: RowEdit, label: string) => void;
  onDropSource: (row: MappingRow, path: string, add: boolean) => void;
  /** Any cell editor closed. */
  onEditingStopped: () => void;
  columnSet: ColumnSet;
  density: Density;
  /** Column widths the analyst left on this flow's sheet, applied when the grid starts. */
  initialWidths: Record<string, number>;
  /** The analyst finished resizing a column: every column's width. */
  onWidths: (widths: Record<string, number>) => void;
  /** The Edit button of an array pairing's header row. */
  onEditPairing: (pairingId: number) => void;
  /** Accept or Reject of a suggested array pairing's header row. */
  onDecidePairing: (pairingId: number, decision: 'accept' | 'reject') => void;
}

// Plain text cells (no React renderer): cheap to draw while thousands of rows scroll past.
const textColumn = (colId: keyof MappingRow & string, headerName: string, width: number, large = false): ColDef<MappingRow> => ({
  colId,
  field: colId,
  headerName,
  width,
  editable: true,
  cellClass: 'sheet-text',
  cellClassRules: { 'cell-placeholder': (params) => !params.value },
  valueFormatter: (params) => (params.value ? String(params.value) : '—'),
  tooltipValueGetter: (params) => (params.value ? String(params.value) : undefined),
  cellEditor: large ? 'agLargeTextCellEditor' : 'agTextCellEditor',
  cellEditorPopup: large,
  cellEditorParams: large ? { maxLength: 20000, rows: 6, cols: 48 } : undefined,
  valueParser: (params) => String(params.newValue ?? ''),
});

// The template columns: what the documents say about a row's fields, read from the context (plain text).
const fieldText = (colId: string, headerName: string, width: number, text: (field: CatalogueField) => string, side: 'target' | 'source' = 'target'): ColDef<MappingRow> => ({
  colId,
  headerName,
  width,
  hide: true,
  cellClass: 'sheet-text',
  valueGetter: (params) => {
    const row = params.data;
    if (!row) return '';
    const context = params.context as SheetContext;
    if (side === 'target') {
      const field = context.targetFields.get(row.targetPath);
      return field ? text(field) : '';
    }
    return row.sourcePaths
      .map((path) => context.sourceFields.get(path))
      .map((field) => (field ? text(field) : ''))
      .filter(Boolean)
      .join(' / ');
  },
  cellClassRules: { 'cell-placeholder': (params) => !params.value },
  valueFormatter: (params) => (params.value ? String(params.value) : '—'),
  tooltipValueGetter: (params) => (params.value ? String(params.value) : undefined),
});
const valueText = (value: unknown) => (value === null ? 'null' : typeof value === 'object' ? JSON.stringify(value) : String(value));
const exampleOf = (field: CatalogueField) => (field.example !== undefined ? valueText(field.example) : (field.discovered?.examples[0] ?? ''));

/** The Review set's six columns share the pane's width, unless the analyst gave this flow widths of their own. */
const fitsThePane = (set: ColumnSet, ownWidths: boolean) => set === 'review' && !ownWidths;
/**
 * Fitting gives or takes width from the target and source columns only, never below a readable path; the
 * others keep what their header needs. In a pane too narrow for all six (1100 px wide, three panes), the
 * pinned columns plus Status still fit and the rest scrolls: Status is the first unpinned column.
 */
const FIXED_IN_REVIEW = [
  { key: 'mapId', minWidth: 72, maxWidth: 72 },
  { key: 'target', minWidth: 120 },
  { key: 'checks', minWidth: 50, maxWidth: 50 },
  { key: 'status', minWidth: 112, maxWidth: 112 },
  { key: 'confidence', minWidth: 104, maxWidth: 104 },
  { key: 'source', minWidth: 120 },
];

export function SheetGrid({ rows, context, gridRef, isFiltered, passes, quickFilter, onFocusRow, onEdit, onDropSource, onEditingStopped, columnSet, density, initialWidths, onWidths, onEditPairing, onDecidePairing }: SheetGridProps) {
  const handlersRef = useLatest({ isFiltered, passes, onFocusRow, onEdit, onDropSource, onWidths, onEditPairing, onDecidePairing });
  const fullWidthParams = useMemo(
    () => ({
      onEditPairing: (id: number) => handlersRef.current.onEditPairing(id),
      onDecidePairing: (id: number, decision: 'accept' | 'reject') => handlersRef.current.onDecidePairing(id, decision),
    }),
    [handlersRef],
  );
  const initialRef = useRef({ widths: initialWidths, columnSet });
  const columnSetRef = useLatest(columnSet);
  const ownWidthsRef = useRef(Object.keys(initialWidths).length > 0);
  const dropRow = useRef<HTMLElement | null>(null);

  const columns = useMemo<ColDef<MappingRow>[]>(
    () => [
      { colId: 'mapId', field: 'mapId', headerName: 'Map ID', width: 72, pinned: 'left', cellClass: 'mono sheet-mapid' },
      // Redrawn whenever its row changes: a row moved under an array pairing keeps its path but is indented.
      { colId: 'target', field: 'targetPath', headerName: 'Target field', width: 224, pinned: 'left', cellRenderer: TargetCellRenderer, equals: () => false },
      {
        colId: 'checks',
        headerName: 'Checks',
        headerClass: 'header-text-hidden',
        headerTooltip: 'Checks',
        width: 50,
        minWidth: 50,
        pinned: 'left',
        resizable: false,
        cellRenderer: ChecksCellRenderer,
        cellClass: 'sheet-checks-cell',
        valueGetter: (params) => (params.data ? (params.context as SheetContext).checksByRow.get(params.data.id)?.length ?? 0 : 0),
      },
      { colId: 'status', field: 'status', headerName: 'Status', width: 112, cellRenderer: StatusCellRenderer },
      { colId: 'confidence', field: 'confidence', headerName: 'Confidence', width: 104, cellRenderer: ConfidenceCellRenderer },
      {
        colId: 'source',
        headerName: 'Source field',
        width: 220,
        editable: true,
        valueGetter: (params) => params.data?.sourcePaths ?? [],
        cellRenderer: SourceCellRenderer,
        cellEditor: SourcePickerEditor,
        cellEditorPopup: true,
        cellEditorPopupPosition: 'under',
        comparator: (a: string[], b: string[]) => (a[0] ?? '~').localeCompare(b[0] ?? '~'),
      },
      {
        colId: 'mappingType',
        field: 'mappingType',
        headerName: 'Mapping type',
        width: 128,
        editable: true,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...mappingTypes] },
        refData: mappingTypeLabels,
      },
      { ...textColumn('transformation', 'Transformation', 260, true) },
      { colId: 'valueMap', headerName: 'Value map', width: 190, cellRenderer: ValueMapCellRenderer, valueGetter: (params) => params.data?.valueMap.length ?? 0 },
      { ...textColumn('defaultValue', 'Default', 110) },
      { ...textColumn('condition', 'Condition', 150) },
      // After the pseudocode's columns (transformation, value map, default, condition): what runs. Edited in the details pane, where it is checked as it is typed.
      { colId: 'expression', headerName: 'Expression', width: 240, cellRenderer: ExpressionCellRenderer, valueGetter: (params) => (params.data ? ((params.context as SheetContext).expressionsByRow.get(params.data.id)?.expression ?? '') : '') },
      { ...textColumn('notes', 'Notes', 180, true) },
      { ...textColumn('owner', 'Owner', 110) },
      fieldText('targetDescription', 'Target description', 260, (field) => field.description ?? ''),
      fieldText('allowedValues', 'Allowed values', 180, (field) => (field.enum ?? field.itemEnum ?? []).map(valueText).join(', ')),
      fieldText('maxLength', 'Max length', 110, (field) => (field.maxLength !== undefined ? String(field.maxLength) : '')),
      fieldText('nullable', 'Nullable', 90, (field) => (field.nullable ? 'Yes' : 'No')),
      fieldText('format', 'Format', 110, (field) => field.format ?? field.itemFormat ?? ''),
      fieldText('example', 'Example', 150, exampleOf),
      fieldText('sourceDescription', 'Source description', 260, (field) => field.description ?? '', 'source'),
    ],
    [],
  );

  // The column set shows and hides columns; the definitions (and the widths given them) stay as they are.
  useEffect(() => {
    const api = gridRef.current?.api;
    if (!api) return;
    const shown = new Set(COLUMN_SETS[columnSet].columns);
    const all = columns.map((column) => column.colId!);
    api.setColumnsVisible(all.filter((id) => shown.has(id)), true);
    api.setColumnsVisible(all.filter((id) => !shown.has(id)), false);
    if (fitsThePane(columnSet, ownWidthsRef.current)) {
      // Columns ag-grid unpinned in a narrower set go back where they were defined, before the fit.
      api.applyColumnState({ state: columns.map((column) => ({ colId: column.colId!, pinned: column.pinned ?? null })), applyOrder: true });
      api.sizeColumnsToFit({ columnLimits: FIXED_IN_REVIEW });
    }
  }, [columnSet, columns, gridRef]);

  const onGridReady = useCallback((event: GridReadyEvent<MappingRow>) => {
    const { widths, columnSet: set } = initialRef.current;
    const shown = new Set(COLUMN_SETS[set].columns);
    event.api.applyColumnState({
      state: columns.map((column) => ({ colId: column.colId!, hide: !shown.has(column.colId!), ...(widths[column.colId!] ? { width: widths[column.colId!] } : {}) })),
    });
    if (fitsThePane(set, ownWidthsRef.current)) event.api.sizeColumnsToFit({ columnLimits: FIXED_IN_REVIEW });
  }, [columns]);

  // The pane changed width (the window, the sidebar, the stacked layout): the Review set fits it again.
  const onGridSizeChanged = useCallback((event: GridSizeChangedEvent<MappingRow>) => {
    if (fitsThePane(columnSetRef.current, ownWidthsRef.current)) event.api.sizeColumnsToFit({ columnLimits: FIXED_IN_REVIEW });
  }, [columnSetRef]);

  // ag-grid unpins columns that leave the centre under 50 px (Map ID first, moving it after Checks); the
  // Review set is about to be fitted to the pane, which leaves room beside the pinned columns.
  const processUnpinnedColumns = useCallback(
    (params: ProcessUnpinnedColumnsParams<MappingRow>) => (fitsThePane(columnSetRef.current, ownWidthsRef.current) ? [] : params.columns),
    [columnSetRef],
  );

  // Opening a flow from the list leaves focus nowhere (the list is gone): put it on the sheet's first row,
  // where the keyboard works at once. Not when the analyst already is somewhere (a dialog, the search box).
  const onFirstDataRendered = useCallback((event: FirstDataRenderedEvent<MappingRow>) => {
    const active = document.activeElement;
    if ((active && active !== document.body) || event.api.getDisplayedRowCount() === 0) return;
    event.api.setFocusedCell(0, 'target');
  }, []);

  const onColumnResized = useCallback(
    (event: ColumnResizedEvent<MappingRow>) => {
      if (!event.finished || event.source !== 'uiColumnResized') return;
      ownWidthsRef.current = true;
      const widths = Object.fromEntries(event.api.getColumnState().map((state) => [state.colId, state.width ?? 0]));
      handlersRef.current.onWidths(widths);
    },
    [handlersRef],
  );

  const defaultColDef = useMemo<ColDef<MappingRow>>(() => ({ suppressKeyboardEvent: suppressShortcuts }), []);

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<MappingRow>) => {
      const row = event.data;
      const colId = event.column.getColId();
      // The source picker writes through the context.
      if (!row || colId === 'source' || event.oldValue === event.newValue) return;
      const label = event.column.getColDef().headerName ?? colId;
      handlersRef.current.onEdit(row, { [colId]: colId === 'defaultValue' && event.newValue === '' ? null : event.newValue } as RowEdit, `Edit ${label.toLowerCase()} of ${row.mapId}`);
    },
    [handlersRef],
  );

  // Grid options must keep their identity across renders: ag-grid treats a new isExternalFilterPresent or
  // doesExternalFilterPass as a filter change, and a filter change ends any open cell editor. The screen
  // re-renders whenever something arrives (checks read again after a change, a notice fading), so a new
  // function here closed the source picker under the analyst's hands.
  const isExternalFilterPresent = useCallback(() => handlersRef.current.isFiltered(), [handlersRef]);
  const doesExternalFilterPass = useCallback((node: IRowNode<MappingRow>) => !!node.data && (isPairingHeader(node.data) || handlersRef.current.passes(node.data)), [handlersRef]);

  const onCellFocused = useCallback(
    (event: CellFocusedEvent<MappingRow>) => {
      if (event.rowIndex === null || event.rowIndex === undefined || event.rowPinned) return;
      const node = event.api.getDisplayedRowAtIndex(event.rowIndex);
      if (!node?.data || isPairingHeader(node.data)) return;
      if (!node.isSelected()) node.setSelected(true, true);
      handlersRef.current.onFocusRow(node.data, event.rowIndex);
    },
    [handlersRef],
  );

  const clearDrop = () => {
    dropRow.current?.classList.remove('is-drop-target');
    dropRow.current = null;
  };

  const rowElement = (event: DragEvent) => (event.target as HTMLElement).closest<HTMLElement>('.ag-row');

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes(SOURCE_DRAG_TYPE)) return;
    const element = rowElement(event);
    if (!element) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = event.shiftKey ? 'copy' : 'link';
    if (dropRow.current !== element) {
      clearDrop();
      element.classList.add('is-drop-target');
      dropRow.current = element;
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const path = event.dataTransfer.getData(SOURCE_DRAG_TYPE);
    const element = rowElement(event);
    clearDrop();
    if (!path || !element) return;
    event.preventDefault();
    const rowId = element.getAttribute('row-id');
    const api = gridRef.current?.api;
    const node = rowId ? api?.getRowNode(rowId) : undefined;
    if (node?.data && !isPairingHeader(node.data)) handlersRef.current.onDropSource(node.data, path, event.shiftKey);
  };

  return (
    <div
      className={density === 'compact' ? 'sheet-drop-zone sheet-compact' : 'sheet-drop-zone'}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) clearDrop();
      }}
      onDrop={onDrop}
    >
      <PlainDataGrid<MappingRow>
        label="Mapping sheet"
        className="sheet-grid"
        gridRef={gridRef}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={defaultColDef}
        getRowId={getRowId}
        isFullWidthRow={isFullWidthRow}
        fullWidthCellRenderer={PairingHeaderRenderer}
        fullWidthCellRendererParams={fullWidthParams}
        context={context}
        rowHeight={ROW_HEIGHT[density]}
        onGridReady={onGridReady}
        onGridSizeChanged={onGridSizeChanged}
        processUnpinnedColumns={processUnpinnedColumns}
        onFirstDataRendered={onFirstDataRendered}
        onColumnResized={onColumnResized}
        rowBuffer={12}
        // Rows placed by `top` rather than a transform: a transformed row is a stacking context, so its
        // pinned (sticky) cells and its scrolling cells each became a composited layer (90 layers for 40
        // rows), and every row scrolled in added two; now only the sticky cells do.
        suppressRowTransform
        rowSelection={rowSelection}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        quickFilterText={quickFilter}
        onCellFocused={onCellFocused}
        tabToNextCell={tabToNextCell}
        tabToNextHeader={tabToNextHeader}
        focusGridInnerElement={focusGridInnerElement}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellEditingStopped={onEditingStopped}
        singleClickEdit={false}
        enableCellTextSelection={false}
        ensureDomOrder={false}
        overlayNoRowsTemplate='<span class="sheet-no-rows">No target field matches this filter.</span>'
      />
    </div>
  );
}
