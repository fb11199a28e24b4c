// How areas show tables: ag-grid with the app's theme (light or dark with the OS) and quiet defaults. A grid that
// scrolls thousands of rows with plain DOM cells uses PlainDataGrid (ag-grid without ag-grid-react) instead.
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useMemo, type Ref } from 'react';
import { useColorScheme } from '../state/use-color-scheme';
import { gridTheme } from './theme';

export const QUIET_COLUMN_DEFAULTS: ColDef = {
  resizable: true,
  sortable: true,
  suppressHeaderMenuButton: true,
  suppressMovable: true,
  minWidth: 60,
};

type DataGridProps<T> = AgGridReactProps<T> & {
  /** What the table shows, for assistive technology. */
  label: string;
  gridRef?: Ref<AgGridReact<T>>;
  className?: string;
  /** Inside a panel: no border or rounded corners of its own. */
  flush?: boolean;
};

export function DataGrid<T>({ label, gridRef, className, flush = false, defaultColDef: own, ...gridProps }: DataGridProps<T>) {
  const scheme = useColorScheme();
  // A grid's own defaults (e.g. no sorting in a tree) go on top of the quiet ones.
  const columnDefaults = useMemo<ColDef<T>>(() => (own ? { ...(QUIET_COLUMN_DEFAULTS as ColDef<T>), ...own } : (QUIET_COLUMN_DEFAULTS as ColDef<T>)), [own]);
  return (
    <div className={className ? `data-grid ${className}` : 'data-grid'} role="region" aria-label={label}>
      <AgGridReact<T>
        ref={gridRef}
        theme={gridTheme(scheme, flush)}
        defaultColDef={columnDefaults}
        animateRows={false}
        suppressDragLeaveHidesColumns
        stopEditingWhenCellsLoseFocus
        enableCellTextSelection
        ensureDomOrder
        {...gridProps}
      />
    </div>
  );
}
