// The flow screen's undo history (see undo.ts). Undo and redo take an entry at once, in the key press
// that asks for it, so the stacks live in a ref; the header shows what is next through state.
import { useCallback, useRef, useState } from 'react';
import { emptyHistory, recorded, restored, taken, type Direction, type History, type HistoryEntry } from './undo';

export function useHistory() {
  const history = useRef(emptyHistory);
  const [shown, setShown] = useState(emptyHistory);
  const commit = useCallback((next: History) => {
    history.current = next;
    setShown(next);
  }, []);

  const record = useCallback((entry: HistoryEntry) => commit(recorded(history.current, entry)), [commit]);

  const take = useCallback(
    (direction: Direction): HistoryEntry | undefined => {
      const [entry, next] = taken(history.current, direction);
      commit(next);
      return entry;
    },
    [commit],
  );

  /** Puts an entry back where it came from when writing it failed. */
  const restore = useCallback((entry: HistoryEntry, from: Direction) => commit(restored(history.current, entry, from)), [commit]);

  return { record, take, restore, nextUndo: shown.undo.at(-1), nextRedo: shown.redo.at(-1) };
}

export type UndoHistory = ReturnType<typeof useHistory>;
