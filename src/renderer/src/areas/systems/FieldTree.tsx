// One entity's fields as a tree in a grid: one row per field, indented by depth, with carets to fold
// the objects and arrays that have fields under them. The grid draws only the rows in view.
import { useMemo, type Ref } from 'react';
import type { ColDef, GetRowIdParams, RowClassRules, RowDoubleClickedEvent, SuppressKeyboardEventParams } from 'ag-grid-community';
import type { AgGridReact } from 'ag-grid-react';
import { DataGrid } from '../../grid/DataGrid';
import { AccessCell, DescriptionCell, FlagCell, NameCell, TypeCell, type FieldTreeContext } from './field-cells';
import { allowedValues, enumText, limitParts, typeText } from './field-format';
import { shownBySearch, type TreeRow } from './field-tree';

/** A click picks a field out (highlighted), nothing more. */
const pickOne = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;

/** The grid fills the height it is given. */
export const fillStyle = { height: '100%' } as const;

const getRowId = (params: GetRowIdParams<TreeRow>) => params.data.field.path;

const rowClassRules: RowClassRules<TreeRow> = {
  'tree-row-context': (params) => params.data?.match === false,
  'tree-row-group': (params) => params.data?.hasChildren === true && params.data.field.depth === 0,
};

/** → unfolds, ← folds, Enter toggles, on the Field column; everything else is the grid's navigation. */
function foldKeys(params: SuppressKeyboardEventParams<TreeRow>): boolean {
  const { event, data } = params;
  const context = params.context as FieldTreeContext;
  if (event.type !== 'keydown' || !data?.hasChildren || shownBySearch(data) || event.ctrlKey || event.metaKey || event.altKey) return false;
  const fold = (event.key === 'ArrowRight' && !data.expanded) || (event.key === 'ArrowLeft' && data.expanded) || event.key === 'Enter';
  if (fold) context.toggle(data.field.path);
  return fold;
}

const columns: ColDef<TreeRow>[] = [
  {
    colId: 'name',
    headerName: 'Field',
    // The row itself, so folding or a new search redraws the cell (its caret, its highlight).
    valueGetter: (params) => params.data,
    cellRenderer: NameCell,
    width: 200,
    pinned: 'left',
    tooltipValueGetter: (params) => params.data?.field.path,
    suppressKeyboardEvent: foldKeys,
  },
  {
    colId: 'type',
    headerName: 'Type',
    valueGetter: (params) => (params.data ? typeText(params.data.field) : ''),
    cellRenderer: TypeCell,
    width: 140,
    tooltipValueGetter: (params) => String(params.value ?? ''),
  },
  {
    colId: 'required',
    headerName: 'Required',
    valueGetter: (params) => params.data?.field.required ?? false,
    cellRenderer: FlagCell,
    width: 74,
    cellClass: 'cell-center cell-compact',
    headerClass: 'header-center header-compact',
    headerTooltip: 'The parent object must contain this property',
  },
  {
    colId: 'nullable',
    headerName: 'Nullable',
    valueGetter: (params) => params.data?.field.nullable ?? false,
    cellRenderer: FlagCell,
    width: 74,
    cellClass: 'cell-center cell-compact',
    headerClass: 'header-center header-compact',
    headerTooltip: 'null is an allowed value',
  },
  {
    colId: 'access',
    headerName: 'Access',
    valueGetter: (params) => (params.data?.field.readOnly ? 'read-only' : params.data?.field.writeOnly ? 'write-only' : ''),
    cellRenderer: AccessCell,
    width: 86,
    cellClass: 'cell-compact',
    headerClass: 'header-compact',
    headerTooltip: 'read-only: only in responses; write-only: only in requests',
  },
  {
    colId: 'values',
    headerName: 'Values',
    valueGetter: (params) => {
      const allowed = params.data && allowedValues(params.data.field);
      return allowed ? enumText(allowed.values) : '';
    },
    width: 104,
    cellClass: 'cell-mono',
    tooltipValueGetter: (params) => {
      const allowed = params.data && allowedValues(params.data.field);
      if (!allowed) return undefined;
      return `${allowed.ofItems ? 'Each element is one of' : 'One of'} ${allowed.values.length}: ${enumText(allowed.values)}`;
    },
  },
  {
    colId: 'limits',
    headerName: 'Limits',
    valueGetter: (params) => (params.data ? limitParts(params.data.field).join('; ') : ''),
    width: 96,
    cellClass: 'cell-muted',
    tooltipValueGetter: (params) => (params.value ? String(params.value) : undefined),
  },
  {
    colId: 'description',
    headerName: 'Description',
    valueGetter: (params) => params.data,
    cellRenderer: DescriptionCell,
    flex: 1,
    minWidth: 150,
    cellClass: 'cell-muted',
    tooltipValueGetter: (params) => {
      const field = params.data?.field;
      if (!field) return undefined;
      const extra = [
        field.default !== undefined && `Default: ${JSON.stringify(field.default)}`,
        field.example !== undefined && `Example: ${JSON.stringify(field.example)}`,
      ].filter(Boolean);
      return [field.description, ...extra].filter(Boolean).join('\n') || undefined;
    },
  },
];

interface FieldTreeProps {
  label: string;
  rows: TreeRow[];
  context: FieldTreeContext;
  gridRef?: Ref<AgGridReact<TreeRow>>;
}

export function FieldTree({ label, rows, context, gridRef }: FieldTreeProps) {
  const defaultColDef = useMemo<ColDef<TreeRow>>(() => ({ sortable: false }), []);
  const toggleOnDoubleClick = (event: RowDoubleClickedEvent<TreeRow>) => {
    const data = event.data;
    const target = event.event?.target as HTMLElement | null;
    if (data?.hasChildren && !shownBySearch(data) && !target?.closest('button')) context.toggle(data.field.path);
  };
  return (
    <DataGrid<TreeRow>
      className="fill"
      flush
      label={label}
      gridRef={gridRef}
      rowData={rows}
      columnDefs={columns}
      defaultColDef={defaultColDef}
      getRowId={getRowId}
      rowClassRules={rowClassRules}
      context={context}
      tooltipShowDelay={600}
      containerStyle={fillStyle}
      rowSelection={pickOne}
      onRowDoubleClicked={toggleOnDoubleClick}
    />
  );
}
