// Moving the keyboard into a grid from outside it (a search field's ↓).
import type { GridApi } from 'ag-grid-community';

/** Focuses the first cell of the first displayed row, scrolled into view. */
export function focusFirstRow(api: GridApi | undefined): void {
  if (!api || api.isDestroyed() || api.getDisplayedRowCount() === 0) return;
  const column = api.getAllDisplayedColumns()[0];
  if (!column) return;
  api.ensureIndexVisible(0);
  api.setFocusedCell(0, column);
}
