// A record card's selects and checkboxes: the change shows at once and is saved; if the save fails the
// record is put back and `error` says why.
import { useState } from 'react';
import { errorMessage } from '../../state/save-state';

export function useSaveNow<T>(record: T, onUpdated: (value: T) => void, save: (changes: Partial<T>) => Promise<unknown>) {
  const [error, setError] = useState<string | null>(null);
  const saveNow = async (changes: Partial<T>) => {
    setError(null);
    onUpdated({ ...record, ...changes });
    try {
      await save(changes);
    } catch (failure) {
      onUpdated(record);
      setError(errorMessage(failure));
    }
  };
  return { saveNow, error, clearError: () => setError(null) };
}
