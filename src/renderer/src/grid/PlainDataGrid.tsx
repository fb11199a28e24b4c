// DataGrid without ag-grid-react: ag-grid's own (vanilla) rendering in a React-owned element. ag-grid-react
// renders every row and cell as React components and flushes React synchronously for each batch of rows
// scrolled in; on the 4,900-row mapping sheet that was two thirds of the script time of a scrolled frame.
// For a grid whose cells are plain DOM renderers. React components it still needs (an editor, a full-width
// row) go through reactComponent() below.
import { createGrid, type ColDef, type GridApi, type GridOptions } from 'ag-grid-community';
import { useEffect, useLayoutEffect, useMemo, useRef, type ComponentType, type Ref, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { useColorScheme } from '../state/use-color-scheme';
import { gridTheme, registerGridModules } from './theme';
import { QUIET_COLUMN_DEFAULTS } from './DataGrid';

/** What the grid's users hold on to: its API, once the grid is made. */
export interface GridHandle<T> {
  api: GridApi<T> | undefined;
}

type PlainDataGridProps<T> = GridOptions<T> & {
  /** What the table shows, for assistive technology. */
  label: string;
  gridRef?: RefObject<GridHandle<T> | null>;
  className?: string;
};

function assignRef<T>(ref: Ref<GridHandle<T>> | undefined, value: GridHandle<T> | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: GridHandle<T> | null }).current = value;
}

export function PlainDataGrid<T>({ label, gridRef, className, defaultColDef: own, ...options }: PlainDataGridProps<T>) {
  const scheme = useColorScheme();
  const host = useRef<HTMLDivElement>(null);
  const api = useRef<GridApi<T> | undefined>(undefined);
  const given = useRef<GridOptions<T>>({});
  const defaultColDef = useMemo<ColDef<T>>(() => (own ? { ...(QUIET_COLUMN_DEFAULTS as ColDef<T>), ...own } : (QUIET_COLUMN_DEFAULTS as ColDef<T>)), [own]);
  const gridOptions: GridOptions<T> = {
    theme: gridTheme(scheme, false),
    defaultColDef,
    animateRows: false,
    suppressDragLeaveHidesColumns: true,
    stopEditingWhenCellsLoseFocus: true,
    ...options,
  };

  // Made once, in a layout effect so that the ref holds the API before the screen's own effects run.
  useLayoutEffect(() => {
    registerGridModules();
    const handle: GridHandle<T> = { api: undefined };
    handle.api = createGrid(host.current!, gridOptions);
    api.current = handle.api;
    given.current = gridOptions;
    assignRef(gridRef, handle);
    return () => {
      assignRef(gridRef, null);
      handle.api?.destroy();
      api.current = undefined;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the grid is made once; later options go through updateGridOptions below
  }, []);

  // Options that changed since the last render (by identity, as ag-grid-react compares them).
  useEffect(() => {
    const grid = api.current;
    if (!grid || grid.isDestroyed()) return;
    const changed: Partial<GridOptions<T>> = {};
    for (const key of Object.keys(gridOptions) as (keyof GridOptions<T>)[]) {
      if (gridOptions[key] !== given.current[key]) (changed as Record<string, unknown>)[key] = gridOptions[key];
    }
    given.current = gridOptions;
    if (Object.keys(changed).length > 0) grid.updateGridOptions(changed);
  });

  return <div ref={host} className={className ? `data-grid ${className}` : 'data-grid'} role="region" aria-label={label} />;
}

/**
 * A React component as a vanilla ag-grid cell editor or renderer: its own React root in the element ag-grid
 * places. An editor is drawn once its element is in the page (it focuses its field on mount).
 */
export function reactComponent<P extends object>(Component: ComponentType<P>): new () => object {
  return class ReactComponent {
    private readonly gui = document.createElement('div');
    private root: Root | undefined;
    private params!: P;

    private get isEditor() {
      return 'stopEditing' in this.params;
    }

    init(params: P): void {
      this.params = params;
      this.gui.className = 'react-cell';
      if (!this.isEditor) this.draw();
    }

    getGui(): HTMLElement {
      return this.gui;
    }

    afterGuiAttached(): void {
      if (this.isEditor) this.draw();
    }

    /** An editor that writes through the sheet itself: the cell's value stays as it was. */
    getValue(): unknown {
      return (this.params as { value?: unknown }).value;
    }

    refresh(params: P): boolean {
      this.params = params;
      this.draw();
      return true;
    }

    destroy(): void {
      const root = this.root;
      this.root = undefined;
      // Never while React renders (a grid event can come from inside it): unmount once that is done.
      if (root) queueMicrotask(() => root.unmount());
    }

    private draw() {
      const root = (this.root ??= createRoot(this.gui));
      const element = <Component {...this.params} />;
      // An editor is there at once, for the keys that follow; a renderer can come in React's own time.
      if (this.isEditor) flushSync(() => root.render(element));
      else root.render(element);
    }
  };
}
