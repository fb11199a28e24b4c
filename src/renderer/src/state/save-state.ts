// Tracks writes for the status bar: how many are in flight, and whether the last one failed.
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string };

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong; try again.';
}

export function useSaveState(): { saveState: SaveState; trackSave<T>(write: Promise<T>): Promise<T>; resetSaveState(): void } {
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const pending = useRef(0);
  const lastError = useRef<string | null>(null);

  const trackSave = useCallback(<T,>(write: Promise<T>): Promise<T> => {
    pending.current += 1;
    setSaveState({ kind: 'saving' });
    return write.then(
      (value) => {
        pending.current -= 1;
        lastError.current = null;
        if (pending.current === 0) setSaveState({ kind: 'saved' });
        return value;
      },
      (error: unknown) => {
        pending.current -= 1;
        lastError.current = errorMessage(error);
        setSaveState({ kind: 'error', message: lastError.current });
        throw error;
      },
    );
  }, []);

  const resetSaveState = useCallback(() => {
    lastError.current = null;
    if (pending.current === 0) setSaveState({ kind: 'saved' });
  }, []);

  return { saveState, trackSave, resetSaveState };
}
