// The flow screen's keyboard. Ctrl/Cmd+Z and Ctrl/Cmd+Y (or Shift+Z) undo and redo anywhere on the screen
// except while typing or in a dialog. The single letters act only while the sheet has focus, and only when
// the analyst keeps them on (WCAG 2.1.4: a speech-input user's words must not fire them): A accepts,
// R rejects, N goes to the next row needing attention, V marks a flagged row reviewed. Enter edits the
// transformation, or opens the value map on that column; ↑↓ with nothing focused move the selection.
import { useEffect, useEffectEvent, type RefObject } from 'react';
import type { GridHandle } from '../../grid/PlainDataGrid';
import type { MappingRow } from '../../../../shared/contract';

interface SheetShortcuts {
  gridRef: RefObject<GridHandle<MappingRow> | null>;
  selected: MappingRow | undefined;
  undo(): void;
  redo(): void;
  moveBy(step: number): void;
  decide(rowId: number, decision: 'accept' | 'reject'): void;
  nextNeedingAttention(): void;
  markReviewed(rowId: number): void;
  openValueMap(row: MappingRow): void;
  /** The analyst's setting: single-letter shortcuts on. */
  letters: boolean;
}

const isTyping = (element: Element | null) =>
  !!element && (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || (element as HTMLElement).isContentEditable);

const inCellEditor = (element: Element | null) => !!element?.closest('.ag-cell-inline-editing, .ag-popup-editor');

export function useSheetShortcuts(shortcuts: SheetShortcuts) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (document.querySelector('dialog[open]')) return;
    const { gridRef, selected: row } = shortcuts;
    const active = document.activeElement;
    const key = event.key.toLowerCase();
    const mod = event.ctrlKey || event.metaKey;
    if (mod && (key === 'z' || key === 'y') && !event.altKey) {
      if (isTyping(active) || inCellEditor(active)) return;
      event.preventDefault();
      if (key === 'y' || event.shiftKey) shortcuts.redo();
      else shortcuts.undo();
      return;
    }
    if (mod || event.altKey || isTyping(active) || inCellEditor(active)) return;
    const inGrid = !!active?.closest('.sheet-grid');
    const nothingFocused = !active || active === document.body;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && nothingFocused) {
      event.preventDefault();
      shortcuts.moveBy(event.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (!inGrid) return;
    if (event.key === 'Enter' && row) {
      const api = gridRef.current?.api;
      const focused = api?.getFocusedCell();
      if (focused?.column.getColId() === 'valueMap') {
        event.preventDefault();
        shortcuts.openValueMap(row);
        return;
      }
      if (!api || (focused && focused.column.getColDef().editable)) return;
      event.preventDefault();
      const node = api.getRowNode(String(row.id));
      if (node?.rowIndex !== null && node?.rowIndex !== undefined) api.startEditingCell({ rowIndex: node.rowIndex, colKey: 'transformation' });
      return;
    }
    if (!shortcuts.letters) return;
    if (key === 'a' && row) {
      event.preventDefault();
      shortcuts.decide(row.id, 'accept');
    } else if (key === 'r' && row) {
      event.preventDefault();
      shortcuts.decide(row.id, 'reject');
    } else if (key === 'n') {
      event.preventDefault();
      shortcuts.nextNeedingAttention();
    } else if (key === 'v' && row?.review) {
      event.preventDefault();
      shortcuts.markReviewed(row.id);
    }
  });

  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
