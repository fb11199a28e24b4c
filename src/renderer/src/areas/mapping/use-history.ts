// Undo and redo of row changes, client-side: each entry keeps the row before and after, and undoing
// writes the earlier values back through mapping.updateRow (a decision is undone by restoring the row;
// main then forgets the learned decision for that pair).
import { useCallback, useRef, useState } from 'react';
import type { MappingRow } from '../../../../shared/contract';

export interface HistoryEntry {
  label: string;
  /** One row for an edit or a decision; several for "accept all above". */
  changes: Array<{ before: MappingRow; after: MappingRow }>;
  /** A reject is redone as a reject (main learns the pair again); undoing any entry writes the rows back. */
  decision?: 'accept' | 'reject';
}

const LIMIT = 200;

export function useHistory() {
  const undoStack = useRef<HistoryEntry[]>([]);
  const redoStack = useRef<HistoryEntry[]>([]);
  const [, setVersion] = useState(0);
  const bump = () => setVersion((value) => value + 1);

  const record = useCallback((entry: HistoryEntry) => {
    undoStack.current = [...undoStack.current.slice(-(LIMIT - 1)), entry];
    redoStack.current = [];
    bump();
  }, []);

  const takeUndo = useCallback((): HistoryEntry | undefined => {
    const entry = undoStack.current.at(-1);
    if (!entry) return undefined;
    undoStack.current = undoStack.current.slice(0, -1);
    redoStack.current = [...redoStack.current, entry];
    bump();
    return entry;
  }, []);

  const takeRedo = useCallback((): HistoryEntry | undefined => {
    const entry = redoStack.current.at(-1);
    if (!entry) return undefined;
    redoStack.current = redoStack.current.slice(0, -1);
    undoStack.current = [...undoStack.current, entry];
    bump();
    return entry;
  }, []);

  /** Puts an entry back where it came from when writing it failed. */
  const restore = useCallback((entry: HistoryEntry, from: 'undo' | 'redo') => {
    if (from === 'undo') {
      redoStack.current = redoStack.current.filter((item) => item !== entry);
      undoStack.current = [...undoStack.current, entry];
    } else {
      undoStack.current = undoStack.current.filter((item) => item !== entry);
      redoStack.current = [...redoStack.current, entry];
    }
    bump();
  }, []);

  return {
    record,
    takeUndo,
    takeRedo,
    restore,
    nextUndo: undoStack.current.at(-1),
    nextRedo: redoStack.current.at(-1),
  };
}
