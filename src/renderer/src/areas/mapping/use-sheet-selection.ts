// The sheet's selected row: chosen by a click or the keyboard in the grid, or from outside it (a check,
// an undo, the arrows and N anywhere on the screen), scrolled into view with its target cell focused.
import { useRef, useState, type RefObject } from 'react';
import type { GridHandle } from '../../grid/PlainDataGrid';
import type { MappingRow } from '../../../../shared/contract';

export function useSheetSelection(gridRef: RefObject<GridHandle<MappingRow> | null>) {
  const [selectedId, setSelectedId] = useState<number | null>(null);
  /** Where the selected row was last seen, for when a filter has just hidden it. */
  const lastIndex = useRef<number | null>(null);

  /** Selects a row by id: scrolls it into view and focuses its target cell. */
  const select = (rowId: number, focus = true) => {
    const api = gridRef.current?.api;
    const node = api?.getRowNode(String(rowId));
    setSelectedId(rowId);
    if (!api || !node || node.rowIndex === null) return;
    lastIndex.current = node.rowIndex;
    node.setSelected(true, true);
    api.ensureIndexVisible(node.rowIndex, 'middle');
    if (focus) api.setFocusedCell(node.rowIndex, 'target');
  };

  /** The grid focused a row (a click, its own keyboard navigation). */
  const focused = (row: MappingRow, index: number) => {
    lastIndex.current = index;
    setSelectedId(row.id);
  };

  /** Where the selected row is, or was (a filter may just have hidden it): the row after it now sits one place up. */
  const startIndex = () => {
    const index = selectedId !== null ? gridRef.current?.api?.getRowNode(String(selectedId))?.rowIndex : null;
    return index ?? (lastIndex.current !== null ? lastIndex.current - 1 : -1);
  };

  const moveBy = (step: number) => {
    const api = gridRef.current?.api;
    const count = api?.getDisplayedRowCount();
    if (!api || !count) return;
    const node = api.getDisplayedRowAtIndex(Math.max(0, Math.min(count - 1, startIndex() + step)));
    if (node?.data) select(node.data.id);
  };

  /** Selects the next shown row (wrapping around) that `wanted` accepts; false when there is none. */
  const selectNext = (wanted: (row: MappingRow) => boolean): boolean => {
    const api = gridRef.current?.api;
    if (!api) return true;
    const count = api.getDisplayedRowCount();
    const start = startIndex();
    for (let step = 1; step <= count; step++) {
      const node = api.getDisplayedRowAtIndex((((start + step) % count) + count) % count);
      if (node?.data && wanted(node.data)) {
        select(node.data.id);
        return true;
      }
    }
    return false;
  };

  return { selectedId, select, focused, moveBy, selectNext };
}
