// A preference of this person on this machine (not of the workspace): kept in the renderer's local storage,
// shared by every component that reads the same key and by later sessions.
import { useCallback, useSyncExternalStore } from 'react';

const PREFIX = 'crosswalk.';
const listeners = new Set<() => void>();
/** What was set on this page, in case storage refuses it (private mode, quota). */
const set = new Map<string, unknown>();

function read<T>(key: string, fallback: T): T {
  if (set.has(key)) return set.get(key) as T;
  try {
    const stored = window.localStorage.getItem(PREFIX + key);
    return stored === null ? fallback : (JSON.parse(stored) as T);
  } catch {
    return fallback;
  }
}

export function useStoredPreference<T extends boolean | string | number>(key: string, fallback: T): [T, (value: T) => void] {
  const subscribe = useCallback((listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  const value = useSyncExternalStore(subscribe, () => read(key, fallback));
  const update = useCallback(
    (next: T) => {
      set.set(key, next);
      try {
        window.localStorage.setItem(PREFIX + key, JSON.stringify(next));
      } catch {
        // Storage refused: the choice holds for this page only.
      }
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [value, update];
}
